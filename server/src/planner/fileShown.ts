// "show me todo.txt", "let me see notes.txt", "display the file data.csv",
// "show notes.txt and todo.md": a request to look at files of the workspace
// it names, and at nothing more, asks
// what they say. A request this short has few words for retrieval to
// rank templates by: `touch todo.txt`, `stat -c '%s %n' data.csv` and
// `ls src/main.ts` had ranked above `cat`, or nothing had fit and the
// planner abstained. So the file's reading is offered whatever retrieval
// found, for a file that is text. "show me the files in docs", and nothing
// more, is the same for a folder of the workspace: every file under it, or
// its own entries for "the contents of docs".

import { RUN_JOINER } from './namedList';
import type { RequestFacts } from './requestFacts';

const showingVerbs = 'show|display|print|view|see|read|cat|output|dump';
const showing = `(?:${showingVerbs})`;
const shownName = String.raw`["'\x60]?[\w./@+-]*\w["'\x60]?`;
// ... or several, joined by commas and "and" ("show notes.txt and todo.md").
const shownAlone = new RegExp(String.raw`^(?:(?:let me|i want to|i'd like to|can i|could i)\s+)?${showing}(?:\s+(?:me|us))?\s+(?:(?:the|my|our|this|these)\s+)?(?:(?:files?|contents? of(?:\s+the)?(?:\s+files?)?|text of(?:\s+the)?(?:\s+files?)?)\s+)?(${shownName}(?:${RUN_JOINER}${shownName})*)(?:\s+files?)?\s*[.!?]*$`);
// Files whose bytes are no text to print.
const binary = /\.(?:zip|tar|t?gz|tbz2?|txz|bz2|xz|zst|7z|rar|png|jpe?g|gif|webp|ico|pdf|so|o|a|bin|exe|dll|class|jar|db|sqlite3?|wasm|mp[34]|mov|avi)$/i;

/** The workspace file the request only asks to see (the first, when it names several), if that is all it asks. */
export function shownFile(f: RequestFacts): string | undefined {
  const m = shownAlone.exec(f.lower.trim());
  const named = m?.[1].split(new RegExp(RUN_JOINER)).map((n) => n.replace(/^["'\x60]|["'\x60]$/g, '').replace(/^\.\//, ''));
  if (!named || f.files.length !== named.length) return undefined;
  // The first is given: the slot that takes it takes the others named with it.
  const same = f.files.every((file, i) => file.value.toLowerCase().replace(/^\.\//, '') === named[i] && f.ws.files.has(file.value) && !binary.test(file.value));
  return same ? f.files[0].value : undefined;
}

const folderShown = new RegExp(String.raw`^${showing}(?:\s+(?:me|us))?\s+(?:all\s+)?(?:of\s+)?(?:the\s+|my\s+|our\s+)?(files|contents|entries)\s+(?:in|inside|of|under)\s+(?:the\s+)?(?:(?:folder|directory|dir)\s+)?["'\x60]?([\w./@+-]*\w)\/?["'\x60]?(?:\s+(?:folder|directory|dir))?\s*[.!?]*$`);

/** The workspace folder whose files the request only asks to see, if that is all it asks, and whether it asks for its files or its entries. */
export function shownFolder(f: RequestFacts): { dir: string; entries: boolean } | undefined {
  const m = folderShown.exec(f.lower.trim());
  const dir = m?.[2].replace(/^\.\//, '');
  return m && dir && f.ws.dirs.has(dir) ? { dir, entries: m[1] !== 'files' } : undefined;
}
