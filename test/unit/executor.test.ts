// Pure parts of the executor: the container spec's hardening, the stream
// demultiplexer, the output caps, the unified diff, archive entry names,
// the command's exec line and the fair queue.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { commandExec, KEEPER_SCRIPT, parseOomCount, READER_USER } from '../../server/src/executor/bootstrap';
import { containerSpec, snapshotVolumeSpec } from '../../server/src/executor/containerSpec';
import { Demuxer } from '../../server/src/executor/demux';
import { explainDockerError } from '../../server/src/executor/docker';
import { OutputSink } from '../../server/src/executor/outputSink';
import { RunQueue } from '../../server/src/executor/runQueue';
import { entryPath } from '../../server/src/executor/snapshotChanges';
import { unifiedDiff } from '../../server/src/executor/unifiedDiff';
import { isSensitivePath } from '../../server/src/executor/workspaceFiles';

const limits = { memoryMiB: 512, cpus: 1, pids: 128, tmpfsMiB: 64, timeoutSeconds: 30, snapshotMiB: 256 };

describe('container spec', () => {
  test('every hardening setting is there, for every mode', () => {
    for (const mode of ['ro', 'live', 'snapshot'] as const) {
      const spec = containerSpec({ image: 'img', mode, workspace: '/w', volume: 'v', network: false, limits }, { run: 'r1', owner: 'h:1' });
      const h = spec.HostConfig!;
      assert.equal(spec.User, '1000:1000');
      assert.equal(h.NetworkMode, 'none');
      assert.equal(spec.NetworkDisabled, true);
      assert.equal(h.ReadonlyRootfs, true);
      assert.equal(h.Privileged, false);
      assert.deepEqual(h.CapDrop, ['ALL']);
      assert.deepEqual(h.SecurityOpt, ['no-new-privileges']);
      assert.equal(h.PidsLimit, 128);
      assert.equal(h.Memory, 512 * 1024 * 1024);
      assert.equal(h.MemorySwap, h.Memory);
      assert.equal(h.NanoCpus, 1e9);
      assert.equal(h.Init, true);
      assert.equal(h.LogConfig?.Type, 'none');
      assert.match(h.Tmpfs!['/tmp'], /size=64m,nr_inodes=250000,/);
      assert.deepEqual(h.Ulimits?.map((u) => u.Name).sort(), ['cpu', 'fsize', 'nofile']);
      assert.deepEqual(spec.Labels, { paladin: '1', 'paladin.run': 'r1', 'paladin.owner': 'h:1' });
      assert.ok(!JSON.stringify(spec).includes('docker.sock'));
      assert.ok(!(spec.Env ?? []).some((e) => /KEY|TOKEN|SECRET/i.test(e)));
      const mount = h.Mounts![0];
      assert.equal(mount.Target, '/workspace');
      assert.equal(mount.ReadOnly, mode === 'ro');
      assert.equal(mount.Type, mode === 'snapshot' ? 'volume' : 'bind');
    }
    const recursive = containerSpec({ image: 'img', mode: 'ro', workspace: '/w', network: false, recursiveReadOnly: true, limits }, { run: 'r', owner: 'o' });
    assert.equal((recursive.HostConfig!.Mounts![0].BindOptions as { ReadOnlyForceRecursive?: boolean }).ReadOnlyForceRecursive, true);
    const plain = containerSpec({ image: 'img', mode: 'ro', workspace: '/w', network: false, limits }, { run: 'r', owner: 'o' });
    assert.equal((plain.HostConfig!.Mounts![0].BindOptions as { ReadOnlyForceRecursive?: boolean }).ReadOnlyForceRecursive, undefined);
    // Network only through the run's own internal network and proxy; never the engine's bridge.
    assert.throws(() => containerSpec({ image: 'img', mode: 'ro', workspace: '/w', network: true, limits }, { run: 'r', owner: 'o' }), /egress/);
    const egress = { network: 'paladin-net-x', proxyUrl: 'http://10.9.0.2:3128' };
    const net = containerSpec({ image: 'img', mode: 'ro', workspace: '/w', network: true, egress, limits, env: ['HTTPS_PROXY=http://evil:1'] }, { run: 'r', owner: 'o' });
    assert.equal(net.HostConfig!.NetworkMode, 'paladin-net-x');
    assert.equal(net.NetworkDisabled, false);
    assert.deepEqual(net.Env!.filter((e) => /^https_proxy=/i.test(e)), ['HTTPS_PROXY=http://10.9.0.2:3128', 'https_proxy=http://10.9.0.2:3128']);
    assert.match(snapshotVolumeSpec('v', limits, 'o').DriverOpts.o, /size=256m,nr_inodes=250000,/);
  });
});

