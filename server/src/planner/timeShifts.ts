// "the date 2 weeks ago" planned as `date -d '1 days ago' +%F`: a shift in
// time the plan computes other than the one the request states. Amounts are
// compared in seconds, with a month as 30 days and a year as 365.

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { numberPhrase, spelledAmount } from './numberWords';
import { programOf } from './selectionChecks';

const seconds: Record<string, number> = { second: 1, sec: 1, minute: 60, min: 60, hour: 3600, day: 86400, week: 604800, fortnight: 1209600, month: 2592000, year: 31536000 };
const unit = String.raw`(second|sec|minute|min|hour|day|week|fortnight|month|year)s?`;
const amount = String.raw`(\d+|${numberPhrase})`;

// "2 weeks ago", "thirty days from now", "a year back", "in 3 days", "5 hours later".
const saidShift = new RegExp(String.raw`\b${amount}\s+${unit}\s+(ago|back|before|earlier|from\s+now|later|hence|ahead|in\s+the\s+future)\b|\bin\s+${amount}\s+${unit}\b`, 'gi');
// How date reads one: "1 days ago", "+3 days", "-2 weeks", "3 days", "next week" is left out.
const planShift = new RegExp(String.raw`^\s*([+-]?)\s*(\d+)\s+${unit}(?:\s+(ago))?\s*$`, 'i');

const amountOf = (raw: string) => (/^\d+$/.test(raw) ? Number(raw) : spelledAmount(raw.toLowerCase()));

/** The shifts a request states, in seconds (negative for the past). */
function statedShifts(words: string): number[] {
  return [...words.matchAll(saidShift)].map((m) => {
    if (m[1] !== undefined) {
      const past = /^(?:ago|back|before|earlier)$/i.test(m[3]);
      return (past ? -1 : 1) * amountOf(m[1]) * seconds[m[2].toLowerCase()];
    }
    return amountOf(m[4]) * seconds[m[5].toLowerCase()];
  }).filter((s) => Number.isFinite(s) && s !== 0);
}

/** The shifts a `date -d` / `--date` of the plan computes, in seconds. */
function plannedShifts(commands: CommandFact[]): number[] {
  return commands.filter((c) => programOf(c) === 'date').flatMap((c) => c.args.flatMap((a, i) => {
    const value = /^--date=/.test(a) ? a.slice('--date='.length) : /^(?:-d|--date)$/.test(c.args[i - 1] ?? '') ? a : undefined;
    const m = value === undefined ? null : planShift.exec(value);
    if (!m) return [];
    const sign = m[4] !== undefined || m[1] === '-' ? -1 : 1;
    return [sign * Number(m[2]) * seconds[m[3].toLowerCase()]];
  }));
}

/** "the date 2 weeks ago" as `date -d '1 days ago'`: the plan shifts the date by another amount, or the other way, than the request says. */
export function shiftChanged(intent: Intent, commands: CommandFact[]): string[] {
  const planned = plannedShifts(commands);
  if (planned.length === 0) return [];
  const stated = statedShifts(intent.words);
  if (stated.length === 0 || planned.some((p) => stated.includes(p))) return [];
  const days = (s: number) => `${Math.abs(s) % 86400 === 0 ? `${Math.abs(s) / 86400} days` : `${Math.abs(s) / 3600} hours`} ${s < 0 ? 'ago' : 'ahead'}`;
  return [`it computes the date ${days(planned[0])}, but the request says ${days(stated[0])}`];
}
