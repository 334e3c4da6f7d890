// A snapshot run's files on the way in and out: the copy (packed in, read
// back whole and compared with its manifest) or the overlay (nothing in;
// only the upper layer read back), then kept as pending changes within the
// pending caps.

import type { Readable } from 'node:stream';
import type { RunResult } from '../protocol/types';
import type { Settings } from '../settings/settings';
import { explainDockerError } from './docker';
import { existsInRun, readUpper, upperIsEmpty } from './overlayLayers';
import { PENDING_TTL_MS, type PendingEntry, type PendingStore } from './pendingChanges';
import { makeRoom, pendingBytes } from './pendingCaps';
import type { Sandbox } from './sandbox';
import { collectChanges } from './snapshotChanges';
import { collectUpperChanges } from './upperChanges';
import { linkBreaksOut, listWorkspaceFiles, packWorkspace, type Manifest } from './workspaceFiles';

type OnOutput = (chunk: { stream: 'stdout' | 'stderr'; text: string }) => void;

/** Copies the workspace into the sandbox's volume; the manifest says what went in. */
export async function copyIn(sandbox: Sandbox, workspace: string, maxMiB: number, options: { signal?: AbortSignal; onOutput?: OnOutput; readOnly?: boolean }): Promise<Manifest> {
  const listed = await listWorkspaceFiles(workspace, options.signal);
  const files = listed.filter((rel) => !linkBreaksOut(workspace, rel));
  if (files.length < listed.length) {
    const kept = new Set(files);
    const left = listed.filter((rel) => !kept.has(rel));
    options.onOutput?.({ stream: 'stderr', text: `[paladin: the snapshot leaves out ${left.length} link(s) pointing outside the workspace: ${left.slice(0, 10).join(', ')}${left.length > 10 ? ', …' : ''}]\n` });
  }
  const { stream, manifest } = await packWorkspace(workspace, files, maxMiB * 1024 * 1024, options.signal, options.readOnly ? 0 : 1000);
  manifest.catch(() => undefined);
  try {
    await sandbox.container.putArchive(stream as unknown as NodeJS.ReadableStream, { path: '/workspace' });
  } catch (err) {
    await manifest.catch((e: Error) => {
      throw e;
    });
    throw explainDockerError(err);
  }
  return manifest;
}

/** What the run changed: the overlay's upper layer, or the whole copy against its manifest. */
async function readChanges(sandbox: Sandbox, workspace: string, manifest: Manifest | undefined, filesDir: string): Promise<PendingEntry[]> {
  const holder = sandbox.overlay?.holder;
  if (sandbox.shape.overlay && holder) {
    if (await upperIsEmpty(holder)) return [];
    const upper = await readUpper(holder);
    return collectUpperChanges(upper, workspace, filesDir, (rel) => existsInRun(sandbox.container, rel));
  }
  if (!manifest) throw new Error('the snapshot has no manifest');
  const archive = (await sandbox.container.getArchive({ path: '/workspace' })) as Readable;
  return collectChanges(archive, manifest, workspace, filesDir);
}

/** Reads the run's changes back and keeps them as pending changes (within the caps). */
export async function keepChanges(
  pending: PendingStore,
  settings: Settings['sandbox'],
  sandbox: Sandbox,
  run: { runId: string; workspace: string; userId?: string; manifest?: Manifest },
): Promise<RunResult['changes']> {
  const { runId, workspace } = run;
  const dir = pending.create(runId);
  try {
    const entries = await readChanges(sandbox, workspace, run.manifest, `${dir}/files`);
    if (entries.length === 0) {
      pending.remove(runId);
      return [];
    }
    const now = Date.now();
    const userId = run.userId ?? '';
    // The kept files and the record itself (its diffs can be large too).
    const bytes = pendingBytes(dir) + Buffer.byteLength(JSON.stringify(entries));
    makeRoom(pending, { runId, userId, bytes }, { userMiB: settings.pendingUserMaxMiB, totalMiB: settings.pendingMaxMiB });
    pending.save({ runId, workspace, userId, bytes, createdAt: now, expiresAt: now + PENDING_TTL_MS, changes: entries });
    return entries.map(({ base: _b, next: _n, ...change }) => change);
  } catch (err) {
    pending.remove(runId);
    throw (err as { statusCode?: number }).statusCode ? explainDockerError(err) : err;
  }
}
