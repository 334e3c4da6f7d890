// The consequences of applying a run's changes, in lines a person reads before
// saying yes: the CLI prints them, the editor's Apply confirmation lists them.
// Plain text only; paths are shown as given (callers keep terminals inert).

import type { Consequences } from './types';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} byte${n === 1 ? '' : 's'}`;
  if (n < 1 << 20) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1 << 30) return `${(n / (1 << 20)).toFixed(1)} MiB`;
  return `${(n / (1 << 30)).toFixed(2)} GiB`;
}

const plural = (n: number, word: string) => `${n} file${n === 1 ? '' : 's'} ${word}`;

const WHY = {
  git: 'inside .git/ (history, hooks, config)',
  vscode: 'inside .vscode/ (editor tasks and settings)',
  dotfile: 'a dotfile (tools read it at start-up)',
} as const;

/** A few lines: counts and bytes, the top folders, then every sensitive path (up to `maxSensitive`). */
export function describeConsequences(c: Consequences, maxFolders = 6, maxSensitive = 20): string[] {
  const counts = [
    c.files.deleted > 0 ? plural(c.files.deleted, `deleted (${formatBytes(c.bytes.deleted)})`) : '',
    c.files.changed > 0 ? plural(c.files.changed, 'changed') : '',
    c.files.created > 0 ? plural(c.files.created, 'created') : '',
  ].filter(Boolean);
  const lines = [`Applying would: ${counts.length ? counts.join(', ') : 'change nothing'}; ${formatBytes(c.bytes.written)} written.`];
  if (c.links > 0) lines.push(`${c.links} symbolic link${c.links === 1 ? '' : 's'} created or changed.`);
  const shown = c.folders.slice(0, maxFolders).map((f) => {
    const parts = [f.deleted ? `${f.deleted} deleted` : '', f.changed ? `${f.changed} changed` : '', f.created ? `${f.created} created` : ''].filter(Boolean);
    return `${f.folder === '.' ? '(top level)' : f.folder} ${parts.join(', ')}`;
  });
  if (shown.length) lines.push(`Where: ${shown.join('; ')}${c.folders.length > maxFolders ? `; and ${c.folders.length - maxFolders} more folders` : ''}.`);
  if (c.sensitive.length > 0) {
    lines.push(`Sensitive paths (${c.sensitive.length}):`);
    for (const s of c.sensitive.slice(0, maxSensitive)) {
      lines.push(`  ${s.kind.padEnd(7)} ${s.path}: ${WHY[s.why]}${s.needsIncludeSensitive ? '; applied only when you include sensitive paths' : ''}`);
    }
    if (c.sensitive.length > maxSensitive) lines.push(`  and ${c.sensitive.length - maxSensitive} more`);
  }
  return lines;
}
