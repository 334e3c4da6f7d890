// Which folders an agent front may name as a workspace: the folder it was
// started in (or the hook event's cwd) and any folder granted at start, and
// nothing outside them. Paladin's own workspace check runs after this one.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RequestError } from '../kernel';

function real(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    throw new RequestError(`The workspace folder ${dir} does not exist. Name an existing folder.`);
  }
}

function isWithin(dir: string, root: string): boolean {
  const rel = path.relative(root, dir);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Folders of the system itself: never a workspace for an agent, whatever it was started in. */
const SYSTEM = ['/bin', '/boot', '/dev', '/etc', '/lib', '/lib32', '/lib64', '/proc', '/root', '/run', '/sbin', '/sys', '/usr', '/var'];

export function isSystemFolder(dir: string, home = os.homedir()): boolean {
  if (dir === '/' || dir === path.dirname(home)) return true;
  if (isWithin(dir, home)) return false;
  return SYSTEM.some((s) => isWithin(dir, s)) && !isWithin(dir, '/var/tmp');
}

export class WorkspaceRoots {
  readonly roots: string[];
  constructor(roots: string[]) {
    this.roots = roots.map((r) => real(path.resolve(r)));
    const system = this.roots.find((r) => isSystemFolder(r));
    if (system) throw new RequestError(`${system} is a system folder, never a workspace. Start in a project folder or grant one with --workspace DIR.`);
  }

  /** The workspace to use: the first root by default; a named one must lie under a root (links resolved). */
  pick(requested: string | undefined): string {
    if (requested === undefined || requested === '') return this.roots[0];
    const dir = real(path.resolve(this.roots[0], requested));
    if (this.roots.some((root) => isWithin(dir, root)) && !isSystemFolder(dir)) return dir;
    throw new RequestError(
      `The workspace ${requested} is outside the folders granted to this client (${this.roots.join(', ')}). Start it with --workspace DIR to grant another folder.`,
    );
  }
}
