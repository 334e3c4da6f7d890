// "sort notes.txt numerically and save it to notes.txt" planned as `sort -o
// notes.txt notes.txt`: the order the request asks for (by number, reversed,
// one line of each, by a column) must be an option of the sort that does it.

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { programOf } from './selectionChecks';

// Each order said in words, with the sort options that give it.
const orders: [RegExp, RegExp, string][] = [
  [/\b(?:numeric\w*|by (?:the )?(?:numbers?|value)|in numeric(?:al)? order)\b/, /^(?:n|g|h|V|numeric-sort|general-numeric-sort|human-numeric-sort|version-sort)$/, 'by number (-n)'],
  [/\b(?:revers(?:e|ed|ely|al)?|descending|decreasing|backwards?|z to a|largest first|biggest first|highest first)\b/, /^(?:r|reverse)$/, 'in reverse (-r)'],
  [/\b(?:unique\w*|uniq|distinct|without duplicates|no duplicates|remov\w* duplicates)\b/, /^(?:u|unique)$/, 'one of each line (-u)'],
];

/** A sort that leaves out an order the request asks for; only when the sort is the plan's last word on the order (no `uniq`, `tac`, `rev` after it, no `comm` or `join` it only prepares for). */
export function sortOrderDropped(intent: Intent, commands: CommandFact[]): string[] {
  const sorts = commands.filter((c) => programOf(c) === 'sort');
  if (sorts.length === 0 || commands.some((c) => /^(?:uniq|tac|rev|shuf|awk|perl|python3?|comm|join|diff|cmp)$/.test(programOf(c)))) return [];
  for (const [said, flag, what] of orders) {
    if (said.test(intent.words) && !sorts.some((c) => c.flags.some((f) => flag.test(f)))) return [`it does not sort ${what}, which the request asks for`];
  }
  return [];
}
