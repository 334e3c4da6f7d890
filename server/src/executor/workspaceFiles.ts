// What a snapshot copies: the workspace's tracked and untracked-not-ignored
// files (git's view when it is a repository, a walk otherwise), never `.git`
// internals, never following a symlink. Each entry is hashed on the way into
// the container so the host can tell afterwards what the run changed.

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as tar from 'tar-stream';
import { RequestError } from '../kernel';

const run = promisify(execFile);

export interface ManifestEntry {
  type: 'file' | 'symlink';
  size: number;
  mode: number;
  /** sha256 of the content (files) or of the link text (symlinks). */
  hash: string;
  linkTarget?: string;
  /** The file has other hard links (possibly outside the workspace). */
  hardlinked?: boolean;
}

export type Manifest = Map<string, ManifestEntry>;

export const MAX_SNAPSHOT_FILES = 200_000;
/** Files up to this size are read whole; larger ones are streamed. */
const SMALL_FILE = 1 << 20;

/** True for paths under `.git/` or `.vscode/` (and `.git` files of worktrees/submodules). */
export function isSensitivePath(rel: string): boolean {
  const parts = rel.split('/');
  return parts.some((p) => p === '.git') || parts[0] === '.vscode';
}

/** Relative paths (with `/`) of the files a snapshot takes, sorted. */
export async function listWorkspaceFiles(workspace: string, signal?: AbortSignal): Promise<string[]> {
  if (fs.existsSync(path.join(workspace, '.git'))) {
    try {
      // A repository's own config can name programs (core.fsmonitor); never let listing run one.
      const { stdout } = await run('git', ['-c', 'core.fsmonitor=false', '-c', 'core.untrackedCache=false', 'ls-files', '-z', '-c', '-o', '--exclude-standard'], {
        cwd: workspace,
        maxBuffer: 256 << 20,
        signal,
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_CONFIG_NOSYSTEM: '1' },
      });
      const list = [...new Set(stdout.split('\0').filter((p) => p !== '' && !isSensitivePath(p)))];
      return list.sort();
    } catch (err) {
      if (signal?.aborted) throw err;
      // Not a usable repository (or no git): fall back to a walk.
    }
  }
  const found: string[] = [];
  const walk = (rel: string) => {
    const dir = path.join(workspace, rel);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.name === '.git') continue;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() || entry.isSymbolicLink()) found.push(child);
      if (found.length > MAX_SNAPSHOT_FILES) throw tooMany();
    }
  };
  walk('');
  return found.sort();
}

const tooMany = () =>
  new RequestError(`The workspace holds more than ${MAX_SNAPSHOT_FILES} files, too many to snapshot. Run in ro mode, or in a smaller folder (--workspace DIR).`);

/** Whether any folder between the workspace and `rel` is a symlink (then the entry is not really inside). */
function parentIsLink(workspace: string, rel: string): boolean {
  const parts = rel.split('/');
  let cur = workspace;
  for (const part of parts.slice(0, -1)) {
    cur = path.join(cur, part);
    const st = fs.lstatSync(cur, { throwIfNoEntry: false });
    if (!st || !st.isDirectory()) return true;
  }
  return false;
}

/**
 * Packs the snapshot as a tar stream (owned by the sandbox user) while
 * building its manifest. Fails when the files add up to more than `maxBytes`.
 */
export async function packWorkspace(
  workspace: string,
  files: string[],
  maxBytes: number,
  signal?: AbortSignal,
  /** Who owns the copy's entries: the sandbox user, or root for a read-only copy. */
  ownerId = 1000,
): Promise<{ stream: tar.Pack; manifest: Promise<Manifest> }> {
  const stats = snapshotFiles(workspace, files, maxBytes);
  const pack = tar.pack();
  const manifest = (async () => {
    try {
      const out = await packEntries(pack, workspace, stats, ownerId, signal);
      pack.finalize();
      return out;
    } catch (err) {
      pack.destroy(err as Error);
      throw err;
    }
  })();
  return { stream: pack, manifest };
}

