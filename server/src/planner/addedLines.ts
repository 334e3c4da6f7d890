// "insert an empty line at the bottom of notes.txt", "add a blank line to
// todo.txt", "append a newline to data.csv": an empty line put at the end of
// a named file is `echo >> FILE`. Retrieval finds the words "empty line" in
// entries that take blank lines out, and "to notes.txt" in ones that touch
// it; the request states the act, so it is built from the words.

import type { EmbeddedCandidate } from './embeddedPlanner';
import type { RequestFacts } from './requestFacts';
import { shellQuote } from './templateFill';

const emptyLineToFile = /\b(?:add|append|insert|put|tack on|stick)\s+(?:an?\s+|one\s+|another\s+)?(?:extra\s+|single\s+)?(?:(?:empty|blank|new)\s*line|newline|line\s+break)\s+(?:(?:at|to)\s+the\s+(?:end|bottom)\s+of|to|onto|at\s+the\s+end\s+of|after\s+the\s+last\s+line\s+of)\s+(?:the\s+file\s+)?$/;

/** `echo >> FILE` for an empty line said to go at the end of one file the workspace holds. */
export function emptyLineCandidates(f: RequestFacts): EmbeddedCandidate[] {
  const held = f.files.filter((x) => f.ws.files.has(x.value));
  if (held.length !== 1 || f.files.length !== 1) return [];
  const file = held[0];
  if (!emptyLineToFile.test(f.lower.slice(0, file.at))) return [];
  // Nothing more is asked after the name: "… to notes.txt and sort it" is another plan.
  if (!/^[\s.!?:;()-]*$/.test(f.lower.slice(file.at + file.raw.length))) return [];
  return [{ command: `echo >> ${shellQuote(file.value)}`, explanation: `Adds an empty line at the end of ${file.value}.`, source: 'files.append_empty_line', confidence: 0.62, filled: [], missing: [] }];
}
