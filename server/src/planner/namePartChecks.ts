// A delete that leaves out a part of the name the request states ("the
// logs starting with app-", "whose names end in _old") or a glob it writes
// out ("all *~ files") would delete more than asked; a plan that leaves out
// the text lines are picked by ("the lines with the word null") answers for
// every line.

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { spelledOut } from './findTests';

// "the logs starting with app-", "whose names end in _old", "with tmp in their names": a part of the name the request states.
const namePart = /\b(?:begin|begins|beginning|start|starts|starting|prefixed|end|ends|ending|suffixed)\s+(?:with|in)\s+(?:the\s+(?:word|string|letters?|text|prefix|suffix)\s+)?['"`]?([\w.-]*[\w-]|\[[^\]]+\]|\.)['"`]?|\b(?:with|having|containing)\s+['"`]?([\w.-]*[\w-])['"`]?\s+in\s+(?:their|its|the)\s+(?:file\s*)?names?\b/g;

/**
 * "delete the log files starting with app-" planned as a delete of every log
 * file: the part of the name the request states is missing from the command,
 * so it would delete more than asked.
 */
export function droppedNamePart(intent: Intent, commands: CommandFact[]): string[] {
  const args = commands.flatMap((c) => [c.program, ...c.args]).join(' ').toLowerCase();
  for (const m of spelledOut(intent.words).matchAll(namePart)) {
    const part = (m[1] ?? m[2]).toLowerCase();
    if (/^(?:an?|the|my|its|their|it|them|that|this)$/.test(part)) continue;
    // "replace spaces with underscores in the file names": what goes in, not a part the names have.
    if (/^with\b/.test(m[0]) && /\b(?:replac\w*|substitut\w*|swap\w*)\s+(?:\S+\s+){1,4}$/.test(intent.words.slice(0, m.index))) continue;
    // "starting with a dot" is kept by `.*`; ".bak" by `*.bak` or `bak`.
    if (!args.includes(part === '.' ? '.*' : part.replace(/^\./, ''))) return [`it leaves out the part of the name the request states (${part}), so it would delete more than asked`];
  }
  // ... and a glob written out ("all *~ files", "the tmp_* ones"): kinds (*.log) are judged by droppedKind, and "files?" ends a question.
  const glob = [...intent.words.matchAll(/(?<!\S)["'\x60]?([\w.~-]*[*?][\w.*?~-]*)["'\x60]?(?!\S)/g)].map((m) => m[1]).find((g) => /[A-Za-z~]/.test(g) && !/^\*\.[\w.+-]+$/.test(g) && !/^[\w.-]+\?+$/.test(g) && !args.includes(g) && !args.includes(g.replace(/^\*|\*$/g, '')));
  return glob ? [`it leaves out the names the request gives (${glob}), so it would delete more than asked`] : [];
}

// "count the lines with the word 'null' in myfile.txt", "the rows containing ERROR": lines picked by a text.
const linesWith = /\b(?:lines?|rows?|entries|records)\s+(?:(?:that\s+|which\s+)?(?:with|containing|contain|contains|matching|match|mentioning|mention|having|have|has)|(?:of|in)\s+\S+\s+(?:that\s+|which\s+)?(?:contain|contains|containing|mention|mentions|mentioning|match|matches|matching))\s+(?:the\s+|any\s+)?(?:all-?cased\s+)?(?:(?:word|string|text|pattern|term)\s+)?["'`]?([\w.@:/-]*\w)["'`]?/;

/** "count the lines with the word null in myfile.txt" planned as `wc myfile.txt`: every line counted or shown, the text that picks them left out. */
export function lineTextLeftOut(intent: Intent, command: string): string[] {
  const m = linesWith.exec(intent.words);
  // Words that describe the lines rather than spell their text: "with more than 80 characters", "having trailing spaces".
  if (!m || /^(?:a|an|the|no|not|any|some|their|its|his|her|them|it|this|that|these|those|each|every|all|spaces?|tabs?|numbers?|digits?|blanks?|whitespaces?|white|nothing|only|exactly|more|less|fewer|at|over|under|length|trailing|leading|duplicates?|duplicated|repeated|empty|blank|non\w*|special|uppercase|lowercase|capital\w*|letters?|characters?|words?|lines?|line-?numbers?|numbered|counts?|most|least|highest|lowest|top|bottom|first|last|comments?|commas?|semicolons?|colons?|dots?|quotes?|brackets?|\d+)$/.test(m[1]) || command === '') return [];
  const stem = m[1].length > 4 ? m[1].replace(/(?:es|s)$/, '') : m[1];
  return command.toLowerCase().includes(stem.toLowerCase()) ? [] : [`it leaves out the text the request picks the lines by (${m[1]})`];
}
