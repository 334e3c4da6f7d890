// What a workspace must not be before it is bind-mounted into a sandbox:
// a special file system (proc, sysfs, devtmpfs...) or a system tmpfs (/run,
// /dev/shm); in ro mode, a folder with other file systems mounted below it
// when the engine cannot make a bind recursively read-only; in ro and live
// modes, a folder holding Unix sockets, FIFOs or device files, which would
// let a run reach host services past `network: none`. Snapshot mode copies
// regular files and links only, so sockets never reach its container.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { RequestError } from '../kernel';
import type { WorkspaceMode } from '../protocol/types';

export interface MountEntry {
  mountPoint: string;
  fsType: string;
}

/** File systems that are never a workspace. */
const SPECIAL_FS = new Set([
  'proc', 'sysfs', 'devtmpfs', 'devpts', 'cgroup', 'cgroup2', 'securityfs', 'debugfs', 'tracefs', 'bpf', 'mqueue', 'hugetlbfs',
  'configfs', 'fusectl', 'pstore', 'binfmt_misc', 'autofs', 'efivarfs', 'nsfs', 'rpc_pipefs', 'selinuxfs', 'ramfs',
]);
/** Where the system keeps its own tmpfs mounts (runtime sockets, shared memory). */
const SYSTEM_DIRS = ['/proc', '/sys', '/dev', '/run', '/var/run'];
/** Entries a socket search looks at before giving up (and refusing). */
export const MAX_CHECKED_ENTRIES = 500_000;

/** The mount table as this process sees it (/proc/self/mountinfo). */
export function readMounts(file = '/proc/self/mountinfo'): MountEntry[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.split(' ');
    const dash = fields.indexOf('-');
    if (fields.length < 5 || dash < 0) continue;
    out.push({ mountPoint: unescapeMount(fields[4]), fsType: fields[dash + 1] ?? '' });
  }
  return out;
}

/** mountinfo writes space, tab, newline and backslash as octal escapes. */
function unescapeMount(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

const under = (p: string, dir: string) => p === dir || p.startsWith(dir === '/' ? '/' : dir + '/');

/** Refuses a workspace that is (or lies in) a special or system file system. */
export function checkFileSystem(workspace: string, mounts: MountEntry[]): void {
  const sys = SYSTEM_DIRS.find((d) => under(workspace, d));
  if (sys) throw new RequestError(`${workspace} is inside ${sys}, a folder of the system's own (processes, devices, runtime sockets); it is never a workspace. Pick a project folder.`);
  let holder: MountEntry | undefined;
  for (const m of mounts) if (under(workspace, m.mountPoint) && (!holder || m.mountPoint.length >= holder.mountPoint.length)) holder = m;
  if (holder && SPECIAL_FS.has(holder.fsType)) {
    throw new RequestError(`${workspace} is on a ${holder.fsType} file system (mounted at ${holder.mountPoint}), not a folder of files; it is never a workspace. Pick a project folder.`);
  }
}

/** Mount points strictly below the workspace. */
export function mountsBelow(workspace: string, mounts: MountEntry[]): string[] {
  return [...new Set(mounts.filter((m) => m.mountPoint !== workspace && under(m.mountPoint, workspace)).map((m) => m.mountPoint))].sort();
}

/** Sockets, FIFOs and device files below `workspace` (links not followed), at most `limit` of them. */
export function specialFiles(workspace: string, limit = 20): { found: string[]; complete: boolean } {
  const found: string[] = [];
  const stack = [''];
  let seen = 0;
  while (stack.length > 0) {
    const rel = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(workspace, rel), { withFileTypes: true });
    } catch {
      continue; // unreadable here is unreadable in the container too (same or fewer rights)
    }
    for (const e of entries) {
      if (++seen > MAX_CHECKED_ENTRIES) return { found, complete: false };
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) stack.push(child);
      else if (e.isSocket() || e.isFIFO() || e.isBlockDevice() || e.isCharacterDevice()) {
        found.push(`${child} (${e.isSocket() ? 'socket' : e.isFIFO() ? 'FIFO' : 'device'})`);
        if (found.length >= limit) return { found, complete: true };
      }
    }
  }
  return { found, complete: true };
}

/**
 * Throws a RequestError saying why `workspace` may not be mounted in `mode`.
 * `recursiveReadOnly`: the engine can make a bind read-only all the way down.
 */
export function checkWorkspace(workspace: string, mode: WorkspaceMode, recursiveReadOnly: boolean, mounts = readMounts()): void {
  checkFileSystem(workspace, mounts);
  if (mode === 'snapshot') return;
  if (mode === 'ro' && !recursiveReadOnly) {
    const below = mountsBelow(workspace, mounts);
    if (below.length > 0) {
      throw new RequestError(
        `Other file systems are mounted below the workspace (${below.slice(0, 5).join(', ')}${below.length > 5 ? ', …' : ''}); this Docker engine ` +
          'cannot make them read-only (that needs Docker 25 or later, API 1.44), so a read-only run could write to them. ' +
          'Unmount them, pick a folder without mount points, or use snapshot mode.',
      );
    }
  }
  const { found, complete } = specialFiles(workspace);
  if (!complete) {
    throw new RequestError(`The workspace holds more than ${MAX_CHECKED_ENTRIES} entries, too many to check for sockets before mounting it. Use snapshot mode, or a smaller folder.`);
  }
  if (found.length > 0) {
    throw new RequestError(
      `The workspace holds sockets, FIFOs or device files (${found.join(', ')}${found.length >= 20 ? ', …' : ''}); a run could reach host services through them ` +
        'whatever its network setting. Remove or move them, pick another folder, or use snapshot mode (it copies regular files and links only).',
    );
  }
}
