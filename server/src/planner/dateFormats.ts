// "print the current time as HH:MM:SS", "today's date as YYYY-MM-DD", "the
// date in the format %Y-%m-%dT%H:%M:%S", "year-month-day hour:minute:second":
// a date or time in a format the request spells out, printed by `date
// +FORMAT`. Retrieval found only fixed formats (`date +%Z`, `date -u`); the
// format is read from the request, never guessed.

import type { EmbeddedCandidate } from './embeddedPlanner';
import type { RequestFacts } from './requestFacts';
import { shellQuote } from './templateFill';

// A date or a time is what is asked about, now or shifted.
const aboutTime = /\b(?:date|time|timestamp|clock|today|now|year|month|day|hour|minute)\b/i;
const aboutOther = /\b(?:files?|folders?|director(?:y|ies)|modifi(?:ed|cation)|changed|created|commits?|git|logs?|entries|lines|processes|containers?|images?|uptime|boot)\b/i;
// strftime's own spelling, as given: "%Y-%m-%d", '+%T', "%H:%M".
const strftime = /(?:^|[\s'"`+])((?:[^\s'"`%]*%[a-zA-Z][^\s'"`%]*){1,12})(?=$|[\s'"`.,;!?])/;
// Letters that stand for a part: YYYY-MM-DD, HH:MM:SS, DD/MM/YYYY, yyyymmdd, YYYY-MM-DDTHH:MM:SS.
// The parts, longest first.
const part = 'YYYY|yyyy|YY|yy|MMM|mmm|Mon|MM|mm|DD|dd|HH|hh|SS|ss';
const letters = new RegExp(String.raw`(?<![\w%])((?:${part})(?:[-:/. T_]?(?:${part})){1,6})(?![\w%])`);
// Words that stand for a part: year-month-day, hour:minute:second.
const words = /\b((?:year|month|day|hour|minute|second)s?(?:\s*[-:/.]\s*(?:year|month|day|hour|minute|second)s?){1,5})\b/i;
// "2 days ago", "3 weeks from now": when, for `date -d`.
const shift = /\b(\d+)\s+(second|minute|hour|day|week|month|year)s?\s+(ago|from\s+now)\b/i;

const wordParts: Record<string, string> = { year: '%Y', month: '%m', day: '%d', hour: '%H', minute: '%M', second: '%S' };

/** The letters of a format as strftime: MM is the month in a date and the minutes in a time (after HH, before SS, or between colons). */
function fromLetters(format: string): string {
  const parts = format.match(new RegExp(`${part}|[-:/. T_]`, 'g')) ?? [];
  return parts.map((p, i) => {
    const before = parts[i - 1] ?? '';
    const after = parts[i + 1] ?? '';
    const inTime = before === ':' || after === ':' || /^(?:HH|hh)$/.test(parts[i - 2] ?? '') || /^(?:SS|ss)$/.test(parts[i + 2] ?? '');
    switch (p) {
      case 'YYYY': case 'yyyy': return '%Y';
      case 'YY': case 'yy': return '%y';
      case 'MM': case 'mm': return inTime ? '%M' : '%m';
      case 'DD': case 'dd': return '%d';
      case 'HH': case 'hh': return '%H';
      case 'SS': case 'ss': return '%S';
      case 'MMM': case 'mmm': case 'Mon': return '%b';
      default: return p;
    }
  }).join('');
}

/** The format the request spells out, as strftime; undefined when it gives none. */
export function spelledFormat(text: string): string | undefined {
  // A quoted format may hold spaces: "%a %d/%m/%Y".
  const quoted = /(["'`])\+?([^"'`\n]*%[a-zA-Z][^"'`\n]*)\1/.exec(text);
  if (quoted) return quoted[2];
  const given = strftime.exec(text);
  if (given) return given[1].replace(/^\+/, '');
  const shown = letters.exec(text);
  if (shown) return fromLetters(shown[1]);
  const named = words.exec(text);
  if (named) return named[1].replace(/\s+/g, '').replace(/(year|month|day|hour|minute|second)s?/gi, (w) => wordParts[w.toLowerCase().replace(/s$/, '')]);
  return undefined;
}

/** `date +FORMAT` for a date or time asked for in a spelled-out format, with `-u` for UTC and `-d` for a shift; none otherwise. */
export function dateFormatCandidates(f: RequestFacts): EmbeddedCandidate[] {
  // Only the clock's date: "the modification dates of the files in src as YYYY-MM-DD" is about files, and other plans print those.
  if (!aboutTime.test(f.text) || f.dirs.length > 0 || aboutOther.test(f.text)) return [];
  const format = spelledFormat(f.text);
  // A file named beside the format is what the request is about ("the date notes.txt was changed"); the format itself (DD.MM.YY) is no file.
  if (f.files.some((x) => !letters.test(x.value) && !x.value.includes('%'))) return [];
  if (format === undefined || !/%[a-zA-Z]/.test(format)) return [];
  const when = shift.exec(f.text);
  const day = /\b(yesterday|tomorrow)(?:'s)?\b/i.exec(f.text)?.[1].toLowerCase();
  const moved = when ? (/^ago$/i.test(when[3]) ? `${when[1]} ${when[2].toLowerCase()}s ago` : `+${when[1]} ${when[2].toLowerCase()}s`) : day;
  const options = [/\b(?:utc|gmt|zulu)\b/i.test(f.text) ? '-u' : '', moved ? `-d ${shellQuote(moved)}` : ''].filter(Boolean);
  const command = ['date', ...options, `+${shellQuote(format)}`].join(' ');
  return [{ command, confidence: 0.82, explanation: `Prints the ${when ? 'date and time then' : 'current date and time'} in the format ${format}.`, source: 'system.date_format', filled: ['format'], missing: [] }];
}
