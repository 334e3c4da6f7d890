// Snapshot runs leave their changes on disk, next to the database, until a
// person applies or discards them, so `paladin run --apply RUNID` works from
// another process. Entries expire after a day.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FileChange } from '../protocol/types';
import { RequestError } from '../kernel';

export const PENDING_TTL_MS = 24 * 60 * 60 * 1000;

export interface PendingEntry extends FileChange {
  /** What the workspace held when the snapshot was taken (changed/deleted). */
  base?: { type: 'file' | 'symlink'; hash: string; hardlinked?: boolean };
  /** What the run left (created/changed); `dir` is a folder the run made and left empty. */
  next?: { type: 'file' | 'symlink' | 'dir'; hash: string; mode?: number; file?: string; linkTarget?: string; owner?: { uid: number; gid: number } };
}

export interface PendingRun {
  runId: string;
  workspace: string;
  /** Who ran it ('' when unknown); pending changes are capped per user. */
  userId?: string;
  /** Bytes its kept files take on disk. */
  bytes?: number;
  createdAt: number;
  expiresAt: number;
  changes: PendingEntry[];
}

const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function pendingRoot(dbPath: string): string {
  if (dbPath === ':memory:' || dbPath === '') return path.join(os.tmpdir(), `paladin-runs-${process.getuid?.() ?? 'user'}`);
  return path.join(path.dirname(path.resolve(dbPath)), 'runs');
}

export class PendingStore {
  constructor(readonly root: string) {}

  dir(runId: string): string {
    if (!RUN_ID.test(runId) || runId.startsWith('.')) throw new RequestError(`"${runId}" is not a run id. Use the id a snapshot run printed (paladin run --json shows it as runId).`);
    return path.join(this.root, runId);
  }

  /** A fresh folder for the files of a run's changes. */
  create(runId: string): string {
    fs.mkdirSync(this.root, { recursive: true, mode: 0o700 });
    const dir = this.dir(runId);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, 'files'), { recursive: true, mode: 0o700 });
    return dir;
  }

  save(run: PendingRun): void {
    writeJsonAtomically(path.join(this.dir(run.runId), 'pending.json'), run);
  }

  load(runId: string): PendingRun {
    const file = path.join(this.dir(runId), 'pending.json');
    let run: PendingRun;
    try {
      run = JSON.parse(fs.readFileSync(file, 'utf8')) as PendingRun;
    } catch {
      throw new RequestError(`No pending changes for run ${runId}: it was not a snapshot run, changed nothing, was already applied or discarded, or expired (after 24 hours).`);
    }
    if (run.expiresAt < Date.now()) {
      this.remove(runId);
      throw new RequestError(`The changes of run ${runId} expired (kept 24 hours). Run the command again.`);
    }
    return run;
  }

  fileOf(runId: string, name: string): string {
    if (!/^\d+$/.test(name)) throw new Error('bad pending file name');
    return path.join(this.dir(runId), 'files', name);
  }

  remove(runId: string): void {
    fs.rmSync(this.dir(runId), { recursive: true, force: true });
  }

  /** Every pending run on disk, unexpired or not: who made it, when, and what it takes. */
  list(): { runId: string; userId: string; createdAt: number; bytes: number }[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.root);
    } catch {
      return [];
    }
    const out: { runId: string; userId: string; createdAt: number; bytes: number }[] = [];
    for (const name of names) {
      try {
        const run = JSON.parse(fs.readFileSync(path.join(this.root, name, 'pending.json'), 'utf8')) as PendingRun;
        out.push({ runId: run.runId, userId: run.userId ?? '', createdAt: run.createdAt, bytes: run.bytes ?? 0 });
      } catch {
        // being written, or not a run
      }
    }
    return out;
  }

  /** Removes expired entries and half-written ones; returns how many. */
  purge(now = Date.now()): number {
    let removed = 0;
    let names: string[];
    try {
      names = fs.readdirSync(this.root);
    } catch {
      return 0;
    }
    for (const name of names) {
      const dir = path.join(this.root, name);
      try {
        const run = JSON.parse(fs.readFileSync(path.join(dir, 'pending.json'), 'utf8')) as PendingRun;
        if (run.expiresAt >= now) continue;
      } catch {
        const st = fs.statSync(dir, { throwIfNoEntry: false });
        if (st && now - st.mtimeMs < 60 * 60 * 1000) continue; // maybe still being written
      }
      fs.rmSync(dir, { recursive: true, force: true });
      removed++;
    }
    return removed;
  }
}

/** An owner-only JSON file, written whole or not at all (a temporary name, then a rename). */
export function writeJsonAtomically(file: string, value: unknown): void {
  fs.writeFileSync(file + '.tmp', JSON.stringify(value), { mode: 0o600 });
  fs.renameSync(file + '.tmp', file);
}
