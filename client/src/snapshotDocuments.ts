// Before ↔ after of a snapshot run's changed files, shown in VS Code's diff
// editor. "Before" is the workspace file as it is now (a snapshot run never
// touched it); "after" is rebuilt from the run's diff. Read-only documents.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FileChange } from '../../server/src/protocol/protocol';
import { applyUnifiedDiff } from './patch';

export const SNAPSHOT_SCHEME = 'paladin-snapshot';
const MAX_BEFORE_BYTES = 5 << 20;

export class SnapshotDocuments implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? 'Paladin no longer has this version of the file.';
  }

  async openDiff(runId: string, workspace: string, change: FileChange): Promise<void> {
    const before = change.kind === 'created' ? '' : await readInside(workspace, change.path);
    let after: string;
    if (change.binary) after = '(binary file: Paladin shows no text diff for it)';
    else if (change.kind === 'deleted') after = '';
    else if (change.diff === undefined) after = '(the run reported this change without a diff)';
    else {
      try {
        after = applyUnifiedDiff(before, change.diff);
      } catch (err) {
        after = `(the file changed since the run, so its new version cannot be rebuilt: ${(err as Error).message})\n\n${change.diff}`;
      }
    }
    const base = `/${encodeURIComponent(runId)}/${change.path.split('/').map(encodeURIComponent).join('/')}`;
    const left = vscode.Uri.from({ scheme: SNAPSHOT_SCHEME, path: base, query: 'before' });
    const right = vscode.Uri.from({ scheme: SNAPSHOT_SCHEME, path: base, query: 'after' });
    this.contents.set(left.toString(), before);
    this.contents.set(right.toString(), after);
    await vscode.commands.executeCommand('vscode.diff', left, right, `${change.path} (before ↔ after the run, ${change.kind})`, { preview: true });
  }
}

/** Reads a workspace file, refusing anything that leads outside the workspace (.., symlinks). */
async function readInside(workspace: string, relative: string): Promise<string> {
  const root = await fs.realpath(workspace);
  const target = path.resolve(root, relative);
  if (target !== root && !target.startsWith(root + path.sep)) return '(outside the workspace: not shown)';
  try {
    const real = await fs.realpath(target);
    if (real !== root && !real.startsWith(root + path.sep)) return '(a link that leads outside the workspace: not shown)';
    const stat = await fs.stat(real);
    if (stat.size > MAX_BEFORE_BYTES) return `(${stat.size} bytes: too large to show)`;
    return await fs.readFile(real, 'utf8');
  } catch {
    return '';
  }
}
