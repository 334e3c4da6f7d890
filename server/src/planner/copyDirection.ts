// "copy people.csv to backup": the named source is read, the place after
// "to" is written. A plan with the two the other way round (`cp -r backup
// people.csv`) writes over the very file the person wanted kept, and a
// rename that drops the folder (`mv src/main.ts index.ts`) moves the file
// somewhere nobody named. Both are read from the facts the policy sees, so
// they hold for every plan, a model's too.

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { programOf } from './selectionChecks';
import { barePath as bare } from './barePath';
import { readOnce } from './readOnce';
import { archiveExt } from './requestWords';

// A change to the copy of a file the request did not pick, held beside the direction of a copy.
export { otherCopyChanged } from './sameNames';

const copiers = new Set(['cp', 'mv', 'rsync', 'scp', 'install', 'ln', 'ditto']);

// The verb, the words that may stand before a name ("the file", "my folder"), the name, then where it goes.
const filler = String.raw`(?:(?:the|my|this|that|our|your|file|folder|directory|dir|called|named)\s+)*`;
const name = String.raw`["'\x60]?([\w.~/-]*[\w~/][\w.~/-]*)["'\x60]?`;
const copyTo = new RegExp(String.raw`\b(?:copy|cp|duplicate|move|mv|back\s?-?up|sync|synchroni[sz]e|mirror|(?:save|put|make|place|keep|store)\s+a\s+copy\s+of|save|rename|change\s+(?:the\s+|its\s+)?names?\s+of)\s+${filler}${name}(?:\s+(?:file|folder|directory|dir))?\s+(?:over\s+)?(?:to(?!\s+match\b)|into|onto|as)\s+${filler}${name}`, 'g');

// "restore notes.txt from backup", "copy old.txt back from the backup folder": the place after "from" is read, the name is written here.
const fromPlace = String.raw`\b(?:copy|cp|restore|recover|retrieve|(?:bring|get|put|copy)\s+back|fetch|(?:bring|get|put)(?=\s+\S+(?:\s+(?:file|folder|directory|dir))?\s+back\b))\s+${filler}${name}(?:\s+(?:file|folder|directory|dir))?\s+(?:back\s+)?(?:from|out\s+of)\s+${filler}${name}`;
const copyFrom = new RegExp(String.raw`${fromPlace}(?![\w.~/-])(?!\s+(?:folder\s+|directory\s+|dir\s+)?(?:to|into|onto|over)\b)`, 'g');
// "from backup, restore notes.txt", "out of the backup folder bring back todo.txt": the place said first is still read from.
const fromFirst = new RegExp(String.raw`(?<!\.\w{1,8}\s+)\b(?:from|out\s+of)\s+${filler}${name}(?:\s+(?:folder|directory|dir))?\s+(?:(?:please|pls|just|can you|could you|kindly)\s+)*(?:(?:bring|get|copy|put)\s+back|restore|recover|retrieve|copy|cp|fetch)\s+${filler}${name}(?![\w.~/-])(?!\s+(?:back\s+)?(?:to|into|onto|over|from)\b)`, 'g');
// "copy notes.txt from backup to docs": the file in the first folder is read, the second is written.
const copyFromTo = new RegExp(String.raw`${fromPlace}(?:\s+(?:folder|directory|dir))?\s+(?:over\s+)?(?:to|into|onto)\s+${filler}${name}`, 'g');

// "overwrite backup/notes.txt with notes.txt", "replace notes.txt with the current backup/notes.txt": what comes after "with" is read, the first name is written.
const replaceWith = new RegExp(String.raw`\b(?:replace|overwrite)\s+${filler}${name}\s+with\s+(?:(?:the|my|current|live|latest|newest|new|working|file)\s+)*${name}(?!\s+in\b)`, 'g');
// "replace notes.txt with its copy in backup", "overwrite todo.txt with the version from the backup folder": the same name in that folder is read.
const replaceWithCopyIn = new RegExp(String.raw`\b(?:replace|overwrite|restore|recover)\s+${filler}${name}\s+(?:with|using|from)\s+(?:its|the|a|my)\s+(?:\w+\s+)?(?:copy|version|backup|one|duplicate)\s+(?:in|from|inside|under)\s+${filler}${name}`, 'g');
// "replace notes.txt with the backup copy", "restore todo.txt from its backup version": the copy in the folder named before "copy".
const replaceWithFolderCopy = new RegExp(String.raw`\b(?:replace|overwrite|restore|recover)\s+${filler}${name}\s+(?:with|using|from)\s+(?:its|the|a|my)\s+${name}\s+(?:copy|version|one|duplicate)\b(?!\s+(?:in|from|inside|under)\b)`, 'g');
// "update backup/notes.txt from notes.txt", "refresh the copy in backup with the current notes.txt": the first name is brought up to date from the second.
const updateFrom = new RegExp(String.raw`\b(?:update|refresh|sync|synchroni[sz]e|bring\s+up\s+to\s+date)\s+${filler}${name}\s+(?:from|with|using|to match)\s+(?:(?:the|my|current|live|latest|newest|new|working|file|version|of|copy|in)\s+)*${name}`, 'g');
// A name with a dot or a slash is a file or a path; "replace foo with bar in notes.txt" replaces text.
const pathLike = /[./]/;

