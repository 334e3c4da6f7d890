// What applying a snapshot run's changes would do to the workspace, summed up
// for the person who decides: how many files are created, changed and
// deleted, how many bytes, under which top folders, and which paths deserve a
// second look. The same summary is shown by the CLI before it asks, returned
// by the API and listed in the editor's Apply confirmation.

import type { Consequences, FileChange } from '../protocol/types';

/** Dotfiles and dot-folders that tools read or run at start-up: writing them changes what runs next. */
export function sensitiveKind(rel: string): 'git' | 'vscode' | 'dotfile' | undefined {
  const parts = rel.split('/');
  if (parts.some((p) => p === '.git')) return 'git';
  if (parts[0] === '.vscode') return 'vscode';
  if (parts.some((p) => p.startsWith('.') && p !== '.' && p !== '..')) return 'dotfile';
  return undefined;
}

export function summariseChanges(changes: readonly FileChange[]): Consequences {
  const files = { created: 0, changed: 0, deleted: 0 };
  const bytes = { written: 0, deleted: 0 };
  const folders = new Map<string, { folder: string; created: number; changed: number; deleted: number }>();
  const sensitive: Consequences['sensitive'] = [];
  let links = 0;
  for (const c of changes) {
    files[c.kind]++;
    const size = typeof c.bytes === 'number' && c.bytes > 0 ? c.bytes : 0;
    if (c.kind === 'deleted') bytes.deleted += size;
    else bytes.written += size;
    const slash = c.path.indexOf('/');
    const folder = slash < 0 ? '.' : c.path.slice(0, slash) + '/';
    let row = folders.get(folder);
    if (!row) folders.set(folder, (row = { folder, created: 0, changed: 0, deleted: 0 }));
    row[c.kind]++;
    const why = sensitiveKind(c.path);
    if (why) sensitive.push({ path: c.path, kind: c.kind, why, needsIncludeSensitive: c.sensitive === true });
    if (c.kind !== 'deleted' && typeof c.diff === 'string' && c.diff.startsWith('symlink ')) links++;
  }
  const total = (r: { created: number; changed: number; deleted: number }) => r.created + r.changed + r.deleted;
  return {
    files,
    bytes,
    folders: [...folders.values()].sort((a, b) => total(b) - total(a) || a.folder.localeCompare(b.folder)),
    sensitive,
    links,
  };
}
