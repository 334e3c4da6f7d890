// Shares of the machine, on the real Docker engine: pending snapshot changes
// capped per user and in all (oldest of the user's own dropped first), runs
// taken in turn per user, and a server-wide maximum timeout.
// Image: paladin-test:busybox (or PALADIN_SANDBOX_IMAGE).

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import Docker from 'dockerode';
import { Executor } from '../../server/src/executor';
import { normaliseSettings } from '../../server/src/settings/settings';

const image = process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox';
const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-caps-')));
const workspace = path.join(tmp, 'ws');
fs.mkdirSync(workspace);
fs.writeFileSync(path.join(workspace, 'keep.txt'), 'k\n');

const executors: Executor[] = [];
function executor(over: Record<string, unknown>): Executor {
  const { settings, warnings } = normaliseSettings({
    'sandbox.image': image,
    'database.path': path.join(tmp, `data-${executors.length}`, 'paladin.db'),
    'sandbox.timeoutSeconds': 10,
    'sandbox.memoryMiB': 64,
    'sandbox.snapshotMaxMiB': 8,
    'sandbox.poolSize': 0,
    ...over,
  });
  assert.deepEqual(warnings, []);
  const ex = new Executor(settings);
  executors.push(ex);
  return ex;
}

before(async () => {
  await new Docker().getImage(image).inspect();
});
after(async () => {
  for (const ex of executors) await ex.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('pending changes cannot fill the disk', () => {
  test('per-user and total caps: the user\'s oldest go first, then a clear refusal', async () => {
    const ex = executor({ 'sandbox.pendingUserMaxMiB': 1, 'sandbox.pendingMaxMiB': 2 });
    const write = (kib: number, userId: string) =>
      ex.run({ command: `dd if=/dev/urandom of=blob bs=1024 count=${kib} 2>/dev/null`, workspace, mode: 'snapshot', userId }, {});
    const a1 = await write(600, 'alice');
    assert.equal(a1.end, 'exited', a1.message);
    const a2 = await write(600, 'alice');
    assert.equal(a2.end, 'exited', a2.message);
    assert.throws(() => ex.pending.load(a1.runId), /No pending changes/, "alice's oldest run was not dropped to make room");
    assert.ok(ex.pending.load(a2.runId));

    const big = await write(1500, 'alice');
    assert.equal(big.end, 'sandbox error');
    assert.match(big.message ?? '', /were not kept: pending changes are capped \(paladin\.sandbox\.pendingUserMaxMiB, 1 MiB per user\)/);
    assert.ok(ex.pending.load(a2.runId), 'a refused run must not drop what was kept');

    const b = await write(600, 'bob');
    assert.equal(b.end, 'exited', b.message);
    const c = await write(600, 'carol');
    assert.equal(c.end, 'exited', c.message);
    const d = await write(600, 'dave');
    assert.equal(d.end, 'sandbox error');
    assert.match(d.message ?? '', /pending changes of all users already take .* of 2 MiB \(paladin\.sandbox\.pendingMaxMiB\)/);
    for (const kept of [a2, b, c]) assert.ok(ex.pending.load(kept.runId), 'another user\'s changes were dropped');
    const onDisk = ex.pending.list().reduce((n, r) => n + r.bytes, 0);
    assert.ok(onDisk <= 2 * 1024 * 1024, `pending changes take ${onDisk} bytes`);
  });
});

describe('runs are shared fairly', () => {
  test('one user\'s pile of runs does not hold another user\'s run back', async () => {
    const ex = executor({ 'sandbox.maxConcurrent': 1 });
    const started: string[] = [];
    const go = (userId: string, tag: string) =>
      ex.run({ command: 'sleep 1', workspace, mode: 'ro', userId }, {}).then((r) => {
        started.push(tag);
        return r;
      });
    const runs = [go('mallory', 'm1'), go('mallory', 'm2'), go('mallory', 'm3'), go('mallory', 'm4')];
    await new Promise((resolve) => setTimeout(resolve, 100)); // mallory's runs are in line first
    runs.push(go('alice', 'a1'));
    const results = await Promise.all(runs);
    for (const r of results) assert.equal(r.end, 'exited', r.message);
    assert.ok(started.indexOf('a1') <= 2, `finish order ${started.join(', ')}: alice waited behind mallory's whole pile`);
  });

  test('a requested timeout above the server maximum is lowered to it', async () => {
    const ex = executor({ 'sandbox.maxTimeoutSeconds': 2 });
    let text = '';
    const r = await ex.run({ command: 'sleep 30', workspace, mode: 'ro', timeoutSeconds: 3600 }, { onOutput: (c) => (text += c.text) });
    assert.equal(r.end, 'timeout');
    assert.ok(r.durations.runMs < 6000, `ran ${r.durations.runMs} ms`);
    assert.match(text, /timeout lowered to 2 s/);
  });
});