export interface StatedCopy {
  from: string;
  to: string;
  rename: boolean;
  /** A copy or a restore leaves its source where it is; a move or a rename takes it away. */
  keeps: boolean;
  /** "sync docs to backup", "mirror src into out": the place is made to hold what the source holds. */
  mirrors?: boolean;
}

/** The "from" and "to" of each copy, move, restore or rename the request states, in the request's words. */
export const statedCopies: (text: string) => readonly StatedCopy[] = readOnce(readCopies);

function readCopies(text: string): StatedCopy[] {
  const out: StatedCopy[] = [];
  // "restore notes.txt from backup.": the sentence's full stop is no part of the name before it.
  const words = text.replace(/[.!?,;:]+(?=\s|$)/g, ' ');
  const pronoun = /^(?:it|them|that|this|there|here|everything|all)$/;
  for (const m of words.matchAll(copyTo)) {
    const from = bare(m[1]);
    const to = bare(m[2]);
    if (from && to && from !== to && !pronoun.test(from)) out.push({ from, to, rename: /^(?:rename|change)\b/.test(m[0]), keeps: !/^(?:move|mv|rename|change)\b/.test(m[0]), ...(/^(?:sync|mirror)/.test(m[0]) ? { mirrors: true } : {}) });
  }
  for (const m of words.matchAll(replaceWith)) {
    const to = bare(m[1]);
    const from = bare(m[2]);
    if (pathLike.test(from) && pathLike.test(to) && from !== to) out.push({ from, to, rename: false, keeps: true });
  }
  for (const m of words.matchAll(updateFrom)) {
    const to = bare(m[1]);
    const from = bare(m[2]);
    if (pathLike.test(from) && pathLike.test(to) && from !== to) out.push({ from, to, rename: false, keeps: true });
  }
  for (const m of words.matchAll(replaceWithFolderCopy)) {
    const to = bare(m[1]);
    if (pathLike.test(to) && !pronoun.test(m[2])) out.push({ from: `${bare(m[2])}/${to.split('/').pop()}`, to, rename: false, keeps: true });
  }
  for (const m of words.matchAll(replaceWithCopyIn)) {
    const to = bare(m[1]);
    const from = `${bare(m[2])}/${to.split('/').pop()}`;
    if (pathLike.test(to) && !pronoun.test(m[2])) out.push({ from, to, rename: false, keeps: true });
  }
  for (const m of words.matchAll(copyFromTo)) {
    const from = `${bare(m[2])}/${bare(m[1])}`;
    const to = bare(m[3]);
    if (!pronoun.test(m[1]) && !pronoun.test(m[2]) && to && !pronoun.test(to)) out.push({ from, to, rename: false, keeps: !/^(?:move|mv)\b/.test(m[0]) });
  }
  for (const m of [...words.matchAll(copyFrom), ...[...words.matchAll(fromFirst)].map((f) => [f[0], f[2], f[1]])]) {
    const to = bare(m[1]);
    const from = bare(m[2]);
    if (from && to && from !== to && !pronoun.test(to)) out.push({ from, to, rename: false, keeps: true });
  }
  return out;
}

