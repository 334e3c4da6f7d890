// After a snapshot run: read the container's copy back, compare it with the
// manifest taken on the way in, and keep what was created, changed or
// deleted (with diffs for text) as pending changes on the host.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Readable } from 'node:stream';

/** An archive entry's content (tar-stream's own stream type is not exported). */
type EntryStream = Readable;

import * as tar from 'tar-stream';
import { MAX_SNAPSHOT_FILES, sha256, isSensitivePath, type Manifest, type ManifestEntry } from './workspaceFiles';
import type { PendingEntry } from './pendingChanges';
import { asText, unifiedDiff } from './unifiedDiff';
import { createdFolders } from './folderChanges';

/** Files larger than this are listed without a diff. */
const DIFF_MAX_BYTES = 1 << 20;

/** A tar entry name from the container, as a safe workspace-relative path, or undefined. */
export function entryPath(name: string): string | undefined {
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  parts.shift(); // the archive's top folder (`workspace/`)
  if (parts.length === 0) return undefined;
  if (parts.some((p) => p === '..' || p.includes('\0') || p.includes('\\'))) return undefined;
  return parts.join('/');
}

/** What the workspace held at a path before the run (a file or a link), as far as the reader knows. */
export type BeforeLookup = (rel: string) => ManifestEntry | undefined | Promise<ManifestEntry | undefined>;

/** Archive entries that are neither folders nor files, links or hard links (FIFOs, devices...). */
export type OtherEntry = (rel: string, header: tar.Header) => void;

