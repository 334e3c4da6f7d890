// Applying pending snapshot changes on a real temporary folder (no Docker):
// all-or-nothing staging, conflicts, sensitive paths, links, idempotence,
// and the on-disk pending store's run ids and expiry.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { applyPending } from '../../server/src/executor/applyChanges';
import { PendingStore, type PendingEntry, type PendingRun } from '../../server/src/executor/pendingChanges';
import { sha256 } from '../../server/src/executor/workspaceFiles';

let root: string;
let ws: string;
let files: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-apply-'));
  fs.mkdirSync(path.join(root, 'ws'));
  ws = fs.realpathSync(path.join(root, 'ws'));
  files = path.join(root, 'files');
  fs.mkdirSync(files);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

let counter = 0;
function newFile(content: string): { file: string; hash: string } {
  const file = String(counter++);
  fs.writeFileSync(path.join(files, file), content);
  return { file, hash: sha256(content) };
}

function pending(changes: PendingEntry[]): PendingRun {
  return { runId: 'r', workspace: ws, createdAt: Date.now(), expiresAt: Date.now() + 60_000, changes };
}
const fileOf = (name: string) => path.join(files, name);

describe('applyPending', () => {
  test('creates, changes and deletes; a second apply is a no-op', () => {
    fs.writeFileSync(path.join(ws, 'a.txt'), 'old\n');
    fs.writeFileSync(path.join(ws, 'gone.txt'), 'bye\n');
    const a = newFile('new\n');
    const b = newFile('fresh\n');
    const run = pending([
      { path: 'a.txt', kind: 'changed', base: { type: 'file', hash: sha256('old\n') }, next: { type: 'file', ...a, mode: 0o644 } },
      { path: 'deep/dir/b.txt', kind: 'created', next: { type: 'file', ...b, mode: 0o755 } },
      { path: 'gone.txt', kind: 'deleted', base: { type: 'file', hash: sha256('bye\n') } },
    ]);
    const result = applyPending(run, fileOf);
    assert.deepEqual(result.applied, ['a.txt', 'deep/dir/b.txt', 'gone.txt']);
    assert.equal(fs.readFileSync(path.join(ws, 'a.txt'), 'utf8'), 'new\n');
    assert.equal(fs.statSync(path.join(ws, 'deep/dir/b.txt')).mode & 0o777, 0o755);
    assert.ok(!fs.existsSync(path.join(ws, 'gone.txt')));
    assert.deepEqual(fs.readdirSync(ws).filter((n) => n.startsWith('.paladin')), []);
    const again = applyPending(pending(run.changes.filter((c) => c.kind !== 'deleted')), fileOf);
    assert.deepEqual(again.applied, []);
  });

  test('a failure while staging leaves the workspace untouched', () => {
    fs.writeFileSync(path.join(ws, 'a.txt'), 'old\n');
    const a = newFile('new\n');
    const run = pending([
      { path: 'a.txt', kind: 'changed', base: { type: 'file', hash: sha256('old\n') }, next: { type: 'file', ...a, mode: 0o644 } },
      { path: 'new/b.txt', kind: 'created', next: { type: 'file', file: '999', hash: 'x', mode: 0o644 } },
    ]);
    assert.throws(() => applyPending(run, fileOf), /Nothing was applied/);
    assert.equal(fs.readFileSync(path.join(ws, 'a.txt'), 'utf8'), 'old\n');
    assert.deepEqual(fs.readdirSync(ws).sort(), ['a.txt']);
  });

  test('a conflict anywhere applies nothing', () => {
    fs.writeFileSync(path.join(ws, 'a.txt'), 'edited by hand\n');
    const a = newFile('new\n');
    const c = newFile('c\n');
    const run = pending([
      { path: 'a.txt', kind: 'changed', base: { type: 'file', hash: sha256('old\n') }, next: { type: 'file', ...a, mode: 0o644 } },
      { path: 'c.txt', kind: 'created', next: { type: 'file', ...c, mode: 0o644 } },
    ]);
    assert.throws(() => applyPending(run, fileOf), /changed in the workspace since the run: a.txt/);
    assert.ok(!fs.existsSync(path.join(ws, 'c.txt')));
  });

  test('sensitive paths wait for includeSensitive; links out are refused', () => {
    const hook = newFile('#!/bin/sh\n');
    const run = pending([
      { path: '.git/hooks/pre-commit', kind: 'created', sensitive: true, next: { type: 'file', ...hook, mode: 0o755 } },
      { path: 'out', kind: 'created', next: { type: 'symlink', hash: sha256('/etc'), linkTarget: '/etc' } },
      { path: 'up', kind: 'created', next: { type: 'symlink', hash: sha256('../x'), linkTarget: '../x' } },
      { path: 'in', kind: 'created', next: { type: 'symlink', hash: sha256('sub/file'), linkTarget: 'sub/file' } },
      { path: '../escape', kind: 'created', next: { type: 'file', ...hook, mode: 0o644 } },
    ]);
    const result = applyPending(run, fileOf);
    assert.deepEqual(result.applied, ['in']);
    assert.deepEqual(result.skipped.map((s) => s.path).sort(), ['../escape', '.git/hooks/pre-commit', 'out', 'up']);
    assert.deepEqual(result.remaining.map((e) => e.path), ['.git/hooks/pre-commit']);
    assert.equal(fs.readlinkSync(path.join(ws, 'in')), 'sub/file');
    assert.ok(!fs.existsSync(path.join(root, 'escape')));
    const second = applyPending(pending(result.remaining), fileOf, { includeSensitive: true });
    assert.deepEqual(second.applied, ['.git/hooks/pre-commit']);
  });
});

describe('PendingStore', () => {
  test('run ids cannot name paths; expired entries are purged', () => {
    const store = new PendingStore(path.join(root, 'runs'));
    assert.throws(() => store.dir('../x'), /not a run id/);
    assert.throws(() => store.dir('a/b'), /not a run id/);
    store.create('old');
    store.save({ runId: 'old', workspace: ws, createdAt: 0, expiresAt: 1, changes: [] });
    store.create('new');
    store.save({ runId: 'new', workspace: ws, createdAt: Date.now(), expiresAt: Date.now() + 60_000, changes: [] });
    assert.throws(() => store.load('old'), /expired/);
    store.create('old');
    store.save({ runId: 'old', workspace: ws, createdAt: 0, expiresAt: 1, changes: [] });
    assert.equal(store.purge(), 1);
    assert.equal(store.load('new').runId, 'new');
    assert.throws(() => store.load('missing'), /No pending changes/);
  });
});
