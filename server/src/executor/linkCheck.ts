// Where a symlink an apply is about to create really leads: its target is
// resolved component by component against the workspace as it will be (the
// real folders, overlaid with what the same apply creates, replaces or
// deletes), following links on the way, never lexically. `ln -s . b` then
// `ln -s b/b/b/../../../etc x` is caught because `b` is followed before `..`
// is applied.

import type { FolderTree } from './folderHandles';

export type Planned = { type: 'symlink'; target: string } | { type: 'file' } | { type: 'gone' };

/** Links followed while resolving one target before giving up (the kernel's own limit). */
const MAX_LINKS = 40;

/** Whether the link at `linkRel` holding `target` resolves to a place inside the root. */
export function linkStaysInside(tree: FolderTree, planned: Map<string, Planned>, linkRel: string, target: string): boolean {
  if (target.startsWith('/')) return false;
  const stack = linkRel.split('/').slice(0, -1);
  const queue = target.split('/');
  let followed = 0;
  while (queue.length > 0) {
    const part = queue.shift()!;
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (stack.length === 0) return false;
      stack.pop();
      continue;
    }
    const kind = lookup(tree, planned, stack, part);
    if (kind.type === 'symlink') {
      if (++followed > MAX_LINKS || kind.target.startsWith('/')) return false;
      queue.unshift(...kind.target.split('/'));
      continue;
    }
    // Past a file nothing resolves (ENOTDIR): the link leads nowhere, which is not outside.
    if (kind.type === 'file' && queue.some((p) => p !== '' && p !== '.')) return true;
    // Missing entries are taken as folders: a link made there later is checked when it is made.
    stack.push(part);
  }
  return true;
}

function lookup(tree: FolderTree, planned: Map<string, Planned>, stack: string[], name: string): Planned | { type: 'dir' } {
  const rel = [...stack, name].join('/');
  const plan = planned.get(rel);
  if (plan) return plan;
  let folder;
  try {
    folder = tree.get(stack.join('/'));
  } catch {
    return { type: 'gone' };
  }
  const st = folder?.lstat(name);
  if (!st) return { type: 'gone' };
  if (st.isSymbolicLink()) return { type: 'symlink', target: folder!.readlink(name) };
  if (st.isDirectory()) return { type: 'dir' };
  return { type: 'file' };
}
