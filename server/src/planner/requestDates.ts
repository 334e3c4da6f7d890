// Dates in a request, written the way GNU date -d and git --since both read
// them: "2024-02-01", "March 3 2024" → 2024-03-03, "30 days ago",
// "two weeks from today" → "+14 days", "yesterday".

import type { Fact } from './requestFacts';
import { amountOf, numWord } from './requestWords';

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const monthWord = `(${months.map((m) => `${m.slice(0, 3)}(?:${m.slice(3)})?`).join('|')})\\.?`;
const unitWord = '(day|days|week|weeks|month|months|year|years|hour|hours|minute|minutes)';

function amount(word: string): number {
  return amountOf(word);
}

function iso(year: string, monthName: string, day: string): string | undefined {
  const m = months.findIndex((x) => x.startsWith(monthName.slice(0, 3)));
  const d = Number(day);
  if (m < 0 || !(d >= 1 && d <= 31)) return undefined;
  return `${year}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Every date the request names, in order of appearance. */
export function readDates(lower: string): Fact[] {
  const out: Fact[] = [];
  const add = (value: string, at: number, raw: string) => {
    if (!out.some((f) => at < f.at + f.raw.length && f.at < at + raw.length)) out.push({ value, at, raw });
  };
  for (const m of lower.matchAll(/\b(\d{4}-\d{2}-\d{2})(?:[ t](\d{1,2}:\d{2}(?::\d{2})?))?(\s*utc)?\b/g)) add(m[0].replace(/(\d)t(\d)/, '$1 $2').replace(/\s*utc$/, ' UTC').trim(), m.index, m[0]);
  for (const m of lower.matchAll(new RegExp(`\\b${monthWord}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'g'))) {
    const value = iso(m[3], m[1], m[2]);
    if (value) add(value, m.index, m[0]);
  }
  for (const m of lower.matchAll(new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${monthWord},?\\s+(\\d{4})\\b`, 'g'))) {
    const value = iso(m[3], m[2], m[1]);
    if (value) add(value, m.index, m[0]);
  }
  for (const m of lower.matchAll(new RegExp(`\\b${numWord}\\s+${unitWord}\\s+(ago|before now|earlier|back)\\b`, 'g'))) {
    const n = amount(m[1]);
    if (Number.isFinite(n)) add(`${n} ${plural(m[2], n)} ago`, m.index, m[0]);
  }
  for (const m of lower.matchAll(new RegExp(`\\b(?:in\\s+)?${numWord}\\s+${unitWord}\\s+(?:from (?:now|today)|later|ahead|hence)\\b|\\bin\\s+${numWord}\\s+${unitWord}(?:'s)?\\s+time\\b`, 'g'))) {
    const n = amount(m[1] ?? m[3]);
    const unit = m[2] ?? m[4];
    if (Number.isFinite(n)) add(`+${n} ${plural(unit, n)}`, m.index, m[0]);
  }
  for (const m of lower.matchAll(/\b(yesterday|today|tomorrow)\b/g)) add(m[1], m.index, m[0]);
  return out.sort((a, b) => a.at - b.at);
}

function plural(unit: string, n: number): string {
  const one = unit.replace(/s$/, '');
  return n === 1 ? one : `${one}s`;
}
