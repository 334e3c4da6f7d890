// "the location of file $1", "the base name of "$path"": a place that a
// shell variable holds. The variable is the value, kept as a variable.

import type { Reading } from './requestFacts';

const variableWord = /(["']?)(\$(?:\{[A-Za-z_]\w*\}|[A-Za-z_]\w*|[0-9]))\1(?![\w$])/g;
const placeBefore = /\b(?:(file|path|directory|folder|dir)|of|in|from|to|into|under)\s+(?:the\s+)?$/i;

/** Shell variables standing where a file, folder or path is expected. */
export function readVariablePlaces(r: Reading): void {
  const { text, facts, isUsed } = r;
  for (const m of text.matchAll(variableWord)) {
    const before = placeBefore.exec(text.slice(Math.max(0, m.index - 24), m.index));
    if (!before || (isUsed(m.index) && m[1] === '') || facts.paths.some((p) => p.at === m.index)) continue;
    const fact = { value: m[2], at: m.index, raw: m[0] };
    facts.paths.push(fact);
    if (!/^(?:directory|folder|dir)$/i.test(before[1] ?? '')) facts.files.push(fact);
    // Not a folder of the request's scope: where a variable points is known only when the command runs.
  }
}
