// Folders a snapshot run made and left empty: the only trace of `mkdir out`.
// A folder with files in it needs no entry of its own (applying the files
// makes it); an empty one does, or "create a folder" would change nothing.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PendingEntry } from './pendingChanges';
import { isSensitivePath } from './workspaceFiles';

/** The workspace's own `rel` when every folder on the way is a real folder (not a link); undefined when absent. */
export function lowerStat(workspace: string, rel: string): fs.Stats | undefined {
  let cur = workspace;
  for (const part of rel.split('/').slice(0, -1)) {
    cur = path.join(cur, part);
    if (!fs.lstatSync(cur, { throwIfNoEntry: false })?.isDirectory()) return undefined;
  }
  return fs.lstatSync(path.join(workspace, rel), { throwIfNoEntry: false });
}

/**
 * Pending entries for the run's `folders` that hold nothing the run left
 * (no entry of `others` or `folders` below them) and where the workspace
 * has nothing at all.
 */
export function createdFolders(folders: string[], others: Iterable<string>, workspace: string): PendingEntry[] {
  const holding = new Set<string>();
  for (const rel of [...folders, ...others]) {
    for (let cut = rel.lastIndexOf('/'); cut > 0; cut = rel.lastIndexOf('/', cut - 1)) holding.add(rel.slice(0, cut));
  }
  return folders
    .filter((rel) => !holding.has(rel) && lowerStat(workspace, rel) === undefined)
    .map((rel) => ({ path: rel, kind: 'created' as const, sensitive: isSensitivePath(rel) || undefined, bytes: 0, diff: `new folder ${rel}/\n`, next: { type: 'dir' as const, hash: '' } }));
}
