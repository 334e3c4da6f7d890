// What applying a run's changes would do: counts, bytes, top folders and the
// paths that deserve a second look, computed from the change list alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sensitiveKind, summariseChanges } from '../../server/src/executor/consequences';
import { describeConsequences, formatBytes } from '../../server/src/protocol/consequencesText';
import type { FileChange } from '../../server/src/protocol/types';

const changes: FileChange[] = [
  { path: 'src/a.ts', kind: 'changed', bytes: 1200 },
  { path: 'src/b.ts', kind: 'deleted', bytes: 300 },
  { path: 'src/deep/c.ts', kind: 'created', bytes: 50 },
  { path: 'README.md', kind: 'changed', bytes: 10 },
  { path: '.git/hooks/pre-commit', kind: 'created', bytes: 40, sensitive: true },
  { path: '.vscode/tasks.json', kind: 'changed', bytes: 99, sensitive: true },
  { path: 'tools/.envrc', kind: 'created', bytes: 20 },
  { path: 'link', kind: 'created', bytes: 7, diff: 'symlink link -> /etc/x\n' },
  { path: 'build/out.bin', kind: 'deleted', bytes: 5000, binary: true },
];

test('counts and bytes by kind', () => {
  const c = summariseChanges(changes);
  assert.deepEqual(c.files, { created: 4, changed: 3, deleted: 2 });
  assert.deepEqual(c.bytes, { written: 1200 + 50 + 10 + 40 + 99 + 20 + 7, deleted: 5300 });
  assert.equal(c.links, 1);
});

test('top folders, most files first, files at the root as "."', () => {
  const c = summariseChanges(changes);
  assert.deepEqual(c.folders[0], { folder: 'src/', created: 1, changed: 1, deleted: 1 });
  assert.deepEqual(c.folders.find((f) => f.folder === '.'), { folder: '.', created: 1, changed: 1, deleted: 0 });
  assert.equal(c.folders.length, 6);
});

test('sensitive paths: .git/, .vscode/ and dotfiles anywhere; which of them need --include-sensitive', () => {
  const c = summariseChanges(changes);
  assert.deepEqual(c.sensitive.map((s) => [s.path, s.why, s.needsIncludeSensitive]), [
    ['.git/hooks/pre-commit', 'git', true],
    ['.vscode/tasks.json', 'vscode', true],
    ['tools/.envrc', 'dotfile', false],
  ]);
  assert.equal(sensitiveKind('sub/.git/config'), 'git');
  assert.equal(sensitiveKind('a/b/c.txt'), undefined);
  assert.equal(sensitiveKind('.bashrc'), 'dotfile');
});

test('no changes, and changes without sizes, sum to zero rather than NaN', () => {
  assert.deepEqual(summariseChanges([]), { files: { created: 0, changed: 0, deleted: 0 }, bytes: { written: 0, deleted: 0 }, folders: [], sensitive: [], links: 0 });
  assert.deepEqual(summariseChanges([{ path: 'x', kind: 'created' }]).bytes, { written: 0, deleted: 0 });
});

test('the lines a person reads before applying', () => {
  const lines = describeConsequences(summariseChanges(changes), 3);
  assert.equal(lines[0], 'Applying would: 2 files deleted (5.2 KiB), 3 files changed, 4 files created; 1.4 KiB written.');
  assert.equal(lines[1], '1 symbolic link created or changed.');
  assert.match(lines[2], /^Where: src\/ 1 deleted, 1 changed, 1 created; .*; and 3 more folders\.$/);
  assert.equal(lines[3], 'Sensitive paths (3):');
  assert.match(lines[4], /created .git\/hooks\/pre-commit: inside .git\/.*only when you include sensitive paths/);
  assert.match(lines[6], /tools\/.envrc: a dotfile/);
  assert.equal(formatBytes(1), '1 byte');
  assert.equal(formatBytes(3 << 20), '3.0 MiB');
});