describe('demultiplexing', () => {
  test('frames split anywhere come back whole and in order', () => {
    const frame = (type: number, text: string) => {
      const body = Buffer.from(text);
      const header = Buffer.alloc(8);
      header[0] = type;
      header.writeUInt32BE(body.length, 4);
      return Buffer.concat([header, body]);
    };
    const all = Buffer.concat([frame(1, 'hello '), frame(2, 'oops'), frame(1, 'world')]);
    for (let cut = 1; cut < all.length; cut++) {
      const got: Record<string, string> = { stdout: '', stderr: '' };
      const d = new Demuxer((s, data) => (got[s] += data.toString()));
      d.push(all.subarray(0, cut));
      d.push(all.subarray(cut));
      assert.deepEqual(got, { stdout: 'hello world', stderr: 'oops' });
    }
  });
});

describe('output caps', () => {
  test('viewer cap, history cap and the limit callback', () => {
    const shown: string[] = [];
    let limited = 0;
    const sink = new OutputSink({ viewerBytes: 10, historyBytes: 20 }, (c) => shown.push(c.text), () => limited++);
    sink.push('stdout', Buffer.from('0123456789abcdef'));
    assert.equal(shown[0], '0123456789');
    assert.match(shown[1], /not shown/);
    assert.equal(limited, 0);
    sink.push('stderr', Buffer.from('ghijklmnop'));
    assert.equal(limited, 1);
    assert.equal(sink.overLimit, true);
    assert.equal(sink.output().length, 20);
  });

  test('a multi-byte character split across chunks is not mangled', () => {
    let text = '';
    const sink = new OutputSink({ viewerBytes: 100, historyBytes: 100 }, (c) => (text += c.text), () => undefined);
    const bytes = Buffer.from('✓');
    sink.push('stdout', bytes.subarray(0, 1));
    sink.push('stdout', bytes.subarray(1));
    assert.equal(text, '✓');
  });
});

describe('command exec', () => {
  test('the exec replaces its wrapper with the shell, so its exit status is the command\'s; NUL is refused', () => {
    const argv = commandExec('echo a\necho b');
    assert.deepEqual(argv.slice(0, 2), ['/bin/sh', '-c']);
    assert.match(argv[2], /exec \/bin\/bash -c "\$1"; fi; exec \/bin\/sh -c "\$1"$/);
    assert.equal(argv[4], 'echo a\necho b');
    assert.throws(() => commandExec('a\0b'), /NUL/);
    assert.match(KEEPER_SCRIPT, /USR1/);
    assert.match(KEEPER_SCRIPT, /kill -KILL -1/);
    assert.equal(parseOomCount('oom_kill 3\n'), 3);
    assert.equal(parseOomCount('nothing'), undefined);
    assert.notEqual(READER_USER.split(':')[0], '1000');
  });
});

