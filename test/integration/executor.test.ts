// The executor against the real Docker engine: ordinary runs, streams,
// cancellation, queueing, snapshot changes across processes, the sweep after
// a crash, clear errors when the engine or image is missing, and the
// `paladin run` command through Paladin.run with the real policy and records.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, describe, test } from 'node:test';
import Docker from 'dockerode';
import { runCommand } from '../../server/src/cli/commands/run';
import type { CliContext } from '../../server/src/cli/command';
import { stageMigrations } from '../../server/src/compose';
import { Executor } from '../../server/src/executor';
import { ownerTagOf } from '../../server/src/executor/sweep';
import { Paladin } from '../../server/src/paladin';
import { createPolicyStage } from '../../server/src/policy';
import { createRecordsStage } from '../../server/src/records';
import { normaliseSettings, type Settings } from '../../server/src/settings/settings';
import { unusedExplainer, unusedPlanner } from '../support/fakeStages';
import { localUserId, openDatabase } from '../../server/src/store/database';
import { waitFor } from '../support/waitFor';

const image = process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox';
const docker = new Docker();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-executor-'));
const workspace = path.join(tmp, 'ws');
fs.mkdirSync(workspace);
fs.writeFileSync(path.join(workspace, 'notes.txt'), 'alpha\nbeta\n');
fs.writeFileSync(path.join(workspace, 'empty.txt'), ''); // a zero-byte file must copy in and out cleanly

function settingsWith(over: Record<string, unknown> = {}): Settings {
  return normaliseSettings({
    'sandbox.image': image,
    'database.path': path.join(tmp, 'data', 'paladin.db'),
    'sandbox.timeoutSeconds': 5,
    'sandbox.poolSize': 1,
    'sandbox.maxConcurrent': 2,
    ...over,
  }).settings;
}

