// After an overlay snapshot run: turn the upper layer (what the run wrote,
// untrusted) into pending changes. What the workspace held before is read
// from the workspace itself, only at the paths the upper layer names, never
// following a link. Deletions are what the upper layer hides:
// - a whiteout, FIFO, device or any other non-file entry hides the lower
//   entry at its path (and everything below it);
// - a file or link where the workspace had a folder hides that folder;
// - a folder where the workspace had a file or link hides it;
// - an opaque folder (removed, then made again) hides every lower entry in
//   it that the upper layer does not name. Opaqueness is an extended
//   attribute the engine's archive does not carry, so it is asked of the
//   frozen run: does one such lower entry still show in its view?

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import type { PendingEntry } from './pendingChanges';
import { deletedEntry, readArchiveChanges } from './snapshotChanges';
import { MAX_SNAPSHOT_FILES, sha256, type ManifestEntry } from './workspaceFiles';
import { createdFolders, lowerStat } from './folderChanges';

const SMALL_FILE = 1 << 20;

/** What the workspace holds at `rel` as a manifest entry (a file or a link), hashed now; undefined otherwise. */
export async function lowerEntry(workspace: string, rel: string): Promise<ManifestEntry | undefined> {
  const st = lowerStat(workspace, rel);
  if (!st) return undefined;
  const full = path.join(workspace, rel);
  if (st.isSymbolicLink()) {
    const target = fs.readlinkSync(full);
    return { type: 'symlink', size: 0, mode: 0o777, hash: sha256(target), linkTarget: target };
  }
  if (!st.isFile()) return undefined;
  let fd: number;
  try {
    fd = fs.openSync(full, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch {
    return undefined;
  }
  const mode = st.mode & 0o111 ? 0o755 : 0o644;
  const now = fs.fstatSync(fd);
  if (!now.isFile() || now.ino !== st.ino) {
    fs.closeSync(fd);
    return undefined;
  }
  if (now.size <= SMALL_FILE) {
    try {
      return { type: 'file', size: now.size, mode, hash: sha256(fs.readFileSync(fd)), hardlinked: st.nlink > 1 };
    } finally {
      fs.closeSync(fd);
    }
  }
  const hash = await new Promise<string>((resolve, reject) => {
    const h = createHash('sha256');
    const source = fs.createReadStream('', { fd, autoClose: true });
    source.on('data', (chunk) => h.update(chunk as Buffer));
    source.on('error', reject);
    source.on('end', () => resolve(h.digest('hex')));
  });
  return { type: 'file', size: now.size, mode, hash, hardlinked: st.nlink > 1 };
}

/** Every file and link of the workspace at or below `rel` (links not followed), added to `out`. */
function lowerFilesBelow(workspace: string, rel: string, out: Set<string>): void {
  const stack = [rel];
  while (stack.length > 0) {
    const cur = stack.pop()!;
    const st = lowerStat(workspace, cur);
    if (!st) continue;
    if (st.isFile() || st.isSymbolicLink()) out.add(cur);
    else if (st.isDirectory()) {
      let names: string[];
      try {
        names = fs.readdirSync(path.join(workspace, cur));
      } catch {
        continue; // unreadable here was unreadable to the run too
      }
      for (const name of names) stack.push(`${cur}/${name}`);
    }
    if (out.size > MAX_SNAPSHOT_FILES) throw new Error(`the run deleted more than ${MAX_SNAPSHOT_FILES} files; no changes were kept`);
  }
}

const parentOf = (rel: string) => (rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '');
const nameOf = (rel: string) => rel.slice(rel.lastIndexOf('/') + 1);

/**
 * Pending changes from the upper layer's tar. `shownInRun(rel)` says whether
 * `rel` exists in the frozen run's merged view.
 */
export async function collectUpperChanges(
  archive: Readable,
  workspace: string,
  filesDir: string,
  shownInRun: (rel: string) => Promise<boolean>,
): Promise<PendingEntry[]> {
  const folders: string[] = [];
  const hiding: string[] = [];
  const { entries, seen } = await readArchiveChanges(archive, (rel) => lowerEntry(workspace, rel), workspace, filesDir, {
    onFolder: (rel) => folders.push(rel),
    onOther: (rel) => hiding.push(rel),
  });
  const named = new Map<string, Set<string>>();
  for (const rel of [...folders, ...hiding, ...seen]) {
    const parent = parentOf(rel);
    if (!named.has(parent)) named.set(parent, new Set());
    named.get(parent)!.add(nameOf(rel));
  }
  const gone = new Set<string>();
  for (const rel of hiding) lowerFilesBelow(workspace, rel, gone);
  for (const rel of seen) if (lowerStat(workspace, rel)?.isDirectory()) lowerFilesBelow(workspace, rel, gone);
  for (const rel of folders) {
    const st = lowerStat(workspace, rel);
    if (!st) continue;
    if (!st.isDirectory()) {
      lowerFilesBelow(workspace, rel, gone);
      continue;
    }
    const unnamed = lowerNames(workspace, rel).filter((name) => !named.get(rel)?.has(name));
    if (unnamed.length > 0 && (await isOpaque(workspace, rel, unnamed, shownInRun))) {
      for (const name of unnamed) lowerFilesBelow(workspace, `${rel}/${name}`, gone);
    }
  }
  for (const rel of [...gone].sort()) {
    if (seen.has(rel)) continue; // replaced, already listed as changed
    const before = await lowerEntry(workspace, rel);
    if (before) entries.push(deletedEntry(workspace, rel, before));
  }
  entries.push(...createdFolders(folders, [...hiding, ...seen], workspace));
  return entries.sort((a, b) => a.path.localeCompare(b.path));
}

function lowerNames(workspace: string, rel: string): string[] {
  try {
    return fs.readdirSync(path.join(workspace, rel));
  } catch {
    return [];
  }
}

/**
 * A folder in both layers is opaque when a lower entry the upper layer does
 * not name is missing from the run's view. An entry that left the workspace
 * itself meanwhile proves nothing, so the next one is asked.
 */
async function isOpaque(workspace: string, rel: string, unnamed: string[], shownInRun: (rel: string) => Promise<boolean>): Promise<boolean> {
  for (const name of unnamed.slice(0, 8)) {
    const child = `${rel}/${name}`;
    if (await shownInRun(child)) return false;
    if (lowerStat(workspace, child)) return true;
  }
  throw new Error(`could not tell whether the run replaced the folder ${rel}: its entries keep leaving the workspace`);
}
