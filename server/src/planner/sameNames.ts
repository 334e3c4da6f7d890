// A file name the workspace holds in more than one folder: main.ts in src and
// in backup. "delete main.ts from src", "src's main.ts", "in backup, delete
// todo.txt" say which one; the folder decides even when a copy of that name
// also stands at the top. With no folder said, no copy is picked for the
// person: the request is unclear, and a plan that changes one of them is
// turned away, a model's plan too (the check reads the policy's facts).

import type { CommandFact } from '../policy/factsTypes';
import type { PathFact } from '../policy/paths';
import { programName } from '../shell/programs';
import type { Intent } from './intent';
import type { Reading, RequestFacts, WorkspaceNames } from './requestFacts';

/** A file the request names by its base name: the path its folder picks, or the paths it could be when no folder is said. */
export interface NamedPlace {
  name: string;
  path?: string;
  candidates?: string[];
}

/** What the request says of where its files are: each file named by base name, and the places things go (never a qualifier). */
export interface NamedPlaces {
  files: NamedPlace[];
  destinations: string[];
}

const folderWord = String.raw`["'\x60]?([\w.@+-][\w.@+/-]*?)["'\x60]?`;
// "main.ts in src", "notes.txt that is in backup", "todo.txt kept in backup", "notes.txt out of backup", "the lib folder inside vendor".
const folderAfter = new RegExp(String.raw`^\s+(?:(?:folder|directory|dir)\s+)?(?:(?:that|which)\s+(?:is|lives|sits|stays)\s+|(?:located|kept|stored|sitting|living|found|saved)\s+)?(in|inside|within|under|from|out\s+of)\s+(?:the\s+|my\s+|our\s+)?(?:(?:folder|directory|dir)\s+)?${folderWord}(?=[\s,.;:!?)]|$)`, 'i');
// "src's main.ts", "the backup copy of notes.txt", "in backup, delete todo.txt".
const folderBefore = [
  new RegExp(String.raw`(?:^|\s)${folderWord}'s\s+(?:own\s+)?$`, 'i'),
  new RegExp(String.raw`\b(?:the\s+)?${folderWord}\s+(?:copy|version)\s+of\s+(?:the\s+)?$`, 'i'),
  new RegExp(String.raw`(?:^|[\s,])(?:in|inside|within|under|from)\s+(?:the\s+)?(?:(?:folder|directory|dir)\s+)?${folderWord}(?:\s+(?:folder|directory|dir))?\s*,\s*(?:[\w']+\s+){0,5}$`, 'i'),
];
// "restore notes.txt from backup", "bring notes.txt back from backup": the copy in backup is read, the one named is put back.
const restores = /\b(?:restore|recover|retrieve|fetch|roll\s+back|(?:bring|get|put|copy)\s+back)\b[^,.;]*$/i;
// "put a copy of notes.txt in backup", "copy notes.txt in backup": after these "in" says where the file goes ("the copy of" is no such verb).
const placing = /(?:(?<!\b(?:the|a|an|its|their|my|this|that)\s+)\b(?:put|place|save|store|copy|cp|duplicate|move|mv|back\s?-?up|stash|drop|keep|leave)|\b(?:make|create|take)\s+(?:a|an|another)\s+(?:copy|backup|duplicate))\b[^,.;]*$/i;
const onward = /^\s+(?:to|into|onto|over)\b/i;
// "except main.ts", "barring error.log", "but never notes.txt": a name kept out of the act is matched by its name wherever it is.
const keptOut = /\b(?:except(?:\s+for)?|excluding|but\s+(?:not|never|keep|leave|spare|skip)|other\s+than|(?:apart|aside)\s+from|save(?:\s+for)?|barring|besides|not\s+including|keep(?:ing)?|leav(?:e|ing)|spar(?:e|ing)|skip(?:ping)?|ignoring|minus|with\s+the\s+exception\s+of)\s+(?:the\s+)?(?:file\s+)?$/i;

/**
 * The path that the folder the request names beside `word` (written at `at`)
 * picks: FOLDER/word, when the workspace holds it. "to backup" is where a
 * file goes, never which file it is.
 */