describe('snapshot paths and diffs', () => {
  test('archive names never leave the workspace', () => {
    assert.equal(entryPath('workspace/a/b.txt'), 'a/b.txt');
    assert.equal(entryPath('workspace/'), undefined);
    assert.equal(entryPath('workspace/../etc/passwd'), undefined);
    assert.equal(entryPath('workspace/a/../../x'), undefined);
  });

  test('sensitive paths', () => {
    assert.ok(isSensitivePath('.git/hooks/pre-commit'));
    assert.ok(isSensitivePath('.vscode/settings.json'));
    assert.ok(isSensitivePath('sub/.git/config'));
    assert.ok(!isSensitivePath('src/.gitignore'));
  });

  test('unified diff', () => {
    assert.equal(unifiedDiff('f', 'a\nb\nc\n', 'a\nB\nc\n'), '--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n');
    assert.equal(unifiedDiff('f', undefined, 'x\n'), '--- /dev/null\n+++ b/f\n@@ -0,0 +1,1 @@\n+x\n');
    assert.equal(unifiedDiff('f', 'same\n', 'same\n'), undefined);
    const long = Array.from({ length: 30 }, (_, i) => `l${i}`).join('\n') + '\n';
    const diff = unifiedDiff('f', long, long.replace('l2\n', 'L2\n').replace('l25\n', 'L25\n'))!;
    assert.equal(diff.match(/^@@/gm)?.length, 2);
  });
});

describe('run queue', () => {
  test('first come, first served; a cancelled waiter leaves the line', async () => {
    const q = new RunQueue(1);
    const order: string[] = [];
    const r1 = await q.acquire();
    const controller = new AbortController();
    const p2 = q.acquire().then((rel) => (order.push('2'), rel));
    const p3 = q.acquire(controller.signal).then(
      () => order.push('3'),
      () => order.push('3 cancelled'),
    );
    const p4 = q.acquire().then((rel) => (order.push('4'), rel));
    controller.abort();
    await p3;
    r1();
    (await p2)();
    (await p4)();
    assert.deepEqual(order, ['3 cancelled', '2', '4']);
    assert.deepEqual(q.depth, { active: 0, waiting: 0 });
  });

  test('users take turns: a pile of runs from one user does not hold another back', async () => {
    const q = new RunQueue(1);
    const order: string[] = [];
    const first = await q.acquire(undefined, 'mallory');
    const waiting = [
      ...[1, 2, 3, 4].map((i) => q.acquire(undefined, 'mallory').then((rel) => (order.push(`mallory${i}`), rel))),
      q.acquire(undefined, 'alice').then((rel) => (order.push('alice1'), rel)),
      q.acquire(undefined, 'bob').then((rel) => (order.push('bob1'), rel)),
      q.acquire(undefined, 'alice').then((rel) => (order.push('alice2'), rel)),
    ];
    assert.deepEqual(q.depth, { active: 1, waiting: 7 });
    first();
    // Each run ends as soon as it starts; the next one is granted in turn.
    for (let i = 0; i < waiting.length; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      const done = await Promise.race(waiting.map((p, j) => p.then((rel) => ({ rel, j }))));
      waiting[done.j] = new Promise(() => undefined);
      done.rel();
    }
    assert.deepEqual(order, ['mallory1', 'alice1', 'bob1', 'mallory2', 'alice2', 'mallory3', 'mallory4']);
  });
});

describe('engine errors', () => {
  test('each cause gets a message with its fix', () => {
    const denied = explainDockerError(Object.assign(new Error('connect EACCES /var/run/docker.sock'), { code: 'EACCES' }));
    assert.equal(denied.problem, 'permission denied');
    assert.match(denied.message, /usermod -aG docker/);
    const down = explainDockerError(Object.assign(new Error('connect ENOENT'), { code: 'ENOENT' }));
    assert.equal(down.problem, 'docker unreachable');
    assert.match(down.message, /never on the host/);
    const missing = explainDockerError(Object.assign(new Error('(HTTP code 404) no such container - No such image: foo:1'), { statusCode: 404 }), 'foo:1');
    assert.equal(missing.problem, 'image missing');
    assert.match(missing.message, /foo:1 is not on the Docker engine.*paladin sandbox build/s);
  });
});
