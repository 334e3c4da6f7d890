// A warm-pool container's exec is started while the container waits, and
// takes its command on stdin (real Docker engine): a pooled run starts no
// exec of its own, its output and exit status are the command's, and a
// command whose stream is cut short runs nothing of what arrived.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Duplex } from 'node:stream';
import { after, test } from 'node:test';
import Docker from 'dockerode';
import { Executor } from '../../server/src/executor';
import { KEEPER_CMD, waitingExec } from '../../server/src/executor/bootstrap';
import { Demuxer } from '../../server/src/executor/demux';
import { normaliseSettings } from '../../server/src/settings/settings';

const image = process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox';
const docker = new Docker();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-waiting-exec-'));
const workspace = path.join(tmp, 'ws');
fs.mkdirSync(workspace);
fs.writeFileSync(path.join(workspace, 'notes.txt'), 'one\ntwo\n');
const { settings } = normaliseSettings({ 'sandbox.image': image, 'database.path': path.join(tmp, 'paladin.db'), 'sandbox.poolSize': 1 });
const executor = new Executor(settings);

after(async () => {
  await executor.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('a pooled run starts no exec of its own: the one started while the container waited runs the command', async () => {
  await executor.run({ command: 'true', workspace, mode: 'ro' }, {});
  await executor.settle();
  const [id] = executor.pool.readyIds();
  assert.ok(id, 'a container waits in the pool');
  const container = docker.getContainer(`paladin-${id}`);
  assert.equal((await container.inspect()).ExecIDs?.length, 1, 'the waiting exec is started ahead');
  let during: number | undefined;
  const result = await executor.run({ command: 'echo started; while [ ! -e /workspace/go ]; do sleep 0.05; done; exit 7', workspace, mode: 'ro' }, {
    onOutput: (c) => {
      if (!c.text.includes('started') || during !== undefined) return;
      during = -1;
      void container.inspect().then((info) => {
        during = info.ExecIDs?.length ?? 0;
        fs.writeFileSync(path.join(workspace, 'go'), '');
      });
    },
  });
  fs.rmSync(path.join(workspace, 'go'), { force: true });
  assert.equal(result.exitCode, 7, 'the exit status is the command\'s, read from the engine');
  assert.equal(during, 1, 'no second exec was started for the run');
});

test('what a pooled run prints and returns is the command\'s, whatever its lines, quotes and stdin', async () => {
  const cases: [string, string, number][] = [
    ['cat notes.txt\nprintf "%s|\\n" "  two  spaces  " \'back\\slash\'', 'one\ntwo\n  two  spaces  |\nback\\slash|\n', 0],
    ['cat; echo read-nothing', 'read-nothing\n', 0],
    ['echo -n no-newline; exit 3', 'no-newline', 3],
    ['echo last\n\n\n', 'last\n', 0],
  ];
  for (const [command, output, code] of cases) {
    await executor.settle();
    let printed = '';
    const result = await executor.run({ command, workspace, mode: 'ro' }, { onOutput: (c) => (printed += c.stream === 'stdout' ? c.text : '') });
    assert.equal(printed, output, command);
    assert.equal(result.exitCode, code, command);
  }
});

test('a command whose stream ends before its closing line runs nothing of what arrived', async () => {
  const container = await docker.createContainer({ Image: image, Cmd: KEEPER_CMD, User: '0:0', NetworkDisabled: true, HostConfig: { NetworkMode: 'none' } });
  try {
    await container.start();
    const mark = '#paladin-end-test';
    for (const [sent, ran] of [[`touch /tmp/whole\n${mark}`, true], ['touch /tmp/cut', false], [`touch /tmp/half\n${mark.slice(0, 8)}`, false], ['', false]] as const) {
      const exec = await container.exec({ Cmd: waitingExec(mark), AttachStdin: true, AttachStdout: true, AttachStderr: true });
      const stream = (await exec.start({ hijack: true, stdin: true })) as Duplex;
      let errors = '';
      const demux = new Demuxer((name, data) => (errors += name === 'stderr' ? data.toString() : ''));
      stream.on('data', (chunk: Buffer) => demux.push(chunk));
      const ended = new Promise((resolve) => stream.on('close', resolve).on('end', resolve));
      stream.end(sent);
      await ended;
      let info = await exec.inspect();
      while (info.Running) info = await exec.inspect();
      assert.equal(info.ExitCode, ran ? 0 : 125, `${JSON.stringify(sent)}: ${errors}`);
      if (!ran) assert.match(errors, /did not arrive whole; nothing was run/);
    }
    const check = await container.exec({ Cmd: ['/bin/sh', '-c', 'ls /tmp'], AttachStdout: true });
    const out = (await check.start({ hijack: true, stdin: false })) as Duplex;
    let listed = '';
    const demux = new Demuxer((_name, data) => (listed += data.toString()));
    out.on('data', (chunk: Buffer) => demux.push(chunk));
    await new Promise((resolve) => out.on('close', resolve).on('end', resolve));
    assert.deepEqual(listed.split('\n').filter((l) => /^(whole|cut|half)$/.test(l)), ['whole']);
  } finally {
    await container.remove({ force: true });
  }
});
