// Undoing an apply: the record of what it replaced is applied the other way
// round through the same all-or-nothing, link-refusing code as an apply
// (applyChanges.ts), so every write goes through folder handles. Each path
// must still hold exactly what the apply left (compared by hash); otherwise
// nothing is changed and the refusal names the files.

import * as fs from 'node:fs';
import { applyPending } from './applyChanges';
import { FolderTree, openRoot } from './folderHandles';
import type { PendingEntry, PendingRun } from './pendingChanges';
import type { UndoRecord, UndoStore } from './undoRecords';
import type { UndoResult } from '../stages';

export type { UndoResult };

function reversed(record: UndoRecord): PendingRun {
  const changes: PendingEntry[] = record.entries.map((e) => ({
    path: e.path,
    kind: !e.before ? 'deleted' : !e.after ? 'created' : 'changed',
    base: e.after,
    next: e.before && {
      type: e.before.type,
      hash: e.before.hash,
      mode: e.before.mode,
      file: e.before.file,
      linkTarget: e.before.linkTarget,
      ...(e.before.uid !== undefined && e.before.gid !== undefined ? { owner: { uid: e.before.uid, gid: e.before.gid } } : {}),
    },
  }));
  return { runId: record.runId, workspace: record.workspace, createdAt: record.appliedAt, expiresAt: record.expiresAt, changes };
}

const refusal = (runId: string) => (paths: string[]) =>
  `Nothing was undone: ${paths.length === 1 ? 'this file has' : 'these files have'} changed since run ${runId} was applied: ${paths.join(', ')}. ` +
  'Undo would overwrite those edits; put them back as the apply left them, or restore the files by hand.';

/** Restores what the apply of `runId` replaced; the record is dropped once everything is back. */
export function undoApply(store: UndoStore, runId: string): UndoResult {
  const record = store.load(runId);
  const report = applyPending(reversed(record), (name) => store.fileOf(runId, name), { includeSensitive: true, conflictMessage: refusal(runId) });
  if (report.failed.length > 0) return { restored: report.applied, skipped: report.skipped, failed: report.failed };
  removeCreatedDirs(record);
  store.remove(runId);
  return { restored: report.applied, skipped: report.skipped };
}

/** Folders the apply created, deepest first, through folder handles; kept when something else is in them. */
function removeCreatedDirs(record: UndoRecord): void {
  if (record.createdDirs.length === 0) return;
  let tree: FolderTree;
  try {
    tree = new FolderTree(openRoot(fs.realpathSync(record.workspace)));
  } catch {
    return;
  }
  try {
    for (const rel of [...record.createdDirs].sort((a, b) => b.split('/').length - a.split('/').length)) {
      const cut = rel.lastIndexOf('/');
      try {
        tree.get(cut < 0 ? '' : rel.slice(0, cut))?.rmdir(rel.slice(cut + 1));
      } catch {
        // not empty, or gone already
      }
    }
  } finally {
    tree.close();
  }
}