export function folderNamedFor(text: string, at: number, word: string, ws: WorkspaceNames): string | undefined {
  const before = text.slice(0, at);
  const after = text.slice(at + word.length);
  const candidate = (folder: string) => {
    const dir = folder.replace(/^\.\//, '').replace(/\/+$/, '');
    const path = ws.dirs.has(dir) ? dir : ws.byBase.get(dir);
    const file = path !== undefined && ws.dirs.has(path) ? `${path}/${word}` : undefined;
    return file !== undefined && (ws.files.has(file) || ws.dirs.has(file)) ? file : undefined;
  };
  const m = folderAfter.exec(after);
  if (m) {
    const rest = after.slice(m[0].length);
    const source = /^(?:from|out\s+of)$/i.test(m[1].replace(/\s+/g, ' '));
    // ... whether or not the file is still there to be put back over.
    const readBack = source && (restores.test(before) || /^\s+back\b/i.test(after) || (ws.files.has(word) && placing.test(before) && !onward.test(rest)));
    const goesThere = !source && placing.test(before) && !onward.test(rest);
    const file = readBack || goesThere ? undefined : candidate(m[2]);
    if (file) return file;
  }
  for (const re of folderBefore) {
    const b = re.exec(before);
    // "from backup, restore todo.txt": as after the name, the copy in backup is read and the one named put back.
    const readBack = b !== null && /^[\s,]*from\s/i.test(b[0]) && restores.test(before);
    const file = b && !readBack ? candidate(b[1]) : undefined;
    if (file) return file;
  }
  return undefined;
}

/** The paths a base name written alone could be, when the workspace holds it in two or more folders and not as written. */
export function sameNamed(word: string, ws: WorkspaceNames): string[] {
  if (ws.files.has(word) || ws.dirs.has(word) || word.includes('/')) return [];
  const paths = ws.sameBase?.get(word) ?? [];
  return paths.length > 1 ? [...paths] : [];
}

/** Where a file written as `word` (at `at`) is: the copy the named folder picks, or, unclear, none of several. */
export function placeOf(r: Reading, word: string, at: number): string | undefined {
  const { text, ws, facts } = r;
  if (keptOut.test(text.slice(0, at))) return undefined;
  const picked = folderNamedFor(text, at, word, ws);
  if (picked) {
    (facts.placed ??= []).push({ name: word, path: picked });
    return picked;
  }
  const candidates = sameNamed(word, ws);
  if (candidates.length === 0) return undefined;
  (facts.placed ??= []).push({ name: word, candidates });
  facts.unclearFile ??= { raw: word, candidates: candidates.slice(0, 5) };
  return word;
}

/** The places of the intent: the files as placed, and the destinations a plan may write whatever they hold. */
export function placesOf(facts: RequestFacts): NamedPlaces {
  // "to out": a folder after "to" is where things go even when the word is too common to be read as a destination.
  const into = facts.dirs.filter((d) => /\b(?:to|into|onto)\s+(?:the\s+)?$/i.test(facts.text.slice(0, d.at)));
  // ... and the place the act says it puts things ("create symbolic links in /srv/links for …").
  const said = facts.destination ? [facts.destination] : [];
  return { files: facts.placed ?? [], destinations: [...facts.targets, ...into, ...said].map((t) => t.value.replace(/^\.\//, '').replace(/\/+$/, '')) };
}

/**
 * A change to a copy the request did not pick: `rm -- notes.txt` for "delete
 * notes.txt from backup", `mv -n backup/main.ts …` for "rename main.ts to
 * index.ts" with main.ts in both src and backup.
 */
export function otherCopyChanged(intent: Pick<Intent, 'places' | 'kinds'>, commands: CommandFact[]): string[] {
  const places = intent.places;
  if (!places || places.files.length === 0) return [];
  const into = (p: string) => places.destinations.some((d) => p === d || p.startsWith(`${d}/`));
  const out: string[] = [];
  for (const p of commands.flatMap((c) => [...c.deletes, ...c.writes])) {
    const path = bare(p);
    const base = path.split('/').pop() ?? path;
    // What find or a pattern picks under a folder is not the folder (matchesElsewhere judges it).
    if (into(path) || p.glob || p.dynamic) continue;
    for (const { name, path: picked, candidates } of places.files) {
      // `chmod --reference=backup/notes.txt backup`: the folder itself changed for a file in it.
      if (picked !== undefined && (base === name ? path !== picked : path === folderOf(picked))) out.push(`it changes ${path}, but the request names the ${name} in ${folderOf(picked)}`);
      else if (base === name && (candidates?.includes(path) || (candidates !== undefined && path === name))) {
        out.push(`it changes ${path}, but ${name} is ${candidates.join(' and ')}, and the request does not say which; name the folder, e.g. "${name} in ${folderOf(candidates[0])}"`);
      }
    }
  }
  return [...new Set([...out, ...matchesElsewhere(intent, places, commands), ...wholeFolderCopied(places, commands)])];
}

/** `find . -name '*.log' -exec rm …` for "remove the logs copy of app.log": every match across the workspace for one file in one folder. */
function matchesElsewhere(intent: Pick<Intent, 'kinds'>, places: NamedPlaces, commands: CommandFact[]): string[] {
  const picked = places.files.map((f) => f.path);
  if (picked.some((p) => p === undefined) || intent.kinds.some((k) => !picked.some((p) => p?.endsWith(`.${k}`)))) return [];
  const folders = (picked as string[]).map(folderOf);
  // `logs/$?` (what find picks under logs) and `./*.log` are under logs and the top.
  const wide = commands.flatMap((c) => [...c.deletes, ...c.writes]).filter((p) => p.glob || p.dynamic).map((p) => folderOf(p.path.replace(/^["'`]|["'`]$/g, '').replace(/^(?:\.\/)+/, '').replace(/(^|\/)\$\?.*$/, '$1x')));
  const outside = wide.find((w) => !folders.some((f) => w === f || w.startsWith(`${f}/`)));
  if (outside !== undefined) return [`it changes files across ${outside}, but the request names only ${list(picked as string[])}`];
  // `find backup -name '<glob>' -delete` for "delete todo.txt from backup": what it picks there is not the file named.
  const bases = places.files.map((f) => f.name);
  const finder = commands.find((c) => programName(c.program) === 'find' && !c.args.some((a, i) => /^-i?(?:name|path|wholename)$/.test(c.args[i - 1] ?? '') && bases.some((b) => a === b || a.endsWith(`/${b}`))));
  return finder && wide.length > 0 ? [`it changes what find picks in ${list(folders)}, but the request names only ${list(picked as string[])}`] : [];
}

const copiers = /^(?:cp|mv|rsync|scp|install|ditto)$/;

/** `cp -r src docs` for "copy main.ts from src to docs": the whole folder, or another copy, goes where one file was asked to. */
function wholeFolderCopied(places: NamedPlaces, commands: CommandFact[]): string[] {
  for (const c of commands.filter((x) => copiers.test(programName(x.program)))) {
    const read = c.reads.map(bare);
    const place = places.files.find((f) => f.path !== undefined && read.includes(folderOf(f.path)) && !read.includes(f.path));
    if (place?.path) return [`it copies everything in ${folderOf(place.path)}, but the request names only ${place.path}`];
    // `cp notes.txt docs` for "copy notes.txt from backup to docs": another copy of that name sent on.
    const source = places.files.find((f) => f.path !== undefined && read.some((r) => r !== f.path && (r === f.name || r.endsWith(`/${f.name}`))));
    if (source?.path) return [`it copies ${read.find((r) => r === source.name || r.endsWith(`/${source.name}`))}, but the request names the ${source.name} in ${folderOf(source.path)}`];
    // `cp -r docs src/main.ts` for "copy src's main.ts to docs": the file named is read, what is said after "to" is written.
    const over = places.files.find((f) => f.path !== undefined && c.writes.map(bare).includes(f.path) && !read.includes(f.path));
    if (over?.path) return [`it writes over ${over.path}, which the request copies from`];
  }
  return [];
}

function bare(p: PathFact): string {
  return (p.resolved || p.path).replace(/^["'`]|["'`]$/g, '').replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
}

/** `backup` for `backup/notes.txt`. */
function folderOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.';
}

function list(xs: string[]): string {
  return xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}` : xs[0];
}
