// "move main.ts into backup" where backup already holds a main.ts: `mv`,
// `cp` and `rsync` write over that file without a word, and the one copy of
// it is gone. A request that says to keep what is there ("do not
// overwrite", "without clobbering", "if it is not there yet", "unless it
// exists") is held to a plan that keeps it (`mv -n`, `cp -n`, `rsync
// --ignore-existing`); one that says nothing of it may not write over a file
// of the workspace it never said to replace. What the folder holds is read
// from the workspace itself, as the policy reads it.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { barePath } from './barePath';
import { namedRuns } from './namedList';
import { programOf } from './selectionChecks';

const placers = /^(?:mv|cp|rsync|install)$/;

// "do not overwrite", "without clobbering", "if it is not there yet", "unless it exists", "except if dest already exists", "but keep the one already there", "safely".
const keepsExisting = /\b(?:do not|don'?t|never|no|without|not)\s+(?:\w+\s+){0,2}?(?:overwrit\w*|clobber\w*|replac\w*|writ\w* over|destroy\w*)|\bno-?clobber\b|\bif (?:it|they|one|the file|that file|a file of that name|there)(?:'s| is| are| does| do)?(?:n'?t| not| no)\s+(?:(?:there|exist\w*|in there|in it)\b|(?:already\s+)?(?:a |one )?(?:there|exist\w*|file|copy))|\b(?:unless|except (?:if|when)) (?:it|they|one|a file of that name|there'?s one|(?:the )?(?:target|destination)|["'\x60]?[\w./-]*\w["'\x60]?)(?:\s+\w+){0,2}\s+(?:exists?|there)\b|\bonly if (?:it'?s|it is|they are|there'?s) (?:not|no|missing|absent)\b|\bnot already there\b|\bskip(?:ping)? (?:any |the )?(?:existing|ones? (?:already )?there|files? (?:already )?there)|\bkeep(?:ing)? (?:the |any )?(?:existing|ones? already there|one already there|file already there)|\bsafely\b/;

// "overwrite", "replace", "restore", "update", "sync", "force", "over the one in backup": the request says what is there may go.
// "back up notes.txt to backup": a backup made again takes the place of the one before it.
// ... and a copy said as one ("copy notes.txt to backup") refreshes the copy already there, as cp does; a move said as one still may not write over a file.
const replacesExisting = /\b(?:cop(?:y|ies|ying)|cp|duplicat\w*|overwrit\w*|replac\w*|clobber\w*|restor\w*|recover\w*|updat\w*|refresh\w*|sync\w*|synchroni[sz]\w*|mirror\w*|forc\w*|even if|bring (?:\S+ )?back|back[ -]up|^backup\s|over (?:the|its|my|that) (?:\w+ )?(?:one|file|copy|version))\b/;

/** "move notes.txt to docs but do not overwrite": what is already where the file goes is to be kept. */
export function saysKeepExisting(words: string): boolean {
  return keepsExisting.test(words);
}

// `mv` and `cp` where a command starts: at the start, after `;`, `&&`, `|`, `-exec` or xargs and its options.
const placerAt = /(^|[;&|]\s*|-exec(?:dir)?\s+|\bxargs\s+(?:-\S+\s+)*)(mv|cp)(?=\s)(?!\s+(?:-\w*n\w*|--no-clobber|--update=none)(?=\s))/g;

/** `mv a docs` as `mv -n a docs` for a request that says to keep what is there: the plan made to keep it, not turned away for a flag. */
export function keepingExisting(words: string, command: string): string {
  if (!saysKeepExisting(words)) return command;
  return command.replace(placerAt, '$1$2 -n').replace(/(^|[;&|]\s*)rsync(?=\s)(?![^;&|]*--ignore-existing)/g, '$1rsync --ignore-existing');
}

/** `mv -n`, `cp --no-clobber`, `cp --update=none`, `rsync --ignore-existing`, `mv -i`: a file already there is kept (or asked about). */
function keepsTarget(c: CommandFact): boolean {
  const p = programOf(c);
  if (p === 'rsync') return c.flags.includes('ignore-existing') || c.args.includes('--ignore-existing');
  // `mv -n -f`: of -n, -i and -f the last one given decides, so a -f anywhere is taken to write over.
  if (c.flags.some((f) => f === 'f' || f === 'force')) return false;
  return c.flags.some((f) => f === 'n' || f === 'no-clobber' || f === 'i' || f === 'interactive') || c.args.some((a) => /^--update=none(?:-fail)?$/.test(a));
}

/** The sources and the place of a mv, cp, rsync or install: the folder after `-t`, else the last word. */
function sourcesAndPlace(c: CommandFact): { sources: string[]; place: string } | undefined {
  const t = c.args.findIndex((a) => a === '-t' || a === '--target-directory');
  const long = c.args.find((a) => a.startsWith('--target-directory='));
  const place = long ? long.slice('--target-directory='.length) : t >= 0 ? c.args[t + 1] : c.positionals[c.positionals.length - 1];
  const sources = c.positionals.filter((p, i) => (t >= 0 || long ? p !== place : i < c.positionals.length - 1));
  return place === undefined || sources.length === 0 ? undefined : { sources, place };
}

function kind(workspace: string, p: string): 'file' | 'dir' | undefined {
  try {
    const s = fs.statSync(path.resolve(workspace, p));
    return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : undefined;
  } catch {
    return undefined;
  }
}

/** The files of the workspace `c` would write over: a source's name in a folder that already holds it. */
function filesWrittenOver(c: CommandFact, workspace: string): string[] {
  const sp = sourcesAndPlace(c);
  if (!sp || /[$*?{`]/.test(sp.place) || kind(workspace, sp.place) !== 'dir') return [];
  const place = barePath(sp.place) || '.';
  // `rsync -a docs/ backup/` copies what docs holds, not docs: a sync, judged by the sync checks.
  const sources = sp.sources.filter((s) => !/[$*?{`]/.test(s) && !(programOf(c) === 'rsync' && s.endsWith('/')));
  return sources.flatMap((s) => {
    const target = path.posix.join(place, path.posix.basename(barePath(s)));
    return barePath(s) !== target && kind(workspace, target) === 'file' ? [target] : [];
  });
}

/** `cp notes.txt todo.md` for "copy notes.txt and todo.md to out": the place is one of the files the request lists to copy or move. */
function listedPlace(c: CommandFact, words: string): string | undefined {
  const sp = sourcesAndPlace(c);
  if (!sp) return undefined;
  const place = barePath(sp.place).toLowerCase();
  const sources = sp.sources.map((s) => barePath(s).toLowerCase()).filter((s) => s !== place);
  const runs = namedRuns(words, () => true).map((run) => run.map((n) => barePath(n)));
  return runs.some((run) => run.includes(place) && sources.some((s) => run.includes(s))) ? barePath(sp.place) : undefined;
}

/**
 * `mv main.ts backup` where backup/main.ts exists, `rsync -av main.ts
 * backup` for "put main.ts into backup without clobbering": a file of the
 * workspace written over that the request did not say to replace.
 */
export function overwritesExisting(intent: Intent, commands: CommandFact[], workspace: string | undefined): string[] {
  const placing = commands.filter((c) => placers.test(programOf(c)) && !keepsTarget(c));
  if (placing.length === 0) return [];
  const listed = placing.map((c) => listedPlace(c, intent.words)).find((p) => p !== undefined);
  if (listed) return [`it writes over ${listed}, which the request names as one of the files to ${programOf(placing[0]) === 'mv' ? 'move' : 'copy'}`];
  const keep = saysKeepExisting(intent.words);
  if (keep) return [`it writes over what is already there (${programOf(placing[0])} without -n), but the request says to keep it`];
  if (!workspace || replacesExisting.test(intent.words)) return [];
  const over = placing.flatMap((c) => filesWrittenOver(c, workspace));
  return over.length > 0 ? [`it writes over ${over[0]}, which is already there and which the request does not say to replace`] : [];
}

/**
 * `cat a.txt b.txt > out` for "copy a.txt and b.txt to out" where out is a
 * folder of the workspace: a redirect (or `tee`) cannot write into a folder;
 * the shell stops with "Is a directory" and nothing is done.
 */
export function writesOntoFolder(commands: CommandFact[], workspace: string | undefined): string[] {
  if (!workspace) return [];
  for (const c of commands) {
    const targets = [...c.redirects.filter((r) => (r.kind === 'write' || r.kind === 'append') && !r.dynamic).map((r) => r.target), ...(programOf(c) === 'tee' ? c.positionals : [])];
    const folder = targets.find((t) => !/[$*?{`]/.test(t) && !t.startsWith('/dev/') && kind(workspace, t) === 'dir');
    if (folder) return [`it writes its output to ${folder}, which is a folder: the shell cannot write into a folder that way`];
    // `cp notes.txt todo.md all.txt` for "make all.txt from notes.txt and todo.md": several sources go only into a folder.
    const placed = placers.test(programOf(c)) && programOf(c) !== 'rsync' ? sourcesAndPlace(c) : undefined;
    if (placed && placed.sources.length > 1 && !/[$*?{`]/.test(placed.place) && !placed.place.endsWith('/') && kind(workspace, placed.place) !== 'dir') return [`it ${programOf(c) === 'mv' ? 'moves' : 'copies'} several files onto ${placed.place}, which is no folder: ${programOf(c)} refuses that`];
  }
  return [];
}
