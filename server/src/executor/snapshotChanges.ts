// After a snapshot run: read the container's copy back, compare it with the
// manifest taken on the way in, and keep what was created, changed or
// deleted (with diffs for text) as pending changes on the host.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import * as tar from 'tar-stream';
import { sha256, isSensitivePath, type Manifest } from './workspaceFiles';
import type { PendingEntry } from './pendingChanges';
import { asText, unifiedDiff } from './unifiedDiff';

/** A tar entry name from the container, as a safe workspace-relative path, or undefined. */
export function entryPath(name: string): string | undefined {
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  parts.shift(); // the archive's top folder (`workspace/`)
  if (parts.length === 0) return undefined;
  if (parts.some((p) => p === '..' || p.includes('\0') || p.includes('\\'))) return undefined;
  return parts.join('/');
}

export async function collectChanges(
  archive: Readable,
  manifest: Manifest,
  workspace: string,
  filesDir: string,
): Promise<PendingEntry[]> {
  const seen = new Set<string>();
  const entries: PendingEntry[] = [];
  const byName = new Map<string, { hash: string; file?: string }>();
  let counter = 0;
  const extract = tar.extract();
  const done = new Promise<void>((resolve, reject) => {
    extract.on('finish', resolve);
    extract.on('error', reject);
    archive.on('error', reject);
  });
  extract.on('entry', (header, stream, next) => {
    const rel = entryPath(header.name);
    const drain = () => {
      stream.on('end', next);
      stream.resume();
    };
    if (!rel || header.type === 'directory' || !['file', 'symlink', 'link'].includes(header.type ?? '')) return drain();
    seen.add(rel);
    const before = manifest.get(rel);
    const sensitive = isSensitivePath(rel) || undefined;
    if (header.type === 'symlink') {
      const target = header.linkname ?? '';
      const hash = sha256(target);
      if (!(before && before.type === 'symlink' && before.hash === hash)) {
        entries.push({
          path: rel,
          kind: before ? 'changed' : 'created',
          sensitive,
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
        entries.push({
          path: rel,
          kind: before ? 'changed' : 'created',
          sensitive,
          base: before ? { type: before.type, hash: before.hash, hardlinked: before.hardlinked } : undefined,
          next: { type: 'file', hash: known.hash, mode: 0o644, file: known.file },
        });
      }
      return drain();
    }
    const chunks: Buffer[] = [];
    stream.on('data', (c) => {
      chunks.push(c as Buffer);
    });
    stream.on('error', next);
    stream.on('end', () => {
      const content = Buffer.concat(chunks);
      const hash = sha256(content);
      if (before && before.type === 'file' && before.hash === hash) {
        byName.set(rel, { hash });
        return next();
      }
      const file = String(counter++);
      fs.writeFileSync(path.join(filesDir, file), content, { mode: 0o600 });
      byName.set(rel, { hash, file });
      const mode = (header.mode ?? 0o644) & 0o111 ? 0o755 : 0o644;
      const entry: PendingEntry = {
        path: rel,
        kind: before ? 'changed' : 'created',
        sensitive,
        base: before ? { type: before.type, hash: before.hash, hardlinked: before.hardlinked } : undefined,
        next: { type: 'file', hash, mode, file },
      };
      const newText = asText(content);
      const oldText = before?.type === 'file' ? readWorkspaceText(workspace, rel, before.hash) : before ? '' : undefined;
      if (newText === undefined || oldText === null) entry.binary = true;
      else entry.diff = unifiedDiff(rel, oldText, newText);
      entries.push(entry);
      next();
    });
  });
  archive.pipe(extract);
  await done;
  for (const [rel, before] of manifest) {
    if (seen.has(rel)) continue;
    const oldText = before.type === 'file' ? readWorkspaceText(workspace, rel, before.hash) : undefined;
    entries.push({
      path: rel,
      kind: 'deleted',
      sensitive: isSensitivePath(rel) || undefined,
      binary: oldText === null || undefined,
      diff: typeof oldText === 'string' ? unifiedDiff(rel, oldText, undefined) : undefined,
      base: { type: before.type, hash: before.hash, hardlinked: before.hardlinked },
    });
  }
  return entries.sort((a, b) => a.path.localeCompare(b.path));
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
    if (!st.isFile() || st.size > 1 << 20) return null;
    const data = fs.readFileSync(fd);
    if (sha256(data) !== hash) return null;
    return asText(data) ?? null;
  } finally {
    fs.closeSync(fd);
  }
}
