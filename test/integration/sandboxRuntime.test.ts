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
import { engineRuntimes, processCaps } from '../../server/src/executor/engineRuntime';
import { normaliseSettings } from '../../server/src/settings/settings';

const image = process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox';
const docker = new Docker();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-runtime-'));
const workspace = path.join(tmp, 'ws');
fs.mkdirSync(workspace);
fs.writeFileSync(path.join(workspace, 'a.txt'), 'hello\n');
const made: Executor[] = [];

function executor(runtime: string, over: Record<string, unknown> = {}): Executor {
  const { settings, warnings } = normaliseSettings({ 'sandbox.image': image, 'sandbox.runtime': runtime, 'database.path': path.join(tmp, 'data', 'paladin.db'), 'sandbox.poolSize': 0, 'sandbox.timeoutSeconds': 10, ...over });
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

  test('the pid cap: the cgroup under runc; under runsc RLIMIT_NPROC inside gVisor and a bounded host backstop', () => {
    const limits = { memoryMiB: 64, cpus: 1, pids: 64, tmpfsMiB: 8, timeoutSeconds: 5, snapshotMiB: 8 };
    const shape = { image, mode: 'ro' as const, workspace, network: false, limits };
    const runc = containerSpec(shape, { run: 'r', owner: 'o' }).HostConfig;
    assert.equal(runc?.PidsLimit, 64);
    // On the host RLIMIT_NPROC counts every process of the uid, other containers' too: never set under runc.
    assert.ok(!runc?.Ulimits?.some((u) => u.Name === 'nproc'));
    const gvisor = containerSpec({ ...shape, runtime: 'runsc' }, { run: 'r', owner: 'o' }).HostConfig;
    assert.deepEqual(gvisor?.Ulimits?.find((u) => u.Name === 'nproc'), { Name: 'nproc', Soft: 64, Hard: 64 });
    assert.equal(gvisor?.PidsLimit, processCaps('runsc', 64).pidsLimit);
    assert.ok(gvisor!.PidsLimit! > 64 && gvisor!.PidsLimit! <= 64 * 16 + 256, `host backstop ${gvisor?.PidsLimit}`);
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

  test('under runsc: a pid cap of 64 holds inside and the sandbox survives reaching it', async (t) => {
    if (!(await engineRuntimes(docker)).includes('runsc')) return t.skip(NO_RUNSC);
    // With the cap on the host cgroup, gVisor's own threads counted against it and the sandbox died ("WaitPID failed: EOF").
    const e = executor('runsc', { 'sandbox.pids': 64, 'sandbox.memoryMiB': 128 });
    let out = '';
    const r = await e.run({ command: 'i=0; while [ $i -lt 100 ]; do sleep 5 & i=$((i+1)); echo $i; done', workspace, mode: 'ro' }, { onOutput: (c) => (out += c.text) });
    assert.equal(r.end, 'exited', `${r.end}: ${r.message}`);
    assert.match(out, /can't fork|Resource temporarily unavailable/);
    const started = Number(out.split('\n').filter((l) => /^\d+$/.test(l)).pop());
    assert.ok(started > 50 && started < 64, `background processes started: ${started}`);
  });
});
