// Applying a snapshot run's changes to the real workspace: all-or-nothing,
// never through a symlink or a hard link, never into .git/ or .vscode/
// unless asked separately, and only over files that still hold what the
// snapshot saw. Every write is made relative to a folder handle opened
// without following links (folderHandles.ts), so a folder swapped for a link
// while the apply runs cannot send a write outside the workspace.

import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { RequestError } from '../kernel';
import type { ApplyResult } from '../stages';
import { badName, type Folder, FolderTree, handlesSupported, openRoot } from './folderHandles';
import { linkStaysInside, type Planned } from './linkCheck';
import type { PendingEntry, PendingRun } from './pendingChanges';
import { sha256 } from './workspaceFiles';

type Current = { type: 'file' | 'symlink' | 'other'; hash: string; nlink: number; mode?: number } | undefined;

export type ApplyReport = ApplyResult & { failed: { path: string; reason: string }[]; remaining: PendingEntry[] };

/** A place an apply is about to write: its folder (open, or undefined when the apply creates it) and entry name. */
export interface ApplyTarget {
  entry: PendingEntry;
  dirRel: string;
  name: string;
  folder: Folder | undefined;
  /** Folders on the way that do not exist yet (the apply creates them), deepest first. */
  newDirs: string[];
}

export interface ApplyOptions {
  includeSensitive?: boolean;
  /** Called with every place about to be written, before anything is; throwing stops the apply with nothing written. */
  beforeCommit?: (targets: ApplyTarget[]) => void;
  /** The refusal when files changed since (default: since the run). */
  conflictMessage?: (paths: string[]) => string;
}

interface Step {
  entry: PendingEntry;
  dirRel: string;
  name: string;
  folder?: Folder;
  staged?: string;
  backup?: string;
  /** The new content (or the removal) is in place. */
  placed?: boolean;
}

function current(folder: Folder | undefined, name: string): Current {
  const st = folder?.lstat(name);
  if (!folder || !st) return undefined;
  if (st.isSymbolicLink()) return { type: 'symlink', hash: sha256(folder.readlink(name)), nlink: 1 };
  if (!st.isFile()) return { type: 'other', hash: '', nlink: st.nlink };
  const file = folder.readFile(name);
  if (!file) return { type: 'other', hash: '', nlink: st.nlink };
  return { type: 'file', hash: sha256(file.data), nlink: file.nlink, mode: st.mode & 0o111 ? 0o755 : 0o644 };
}

/** Why `rel` is not a path Paladin writes, or undefined. */
function pathProblem(rel: string): string | undefined {
  if (rel.startsWith('/') || rel.includes('\\')) return 'not a path inside the workspace';
  for (const part of rel.split('/')) {
    if (part === '..' || part === '' || part === '.') return 'not a path inside the workspace';
    const why = badName(part);
    if (why) return why;
  }
  return undefined;
}

function splitRel(rel: string): { dirRel: string; name: string } {
  const cut = rel.lastIndexOf('/');
  return { dirRel: cut < 0 ? '' : rel.slice(0, cut), name: rel.slice(cut + 1) };
}

export function applyPending(run: PendingRun, fileOf: (name: string) => string, options: ApplyOptions = {}): ApplyReport {
  if (!handlesSupported()) throw new RequestError('Applying changes needs Linux with /proc mounted (writes are made through folder handles that never follow links); nothing was applied.');
  const workspace = fs.realpathSync(run.workspace);
  if (workspace !== run.workspace) throw new RequestError(`The workspace ${run.workspace} moved or became a link since the run; nothing was applied.`);
  const tree = new FolderTree(openRoot(workspace));
  try {
    return applyIn(tree, run, fileOf, options);
  } finally {
    tree.close();
  }
}

function applyIn(tree: FolderTree, run: PendingRun, fileOf: (name: string) => string, options: ApplyOptions): ApplyReport {
  const skipped: ApplyResult['skipped'] = [];
  const remaining: PendingEntry[] = [];
  const steps: Step[] = [];
  const conflicts: string[] = [];
  const planned = new Map<string, Planned>();
  // A folder to make is left out: a missing entry is taken as a folder already.
  for (const e of run.changes) if (e.next?.type !== 'dir') planned.set(e.path, e.next ? (e.next.type === 'symlink' ? { type: 'symlink', target: e.next.linkTarget ?? '' } : { type: 'file' }) : { type: 'gone' });
  for (const entry of run.changes) {
    const rel = entry.path;
    const bad = pathProblem(rel);
    if (bad) {
      skipped.push({ path: rel, reason: bad });
      continue;
    }
    if (entry.sensitive && !options.includeSensitive) {
      skipped.push({ path: rel, reason: 'inside .git/ or .vscode/: apply again with --include-sensitive to write it' });
      remaining.push(entry);
      continue;
    }
    const { dirRel, name } = splitRel(rel);
    let folder: Folder | undefined;
    try {
      folder = tree.get(dirRel);
    } catch (err) {
      skipped.push({ path: rel, reason: (err as Error).message });
      continue;
    }
    if (entry.next?.type === 'symlink' && !linkStaysInside(tree, planned, rel, entry.next.linkTarget ?? '')) {
      skipped.push({ path: rel, reason: `a symlink to ${entry.next.linkTarget}, which leads outside the workspace` });
      continue;
    }
    if (entry.next?.type === 'dir') {
      const st = folder?.lstat(name);
      if (st?.isDirectory()) continue; // already there
      if (st) conflicts.push(rel);
      else steps.push({ entry, dirRel, name });
      continue;
    }
    const now = current(folder, name);
    if (now && now.type === 'file' && now.nlink > 1) {
      skipped.push({ path: rel, reason: 'the file has other hard links (maybe outside the workspace); Paladin does not change it' });
      continue;
    }
    if (now && entry.next && now.type === entry.next.type && now.hash === entry.next.hash && (now.type !== 'file' || now.mode === (entry.next.mode ?? now.mode))) continue; // already applied
    const expected = entry.base;
    const matches = expected ? now !== undefined && now.type === expected.type && now.hash === expected.hash : now === undefined;
    if (!matches) {
      conflicts.push(rel);
      continue;
    }
    steps.push({ entry, dirRel, name });
  }
  if (conflicts.length > 0) {
    throw new RequestError(
      options.conflictMessage?.(conflicts) ??
        `Nothing was applied: ${conflicts.length === 1 ? 'this file' : 'these files'} changed in the workspace since the run: ${conflicts.join(', ')}. Run the command again on the current files.`,
    );
  }
  if (options.beforeCommit) {
    try {
      const made = (s: Step) => (s.entry.next?.type === 'dir' ? s.entry.path : s.dirRel);
      options.beforeCommit(steps.map((s) => ({ entry: s.entry, dirRel: s.dirRel, name: s.name, folder: tree.get(s.dirRel), newDirs: missingDirs(tree, made(s)) })));
    } catch (err) {
      if (err instanceof RequestError) throw err;
      throw new RequestError(`Nothing was applied: ${explain(err)}`);
    }
  }
  const failed = commit(tree, steps, fileOf);
  const applied = steps.filter((s) => s.placed).map((s) => s.entry.path);
  if (failed.length > 0 && applied.length === 0) {
    throw new RequestError(`Nothing was applied: ${failed.map((f) => `${f.path}: ${f.reason}`).join('; ')}`);
  }
  return { applied, skipped, failed, remaining };
}

