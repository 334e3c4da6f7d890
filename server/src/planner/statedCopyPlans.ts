// "restore notes.txt from backup", "replace todo.txt with its copy in backup",
// "copy data.csv to backup": a copy whose source and place the request states
// is built from them, once the workspace shows the source is a file and the
// place is a folder or the file put back. Templates filled slot by slot seldom
// give `cp backup/notes.txt notes.txt`: they read the first name as the
// source, and a restore says its source last. A copy stated with a name the
// workspace does not hold, or holds in two places, builds nothing.

import type { EmbeddedCandidate } from './embeddedPlanner';
import type { RequestFacts, WorkspaceNames } from './requestFacts';
import { statedCopies, type StatedCopy } from './copyDirection';
import { shellQuote } from './templateFill';
import { archiveExt } from './requestWords';

/** `cp -- SOURCE TARGET` for each copy or restore the request states between a file and a place the workspace holds. */
export function statedCopyCandidates(f: RequestFacts): EmbeddedCandidate[] {
  const out: EmbeddedCandidate[] = [];
  for (const s of statedCopies(f.lower)) {
    if (!s.keeps || s.rename) continue;
    const plan = unpackedMember(s, f.ws) ?? restored(s, f.ws) ?? copiedInto(s, f.ws) ?? copiedOver(s, f.ws) ?? mirrored(s, f.ws);
    if (!plan || out.some((c) => c.command === plan.command)) continue;
    out.push({ ...plan, confidence: 0.62, filled: [], missing: [] });
  }
  return out;
}

type Plan = Pick<EmbeddedCandidate, 'command' | 'explanation' | 'source'>;

/** "restore notes.txt from backup": backup/notes.txt is copied over notes.txt, or puts it back where it was. */
function restored(s: StatedCopy, ws: WorkspaceNames): Plan | undefined {
  const folder = actual(s.from, ws.dirs);
  const base = s.to.split('/').pop() ?? '';
  const source = folder && actual(`${folder.toLowerCase()}/${base}`, ws.files);
  if (!source || ws.dirs.has(source)) return undefined;
  // The file put back is the one named, where the request names it; a bare name held only in other folders is no place.
  const target = actual(s.to, ws.files) ?? (ws.byBase.has(base) && (ws.sameBase?.get(base) ?? [ws.byBase.get(base)]).some((p) => p !== source) ? undefined : s.to);
  if (!target || target === source) return undefined;
  return { command: `cp -- ${shellQuote(source)} ${shellQuote(target)}`, explanation: `Copies ${source} over ${target}, putting the saved copy back.`, source: 'files.restore_copy' };
}

// How each kind of archive gives back one member, over the file of that name.
const memberUnpackers: [RegExp, (archive: string, member: string) => string][] = [
  [/\.zip$/i, (a, m) => `unzip -o ${a} ${m}`],
  [/\.(?:tar\.gz|tgz)$/i, (a, m) => `tar -xzf ${a} ${m}`],
  [/\.(?:tar\.bz2|tbz2)$/i, (a, m) => `tar -xjf ${a} ${m}`],
  [/\.(?:tar\.xz|txz)$/i, (a, m) => `tar -xJf ${a} ${m}`],
  [/\.tar$/i, (a, m) => `tar -xf ${a} ${m}`],
];

/** "restore notes.txt from x.zip": the member of that name is unpacked over the file, the rest of the archive left in it. */
function unpackedMember(s: StatedCopy, ws: WorkspaceNames): Plan | undefined {
  const archive = actual(s.from, ws.files);
  const unpack = archive && memberUnpackers.find(([ext]) => ext.test(archive))?.[1];
  if (!archive || !unpack || archiveExt.test(s.to) || ws.dirs.has(s.to)) return undefined;
  const member = actual(s.to, ws.files) ?? s.to;
  return { command: unpack(shellQuote(archive), shellQuote(member)), explanation: `Unpacks ${member} alone from ${archive}, over the file of that name.`, source: 'files.restore_member' };
}

/** "copy data.csv to backup": the file goes into the folder, under its own name. */
function copiedInto(s: StatedCopy, ws: WorkspaceNames): Plan | undefined {
  const source = actual(s.from, ws.files);
  const folder = actual(s.to.replace(/\/$/, ''), ws.dirs);
  if (!source || !folder || ws.dirs.has(source)) return undefined;
  return { command: `cp -- ${shellQuote(source)} ${shellQuote(`${folder}/`)}`, explanation: `Copies ${source} into ${folder}/, keeping its name.`, source: 'files.copy_into' };
}

/** "replace notes.txt with its copy in backup", "overwrite notes.txt with backup/notes.txt": one file over the other. */
function copiedOver(s: StatedCopy, ws: WorkspaceNames): Plan | undefined {
  const source = actual(s.from, ws.files);
  const target = actual(s.to, ws.files);
  // "restore todo.txt from x.zip": what an archive holds is unpacked, its bytes copied over nothing.
  if (!source || !target || source === target || ws.dirs.has(source) || ws.dirs.has(target) || (archiveExt.test(source) && !archiveExt.test(target))) return undefined;
  return { command: `cp -- ${shellQuote(source)} ${shellQuote(target)}`, explanation: `Copies ${source} over ${target}.`, source: 'files.copy_over' };
}

/** "sync docs to backup": what docs holds is copied into backup, which keeps what it already holds. */
function mirrored(s: StatedCopy, ws: WorkspaceNames): Plan | undefined {
  const source = actual(s.from.replace(/\/$/, ''), ws.dirs);
  const target = actual(s.to.replace(/\/$/, ''), ws.dirs);
  if (!s.mirrors || !source || !target || source === target) return undefined;
  return { command: `rsync -a ${shellQuote(`${source}/`)} ${shellQuote(`${target}/`)}`, explanation: `Copies what ${source} holds into ${target}, with its folders, times and modes; nothing in ${target} is deleted.`, source: 'files.sync_folder' };
}

/** The workspace's own spelling of a path the request wrote in lower case, when it holds exactly one. */
function actual(path: string, names: ReadonlySet<string>): string | undefined {
  const wanted = path.replace(/^\.\//, '');
  if (names.has(wanted)) return wanted;
  const found = [...names].filter((n) => n.toLowerCase() === wanted);
  return found.length === 1 ? found[0] : undefined;
}