export async function collectChanges(
  archive: Readable,
  manifest: Manifest,
  workspace: string,
  filesDir: string,
): Promise<PendingEntry[]> {
  const folders: string[] = [];
  const { entries, seen } = await readArchiveChanges(archive, (rel) => manifest.get(rel), workspace, filesDir, { onFolder: (rel) => folders.push(rel) });
  for (const [rel, before] of manifest) if (!seen.has(rel)) entries.push(deletedEntry(workspace, rel, before));
  entries.push(...createdFolders(folders, seen, workspace));
  return entries.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Reads a tar of the run's files: every file or link that differs from what
 * `before` says the workspace held becomes a created or changed entry, its
 * content kept under `filesDir`. Folders are passed to `onFolder`, other
 * entries to `onOther`; `seen` holds the files and links read.
 */
export async function readArchiveChanges(
  archive: Readable,
  lookup: BeforeLookup,
  workspace: string,
  filesDir: string,
  hooks: { onFolder?: (rel: string) => void; onOther?: OtherEntry } = {},
): Promise<{ entries: PendingEntry[]; seen: Set<string> }> {
  const changes = new ArchiveChanges(workspace, filesDir);
  const extract = tar.extract();
  const done = new Promise<void>((resolve, reject) => {
    extract.on('finish', resolve);
    extract.on('error', reject);
    archive.on('error', reject);
  });
  let count = 0;
  extract.on('entry', (header, stream, next) => {
    if (++count > MAX_SNAPSHOT_FILES) {
      stream.resume();
      return next(new Error(`the run left more than ${MAX_SNAPSHOT_FILES} files in its copy of the workspace; no changes were kept`));
    }
    const rel = entryPath(header.name);
    if (!rel) return drain(stream, next);
    if (header.type === 'directory') {
      hooks.onFolder?.(rel);
      return drain(stream, next);
    }
    if (!['file', 'symlink', 'link'].includes(header.type ?? '')) {
      hooks.onOther?.(rel, header);
      return drain(stream, next);
    }
    changes.seen.add(rel);
    Promise.resolve(lookup(rel)).then(
      (before) => changes.onEntry(rel, header, stream as unknown as EntryStream, next, before),
      (err: Error) => {
        stream.resume();
        next(err);
      },
    );
  });
  archive.pipe(extract);
  await done;
  return { entries: changes.entries, seen: changes.seen };
}

type Next = (err?: Error | null) => void;

/** Skip an entry's content, then move on to the next entry. */
function drain(stream: { on(event: 'end', listener: () => void): unknown; resume(): unknown }, next: Next): void {
  stream.on('end', next);
  stream.resume();
}

/** What a file held before, as a pending entry's base. */
function baseOf(before: ManifestEntry | undefined): PendingEntry['base'] {
  return before ? { type: before.type, hash: before.hash, hardlinked: before.hardlinked } : undefined;
}

/** The changes read from one archive so far: entries, the paths seen, and the files kept by name (for hard links). */
class ArchiveChanges {
  readonly seen = new Set<string>();
  readonly entries: PendingEntry[] = [];
  private readonly byName = new Map<string, { hash: string; file?: string; size?: number }>();
  private counter = 0;

  constructor(
    private readonly workspace: string,
    private readonly filesDir: string,
  ) {}

  /** A file, link or hard link of the archive, with what the workspace held at its path before. */
  onEntry(rel: string, header: tar.Header, stream: EntryStream, next: Next, before: ManifestEntry | undefined): void {
    const sensitive = isSensitivePath(rel) || undefined;
    if (header.type === 'symlink') {
      this.onSymlink(rel, header.linkname ?? '', before, sensitive);
      return drain(stream, next);
    }
    if (header.type === 'link') {
      this.onHardLink(rel, header.linkname ?? '', before, sensitive);
      return drain(stream, next);
    }
    this.onFile(rel, header, stream, next, before, sensitive);
  }

  private onSymlink(rel: string, target: string, before: ManifestEntry | undefined, sensitive: true | undefined): void {
    const hash = sha256(target);
    if (before && before.type === 'symlink' && before.hash === hash) return;
    this.entries.push({
      path: rel,
      kind: before ? 'changed' : 'created',
      sensitive,
      bytes: Buffer.byteLength(target),
      diff: `symlink ${rel} -> ${target}\n`,
      base: baseOf(before),
      next: { type: 'symlink', hash, linkTarget: target },
    });
  }

  // A hard link inside the copy: same content as the entry it names.
  private onHardLink(rel: string, linkname: string, before: ManifestEntry | undefined, sensitive: true | undefined): void {
    const target = entryPath(linkname);
    const known = target ? this.byName.get(target) : undefined;
    if (!known || (before && before.type === 'file' && before.hash === known.hash)) return;
    // Linked to a file the run left as it was: its content was never kept, so keep the workspace's (same hash).
    if (!known.file && target) {
      known.file = String(this.counter++);
      keepWorkspaceFile(this.workspace, target, known.hash, path.join(this.filesDir, known.file));
    }
    this.entries.push({
      path: rel,
      kind: before ? 'changed' : 'created',
      sensitive,
      bytes: known.size,
      base: baseOf(before),
      next: { type: 'file', hash: known.hash, mode: 0o644, file: known.file },
    });
  }

  /**
   * A file's content, hashed as it streams. Small files are held in memory
   * (most are unchanged and never written); past DIFF_MAX_BYTES the rest
   * streams to disk, so memory stays bounded.
   */
  private onFile(rel: string, header: tar.Header, stream: EntryStream, next: Next, before: ManifestEntry | undefined, sensitive: true | undefined): void {
    const file = String(this.counter++);
    const target = path.join(this.filesDir, file);
    const h = createHash('sha256');
    let size = 0;
    let held: Buffer[] | undefined = [];
    let out: fs.WriteStream | undefined;
    let failed = false;
    stream.on('data', (c: Buffer) => {
      const chunk = c as Buffer;
      h.update(chunk);
      size += chunk.length;
      if (held && size > DIFF_MAX_BYTES) {
        out = fs.createWriteStream(target, { mode: 0o600 });
        out.on('error', () => (failed = true));
        for (const b of held) out.write(b);
        held = undefined;
      }
      if (held) held.push(chunk);
      else if (!out!.write(chunk)) {
        stream.pause();
        out!.once('drain', () => stream.resume());
      }
    });
    stream.on('error', next);
    const stored = () => {
      if (failed) return next(new Error(`could not keep ${rel} on disk`));
      this.fileRead(rel, { file, hash: h.digest('hex'), size, mode: header.mode, held, spilled: out !== undefined }, before, sensitive);
      next();
    };
    stream.on('end', () => {
      if (out) out.end(() => stored());
      else stored();
    });
  }

  /** A file read to its end: unchanged (its copy dropped), or a created or changed entry with its diff. */
  private fileRead(rel: string, read: { file: string; hash: string; size: number; mode?: number; held?: Buffer[]; spilled: boolean }, before: ManifestEntry | undefined, sensitive: true | undefined): void {
    const { file, hash, size } = read;
    const target = path.join(this.filesDir, file);
    const mode = (read.mode ?? 0o644) & 0o111 ? 0o755 : 0o644;
    // Same content and the same executable bit: unchanged. A chmod alone is a change.
    const sameMode = before?.type === 'file' && (before.mode ?? mode) === mode;
    if (before && before.type === 'file' && before.hash === hash && sameMode) {
      if (read.spilled) fs.rmSync(target, { force: true });
      this.byName.set(rel, { hash, size });
      return;
    }
    const content = read.held ? Buffer.concat(read.held) : undefined;
    if (content) fs.writeFileSync(target, content, { mode: 0o600 });
    this.byName.set(rel, { hash, file, size });
    const entry: PendingEntry = { path: rel, kind: before ? 'changed' : 'created', sensitive, bytes: size, base: baseOf(before), next: { type: 'file', hash, mode, file } };
    // Over DIFF_MAX_BYTES: listed without a diff (neither shown nor called binary).
    if (before?.type === 'file' && before.hash === hash) entry.diff = `old mode 100${before.mode.toString(8)}\nnew mode 100${mode.toString(8)}\n`;
    else if (content) {
      const newText = asText(content);
      const oldText = before?.type === 'file' ? readWorkspaceText(this.workspace, rel, before.hash) : before ? '' : undefined;
      if (newText === undefined || oldText === null) entry.binary = true;
      else entry.diff = unifiedDiff(rel, oldText, newText);
    }
    this.entries.push(entry);
  }
}

/** A deletion of `rel`, with the old text as its diff when the workspace still holds it. */
export function deletedEntry(workspace: string, rel: string, before: ManifestEntry): PendingEntry {
  const oldText = before.type === 'file' ? readWorkspaceText(workspace, rel, before.hash) : undefined;
  return {
    path: rel,
    kind: 'deleted',
    sensitive: isSensitivePath(rel) || undefined,
    bytes: before.size,
    binary: oldText === null || undefined,
    diff: typeof oldText === 'string' ? unifiedDiff(rel, oldText, undefined) : undefined,
    base: { type: before.type, hash: before.hash, hardlinked: before.hardlinked },
  };
}

/** Copies the workspace's `rel` to `dest` when it still has `hash`; throws otherwise. */
function keepWorkspaceFile(workspace: string, rel: string, hash: string, dest: string): void {
  const fd = fs.openSync(path.join(workspace, rel), fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  try {
    const data = fs.readFileSync(fd);
    if (sha256(data) !== hash) throw new Error(`${rel} changed in the workspace while the run's changes were read`);
    fs.writeFileSync(dest, data, { mode: 0o600 });
  } finally {
    fs.closeSync(fd);
  }
}

/** The workspace file's text if it still matches the snapshot; null when binary or gone or changed since. */
function readWorkspaceText(workspace: string, rel: string, hash: string): string | null {
  let fd: number;
  try {
    fd = fs.openSync(path.join(workspace, rel), fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch {
    return null;
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.size > DIFF_MAX_BYTES) return null;
    const data = fs.readFileSync(fd);
    if (sha256(data) !== hash) return null;
    return asText(data) ?? null;
  } finally {
    fs.closeSync(fd);
  }
}
