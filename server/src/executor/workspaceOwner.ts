// Who a bind-mounted sandbox runs as. A run sees the workspace with the
// rights of its owner (uid:gid of the workspace folder), never root's. When
// root owns the folder, or the owner cannot read some of its files, the run
// says so: an `ro` run then reads from a copy (made by the server, owned by
// root inside the container so it stays read-only), and a `live` run runs as
// 1000:1000 when that user may write the folder, or is refused.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { RequestError } from '../kernel';
import type { WorkspaceMode } from '../protocol/types';
import { SANDBOX_USER } from './containerSpec';

/** Entries the readability check looks at; past this it trusts the owner's rights. */
export const MAX_ACCESS_CHECKED = 50_000;

export interface SandboxAccess {
  /** `uid:gid` the command runs as (never 0). */
  user: string;
  /** An `ro` run reads a read-only copy instead of the bind-mounted folder. */
  copy: boolean;
  /** Plain sentences for the person: why the run is not as asked. */
  notes: string[];
}

interface Who {
  uid: number;
  gid: number;
}

/** Whether `who` may do `want` (4 read, 2 write, 1 search) on `st`, by its mode bits (the sandbox has no capabilities and no extra groups). */
export function allowed(st: fs.Stats, who: Who, want: number): boolean {
  const bits = st.uid === who.uid ? (st.mode >> 6) & 7 : st.gid === who.gid ? (st.mode >> 3) & 7 : st.mode & 7;
  return (bits & want) === want;
}

/** Entries below `workspace` (and itself) that `who` cannot read, at most `limit` of them; links are not followed. */
export function unreadableFor(workspace: string, who: Who, limit = 10): string[] {
  const found: string[] = [];
  const stack = [''];
  let seen = 0;
  while (stack.length > 0 && found.length < limit && seen < MAX_ACCESS_CHECKED) {
    const rel = stack.pop()!;
    const full = rel ? path.join(workspace, rel) : workspace;
    const st = fs.lstatSync(full, { throwIfNoEntry: false });
    seen++;
    if (!st || st.isSymbolicLink()) continue;
    if (st.isDirectory()) {
      if (!allowed(st, who, 5)) {
        found.push(rel || '.');
        continue;
      }
      let names: string[];
      try {
        names = fs.readdirSync(full);
      } catch {
        continue;
      }
      for (const name of names) stack.push(rel ? `${rel}/${name}` : name);
    } else if (st.isFile() && !allowed(st, who, 4)) found.push(rel);
  }
  return found;
}

const list = (items: string[]) => items.slice(0, 5).join(', ') + (items.length > 5 ? ', …' : '');

/** Decides the user (and maybe the copy) for a run in `mode` on the real folder `workspace`. */
export function sandboxAccess(workspace: string, mode: WorkspaceMode): SandboxAccess {
  if (mode === 'snapshot') return { user: SANDBOX_USER, copy: false, notes: [] };
  const st = fs.statSync(workspace);
  const [fallbackUid, fallbackGid] = SANDBOX_USER.split(':').map(Number);
  const rootOwned = st.uid === 0;
  // A group of 0 is root's group: the run keeps the owner's uid and takes it as its group too.
  const who: Who = rootOwned ? { uid: fallbackUid, gid: fallbackGid } : { uid: st.uid, gid: st.gid === 0 ? st.uid : st.gid };
  const user = `${who.uid}:${who.gid}`;
  const notes: string[] = [];
  if (rootOwned) notes.push(`The workspace ${workspace} belongs to root; Paladin never runs a sandbox as root, so this run has the rights of ${SANDBOX_USER}.`);
  const unreadable = unreadableFor(workspace, who);
  if (mode === 'live') {
    if (rootOwned && !allowed(st, who, 3)) {
      throw new RequestError(
        `The workspace ${workspace} belongs to root and ${SANDBOX_USER} may not write it, so a live run could not write there (Paladin never runs a sandbox as root). ` +
          'Give the folder to the user who should own the files (chown), or use snapshot mode and apply its changes.',
      );
    }
    if (rootOwned) notes.push(`Files the run creates belong to ${SANDBOX_USER}.`);
    if (unreadable.length > 0) notes.push(`${user} cannot read ${list(unreadable)}; the run cannot see ${unreadable.length === 1 ? 'it' : 'them'}.`);
    return { user, copy: false, notes };
  }
  if (unreadable.length === 0) return { user, copy: false, notes };
  notes.push(
    `${user} cannot read ${list(unreadable)}, so this read-only run reads a copy of the workspace made by the server ` +
      '(regular files and links; read-only to the run; its writes fail and nothing comes back).',
  );
  return { user, copy: true, notes };
}
