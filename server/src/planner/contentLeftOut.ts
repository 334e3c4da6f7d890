// What a request reads, dropped: "delete all the normal files in the current
// directory which have the word "gui" in their content" planned as `find .
// -type f -delete` (only a plan that reads the files' text picks them by it),
// and "numerically sort each line of standard input" planned as `ls -1`
// (a listing reads no input).

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { programOf } from './selectionChecks';

// Said plainly of what the files hold, never of their names.
const byContent = /\b(?:hav(?:e|ing)|contain(?:s|ing)?|with|hold(?:s|ing)?|includ(?:e|es|ing)|mention(?:s|ing)?)\s+(?:the\s+)?(?:(?:word|string|text|phrase|line|pattern)\s+)?["'`]?([^"'`\s]+)["'`]?\s+in\s+(?:their|its|the(?:ir)?\s+file'?s?)\s+(?:contents?|text|body|bodies|data|lines)\b|\bwhose\s+(?:contents?|text)\s+(?:contains?|has|have|includes?|mentions?)\s+(?:the\s+)?(?:(?:word|string|text|phrase)\s+)?["'`]?([^"'`\s]+)|\b(?:files|documents)\s+(?:\w+\s+){0,3}?containing\s+the\s+(?:word|string|text|phrase)\s+["'`]?([^"'`\s]+)["'`]?(?![^\s.,;!?])(?!\s+in\s+(?:their|its|the)\s+(?:file\s*)?(?:names?|paths?))/;
const readers = /^(?:grep|egrep|fgrep|zgrep|rg|ag|ack|awk|gawk|sed|perl|python3?|ruby|cmp|diff|md5sum|sha\d*sum|file|strings|cat|head|tail|tac|zcat|less|more|nl)$/;
// Searches that read the working folder's files when given no path.
const searchers = /^(?:rg|ag|ack)$/;

/** A plan that picks files by no text they hold, for a request that picks them by it. */
export function contentLeftOut(intent: Intent, commands: CommandFact[]): string[] {
  const said = byContent.exec(intent.words);
  if (!said || commands.length === 0) return [];
  // ... reading files, not a list of names on a pipe (`find . | grep gui` tests the names).
  const execs = (c: CommandFact) => c.args.some((a, i) => /^-(?:exec|execdir|ok)$/.test(a) && readers.test(c.args[i + 1] ?? '')) || (programOf(c) === 'xargs' && c.args.some((a) => readers.test(a)));
  const readsFiles = (c: CommandFact) => (readers.test(programOf(c)) && (c.reads.some((p) => p.path !== '-') || c.writes.length > 0 || c.flags.some((f) => /^(?:r|R|recursive)$/.test(f)))) || searchers.test(programOf(c)) || (programOf(c) === 'git' && c.subcommand === 'grep');
  if (commands.some((c) => readsFiles(c) || execs(c))) return [];
  return [`it picks files by nothing they hold, but the request asks for those that contain ${said[1] ?? said[2] ?? said[3]}`];
}

// Programs that read no standard input: listings and questions about the system.
const noInput = /^(?:ls|find|du|df|ps|stat|tree|pwd|date|whoami|id|uname|hostname|env|printenv|free|uptime|who|w|lsblk|mount|ip|ifconfig)$/;

/** `ls -1` for "sort each line of standard input": the plan starts with a program that reads none. */
export function stdinUnread(intent: Intent, commands: CommandFact[]): string[] {
  // The input worked on ("each line of standard input", "from stdin"), not a name ("stdin.txt", "the stdin folder") nor where a pipe goes ("into the standard input of sort").
  const worked = /\b(?:of|from|on|in|reads?|reading)\s+(?:the\s+)?(?:standard input|stdin)\b(?![.\w]|\s+(?:folder|director\w*|file)\b)/.test(intent.words) && !/\b(?:into|to)\s+(?:the\s+)?(?:standard input|stdin)\s+of\b/.test(intent.words);
  if (!worked || commands.length === 0) return [];
  const first = programOf(commands[0]);
  return noInput.test(first) ? [`it starts with ${first}, which reads no standard input, but the request works on it`] : [];
}
