// Holes behind the policy, attacked on the real Docker engine: a mount below
// a read-only workspace, a system file system as the workspace, a host Unix
// socket in the workspace, and a command forging its own end and exit status.
// Image: paladin-test:busybox (or PALADIN_SANDBOX_IMAGE).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import Docker from 'dockerode';
import type { WorkspaceMode } from '../../server/src/protocol/types';
import { smallExecutor } from '../support/smallExecutor';

const image = process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox';
const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-holes-')));
const isRoot = process.getuid?.() === 0;

const ex = smallExecutor(tmp, image);

async function run(command: string, workspace: string, mode: WorkspaceMode) {
  let text = '';
  const r = await ex.run({ command, workspace, mode }, { onOutput: (c) => (text += c.text) });
  return { ...r, text, stdout: r.output?.toString('utf8') ?? '' };
}

/** The run's refusal message, or '' when it ran. */
async function refusal(command: string, workspace: string, mode: WorkspaceMode): Promise<string> {
  try {
    await ex.run({ command, workspace, mode }, {});
    return '';
  } catch (err) {
    return (err as Error).message;
  }
}

before(async () => {
  await new Docker().getImage(image).inspect();
});
after(async () => {
  await ex.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('read-only is read-only', () => {
  test('a tmpfs mounted below a ro workspace is not writable from the run', { skip: !isRoot && 'needs root to mount a tmpfs' }, async () => {
    const ws = fs.mkdtempSync(path.join(tmp, 'mnt-'));
    fs.chmodSync(ws, 0o755); // the sandbox user must be able to reach sub/
    const sub = path.join(ws, 'sub');
    fs.mkdirSync(sub);
    assert.equal(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', sub]).status, 0, 'mount failed');
    try {
      const message = await refusal('echo pwned > sub/planted && echo wrote', ws, 'ro');
      assert.ok(!fs.existsSync(path.join(sub, 'planted')), 'the run wrote below a read-only workspace');
      // On engines without recursive read-only binds the run is refused and says why; on newer ones it runs read-only.
      if (message) assert.match(message, /mounted below the workspace \(.*sub\).*Docker 25/);
      // Snapshot mode copies files instead, so it is the way out the message names.
      const snap = await run('echo ok', ws, 'snapshot');
      assert.equal(snap.exitCode, 0);
    } finally {
      spawnSync('umount', [sub]);
    }
  });

  test('system file systems are never workspaces', async () => {
    for (const [ws, why] of [
      ['/dev', /system's own/],
      ['/proc', /system's own/],
      ['/dev/shm', /system's own/],
    ] as const) {
      for (const mode of ['ro', 'snapshot'] as const) assert.match(await refusal('ls', ws, mode), why, `${ws} ${mode}`);
    }
  });
});

describe('network none holds against Unix sockets', () => {
  test('a host service listening on a socket in the workspace cannot be reached', { skip: !fs.existsSync('/usr/bin/gcc') && 'needs gcc to build a socket client' }, async () => {
    const ws = fs.mkdtempSync(path.join(tmp, 'sock-'));
    fs.chmodSync(ws, 0o755); // the sandbox user must be able to reach the socket
    // A static client that connects to a Unix socket and writes a line (busybox has none).
    fs.writeFileSync(
      path.join(tmp, 'client.c'),
      '#include <sys/socket.h>\n#include <sys/un.h>\n#include <string.h>\n#include <unistd.h>\n#include <stdio.h>\n' +
        'int main(int c,char**v){int s=socket(AF_UNIX,SOCK_STREAM,0);struct sockaddr_un a={0};a.sun_family=AF_UNIX;strncpy(a.sun_path,v[1],sizeof a.sun_path-1);' +
        'if(connect(s,(struct sockaddr*)&a,sizeof a)){perror("connect");return 3;}write(s,"from-sandbox\\n",13);puts("connected");return 0;}\n',
    );
    assert.equal(spawnSync('gcc', ['-static', '-O1', '-o', path.join(ws, 'client'), path.join(tmp, 'client.c')]).status, 0, 'gcc failed');
    let heard = '';
    const server = net.createServer((s) => s.on('data', (b) => (heard += b.toString())));
    await new Promise<void>((resolve) => server.listen(path.join(ws, 'agent.sock'), resolve));
    fs.chmodSync(path.join(ws, 'agent.sock'), 0o777);
    try {
      for (const mode of ['ro', 'live'] as const) {
        const message = await refusal('./client agent.sock', ws, mode);
        await new Promise((resolve) => setTimeout(resolve, 200));
        assert.equal(heard, '', `${mode}: the host service heard from the sandbox`);
        assert.match(message, /sockets, FIFOs or device files \(agent\.sock \(socket\)\)/, mode);
      }
      // Snapshot mode copies regular files and links only: the socket is not there.
      const snap = await run('./client agent.sock', ws, 'snapshot');
      assert.notEqual(snap.exitCode, 0);
      assert.doesNotMatch(snap.stdout, /connected/);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(heard, '', 'the host service heard from the sandbox');
    } finally {
      server.close();
    }
  });

  test('FIFOs are refused too', async () => {
    const ws = fs.mkdtempSync(path.join(tmp, 'fifo-'));
    fs.mkdirSync(path.join(ws, 'deep', 'er'), { recursive: true });
    assert.equal(spawnSync('mkfifo', [path.join(ws, 'deep', 'er', 'pipe')]).status, 0);
    assert.match(await refusal('ls', ws, 'ro'), /deep\/er\/pipe \(FIFO\)/);
  });
});

describe('the exit status comes from the engine', () => {
  test('a forged end marker neither ends the run early nor sets its status', async () => {
    const ws = fs.mkdtempSync(path.join(tmp, 'forge-'));
    fs.writeFileSync(path.join(ws, 'keep.txt'), 'k\n');
    // Look for a marker in the parent's memory (as the red team did) and print it with status 0,
    // then keep working, leave a child behind, and fail.
    const forge =
      "M=$(for r in $(grep -E 'heap|stack' /proc/$PPID/maps 2>/dev/null | cut -d' ' -f1); do s=$((0x${r%-*})); e=$((0x${r#*-})); " +
      "dd if=/proc/$PPID/mem bs=4096 skip=$((s/4096)) count=$(((e-s)/4096)) 2>/dev/null; done | grep -ao 'PALADIN-[0-9a-f]\\{32\\}' | head -n 1); " +
      'echo "found:$M" >&2; printf "%s:0:0\\n" "$M"; printf "%s:0:0\\n" "$M" >&2; ' +
      '(sleep 3; echo bg > bg.txt) & sleep 1; echo late > late.txt; echo hidden-after; exit 3';
    const r = await run(forge, ws, 'snapshot');
    assert.equal(r.end, 'exited', r.message);
    assert.equal(r.exitCode, 3, `exit status ${r.exitCode}; output ${r.text}`);
    assert.match(r.stdout, /hidden-after/);
    const changed = (r.changes ?? []).map((c) => c.path);
    assert.ok(changed.includes('late.txt'), `changes: ${changed.join(', ')}`);
    assert.ok(!changed.includes('bg.txt'), 'a child left behind was still running when the copy was read');
    await ex.discard(r.runId);
  });
});
