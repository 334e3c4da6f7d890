// What an apply replaced, kept so `paladin run --undo RUNID` can put it
// back: for every path the apply wrote, what was there before (content,
// mode, owner, or a link's target; nothing for a file it created) and what
// the apply left (its hash), plus the folders the apply had to create.
// Kept next to the pending changes, in `<data>/runs-undo/<runId>/`, for
// seven days. The previous contents are read through the apply's own
// folder handles, never through a link.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { RequestError } from '../kernel';
import type { ApplyTarget } from './applyChanges';
import { writeJsonAtomically } from './pendingChanges';
import { sha256 } from './workspaceFiles';

export const UNDO_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export interface UndoEntry {
  path: string;
  /** What the workspace held before the apply; undefined when the apply created the path. */
  before?: { type: 'file' | 'symlink'; hash: string; mode?: number; uid?: number; gid?: number; file?: string; linkTarget?: string };
  /** What the apply left; undefined when it deleted the path. */
  after?: { type: 'file' | 'symlink'; hash: string };
}

export interface UndoRecord {
  runId: string;
  workspace: string;
  appliedAt: number;
  expiresAt: number;
  entries: UndoEntry[];
  /** Folders the apply created (parents first); removed by the undo when empty. */
  createdDirs: string[];
}

export class UndoStore {
  constructor(readonly root: string) {}

  dir(runId: string): string {
    if (!RUN_ID.test(runId) || runId.startsWith('.')) throw new RequestError(`"${runId}" is not a run id. Use the id of an applied snapshot run (paladin run --json shows it as runId).`);
    return path.join(this.root, runId);
  }

  fileOf(runId: string, name: string): string {
    if (!/^\d+$/.test(name)) throw new Error('bad undo file name');
    return path.join(this.dir(runId), 'files', name);
  }

  /** The record of an earlier apply of the same run (an apply in two steps, e.g. --include-sensitive later). */
  existing(runId: string): UndoRecord | undefined {
    const file = path.join(this.dir(runId), 'undo.json');
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')) as UndoRecord;
    } catch {
      return undefined;
    }
  }

  load(runId: string): UndoRecord {
    const record = this.existing(runId);
    if (!record) throw new RequestError(`Nothing to undo for run ${runId}: its changes were never applied, were already undone, or the record expired (kept 7 days).`);
    if (record.expiresAt < Date.now()) {
      this.remove(runId);
      throw new RequestError(`The undo record of run ${runId} expired (kept 7 days); nothing was changed.`);
    }
    return record;
  }

  save(record: UndoRecord): void {
    writeJsonAtomically(path.join(this.dir(record.runId), 'undo.json'), record);
  }

  remove(runId: string): void {
    fs.rmSync(this.dir(runId), { recursive: true, force: true });
  }

  /** Removes expired records; returns how many. */
  purge(now = Date.now()): number {
    let removed = 0;
    let names: string[];
    try {
      names = fs.readdirSync(this.root);
    } catch {
      return 0;
    }
    for (const name of names) {
      const record = RUN_ID.test(name) ? this.existing(name) : undefined;
      if (record && record.expiresAt >= now) continue;
      const st = fs.statSync(path.join(this.root, name), { throwIfNoEntry: false });
      if (!record && st && now - st.mtimeMs < 60 * 60 * 1000) continue; // maybe being written
      fs.rmSync(path.join(this.root, name), { recursive: true, force: true });
      removed++;
    }
    return removed;
  }

  /** Starts recording an apply of `runId`; call `capture` before it writes and `finish` after. */
  begin(runId: string, workspace: string): UndoCapture {
    return new UndoCapture(this, runId, workspace);
  }
}

export class UndoCapture {
  private readonly captured = new Map<string, UndoEntry>();
  private createdDirs: string[] = [];
  private next = 0;
  private readonly earlier: UndoRecord | undefined;

  constructor(
    private readonly store: UndoStore,
    private readonly runId: string,
    private readonly workspace: string,
  ) {
    this.earlier = store.existing(runId);
    if (this.earlier) {
      const names = fs.readdirSync(path.join(store.dir(runId), 'files')).filter((n) => /^\d+$/.test(n));
      this.next = names.reduce((max, n) => Math.max(max, Number(n) + 1), 0);
    }
  }

  /** Copies what each target holds now into the record's folder; throws (and nothing is applied) when it cannot. */
  capture(targets: ApplyTarget[]): void {
    const dir = this.store.dir(this.runId);
    fs.mkdirSync(path.join(dir, 'files'), { recursive: true, mode: 0o700 });
    const missing = new Set<string>();
    for (const t of targets) {
      for (const rel of t.newDirs) missing.add(rel);
      // A folder the apply makes is undone by removing it (when empty), like the folders on the way.
      if (t.entry.next?.type === 'dir') continue;
      const after = t.entry.next ? { type: t.entry.next.type as 'file' | 'symlink', hash: t.entry.next.hash } : undefined;
      const st = t.folder?.lstat(t.name);
      if (!t.folder || !st) {
        this.captured.set(t.entry.path, { path: t.entry.path, after });
        continue;
      }
      if (st.isSymbolicLink()) {
        const target = t.folder.readlink(t.name);
        this.captured.set(t.entry.path, { path: t.entry.path, before: { type: 'symlink', hash: sha256(target), linkTarget: target }, after });
        continue;
      }
      const file = t.folder.readFile(t.name);
      if (!file) throw new RequestError(`Nothing was applied: ${t.entry.path} could not be read to keep it for undo.`);
      const name = String(this.next++);
      fs.writeFileSync(this.store.fileOf(this.runId, name), file.data, { mode: 0o600 });
      const before = { type: 'file' as const, hash: sha256(file.data), mode: st.mode & 0o7777, uid: st.uid, gid: st.gid, file: name };
      this.captured.set(t.entry.path, { path: t.entry.path, before, after });
    }
    this.createdDirs = [...missing].sort((a, b) => a.split('/').length - b.split('/').length);
  }

  /** Keeps the record of the paths actually applied (merged with an earlier apply of the run), or drops it. */
  finish(applied: string[]): void {
    const entries = applied.map((p) => this.captured.get(p)).filter((e): e is UndoEntry => e !== undefined);
    const earlier = this.earlier?.entries ?? [];
    if (entries.length === 0 && earlier.length === 0 && this.createdDirs.length === 0) return this.abort();
    const now = Date.now();
    const seen = new Set(entries.map((e) => e.path));
    this.store.save({
      runId: this.runId,
      workspace: this.workspace,
      appliedAt: now,
      expiresAt: now + UNDO_TTL_MS,
      entries: [...earlier.filter((e) => !seen.has(e.path)), ...entries],
      createdDirs: [...new Set([...(this.earlier?.createdDirs ?? []), ...this.createdDirs])],
    });
  }

  /** Drops what was captured (the apply wrote nothing), keeping an earlier record whole. */
  abort(): void {
    if (!this.earlier) this.store.remove(this.runId);
  }
}
