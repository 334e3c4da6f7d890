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
  const { entries, seen } = await readArchiveChanges(archive, (rel) => manifest.get(rel), workspace, filesDir);
  for (const [rel, before] of manifest) if (!seen.has(rel)) entries.push(deletedEntry(workspace, rel, before));
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
  const seen = new Set<string>();
  const entries: PendingEntry[] = [];
  const byName = new Map<string, { hash: string; file?: string; size?: number }>();
  let counter = 0;
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
    const drain = () => {
      stream.on('end', next);
      stream.resume();
    };
    if (!rel) return drain();
    if (header.type === 'directory') {
      hooks.onFolder?.(rel);
      return drain();
    }
    if (!['file', 'symlink', 'link'].includes(header.type ?? '')) {
      hooks.onOther?.(rel, header);
      return drain();
    }
    seen.add(rel);
    Promise.resolve(lookup(rel)).then(
      (before) => onEntry(rel, header, stream as unknown as EntryStream, next, before),
      (err: Error) => {
        stream.resume();
        next(err);
      },
    );
  });
  const onEntry = (rel: string, header: tar.Header, stream: EntryStream, next: (err?: Error | null) => void, before: ManifestEntry | undefined) => {
    const drain = () => {
      stream.on('end', next);
      stream.resume();
    };
    const sensitive = isSensitivePath(rel) || undefined;
    if (header.type === 'symlink') {
      const target = header.linkname ?? '';
      const hash = sha256(target);
      if (!(before && before.type === 'symlink' && before.hash === hash)) {
        entries.push({
          path: rel,
          kind: before ? 'changed' : 'created',
          sensitive,
          bytes: Buffer.byteLength(target),
          diff: `symlink ${rel} -> ${target}\n`,
          base: before ? { type: before.type, hash: before.hash, hardlinked: before.hardlinked } : undefined,
          next: { type: 'symlink', hash, linkTarget: target },
        });
      }
      return drain();
    }
    if (header.type === 'link') {
      // A hard link inside the copy: same content as the entry it names.
      const target = entryPath(header.linkname ?? '');
      const known = target ? byName.get(target) : undefined;
      if (known && !(before && before.type === 'file' && before.hash === known.hash)) {
        // Linked to a file the run left as it was: its content was never kept, so keep the workspace's (same hash).
        if (!known.file && target) {
          known.file = String(counter++);
          keepWorkspaceFile(workspace, target, known.hash, path.join(filesDir, known.file));
        }
        entries.push({
          path: rel,
          kind: before ? 'changed' : 'created',
          sensitive,
          bytes: known.size,
          base: before ? { type: before.type, hash: before.hash, hardlinked: before.hardlinked } : undefined,
          next: { type: 'file', hash: known.hash, mode: 0o644, file: known.file },
        });
      }
      return drain();
    }
    // Small files are held in memory (most are unchanged and never written);
    // past DIFF_MAX_BYTES the rest streams to disk, so memory stays bounded.
    const file = String(counter++);
    const target = path.join(filesDir, file);
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
    stream.on('end', () => {
      if (out) out.end(() => onStored());
      else onStored();
    });
    const onStored = () => {
      if (failed) return next(new Error(`could not keep ${rel} on disk`));
      const hash = h.digest('hex');
      if (before && before.type === 'file' && before.hash === hash) {
        if (out) fs.rmSync(target, { force: true });
        byName.set(rel, { hash, size });
        return next();
      }
      const content = held ? Buffer.concat(held) : undefined;
      if (content) fs.writeFileSync(target, content, { mode: 0o600 });
      byName.set(rel, { hash, file, size });
      const mode = (header.mode ?? 0o644) & 0o111 ? 0o755 : 0o644;
      const entry: PendingEntry = {
        path: rel,
        kind: before ? 'changed' : 'created',
        sensitive,
        bytes: size,
        base: before ? { type: before.type, hash: before.hash, hardlinked: before.hardlinked } : undefined,
        next: { type: 'file', hash, mode, file },
      };
      // Over DIFF_MAX_BYTES: listed without a diff (neither shown nor called binary).
      if (content) {
        const newText = asText(content);
        const oldText = before?.type === 'file' ? readWorkspaceText(workspace, rel, before.hash) : before ? '' : undefined;
        if (newText === undefined || oldText === null) entry.binary = true;
        else entry.diff = unifiedDiff(rel, oldText, newText);
      }
      entries.push(entry);
      next();
    };
  };
  archive.pipe(extract);
  await done;
  return { entries, seen };
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
