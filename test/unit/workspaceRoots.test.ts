import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { isSystemFolder, WorkspaceRoots } from '../../server/src/agents/workspaceRoots';
import { RequestError } from '../../server/src/kernel';

// Agent fronts (MCP, hooks) use the same workspace check as API keys.

const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-roots-')));
const ws = path.join(tmp, 'ws');
const data = path.join(tmp, 'data');
const outside = path.join(tmp, 'outside');
for (const d of [ws, data, outside, path.join(ws, 'sub')]) fs.mkdirSync(d, { recursive: true });
fs.symlinkSync(outside, path.join(ws, 'link-out'));

test('an agent may name its start folder and folders below it, by real path', () => {
  const roots = new WorkspaceRoots([ws], [data]);
  assert.equal(roots.pick(undefined), ws);
  assert.equal(roots.pick('sub'), path.join(ws, 'sub'));
  assert.throws(() => new WorkspaceRoots([ws]).pick('..'), /outside the folders granted to this client.*--workspace DIR/);
  assert.throws(() => roots.pick('link-out'), /outside the folders granted/, 'a link out of the root is followed to its real place');
  assert.throws(() => roots.pick('missing'), /does not exist/);
});

test('system folders and Paladin\'s data folder are never roots nor workspaces', () => {
  assert.throws(() => new WorkspaceRoots(['/etc']), (err: unknown) => err instanceof RequestError && /system folder/.test(err.message));
  assert.throws(() => new WorkspaceRoots([data], [data]), /Paladin's data folder/);
  assert.throws(() => new WorkspaceRoots([tmp], [data]), /holds Paladin's data folder/);
  const wide = new WorkspaceRoots([ws, tmp]);
  assert.throws(() => new WorkspaceRoots([ws, outside], [data]).pick(data), /Paladin's data folder|outside the folders granted/);
  assert.equal(wide.pick(outside), outside);
  assert.equal(isSystemFolder('/usr/lib'), true);
  assert.equal(isSystemFolder('/'), true);
  assert.equal(isSystemFolder(ws), false);
  assert.equal(isSystemFolder(data, [data]), true);
});
