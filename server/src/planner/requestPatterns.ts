// Text to look for that a request says without quoting it: log levels in
// words ("the warnings from the app log" → WARN), status codes in the plural
// ("the 404s" → 404), and what to leave out ("lines that are not alice").

import type { Fact } from './requestFacts';
import { ignoresCase, stopWords } from './requestWords';

const levels: [RegExp, string][] = [
  [/\bwarn(?:ing)?s?\b/, 'WARN'],
  [/\berrors?\b/, 'ERROR'],
  [/\bdebug (?:lines?|messages?|entries|output)\b/, 'DEBUG'],
  [/\binfo (?:lines?|messages?|entries)\b/, 'INFO'],
  [/\b(?:fatal|critical) (?:lines?|messages?|errors?|entries)\b/, 'FATAL'],
];

/** Patterns read from words; `lower` is the request in lower case. */
export function readWordPatterns(lower: string): Fact[] {
  const out: Fact[] = [];
  // Log levels only where a log is what is read.
  if (/\blogs?\b|\.log\b/.test(lower)) {
    for (const [re, value] of levels) {
      const m = re.exec(lower);
      if (m && !ignoresCase.test(lower)) out.push({ value, at: m.index, raw: m[0] });
    }
  }
  for (const m of lower.matchAll(/\b([1-5]\d\d)s\b/g)) out.push({ value: m[1], at: m.index, raw: m[0] });
  for (const m of lower.matchAll(/\b(?:(?:that|which) (?:are|is|do not|don't|does not|doesn't) (?:not )?(?:say |contain |mention |have |has |include |match )?|other than |except(?: for)? |apart from )([\w.@-]+)/g)) {
    const value = m[1];
    if (stopWords.has(value) || /^(empty|blank|hidden|executable|readable|writable|tracked|committed|staged|needed|used|a|an)$/.test(value)) continue;
    out.push({ value, at: m.index + m[0].lastIndexOf(value), raw: value });
  }
  // "whose status is active", "where the region is north": the value compared to.
  for (const m of lower.matchAll(/\b(?:whose|where|with|that have|having)\s+(?:the\s+|a\s+|an\s+)?[\w.-]+\s+(?:is|=|==|equals?|of)\s+["']?([\w.@-]+)/g)) {
    const value = m[1];
    if (stopWords.has(value) || /^(not|empty|blank|null|more|less|over|under|above|below|greater|bigger|smaller|larger|at)$/.test(value)) continue;
    out.push({ value, at: m.index + m[0].lastIndexOf(value), raw: value });
  }
  return out;
}