/** `cp -r backup people.csv` for "copy people.csv to backup": the source written over, the other way round. */
export function copiedBackwards(intent: Intent, commands: CommandFact[]): string[] {
  const stated = statedCopies(intent.words);
  if (stated.length === 0) return [];
  for (const c of commands) {
    // `rm backup/old.txt` for "restore old.txt from backup": a copy takes nothing away from where it copies.
    // ... though a sync may delete in the place it copies to (`rsync --delete site/ /var/www/site/`).
    const gone = c.deletes.map((d) => bare(d.path.toLowerCase())).find((d) => stated.some((s) => s.keeps && (names(d, s.from) || within(d, s.from)) && !(d === bare(s.to) || within(d, bare(s.to)))));
    if (gone) return [`it deletes ${gone}, which the request copies from`];
    // `printf '%s\n' backup/notes.txt >> notes.txt` for "overwrite notes.txt with backup/notes.txt": words written, not the file.
    const writesTo = (s: StatedCopy) => (/^(?:echo|printf)$/.test(programOf(c)) && c.redirects.some((r) => names(bare(r.target.toLowerCase()), s.to))) || (programOf(c) === 'tee' && c.writes.some((w) => names(bare(w.path.toLowerCase()), s.to)));
    const said = stated.find((s) => writesTo(s) && !commands.some((r) => r.reads.some((p) => names(bare(p.path.toLowerCase()), s.from))));
    if (said) return [`it writes words into ${said.to}, but the request asks to copy what ${said.from} holds over it`];
    const whole = wholeFolder(c, stated);
    if (whole) return [whole];
    if (!copiers.has(programOf(c))) continue;
    // `cp -- x.zip todo.txt` for "restore todo.txt from x.zip": an archive's bytes are not the file it holds.
    const packed = stated.find((x) => archiveExt.test(x.from) && !archiveExt.test(x.to) && c.positionals.some((p) => names(bare(p.toLowerCase()), x.from)));
    if (packed) return [`it copies the archive ${packed.from} itself onto ${packed.to}, but the request asks for the file the archive holds`];
    const written = c.writes.map((w) => bare(w.path.toLowerCase()));
    // `cp notes.txt backup` writes backup/notes.txt: a folder written over holds the file of the source's name.
    const into = (w: string, from: string) => from === `${w}/${from.split('/').pop()}` && c.positionals.some((p) => bare(p.toLowerCase()) !== w && bare(p.toLowerCase()).split('/').pop() === from.split('/').pop());
    for (const { from, to } of stated) {
      if (written.some((w) => names(w, from) || into(w, from)) && !written.some((w) => w !== from && (w === to || w.endsWith(`/${to}`) || within(w, to)))) {
        return [`it writes over ${from}, which the request copies from: the request asks to copy ${from} to ${to}, not the other way round`];
      }
    }
  }
  return [];
}

// "append notes.txt to todo.txt", "add the contents of notes.txt to the end of todo.txt": the first is read, the second grows.
const appendTo = new RegExp(String.raw`\b(?:append|add|attach|tack|concatenate)\s+(?:(?:the\s+)?(?:contents?|text|lines)\s+of\s+)?${filler}${name}(?:\s+file)?\s+(?:on)?to\s+(?:the\s+(?:end|bottom)\s+of\s+)?${filler}${name}`, 'g');

/** `cat todo.txt >> notes.txt` for "append notes.txt to todo.txt": the file to be read grows, the other way round. */
export function appendedBackwards(intent: Intent, commands: CommandFact[]): string[] {
  const written = commands.flatMap((c) => [...c.writes.map((w) => w.path), ...c.redirects.filter((r) => r.kind === 'write' || r.kind === 'append').map((r) => r.target)]).map((p) => bare(p.toLowerCase()));
  for (const m of intent.words.matchAll(appendTo)) {
    const [from, to] = [bare(m[1]), bare(m[2])];
    // "append 'done' to todo.txt" adds text: only a name with a dot or a slash is a file read.
    if (!pathLike.test(from) || !pathLike.test(to)) continue;
    if (written.some((w) => names(w, from)) && !written.some((w) => names(w, to))) return [`it writes into ${from}, but the request appends ${from} to ${to}, not the other way round`];
  }
  return [];
}

const deleters = /^(?:rm|unlink|shred|rmdir|find|trash|trash-put|gio|srm|wipe)$/;

/** `mv notes.txt notes.md; rm notes.md` for "rename notes.txt to notes.md": what the move or copy made, deleted after. */
export function madeThenDeleted(intent: Intent, commands: CommandFact[]): string[] {
  if (intent.actions.includes('delete')) return [];
  const stated = statedCopies(intent.words);
  for (const c of commands.filter((x) => deleters.test(programOf(x)))) {
    const gone = c.deletes.map((d) => bare(d.path.toLowerCase())).find((d) => stated.some((s) => names(d, s.to) || within(d, s.to)));
    if (gone) return [`it deletes ${gone}, which the request ${stated.some((s) => !s.keeps) ? 'moves' : 'copies'} a file to`];
  }
  return [];
}

