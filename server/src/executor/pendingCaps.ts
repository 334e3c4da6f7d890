// Disk caps on pending snapshot changes, so runs cannot fill the disk with
// what they leave for a day: one user's pending changes are capped, and all
// of them together. To make room, the user's own oldest pending runs are
// dropped first; past that (the run alone is too big, or the total is full
// with other users' changes) the new run's changes are refused, never
// anyone else's dropped.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { RequestError } from '../kernel';
import type { PendingStore } from './pendingChanges';

const MiB = 1024 * 1024;

export class PendingCapError extends RequestError {}

/** Bytes the files of one pending run take. */
export function pendingBytes(dir: string): number {
  let total = 0;
  try {
    for (const name of fs.readdirSync(path.join(dir, 'files'))) total += fs.lstatSync(path.join(dir, 'files', name)).size;
  } catch {
    // no files folder: nothing kept
  }
  return total;
}

/**
 * Makes room for a new pending run of `bytes` by `userId` (already on disk
 * as `runId`), or throws a PendingCapError that says what to do.
 */
export function makeRoom(store: PendingStore, run: { runId: string; userId: string; bytes: number }, caps: { userMiB: number; totalMiB: number }): void {
  const userCap = caps.userMiB * MiB;
  const totalCap = caps.totalMiB * MiB;
  const mb = (n: number) => `${(n / MiB).toFixed(1)} MiB`;
  const help = 'Apply or discard earlier runs (paladin run --apply/--discard RUNID), or raise the cap.';
  if (run.bytes > userCap || run.bytes > totalCap) {
    const cap = run.bytes > userCap ? `paladin.sandbox.pendingUserMaxMiB, ${caps.userMiB} MiB per user` : `paladin.sandbox.pendingMaxMiB, ${caps.totalMiB} MiB in all`;
    throw new PendingCapError(`The run's changes (${mb(run.bytes)}) were not kept: pending changes are capped (${cap}). Run it in live mode if you trust it, or make it change less.`);
  }
  const others = store.list().filter((r) => r.runId !== run.runId);
  const mine = others.filter((r) => r.userId === run.userId).sort((a, b) => a.createdAt - b.createdAt);
  let userTotal = run.bytes + mine.reduce((n, r) => n + r.bytes, 0);
  let total = run.bytes + others.reduce((n, r) => n + r.bytes, 0);
  while ((userTotal > userCap || total > totalCap) && mine.length > 0) {
    const oldest = mine.shift()!;
    store.remove(oldest.runId);
    userTotal -= oldest.bytes;
    total -= oldest.bytes;
  }
  if (total > totalCap) {
    throw new PendingCapError(
      `The run's changes (${mb(run.bytes)}) were not kept: pending changes of all users already take ${mb(total - run.bytes)} of ${caps.totalMiB} MiB (paladin.sandbox.pendingMaxMiB). ${help}`,
    );
  }
}
