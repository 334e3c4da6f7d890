// Which program answers a request about a text, a value or the system when
// two programs print something alike: the words of the request say which
// one. "Free space" is what df reports, not what du measures; "the current
// branch" is git's, whatever folder it is asked in; "numbers with a leading
// zero" are padded; "non-blank lines" are not the blank ones; the group of a
// file is changed without giving it to a new owner.

import type { KnowledgeEntry } from './corpus';
import type { RequestFacts } from './requestFacts';
import { isWellKnownProgram } from '../shell/programs';

// A template's program, and the words of a request that it cannot answer.
const wrongFor: [RegExp, RegExp][] = [
  // du measures what is used: what is free or left on a filesystem is df's.
  [/^du\b/, /\b(?:free|available|left|remaining)\b(?:\s+\w+){0,2}\s+(?:space|room|storage)|\b(?:space|room|storage)\s+(?:\w+\s+){0,2}(?:free|available|left|remaining)\b|\bfile ?systems?\b/],
  // pwd prints where you are; a request about the branch, the disk or the mounts of that place asks for more.
  [/^pwd$/, /\b(branch\w*|commits?|space|usage|disks?|file ?systems?|partitions?|mount\w*|free|available)\b/],
  // "the last modified time" is no last line.
  [/^tail\b/, /^(?!.*\blast\s+(?:\d+|few|two|three|four|five|ten)\b)(?!.*\b(?:end|bottom)\b).*\blast\s+(?:modifi\w*|chang\w*|access\w*|updat\w*|written|touched|edit\w*|modification)\b/],
  // A sort in reverse order is asked for.
  [/^sort -\w*r\b(?![^|]*\|)/, /^(?!.*\b(revers\w*|descend\w*|backwards?|decreas\w*|biggest|largest|highest|most|z to a|newest|latest|last first|bottom up)\b)/],
  // The shell a user logs in with says nothing of the kernel.
  [/\$SHELL\b/, /\bkernel\b/],
  // "the user and group of x": chgrp changes half of it.
  [/^chgrp\b/, /\b(?:user|owner)\s+(?:and|&)\s+group\b|\bgroup\s+and\s+(?:user|owner)\b|\w:\w/],
  // "print the help of yum" asks for the program's help, not its name.
  [/^echo \{\w+\}$/, /\bhelp\s+(?:message|text|page|screen|on|for|of|about)\b|\busage\s+(?:of|for)\b/],
  // A program's own help is asked for as help, its usage or its options.
  [/^\{\w+\} --help$/, /^(?!.*\b(?:help|usage|what options|(?:options|flags|switches) (?:of|for|does|that))\b)/],
];

// Words that ask for a program's own feature, and the template that has it.
const needs: [RegExp, RegExp][] = [
  // "numbers from 1 to 30 with leading zeros": seq pads with -w.
  [/\b(?:leading|padded with|pad\w* with)\s+(?:\w+\s+)?(?:zeros?|0s?)\b|\bzero[- ]?padd\w*|\bequal width\b|\bsame width\b/, /^(?!seq\b)|^seq -\w*w/],
  // "non-blank lines" are those that are not blank: the pattern of a blank line is inverted.
  [/\bnon[- ]?(?:blank|empty)\b|\b(?:not|aren't|are not|isn't) (?:blank|empty)\b/, /^(?!.*'\^(?:\[\[:space:\]\]\*)?\$')|\s-\w*v\b/],
  // "the group ownership of x": the group changes, not the owner.
  [/^(?!.*\bowner\b(?!ship))(?=.*\b(?:change|set|give|transfer|assign|make)\w*\b).*\bgroup\b/, /^(?!(?:sudo )?chown (?:-\w+ )*\{\w+\} )/],
];

// "numbers from 1 to 30": many numbers, not one.
const range = /\bnumbers\b.*\bfrom\s+-?\d+\s+(?:to|through|thru|until)\s+-?\d+\b|\bnumbers\s+-?\d+\s+(?:to|through|thru)\s+-?\d+\b/;

/** Added to a candidate's score: negative when the program cannot answer what the request's words ask. */
export function valueQuestionFit(entry: KnowledgeEntry, values: Record<string, string>, facts: RequestFacts): number {
  const template = entry.template;
  const lower = facts.lower;
  let score = 0;
  // "the help of tar": the program helped with is one the shell knows, or a path to one.
  const helped = /^\{(\w+)\} --help$/.exec(template)?.[1];
  if (helped && !/^(?:\.{0,2}\/|~\/)\S|^[\w.+-]+$/.test(values[helped] ?? '')) score -= 0.4;
  const name = (values[helped ?? ''] ?? '').replace(/^'|'$/g, '');
  const known = isWellKnownProgram(name) || facts.ws.files.has(name.replace(/^\.\//, '')) || facts.quoted.some((q) => q.value === name) || /\b(?:command|program|utility|tool)\b/.test(lower);
  if (helped && !known) score -= 0.3;
  for (const [program, words] of wrongFor) if (program.test(template) && words.test(lower)) score -= 0.2;
  for (const [words, feature] of needs) if (words.test(lower) && !feature.test(template)) score -= 0.2;
  // One number printed padded is no range of numbers.
  if (/^printf '%0\{\w+\}d\\n' \{\w+\}$/.test(template) && range.test(lower)) score -= 0.3;
  return score;
}
