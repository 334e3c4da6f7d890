// Who a sandbox runs as, against the real Docker engine: the workspace's
// owner (never root), a visible fallback to a read-only copy when root owns
// the folder or the owner cannot read it, and live writes owned by the owner.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { Executor } from '../../server/src/executor';
import type { WorkspaceMode } from '../../server/src/protocol/types';
import { normaliseSettings } from '../../server/src/settings/settings';

const image = process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-owner-'));
fs.chmodSync(tmp, 0o755);
const asRoot = process.getuid?.() === 0;
const skip = asRoot ? false : 'needs root to give folders to other users (chown)';

const ex = new Executor(
  normaliseSettings({ 'sandbox.image': image, 'database.path': path.join(tmp, 'data', 'paladin.db'), 'sandbox.timeoutSeconds': 5, 'sandbox.poolSize': 0 }).settings,
);
after(async () => {
  await ex.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A fresh folder with a.txt, both owned by uid:gid and private to them. */
function privateFolder(name: string, uid: number, gid: number, mode = 0o700): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'a.txt'), 'secret of the owner\n', { mode: 0o600 });
  fs.chownSync(path.join(dir, 'a.txt'), uid, gid);
  fs.chownSync(dir, uid, gid);
  fs.chmodSync(dir, mode);
  return dir;
}

async function run(workspace: string, command: string, mode: WorkspaceMode = 'ro') {
  const text = { stdout: '', stderr: '' };
  const result = await ex.run({ command, workspace, mode }, { onOutput: (c) => (text[c.stream] += c.text) });
  return { ...result, ...text };
}

describe('the sandbox runs as the workspace owner', { skip }, () => {
  test('a 0700 workspace of uid 1234 reads in ro mode, as 1234:1234, and stays read-only', async () => {
    const ws = privateFolder('u1234', 1234, 1234);
    const r = await run(ws, 'cat a.txt; id -u; id -g');
    assert.equal(r.exitCode, 0, `${r.end}: ${r.message ?? ''} ${r.stderr}`);
    assert.equal(r.stdout, 'secret of the owner\n1234\n1234\n');
    assert.equal(r.notes, undefined, 'nothing to say when the run is as asked');
    const write = await run(ws, 'echo x > b.txt');
    assert.notEqual(write.exitCode, 0);
    assert.match(write.stderr, /Read-only file system/);
    assert.ok(!fs.existsSync(path.join(ws, 'b.txt')));
  });

  test('live mode writes files as their owner', async () => {
    const ws = privateFolder('live1234', 1234, 1235);
    const r = await run(ws, 'echo made > new.txt; id -u', 'live');
    assert.equal(r.exitCode, 0, `${r.end}: ${r.message ?? ''} ${r.stderr}`);
    assert.equal(r.stdout, '1234\n');
    const st = fs.statSync(path.join(ws, 'new.txt'));
    assert.deepEqual([st.uid, st.gid], [1234, 1235]);
  });

  test('a root-owned 0700 workspace: ro reads a read-only copy, and says so', async () => {
    const ws = privateFolder('root700', 0, 0);
    const r = await run(ws, 'cat a.txt; id -u; echo x > b.txt || echo refused; echo y >> a.txt || echo refused');
    assert.equal(r.exitCode, 0, `${r.end}: ${r.message ?? ''} ${r.stderr}`);
    assert.equal(r.stdout, 'secret of the owner\n1000\nrefused\nrefused\n');
    assert.equal(r.mode, 'ro');
    assert.ok(r.notes?.some((n) => /belongs to root; Paladin never runs a sandbox as root/.test(n)), JSON.stringify(r.notes));
    assert.ok(r.notes?.some((n) => /cannot read \., so this read-only run reads a copy/.test(n)), JSON.stringify(r.notes));
    assert.doesNotMatch(r.stderr, /\[paladin/, "the notes are in the result; the command's output stays its own");
    assert.equal(r.changes, undefined, 'a copy for a read-only run brings nothing back');
    assert.deepEqual(fs.readdirSync(ws), ['a.txt']);
    assert.equal(fs.readFileSync(path.join(ws, 'a.txt'), 'utf8'), 'secret of the owner\n');
  });

  test('a root-owned folder others may read is mounted, run as 1000:1000, with a note', async () => {
    const ws = path.join(tmp, 'root755');
    fs.mkdirSync(ws, { mode: 0o755 });
    fs.writeFileSync(path.join(ws, 'a.txt'), 'open\n', { mode: 0o644 });
    const r = await run(ws, 'cat a.txt; id -u; grep -c " /workspace " /proc/mounts');
    assert.equal(r.exitCode, 0, `${r.end}: ${r.message ?? ''} ${r.stderr}`);
    assert.equal(r.stdout, 'open\n1000\n1\n', 'the folder itself is mounted');
    assert.equal(r.notes?.length, 1);
    assert.match(r.notes![0], /belongs to root/);
  });

  test('an owner who cannot read a file inside: ro falls back to a copy that holds it', async () => {
    const ws = privateFolder('mixed', 1234, 1234);
    fs.writeFileSync(path.join(ws, 'root-only.txt'), 'root data\n', { mode: 0o600 });
    const r = await run(ws, 'cat root-only.txt; id -u');
    assert.equal(r.exitCode, 0, `${r.end}: ${r.message ?? ''} ${r.stderr}`);
    assert.equal(r.stdout, 'root data\n1234\n');
    assert.ok(r.notes?.some((n) => /1234:1234 cannot read root-only\.txt/.test(n)), JSON.stringify(r.notes));
  });

  test('live mode in a root-owned folder 1000 may not write is refused with what to do', async () => {
    const ws = privateFolder('rootlive', 0, 0, 0o755);
    await assert.rejects(run(ws, 'echo x > b.txt', 'live'), /belongs to root and 1000:1000 may not write it.*chown.*snapshot mode/);
    assert.deepEqual(fs.readdirSync(ws), ['a.txt']);
  });

  test('a live run in a root-owned folder 1000 may write says whose the new files are', async () => {
    const ws = privateFolder('rootlive777', 0, 0, 0o777);
    const r = await run(ws, 'echo x > b.txt', 'live');
    assert.equal(r.exitCode, 0, `${r.end}: ${r.message ?? ''} ${r.stderr}`);
    assert.ok(r.notes?.some((n) => /Files the run creates belong to 1000:1000/.test(n)));
    assert.equal(fs.statSync(path.join(ws, 'b.txt')).uid, 1000);
  });
});
