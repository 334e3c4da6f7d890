// Writing inside a folder without ever following a link: every folder is
// opened once, component by component, with O_NOFOLLOW, and every later
// operation names one entry relative to such an open folder through
// `/proc/self/fd/<fd>/<name>`. The magic link resolves to the very folder
// that was opened, whatever happens to its path afterwards, so swapping a
// folder for a symlink mid-way cannot redirect a write (Node has no openat;
// this is its equivalent on Linux). mkdir, symlink, rename, unlink and
// rmdir never follow a link in their last component; open gets O_NOFOLLOW.

import * as fs from 'node:fs';

const { O_RDONLY, O_DIRECTORY, O_NOFOLLOW, O_WRONLY, O_CREAT, O_EXCL } = fs.constants;
const DIR_FLAGS = O_RDONLY | O_DIRECTORY | O_NOFOLLOW;
/** Linux's NAME_MAX, in bytes. */
export const NAME_MAX = 255;

/** Whether this system can write through folder handles (Linux with /proc mounted). */
export function handlesSupported(): boolean {
  return process.platform === 'linux' && fs.existsSync('/proc/self/fd');
}

/** Why `name` cannot be one path component, or undefined. */
export function badName(name: string): string | undefined {
  if (name === '' || name === '.' || name === '..') return `"${name}" is not a file name`;
  if (name.includes('/') || name.includes('\0')) return `"${name}" holds a slash or a NUL byte`;
  if (Buffer.byteLength(name) > NAME_MAX) return `the name "${name.slice(0, 40)}…" is ${Buffer.byteLength(name)} bytes long; file names may have at most ${NAME_MAX}`;
  return undefined;
}

/** An open folder. `rel` is its path below the root, for messages only. */
export class Folder {
  private closed = false;
  constructor(
    readonly fd: number,
    readonly rel: string,
  ) {}

  /** The path of entry `name` of this very folder. */
  at(name: string): string {
    const why = badName(name);
    if (why) throw new Error(why);
    return `/proc/self/fd/${this.fd}/${name}`;
  }

  lstat(name: string): fs.Stats | undefined {
    return fs.lstatSync(this.at(name), { throwIfNoEntry: false });
  }

  /** Opens the sub-folder `name`; fails (ELOOP/ENOTDIR) when it is a link or not a folder. */
  open(name: string): Folder {
    return new Folder(fs.openSync(this.at(name), DIR_FLAGS), this.rel ? `${this.rel}/${name}` : name);
  }

  mkdir(name: string, mode = 0o755): void {
    fs.mkdirSync(this.at(name), { mode });
  }

  /** Creates a new file (never an existing one, never through a link) and writes `data`; `owner` is kept when this process may give files away (root). */
  createFile(name: string, data: Buffer, mode: number, owner?: { uid: number; gid: number }): void {
    const fd = fs.openSync(this.at(name), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode);
    try {
      fs.writeFileSync(fd, data);
      if (owner && process.getuid?.() === 0) fs.fchownSync(fd, owner.uid, owner.gid);
      fs.fchmodSync(fd, mode);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }

  symlink(name: string, target: string): void {
    fs.symlinkSync(target, this.at(name));
  }

  rename(from: string, to: string): void {
    fs.renameSync(this.at(from), this.at(to));
  }

  unlink(name: string): void {
    fs.unlinkSync(this.at(name));
  }

  rmdir(name: string): void {
    fs.rmdirSync(this.at(name));
  }

  readlink(name: string): string {
    return fs.readlinkSync(this.at(name));
  }

  /** A regular file's bytes and link count, read without following a link; undefined if it is not a regular file. */
  readFile(name: string): { data: Buffer; nlink: number } | undefined {
    let fd: number;
    try {
      fd = fs.openSync(this.at(name), O_RDONLY | O_NOFOLLOW);
    } catch {
      return undefined;
    }
    try {
      const st = fs.fstatSync(fd);
      if (!st.isFile()) return undefined;
      return { data: fs.readFileSync(fd), nlink: st.nlink };
    } finally {
      fs.closeSync(fd);
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.fd);
  }
}

/** Opens `root` (an absolute, already resolved path) as a folder, refusing a link. */
export function openRoot(root: string): Folder {
  return new Folder(fs.openSync(root, DIR_FLAGS), '');
}

/**
 * The open folders below one root, by relative path, each opened from its
 * parent's handle. Folders it had to create are remembered for rollback.
 */
export class FolderTree {
  private readonly open = new Map<string, Folder>();
  /** Folders this tree created, parents first. */
  readonly created: { parent: Folder; name: string; rel: string }[] = [];

  constructor(readonly root: Folder) {
    this.open.set('', root);
  }

  /** The folder at `rel` ('' is the root); with `create`, missing folders are made. Undefined when missing. */
  get(rel: string, create = false): Folder | undefined {
    const known = this.open.get(rel);
    if (known) return known;
    const cut = rel.lastIndexOf('/');
    const parentRel = cut < 0 ? '' : rel.slice(0, cut);
    const name = rel.slice(cut + 1);
    const parent = this.get(parentRel, create);
    if (!parent) return undefined;
    const st = parent.lstat(name);
    if (!st) {
      if (!create) return undefined;
      parent.mkdir(name);
      this.created.push({ parent, name, rel });
    } else if (st.isSymbolicLink()) {
      throw new Error(`the folder ${rel} is a symlink; Paladin does not write through links`);
    } else if (!st.isDirectory()) {
      throw new Error(`${rel} is not a folder`);
    }
    const folder = parent.open(name);
    this.open.set(rel, folder);
    return folder;
  }

  /** Removes the folders this tree created (deepest first) when they are empty again. */
  removeCreated(): void {
    for (const { parent, name } of [...this.created].reverse()) {
      try {
        parent.rmdir(name);
      } catch {
        // not empty (something else is in it) or already gone
      }
    }
    this.created.length = 0;
  }

  close(): void {
    for (const folder of this.open.values()) folder.close();
    this.open.clear();
  }
}
