// Applying a snapshot run's changes to the real workspace: all-or-nothing,
// never through a symlink or a hard link, never into .git/ or .vscode/
// unless asked separately, and only over files that still hold what the
// snapshot saw.

import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RequestError } from '../paladin';
import type { ApplyResult } from '../stages';
import type { PendingEntry, PendingRun } from './pendingChanges';
import { sha256 } from './workspaceFiles';

type Current = { type: 'file' | 'symlink' | 'other'; hash: string; nlink: number } | undefined;

function current(full: string): Current {
  const st = fs.lstatSync(full, { throwIfNoEntry: false });
  if (!st) return undefined;
  if (st.isSymbolicLink()) return { type: 'symlink', hash: sha256(fs.readlinkSync(full)), nlink: 1 };
  if (!st.isFile()) return { type: 'other', hash: '', nlink: st.nlink };
  const fd = fs.openSync(full, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  try {
    return { type: 'file', hash: sha256(fs.readFileSync(fd)), nlink: st.nlink };
  } finally {
    fs.closeSync(fd);
  }
}

/** Why the parent folders of `rel` cannot be written safely, or undefined. Missing folders are fine (created). */
function parentProblem(workspace: string, rel: string): string | undefined {
  let cur = workspace;
  for (const part of rel.split('/').slice(0, -1)) {
    cur = path.join(cur, part);
    const st = fs.lstatSync(cur, { throwIfNoEntry: false });
    if (!st) return undefined;
    if (st.isSymbolicLink()) return `the folder ${path.relative(workspace, cur)} is a symlink; Paladin does not write through links`;
    if (!st.isDirectory()) return `${path.relative(workspace, cur)} is not a folder`;
  }
  return undefined;
}

/** A symlink the run created must point inside the workspace. */
function linkEscapes(workspace: string, rel: string, target: string): boolean {
  if (path.isAbsolute(target)) return true;
  const resolved = path.resolve(path.dirname(path.join(workspace, rel)), target);
  return resolved !== workspace && !resolved.startsWith(workspace + path.sep);
}

interface Step {
  entry: PendingEntry;
  full: string;
  staged?: string;
  backup?: string;
  createdDirs: string[];
}

export function applyPending(
  run: PendingRun,
  fileOf: (name: string) => string,
  options: { includeSensitive?: boolean } = {},
): ApplyResult & { remaining: PendingEntry[] } {
  const workspace = fs.realpathSync(run.workspace);
  if (workspace !== run.workspace) throw new RequestError(`The workspace ${run.workspace} moved or became a link since the run; nothing was applied.`);
  const skipped: ApplyResult['skipped'] = [];
  const remaining: PendingEntry[] = [];
  const steps: Step[] = [];
  const conflicts: string[] = [];
  for (const entry of run.changes) {
    const rel = entry.path;
    if (path.isAbsolute(rel) || rel.split('/').some((p) => p === '..' || p === '')) {
      skipped.push({ path: rel, reason: 'not a path inside the workspace' });
      continue;
    }
    if (entry.sensitive && !options.includeSensitive) {
      skipped.push({ path: rel, reason: 'inside .git/ or .vscode/: apply again with --include-sensitive to write it' });
      remaining.push(entry);
      continue;
    }
    const full = path.join(workspace, rel);
    const problem = parentProblem(workspace, rel);
    if (problem) {
      skipped.push({ path: rel, reason: problem });
      continue;
    }
    if (entry.next?.type === 'symlink' && linkEscapes(workspace, rel, entry.next.linkTarget ?? '')) {
      skipped.push({ path: rel, reason: `a symlink to ${entry.next.linkTarget}, outside the workspace` });
      continue;
    }
    const now = current(full);
    if (now && now.type === 'file' && now.nlink > 1) {
      skipped.push({ path: rel, reason: 'the file has other hard links (maybe outside the workspace); Paladin does not change it' });
      continue;
    }
    if (now && entry.next && now.type === entry.next.type && now.hash === entry.next.hash) continue; // already applied
    const expected = entry.base;
    const matches = expected ? now !== undefined && now.type === expected.type && now.hash === expected.hash : now === undefined;
    if (!matches) {
      conflicts.push(rel);
      continue;
    }
    steps.push({ entry, full, createdDirs: [] });
  }
  if (conflicts.length > 0) {
    throw new RequestError(
      `Nothing was applied: ${conflicts.length === 1 ? 'this file' : 'these files'} changed in the workspace since the run: ${conflicts.join(', ')}. Run the command again on the current files.`,
    );
  }

  const tag = randomBytes(6).toString('hex');
  const done: Step[] = [];
  try {
    // Stage every new file next to its target first, so the commit below is renames only.
    for (const step of steps) {
      const next = step.entry.next;
      if (!next) continue;
      const dir = path.dirname(step.full);
      step.createdDirs = makeDirs(workspace, dir);
      step.staged = path.join(dir, `.paladin-new-${tag}-${path.basename(step.full)}`);
      if (next.type === 'symlink') fs.symlinkSync(next.linkTarget ?? '', step.staged);
      else {
        const data = fs.readFileSync(fileOf(next.file ?? ''));
        const fd = fs.openSync(step.staged, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, next.mode ?? 0o644);
        try {
          fs.writeFileSync(fd, data);
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
        fs.chmodSync(step.staged, next.mode ?? 0o644);
      }
    }
    for (const step of steps) {
      if (fs.lstatSync(step.full, { throwIfNoEntry: false })) {
        step.backup = path.join(path.dirname(step.full), `.paladin-old-${tag}-${path.basename(step.full)}`);
        fs.renameSync(step.full, step.backup);
      }
      done.push(step);
      if (step.staged) fs.renameSync(step.staged, step.full);
      step.staged = undefined;
    }
  } catch (err) {
    for (const step of done.reverse()) {
      if (!step.staged) fs.rmSync(step.full, { force: true });
      if (step.backup) fs.renameSync(step.backup, step.full);
    }
    for (const step of steps) {
      if (step.staged) fs.rmSync(step.staged, { force: true });
      for (const dir of step.createdDirs.reverse()) {
        try {
          fs.rmdirSync(dir);
        } catch {
          // not empty: another step's folder too
        }
      }
    }
    throw new RequestError(`Nothing was applied: ${(err as Error).message}`);
  }
  for (const step of steps) if (step.backup) fs.rmSync(step.backup, { force: true });
  return { applied: steps.map((s) => s.entry.path), skipped, remaining };
}

/** Creates missing folders under the workspace (never through a link); returns those it made. */
function makeDirs(workspace: string, dir: string): string[] {
  const made: string[] = [];
  let cur = workspace;
  for (const part of path.relative(workspace, dir).split(path.sep).filter(Boolean)) {
    cur = path.join(cur, part);
    const st = fs.lstatSync(cur, { throwIfNoEntry: false });
    if (!st) {
      fs.mkdirSync(cur, { mode: 0o755 });
      made.push(cur);
    } else if (!st.isDirectory() || st.isSymbolicLink()) {
      throw new Error(`${path.relative(workspace, cur)} is not a folder`);
    }
  }
  return made;
}