const ex = new Executor(settingsWith());
after(async () => {
  await ex.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function run(e: Executor, command: string, extra: { mode?: 'ro' | 'snapshot' | 'live'; signal?: AbortSignal; onText?: (s: string, t: string) => void } = {}) {
  const chunks: { stream: string; text: string }[] = [];
  const result = await e.run(
    { command, workspace, mode: extra.mode ?? 'ro' },
    {
      signal: extra.signal,
      onOutput: (c) => {
        chunks.push(c);
        extra.onText?.(c.stream, c.text);
      },
    },
  );
  const of = (s: string) => chunks.filter((c) => c.stream === s).map((c) => c.text).join('');
  return { ...result, stdout: of('stdout'), stderr: of('stderr') };
}

describe('ordinary runs', () => {
  test('exit codes', async () => {
    assert.equal((await run(ex, 'true')).exitCode, 0);
    assert.equal((await run(ex, 'exit 3')).exitCode, 3);
    const missing = await run(ex, 'no-such-program-here');
    assert.equal(missing.exitCode, 127);
    assert.equal(missing.end, 'exited');
  });

  test('stdout and stderr stay separate', async () => {
    const r = await run(ex, 'echo out1; echo err1 >&2; echo out2; echo err2 >&2');
    assert.equal(r.stdout, 'out1\nout2\n');
    assert.equal(r.stderr, 'err1\nerr2\n');
    assert.deepEqual(r.bytes, { stdout: 10, stderr: 10 });
  });

  test('unicode and binary output', async () => {
    const r = await run(ex, "printf 'héllo ✓ 日本\\n'; printf '\\377\\000\\001' >&2");
    assert.equal(r.stdout, 'héllo ✓ 日本\n');
    assert.equal(r.bytes.stderr, 3);
    assert.ok(r.output?.includes(Buffer.from([0xff, 0x00, 0x01])));
    assert.ok(r.stderr.includes('\uFFFD'));
  });

  test('the workspace is at /workspace, read-only in ro mode', async () => {
    const r = await run(ex, 'pwd; cat notes.txt; touch x 2>&1 || echo refused');
    assert.match(r.stdout, /^\/workspace\nalpha\nbeta\n/);
    assert.match(r.stdout, /Read-only file system\nrefused\n$/);
  });

  test('a warm-pool container serves the next run without creating one', async () => {
    await run(ex, 'true');
    await ex.settle();
    assert.ok(ex.pool.counts().ready >= 1);
    const r = await run(ex, 'echo warm');
    assert.equal(r.stdout, 'warm\n');
    assert.ok(r.durations.startMs < 50, `start took ${r.durations.startMs} ms`);
  });

  test('a command that kills the sandbox keeper ends as "sandbox error"', async () => {
    // The keeper is the init process's child; without it the container ends.
    const r = await run(ex, 'kill -9 $(cat /proc/1/task/1/children); sleep 5');
    assert.equal(r.end, 'sandbox error');
    assert.match(r.message ?? '', /ended before the command did/);
  });

  test('idle warm containers are removed after paladin.sandbox.poolIdleSeconds', async () => {
    const idle = new Executor(settingsWith({ 'sandbox.poolSize': 1, 'sandbox.poolIdleSeconds': 5 }));
    try {
      await idle.run({ command: 'true', workspace, mode: 'ro' }, {});
      await idle.settle();
      const [waiting] = idle.pool.readyIds();
      assert.ok(waiting);
      const t = performance.now();
      while (idle.pool.counts().keys > 0 && performance.now() - t < 10_000) await new Promise((r) => setTimeout(r, 200));
      await idle.settle();
      assert.equal(idle.pool.counts().keys, 0);
      assert.ok(performance.now() - t >= 3_000, 'not removed before the idle time');
      assert.deepEqual(await docker.listContainers({ all: true, filters: { label: [`paladin.run=${waiting}`] } }), []);
    } finally {
      await idle.dispose();
    }
  });

  test('disposing the executor ends its running commands and leaves no container', async () => {
    const e = new Executor(settingsWith({ 'sandbox.poolSize': 0 }));
    let started!: () => void;
    const up = new Promise<void>((resolve) => (started = resolve));
    const running = e.run({ command: 'echo up; sleep 30', workspace, mode: 'ro' }, { onOutput: () => started() });
    await up;
    const t = performance.now();
    await e.dispose();
    const r = await running;
    assert.equal(r.end, 'sandbox error');
    assert.ok(performance.now() - t < 5000);
    await e.settle();
    assert.deepEqual(await docker.listContainers({ all: true, filters: { label: [`paladin.run=${r.runId}`] } }), []);
  });

  test('cancellation ends a run as "cancelled" at once', async () => {
    const controller = new AbortController();
    const t = performance.now();
    const r = await run(ex, 'echo started; sleep 30', { signal: controller.signal, onText: (s) => s === 'stdout' && controller.abort() });
    assert.equal(r.end, 'cancelled');
    assert.ok(performance.now() - t < 3000);
  });

  test('runs queue in order past maxConcurrent', async () => {
    const one = new Executor(settingsWith({ 'sandbox.maxConcurrent': 1, 'sandbox.poolSize': 0 }));
    try {
      const order: number[] = [];
      const results = await Promise.all([1, 2, 3].map((i) => one.run({ command: 'sleep 0.3', workspace, mode: 'ro' }, {}).then((r) => (order.push(i), r))));
      assert.deepEqual(order, [1, 2, 3]);
      assert.ok(results[2].durations.queueMs > results[1].durations.queueMs && results[1].durations.queueMs > results[0].durations.queueMs);
      assert.ok(results[2].durations.queueMs >= 500);
      // A queued run can be cancelled while it waits.
      const controller = new AbortController();
      const first = one.run({ command: 'sleep 0.5', workspace, mode: 'ro' }, {});
      const waiting = one.run({ command: 'echo never', workspace, mode: 'ro' }, { signal: controller.signal });
      controller.abort();
      assert.equal((await waiting).end, 'cancelled');
      assert.equal((await first).end, 'exited');
    } finally {
      await one.dispose();
    }
  });
});

describe('snapshot mode', () => {
  test('changes are listed with diffs and applied from another executor (another process)', async () => {
    const r = await run(ex, 'echo gamma >> notes.txt; echo new > added.txt; printf "\\000\\001" > blob.bin', { mode: 'snapshot' });
    assert.equal(r.exitCode, 0);
    const byPath = Object.fromEntries((r.changes ?? []).map((c) => [c.path, c]));
    assert.equal(byPath['notes.txt'].kind, 'changed');
    assert.match(byPath['notes.txt'].diff ?? '', /^ alpha\n beta\n\+gamma$/m);
    assert.equal(byPath['added.txt'].kind, 'created');
    assert.equal(byPath['blob.bin'].binary, true);
    assert.equal(fs.readFileSync(path.join(workspace, 'notes.txt'), 'utf8'), 'alpha\nbeta\n', 'nothing reached the workspace before apply');

    const other = new Executor(settingsWith({ 'sandbox.poolSize': 0 }));
    const applied = await other.apply(r.runId);
    assert.deepEqual(applied.applied.sort(), ['added.txt', 'blob.bin', 'notes.txt']);
    assert.equal(fs.readFileSync(path.join(workspace, 'notes.txt'), 'utf8'), 'alpha\nbeta\ngamma\n');
    await assert.rejects(other.apply(r.runId), /No pending changes/);
    await other.dispose();
    for (const f of ['added.txt', 'blob.bin']) fs.rmSync(path.join(workspace, f));
    fs.writeFileSync(path.join(workspace, 'notes.txt'), 'alpha\nbeta\n');
  });

  test('apply is all-or-nothing when the workspace changed since the run; discard drops changes', async () => {
    const r = await run(ex, 'echo one > a.txt; echo two >> notes.txt', { mode: 'snapshot' });
    fs.writeFileSync(path.join(workspace, 'notes.txt'), 'edited meanwhile\n');
    await assert.rejects(ex.apply(r.runId), /Nothing was applied/);
    assert.ok(!fs.existsSync(path.join(workspace, 'a.txt')));
    await ex.discard(r.runId);
    await assert.rejects(ex.apply(r.runId), /No pending changes/);
    fs.writeFileSync(path.join(workspace, 'notes.txt'), 'alpha\nbeta\n');
    await assert.rejects(ex.apply('../../etc'), /not a run id/);
  });

  test('a file over 1 MiB is kept on disk, listed without a diff and applied whole', async () => {
    const r = await run(ex, 'head -c 3000000 /dev/zero | tr "\\000" x > big.txt', { mode: 'snapshot' });
    const big = r.changes?.find((c) => c.path === 'big.txt');
    assert.equal(big?.kind, 'created');
    assert.equal(big?.diff, undefined);
    await ex.apply(r.runId);
    const data = fs.readFileSync(path.join(workspace, 'big.txt'));
    assert.equal(data.length, 3_000_000);
    assert.ok(data.every((b) => b === 0x78));
    fs.rmSync(path.join(workspace, 'big.txt'));
  });

  test('deletions are listed and applied', async () => {
    fs.writeFileSync(path.join(workspace, 'gone.txt'), 'bye\n');
    const r = await run(ex, 'rm gone.txt', { mode: 'snapshot' });
    assert.deepEqual(r.changes?.map((c) => [c.path, c.kind]), [['gone.txt', 'deleted']]);
    await ex.apply(r.runId);
    assert.ok(!fs.existsSync(path.join(workspace, 'gone.txt')));
  });
});

describe('engine and image problems', () => {
  test('an unreachable engine gives a message naming the cause and the fix, and runs nothing', async () => {
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = `unix://${path.join(tmp, 'no-such.sock')}`;
    try {
      const e = new Executor(settingsWith({ 'sandbox.poolSize': 0 }));
      const status = await e.status();
      assert.equal(status.state, 'docker unreachable');
      assert.match(status.detail, /not reachable.*Start the engine|DOCKER_HOST/s);
      await assert.rejects(e.run({ command: 'touch /tmp/should-not-exist-on-host', workspace, mode: 'ro' }, {}), /Docker is not reachable/);
      assert.ok(!fs.existsSync('/tmp/should-not-exist-on-host'));
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = saved;
    }
  });

  test('a missing image names the image and how to get it', async () => {
    const e = new Executor(settingsWith({ 'sandbox.poolSize': 0, 'sandbox.image': 'paladin-test:does-not-exist' }));
    assert.equal((await e.status()).state, 'image missing');
    await assert.rejects(e.run({ command: 'true', workspace, mode: 'ro' }, {}), /paladin-test:does-not-exist is not on the Docker engine.*paladin sandbox build/s);
  });
});

describe('sweep after a crash', () => {
  test('containers and volumes of a killed server are removed at the next start', async () => {
    const script = path.join(tmp, 'crash.ts');
    fs.writeFileSync(
      script,
      `import { Executor } from ${JSON.stringify(path.resolve('server/src/executor'))};
import { normaliseSettings } from ${JSON.stringify(path.resolve('server/src/settings/settings'))};
const { settings } = normaliseSettings({ 'sandbox.image': ${JSON.stringify(image)}, 'database.path': ${JSON.stringify(path.join(tmp, 'crash', 'p.db'))}, 'sandbox.poolSize': 2 });
const e = new Executor(settings);
e.warm({ command: 'true', workspace: ${JSON.stringify(workspace)}, mode: 'snapshot' });
void e.run({ command: 'echo running; sleep 60', workspace: ${JSON.stringify(workspace)}, mode: 'ro' }, { onOutput: () => process.stdout.write('up\\n') });
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    const owner = ownerTagOf(child.pid!);
    const list = () => docker.listContainers({ all: true, filters: { label: [`paladin.owner=${owner}`] } });
    // Two warm snapshot containers, the running one and its two warm replacements: wait until all
    // five run, so no create request is still in flight when the server dies.
    const settled = async () => {
      const l = await list();
      return l.length === 5 && l.every((c) => c.State === 'running');
    };
    await waitFor(settled, 'the five containers run', 60_000, 100);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    assert.equal((await list()).length, 5, 'the crashed server left containers behind');

    const fresh = new Executor(settingsWith({ 'sandbox.poolSize': 0 }));
    await fresh.startup();
    const left = await list();
    assert.equal(left.length, 0, JSON.stringify(left.map((c) => ({ state: c.State, status: c.Status, labels: c.Labels }))));
    const vols = await docker.listVolumes({ filters: { label: [`paladin.owner=${owner}`] } });
    assert.equal(vols.Volumes?.length ?? 0, 0);
    await fresh.dispose();
  });
});

describe('paladin run (through Paladin.run, real policy and records)', () => {
  // The planner is not part of running a command; this stand-in only satisfies the Stages shape.
  const fakePlanner = unusedPlanner('run tests');
  const fakeExplainer = unusedExplainer('run tests');

  async function cli(args: string[], values: Record<string, string | boolean>, over: Partial<CliContext> = {}) {
    const settings = settingsWith({ 'database.path': path.join(tmp, 'cli', 'paladin.db') });
    fs.mkdirSync(path.dirname(settings.database.path), { recursive: true });
    const db = openDatabase(settings.database.path, { migrations: stageMigrations });
    const executor = new Executor(settings);
    const paladin = new Paladin(db, settings, { policy: await createPolicyStage(db, settings), planner: fakePlanner, executor, explainer: fakeExplainer, records: createRecordsStage(db, settings) });
    const out = new PassThrough();
    const err = new PassThrough();
    let stdout = '';
    let stderr = '';
    out.on('data', (c: Buffer) => (stdout += c.toString()));
    err.on('data', (c: Buffer) => (stderr += c.toString()));
    const ctx: CliContext = {
      settings,
      actor: { userId: localUserId(db), source: 'cli' },
      paladin: async () => paladin,
      out,
      err,
      interactive: false,
      ask: async () => false,
      signal: new AbortController().signal,
      ...over,
    };
    try {
      const code = await runCommand.run(ctx, { values: { workspace, ...values }, positionals: args });
      return { code, stdout, stderr, db };
    } catch (e) {
      return { code: -1, stdout, stderr: stderr + (e as Error).message, db, error: e as Error & { code?: string } };
    } finally {
      await paladin.dispose();
    }
  }

  test('streams output and ends --json with one JSON object; history and audit are written', async () => {
    const r = await cli(['echo hi; echo oops >&2; exit 2'], { json: true });
    assert.equal(r.code, 5);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines[0], 'hi');
    const result = JSON.parse(lines[lines.length - 1]);
    assert.equal(result.exitCode, 2);
    assert.equal(result.end, 'exited');
    assert.equal(result.bytes.stderr, 5);
    assert.match(r.stderr, /oops/);
    const audits = r.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'run.%'").all() as { action: string }[];
    assert.ok(audits.some((a) => a.action === 'run.end'));
    r.db.close();
  });

  test('a denied command exits 4 (RequestError "denied") and never runs', async () => {
    const r = await cli(['rm -rf /'], {});
    assert.equal(r.error?.code, 'denied');
    r.db.close();
  });

  test('live mode needs approval: exit 3 without it, runs after an interactive yes', async () => {
    // Live mode runs as the workspace's owner, or as 1000 when root owns it (as in CI).
    if (fs.statSync(workspace).uid === 0) fs.chownSync(workspace, 1000, 1000);
    const refused = await cli(['echo live > live.txt'], { mode: 'live' });
    assert.equal(refused.error?.code, 'needs-approval');
    assert.ok(!fs.existsSync(path.join(workspace, 'live.txt')));
    refused.db.close();
    const asked: string[] = [];
    const approved = await cli(['echo live > live.txt'], { mode: 'live' }, { interactive: true, ask: async (q) => (asked.push(q), true) });
    assert.equal(approved.code, 0, approved.stderr);
    assert.equal(asked.length, 1);
    assert.equal(fs.readFileSync(path.join(workspace, 'live.txt'), 'utf8'), 'live\n');
    approved.db.close();
    fs.rmSync(path.join(workspace, 'live.txt'));
  });

  test('snapshot, then --apply RUNID in a new session', async () => {
    const r = await cli(['echo cli > from-cli.txt'], { mode: 'snapshot', json: true, yes: true });
    assert.equal(r.code, 0, r.stderr);
    const result = JSON.parse(r.stdout.trim().split('\n').pop()!);
    assert.deepEqual(result.changes.map((c: { path: string }) => c.path), ['from-cli.txt']);
    r.db.close();
    const a = await cli([], { apply: result.runId });
    assert.equal(a.code, 0);
    assert.match(a.stdout, /applied\s+from-cli.txt/);
    assert.equal(fs.readFileSync(path.join(workspace, 'from-cli.txt'), 'utf8'), 'cli\n');
    a.db.close();
    fs.rmSync(path.join(workspace, 'from-cli.txt'));
  });

  test('at a terminal, an ask runs without a question; the question comes at Apply, after the consequences', async () => {
    const asked: string[] = [];
    const no = await cli(['echo one > asked.txt'], {}, { interactive: true, ask: async (q) => (asked.push(q), false) });
    assert.equal(no.code, 0, no.stderr);
    assert.deepEqual(asked, ['Apply these changes to the workspace?'], 'one question, and not before the run');
    assert.match(no.stderr, /Applying would: 1 file created; 4 bytes written\.[\s\S]*not applied; the changes are kept/);
    assert.ok(!fs.existsSync(path.join(workspace, 'asked.txt')));
    no.db.close();
    const yes = await cli(['echo two > asked.txt'], {}, { interactive: true, ask: async () => true });
    assert.equal(yes.code, 0, yes.stderr);
    assert.match(yes.stdout, /applied\s+asked.txt/);
    assert.equal(fs.readFileSync(path.join(workspace, 'asked.txt'), 'utf8'), 'two\n');
    yes.db.close();
    fs.rmSync(path.join(workspace, 'asked.txt'));
  });
});
