// Places a request names without writing them as paths: "the location of
// file $1" (a place a shell variable holds, kept as a variable) and "the file
// uid_demo" (a bare name the word "file" makes a file).

import type { Reading } from './requestFacts';
import { stopWords } from './requestWords';

// "$HOME/work": a variable with a path after it is one place.
const variableWord = /(["']?)(\$(?:\{[A-Za-z_]\w*\}|[A-Za-z_]\w*|[0-9])(?:\/[\w.@+-]+)*)\1(?![\w$]|\/[*?[])/g;
const placeBefore = /\b(?:(file|path|directory|folder|dir)|of|in|from|to|into|under)\s+(?:the\s+)?$/i;
// "remove the $TMP folder", "delete $BUILD_DIR": what a file act is done to, or a variable called a folder or a file.
const actedOn = /\b(?:remov|delet|eras|copy|copi|mov|renam|compress|archiv|extract|unzip|untar|chmod|chown|touch|creat|mak)\w*\s+(?:(?:recursively|forcibly|the|a)\s+)*$/i;
const placeAfter = /^["']?\s+(file|path|directory|folder|dir)\b/i;

/** Shell variables standing where a file, folder or path is expected. */
export function readVariablePlaces(r: Reading): void {
  const { text, facts, isUsed } = r;
  for (const m of text.matchAll(variableWord)) {
    const head = text.slice(Math.max(0, m.index - 24), m.index);
    const before = placeBefore.exec(head);
    const after = placeAfter.exec(text.slice(m.index + m[0].length));
    if ((!before && !after && !actedOn.test(head)) || (isUsed(m.index) && m[1] === '') || facts.paths.some((p) => p.at === m.index)) continue;
    const fact = { value: m[2], at: m.index, raw: m[0] };
    facts.paths.push(fact);
    const folder = /^(?:directory|folder|dir)$/i.test(before?.[1] ?? after?.[1] ?? '');
    if (!folder) facts.files.push(fact);
    // A folder by name only where the words call it one ("remove the $TMP folder"): where a variable points is known only when the command runs.
    if (folder && after) facts.dirs.push(fact);
  }
}

// "the file uid_demo": a name that is plainly a name (with _ - or a digit), or one the sentence goes on after.
const fileWord = /\b(?:the\s+|a\s+)?file\s+(?:named\s+|called\s+)?([A-Za-z_][\w-]*)(?=\s+(?:to|in|into|from|and|with|on|as|for)\b|\s*[,.;]?\s*$)/gi;

// What a file has ("the file size", "file names"): words after "file" that name no file.
const fileNouns = /^(?:sizes?|names?|links|symlinks|types?|systems?|lists?|contents?|owners?|ownership|permissions?|modes?|extensions?|formats?|paths?|counts?|managers?|descriptors?|handles?|trees?|structure|dates?|times?|timestamps?|attributes?|info|information|details?|data|kinds?|endings?|encoding|lengths?)$/i;

// "every TXT file found in the tree", "the file located in docs": where the file is, not its name.
const fileSaidWhere = /^(?:found|located|stored|kept|placed|lying|sitting|residing|existing|present|listed|saved|created|modified|changed|opened)$/i;

/** A bare name right after "file" that the path readers did not take. */
export function readNamedFile(r: Reading): void {
  const { text, facts, isUsed } = r;
  for (const m of text.matchAll(fileWord)) {
    const at = m.index + m[0].lastIndexOf(m[1]);
    const plain = !/[\d_-]/.test(m[1]);
    if (isUsed(at) || facts.paths.some((p) => p.at === at) || (plain && (stopWords.has(m[1].toLowerCase()) || fileNouns.test(m[1]) || fileSaidWhere.test(m[1])))) continue;
    const fact = { value: m[1], at, raw: m[1] };
    facts.files.push(fact);
    facts.paths.push(fact);
  }
}