/** `cp -r backup notes.txt` for "replace notes.txt with its copy in backup": the whole folder copied onto the one file. */
function wholeFolder(c: CommandFact, stated: readonly StatedCopy[]): string | undefined {
  if (!copiers.has(programOf(c)) || c.positionals.length !== 2) return undefined;
  const [source, target] = c.positionals.map((p) => bare(p.toLowerCase()));
  const file = (p: string) => /\.\w+$/.test(p.split('/').pop() ?? '');
  const s = stated.find((x) => file(x.to) && names(target, x.to) && !file(source) && (x.from === source || x.from.startsWith(`${source}/`)));
  return s ? `it copies the whole folder ${source} onto ${s.to}, but the request asks for ${source}/${s.to.split('/').pop()} only` : undefined;
}

// The words of a request about a copy or a move that are never where it goes.
const notAPlace = /^(?:rename|renaming|move|moving|copy|copying|cp|mv|duplicate|somewhere|elsewhere|anywhere|someplace|there|it|them)$/;

/** `mv notes.txt rename`, `tar -rf rename notes.txt` for "I want to rename notes.txt": the request's own verb taken as where the file goes. */
export function verbAsTarget(intent: Intent, commands: CommandFact[]): string[] {
  for (const c of commands) {
    const target = c.writes.map((w) => bare(w.path.toLowerCase())).find((w) => notAPlace.test(w) && !new RegExp(`["'\x60]${w}/?["'\x60]|(?:called|named)\\s+${w}\\b|\\b${w}/`).test(intent.words));
    if (target) return [`it takes the word "${target}" of the request as the place the file goes`];
  }
  return [];
}

/** `mv src/main.ts index.ts` for "rename main.ts to index.ts": a rename keeps the file in its folder. */
export function renameLeavesFolder(intent: Intent, commands: CommandFact[]): string[] {
  const renames = statedCopies(intent.words).filter((s) => s.rename && !s.to.includes('/'));
  if (renames.length === 0) return [];
  for (const c of commands) {
    if (programOf(c) !== 'mv' || c.positionals.length !== 2 || c.args.some((a) => /^-t|^--target-directory/.test(a))) continue;
    const [source, target] = c.positionals.map((p) => bare(p.toLowerCase()));
    const folder = source.includes('/') ? source.slice(0, source.lastIndexOf('/')) : '';
    const targetFolder = target.includes('/') ? target.slice(0, target.lastIndexOf('/')) : '';
    if (folder !== targetFolder && renames.some((r) => names(source, r.from) && names(target, r.to))) {
      return [`it moves ${source} into ${targetFolder || 'the current folder'}, but the request asks only to rename it where it is`];
    }
  }
  return [];
}

/** `mv src/lib src/library` for "rename the folder lib to library": the folder goes, under its new name, as asked. */
export function renames(intent: Intent, c: CommandFact): boolean {
  return programOf(c) === 'mv' && statedCopies(intent.words).some((s) => s.rename);
}

/** `src/library` for "rename the folder lib to library" when lib is src/lib: the new name stands beside the folder it renames. */
export function renamedBeside(intent: Intent, path: string): boolean {
  const besides = (to: string) => intent.scope.some((s) => path === `${s.slice(0, s.lastIndexOf('/') + 1)}${to}`);
  return statedCopies(intent.words).some((s) => s.rename && !s.to.includes('/') && besides(s.to));
}

/** `notes.txt` for "restore notes.txt from backup": a restore puts the file back outside the folder it reads from, as asked. */
export function restoredHere(intent: Pick<Intent, 'words' | 'scope'>, path: string): boolean {
  const from = (s: StatedCopy) => intent.scope.some((f) => s.from === f || s.from.startsWith(`${f}/`));
  return statedCopies(intent.words).some((s) => s.keeps && !s.rename && !s.to.includes('/') && s.to === path.toLowerCase() && from(s));
}

/** `src/main.ts` names `main.ts`, and the other way round. */
function names(path: string, named: string): boolean {
  return path === named || path.endsWith(`/${named}`) || named.endsWith(`/${path}`);
}

/** `backup/people.csv` is inside `backup`. */
function within(path: string, folder: string): boolean {
  return path.startsWith(`${folder}/`) || path.includes(`/${folder}/`);
}
