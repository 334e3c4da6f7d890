// The sandbox runtime setting against the real Docker engine: runc by
// default, gVisor's runsc when asked for and registered; a runsc setting on
// an engine without it refuses runs (never a quiet fallback to runc), and
// `paladin sandbox status` says which runtimes the engine has.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import Docker from 'dockerode';
import { Executor } from '../../server/src/executor';
import { containerSpec } from '../../server/src/executor/containerSpec';
import { engineRuntimes } from '../../server/src/executor/engineRuntime';
import { normaliseSettings } from '../../server/src/settings/settings';

const image = process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox';
const docker = new Docker();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-runtime-'));
const workspace = path.join(tmp, 'ws');
fs.mkdirSync(workspace);
fs.writeFileSync(path.join(workspace, 'a.txt'), 'hello\n');
const made: Executor[] = [];

function executor(runtime: string): Executor {
  const { settings, warnings } = normaliseSettings({ 'sandbox.image': image, 'sandbox.runtime': runtime, 'database.path': path.join(tmp, 'data', 'paladin.db'), 'sandbox.poolSize': 0, 'sandbox.timeoutSeconds': 10 });
  assert.deepEqual(warnings, []);
  const e = new Executor(settings);
  made.push(e);
  return e;
}
after(async () => {
  for (const e of made) await e.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const NO_RUNSC = 'this Docker engine has no runsc runtime (register it in /etc/docker/daemon.json, see test/support/register-runsc.sh, and restart the engine)';

describe('paladin.sandbox.runtime', () => {
  test('the setting: runc by default, runsc accepted, anything else warned about and runc', () => {
    assert.equal(normaliseSettings({}).settings.sandbox.runtime, 'runc');
    assert.equal(normaliseSettings({ 'paladin.sandbox.runtime': 'runsc' }).settings.sandbox.runtime, 'runsc');
    const bad = normaliseSettings({ 'sandbox.runtime': 'kata' });
    assert.equal(bad.settings.sandbox.runtime, 'runc');
    assert.match(bad.warnings.join('\n'), /paladin\.sandbox\.runtime" must be one of runc, runsc, not "kata"/);
  });

  test('only runsc names a runtime in the container configuration', () => {
    const limits = { memoryMiB: 64, cpus: 1, pids: 64, tmpfsMiB: 8, timeoutSeconds: 5, snapshotMiB: 8 };
    const shape = { image, mode: 'ro' as const, workspace, network: false, limits };
    assert.equal(containerSpec({ ...shape, runtime: 'runsc' }, { run: 'r', owner: 'o' }).HostConfig?.Runtime, 'runsc');
    assert.equal(containerSpec(shape, { run: 'r', owner: 'o' }).HostConfig?.Runtime, undefined);
  });

  test('status reports the runtime and the runtimes the engine has', async () => {
    const runtimes = await engineRuntimes(docker);
    assert.ok(runtimes.includes('runc'), runtimes.join(', '));
    const status = await executor('runc').status();
    assert.equal(status.state, 'ready', status.detail);
    assert.match(status.detail, new RegExp(`runtime runc \\(engine has: ${runtimes.join(', ')}\\)`));
  });

  test('runsc with network is refused before anything starts', async () => {
    await assert.rejects(executor('runsc').run({ command: 'true', workspace, mode: 'ro', network: true }), /runsc, runs are offline only/);
  });

  test('runsc on an engine without it: runs refused with what to do, status says so', async (t) => {
    if ((await engineRuntimes(docker)).includes('runsc')) return t.skip('this engine has runsc; the refusal cannot be seen here');
    const e = executor('runsc');
    await assert.rejects(e.run({ command: 'echo hi > b.txt', workspace, mode: 'live' }), /no runsc runtime \(it has: .*runc.*\); nothing was run\. Install gVisor \(apt-get install runsc\), add .*daemon\.json/);
    const status = await e.status();
    assert.equal(status.state, 'runtime missing');
    assert.match(status.detail, /paladin\.sandbox\.runtime is runsc/);
    assert.ok(!fs.existsSync(path.join(workspace, 'b.txt')));
  });

  test('under runsc: a run works, ro stays read-only, the kernel is gVisor', async (t) => {
    if (!(await engineRuntimes(docker)).includes('runsc')) return t.skip(NO_RUNSC);
    const e = executor('runsc');
    let out = '';
    const r = await e.run({ command: 'cat a.txt; dmesg 2>/dev/null | head -1; echo x > b.txt', workspace, mode: 'ro' }, { onOutput: (c) => (out += c.text) });
    assert.match(out, /hello/);
    assert.match(out, /gVisor/i);
    assert.notEqual(r.exitCode, 0);
    assert.ok(!fs.existsSync(path.join(workspace, 'b.txt')));
  });
});
