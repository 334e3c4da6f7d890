// "find a file named foo.scala under /opt /usr /var", "the .jar files under
// /usr, /home and /tmp", "symbolic links in /usr/lib and /usr/lib64": folders
// named together as where to look. A find filled with the first of them
// starts in each of them instead (find takes several start points), so no
// folder of the run is left out.

import { barePath } from './barePath';
import { shellQuote } from './templateFill';

// A folder as written: a path from the root, the home folder or here, or a variable that holds one.
const place = String.raw`(?:"[^"\n]+"|'[^'\n]+'|(?:~|\.{1,2})?\/[\w.@+~-]*(?:\/[\w.@+~-]+)*\/?|\$\{?[A-Za-z_]\w*\}?(?:\/[\w.@+-]+)*\/?)`;
const between = String.raw`(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+)`;
// ... after a word that says where ("under", "in the folders", "across"), two or more with only commas, "and" or spaces between.
const run = new RegExp(String.raw`\b(?:under|in|within|inside|below|beneath|across|throughout|searching|search)\s+(?:the\s+|both\s+)?(?:(?:folders?|director(?:y|ies)|dirs?|paths?|trees?)\s+)?(${place}(?:${between}${place})+)(?![\w/])`, 'g');

/** The runs of two or more folders the request names together as where to look, each as its folders (as written, quotes off). */
export function rootRuns(text: string): string[][] {
  const out: string[][] = [];
  for (const m of text.matchAll(run)) {
    const roots = [...m[1].matchAll(new RegExp(place, 'g'))].map((p) => barePath(p[0], { ends: false }).replace(/(.)\/$/, '$1'));
    if (new Set(roots).size >= 2) out.push([...new Set(roots)]);
  }
  return out;
}

/** `find /opt -name x` for "under /opt /usr /var" made `find /opt /usr /var -name x`; any other command as it was. */
export function everyRootNamed(command: string, text: string): string {
  const start = /^find\s+(?:-[HLP]\s+)?("[^"]*"|'[^']*'|[^\s'"-][^\s]*)(?=\s|$)/.exec(command);
  if (!start) return command;
  const first = barePath(start[1], { ends: false }).replace(/(.)\/$/, '$1');
  // The start points already given: the words before the first test.
  const given = command.slice(start.index + start[0].length).split(/\s+(?=[-!(\\])/)[0].split(/\s+/).map((w) => barePath(w, { ends: false }).replace(/(.)\/$/, '$1'));
  for (const roots of rootRuns(text)) {
    if (!roots.includes(first) || roots.some((r) => r !== first && given.includes(r))) continue;
    const at = start.index + start[0].length - start[1].length;
    return `${command.slice(0, at)}${roots.map((r) => shellQuote(r)).join(' ')}${command.slice(at + start[1].length)}`;
  }
  return command;
}