/** The listed files and links really inside the workspace, with their stats; throws past the size cap. */
function snapshotFiles(workspace: string, files: string[], maxBytes: number): { rel: string; st: fs.Stats }[] {
  let total = 0;
  const stats: { rel: string; st: fs.Stats }[] = [];
  for (const rel of files) {
    if (rel.includes('\\') || rel.split('/').some((p) => p === '..' || p === '')) continue;
    if (parentIsLink(workspace, rel)) continue;
    const st = fs.lstatSync(path.join(workspace, rel), { throwIfNoEntry: false });
    if (!st || !(st.isFile() || st.isSymbolicLink())) continue;
    total += st.isFile() ? st.size : 0;
    if (total > maxBytes) {
      throw new RequestError(
        `The workspace's files add up to more than the snapshot cap of ${Math.round(maxBytes / (1 << 20))} MiB. ` +
          'Run in ro mode, run in a smaller folder (--workspace DIR), or raise paladin.sandbox.snapshotMaxMiB.',
      );
    }
    stats.push({ rel, st });
  }
  return stats;
}

/** Every file and link into `pack`, each preceded by the folders above it; returns the manifest. */
async function packEntries(pack: tar.Pack, workspace: string, stats: { rel: string; st: fs.Stats }[], owner: number, signal?: AbortSignal): Promise<Manifest> {
  const out: Manifest = new Map();
  const dirs = new Set<string>();
  for (const { rel, st } of stats) {
    if (signal?.aborted) throw new Error('cancelled');
    const parts = rel.split('/').slice(0, -1);
    for (let i = 1; i <= parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (dirs.has(dir)) continue;
      dirs.add(dir);
      pack.entry({ name: dir, type: 'directory', mode: 0o755, uid: owner, gid: owner });
    }
    const full = path.join(workspace, rel);
    if (st.isSymbolicLink()) {
      const target = fs.readlinkSync(full);
      out.set(rel, { type: 'symlink', size: 0, mode: 0o777, hash: sha256(target), linkTarget: target });
      pack.entry({ name: rel, type: 'symlink', linkname: target, uid: owner, gid: owner, mode: 0o777 });
      continue;
    }
    const entry = await packFile(pack, full, rel, st, owner);
    if (entry) out.set(rel, entry);
  }
  return out;
}

/** One file into `pack`, hashed on the way; undefined when it is no longer the file that was listed. */
async function packFile(pack: tar.Pack, full: string, rel: string, st: fs.Stats, owner: number): Promise<ManifestEntry | undefined> {
  // O_NOFOLLOW: if the file became a symlink since it was listed, skip it rather than read through it.
  let fd: number;
  try {
    fd = fs.openSync(full, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch {
    return undefined;
  }
  const now = fs.fstatSync(fd);
  if (!now.isFile() || now.ino !== st.ino) {
    fs.closeSync(fd);
    return undefined;
  }
  const mode = st.mode & 0o111 ? 0o755 : 0o644;
  const header = { name: rel, type: 'file' as const, size: now.size, mode, uid: owner, gid: owner, mtime: st.mtime };
  const hash = await packContent(pack, header, fd, rel);
  return { type: 'file', size: now.size, mode, hash, hardlinked: st.nlink > 1 };
}

/** The content of the open file `fd` as the entry `header`; resolves to its sha256. Closes `fd`. */
function packContent(pack: tar.Pack, header: Partial<tar.Header> & { name: string; size: number }, fd: number, rel: string): Promise<string> {
  // Streamed in chunks, so a large file never sits whole in memory.
  return new Promise<string>((resolve, reject) => {
    const h = createHash('sha256');
    const done = (err?: Error | null) => (err ? reject(err) : resolve(h.digest('hex')));
    if (header.size <= SMALL_FILE) {
      // Most files are small: one read is much cheaper than a stream.
      let content: Buffer;
      try {
        content = fs.readFileSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      if (content.length !== header.size) return reject(new Error(`${rel} changed while it was copied`));
      h.update(content);
      pack.entry(header, content, done);
      return;
    }
    const entry = pack.entry(header, done);
    const source = fs.createReadStream('', { fd, start: 0, end: header.size - 1, autoClose: true });
    source.on('data', (chunk) => h.update(chunk as Buffer));
    source.on('error', reject);
    source.pipe(entry);
  });
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Whether `rel` is a relative symlink that climbs out of the workspace. The
 * engine refuses such a link in a copied archive ("invalid symlink"), which
 * would fail the whole snapshot, so the snapshot leaves it out instead.
 */
export function linkBreaksOut(workspace: string, rel: string): boolean {
  const st = fs.lstatSync(path.join(workspace, rel), { throwIfNoEntry: false });
  if (!st?.isSymbolicLink()) return false;
  const target = fs.readlinkSync(path.join(workspace, rel));
  if (path.posix.isAbsolute(target)) return false; // the container resolves it inside its own root
  const at = path.posix.join('/workspace', path.posix.dirname(rel), target);
  return at !== '/workspace' && !at.startsWith('/workspace/');
}