/** `rel` and its parents that do not exist, deepest first. */
function missingDirs(tree: FolderTree, rel: string): string[] {
  const out: string[] = [];
  for (let at = rel; at !== '' && !tree.get(at); at = at.includes('/') ? at.slice(0, at.lastIndexOf('/')) : '') out.push(at);
  return out;
}

/**
 * Stages every new file under a short temporary name in its own folder, then
 * renames into place. On a failure, what was placed is put back. Temporary
 * names and backups are removed whatever happens. Returns what failed.
 */
function commit(tree: FolderTree, steps: Step[], fileOf: (name: string) => string): { path: string; reason: string }[] {
  const tag = randomBytes(6).toString('hex');
  let n = 0;
  let failure: { path: string; reason: string } | undefined;
  let at: Step | undefined;
  try {
    for (const step of steps) {
      at = step;
      step.folder = tree.get(step.dirRel, true);
      const next = step.entry.next;
      if (!next) continue;
      if (next.type === 'dir') {
        // Made now, with its parents; a failure later removes what this tree made.
        tree.get(step.entry.path, true);
        step.placed = true;
        continue;
      }
      const staged = `.paladin-new-${tag}-${n++}`;
      if (next.type === 'symlink') step.folder!.symlink(staged, next.linkTarget ?? '');
      else step.folder!.createFile(staged, fs.readFileSync(fileOf(next.file ?? '')), next.mode ?? 0o644, next.owner);
      step.staged = staged;
    }
    for (const step of steps) {
      at = step;
      if (step.entry.next?.type === 'dir') continue;
      const folder = step.folder!;
      if (folder.lstat(step.name)) {
        const backup = `.paladin-old-${tag}-${n++}`;
        folder.rename(step.name, backup);
        step.backup = backup;
      }
      if (step.staged) {
        folder.rename(step.staged, step.name);
        step.staged = undefined;
      }
      step.placed = true;
    }
  } catch (err) {
    failure = { path: at?.entry.path ?? '', reason: explain(err) };
    rollBack(steps);
  } finally {
    cleanUp(steps);
    if (failure) tree.removeCreated();
  }
  if (!failure) return [];
  const others = steps.filter((s) => !s.placed && s.entry.path !== failure!.path);
  return [failure, ...others.map((s) => ({ path: s.entry.path, reason: 'not written: another file failed and the apply is all-or-nothing' }))];
}

/** Puts back what was placed; a step that cannot be put back stays `placed` (and is reported as applied). */
function rollBack(steps: Step[]): void {
  for (const step of [...steps].reverse()) {
    const folder = step.folder;
    if (!folder) continue;
    try {
      if (step.placed && step.entry.next && step.entry.next.type !== 'dir') folder.unlink(step.name);
      step.placed = false;
      if (step.backup) {
        folder.rename(step.backup, step.name);
        step.backup = undefined;
      }
    } catch {
      // Left as it is; the report says it was written.
    }
  }
}

function cleanUp(steps: Step[]): void {
  for (const step of steps) {
    // A backup is dropped only once the new content is in place; otherwise it holds the person's file.
    for (const name of [step.staged, step.placed ? step.backup : undefined]) {
      if (!name || !step.folder) continue;
      try {
        step.folder.unlink(name);
      } catch {
        // already gone
      }
    }
    step.staged = undefined;
    step.backup = undefined;
  }
}

function explain(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ELOOP':
      return 'a folder on the way became a symlink while applying; Paladin does not write through links';
    case 'ENOTDIR':
      return 'a folder on the way is not a folder (any more)';
    case 'ENAMETOOLONG':
      return 'a name on the way is too long for the file system';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EEXIST':
      return 'something appeared at that place while applying';
    default:
      return e.message;
  }
}
