// Snapshot runs layered over the workspace (an overlay the engine mounts)
// against the real Docker engine: nothing is copied in, only what the run
// wrote comes back, deletions (whiteouts and folders removed then made
// again) are found, what the run leaves in its layer is treated as
// untrusted (links, FIFOs, hard links, odd names), the workspace is never
// written before apply, and apply then undo restore it exactly.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import Docker from 'dockerode';
import { Executor } from '../../server/src/executor';
import { normaliseSettings } from '../../server/src/settings/settings';

const image = process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-overlay-'));
const asRoot = process.getuid?.() === 0;
const docker = new Docker();

function executor(over: Record<string, unknown> = {}): Executor {
  const { settings } = normaliseSettings({ 'sandbox.image': image, 'database.path': path.join(tmp, 'data', 'p.db'), 'sandbox.poolSize': 0, 'sandbox.timeoutSeconds': 20, ...over });
  return new Executor(settings);
}

/** A workspace owned by a user (the overlay keeps owners; root-owned folders are copied). */
function workspace(name: string, files: Record<string, string>): string {
  const ws = path.join(tmp, name);
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
    fs.writeFileSync(path.join(ws, rel), content);
  }
  fs.mkdirSync(ws, { recursive: true });
  if (asRoot) chownTree(ws, 1000, 1000);
  return ws;
}

function chownTree(dir: string, uid: number, gid: number): void {
  fs.lchownSync(dir, uid, gid);
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) chownTree(p, uid, gid);
    else fs.lchownSync(p, uid, gid);
  }
}

/** Every entry below `dir` with its type and content hash, links not followed. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      const p = path.join(dir, r);
      if (e.isDirectory()) {
        out[r] = 'dir';
        walk(r);
      } else if (e.isSymbolicLink()) out[r] = `link ${fs.readlinkSync(p)}`;
      else out[r] = `file ${(fs.statSync(p).mode & 0o111 ? 'x' : '-')} ${createHash('sha256').update(fs.readFileSync(p)).digest('hex')}`;
    }
  };
  walk('');
  return out;
}

async function paladinVolumes(): Promise<string[]> {
  const v = await docker.listVolumes({ filters: { label: ['paladin=1'] } });
  return (v.Volumes ?? []).map((x) => x.Name);
}

after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('overlay snapshots', { skip: asRoot ? false : 'needs root to give the workspace to a user', timeout: 180_000 }, () => {
  test('only what the run changed comes back; deletions, opaque folders and hard links are found; the workspace is untouched', async () => {
    const ws = workspace('basic', { 'a.txt': 'alpha\n', 'keep.txt': 'keep\n', 'sub/b.txt': 'b\n', 'sub/c.txt': 'c\n', 'gone/x.txt': 'x\n', 'gone/deep/y.txt': 'y\n', 'ren/r.txt': 'r\n' });
    const before = tree(ws);
    const ex = executor();
    const before$ = new Set(await paladinVolumes());
    try {
      const script = [
        'echo more >> a.txt',
        'echo new > n.txt',
        'rm -rf gone',
        'rm -rf sub && mkdir sub && echo z > sub/z.txt', // an opaque folder: b and c are gone
        'ln keep.txt hard.txt', // a hard link to a file the run left alone
        'mkfifo pipe', // a FIFO is never applied
        "ln -s /etc/passwd abs-link; ln -s ../../../../etc escape",
        'printf "nl" > "$(printf "line\\nbreak")"',
        'mv ren moved', // a folder rename (copied up: no redirect)
        'id -u',
      ].join('; ');
      const r = await ex.run({ command: script, workspace: ws, mode: 'snapshot' });
      assert.equal(r.end, 'exited', r.message);
      assert.equal(r.exitCode, 0, r.output?.toString());
      assert.equal(r.notes, undefined, 'layered, no fallback note');
      assert.equal(r.output?.toString().trim(), '1000', 'runs as the folder owner');
      const by = Object.fromEntries((r.changes ?? []).map((c) => [c.path, c]));
      assert.equal(by['a.txt']?.kind, 'changed');
      assert.match(by['a.txt']?.diff ?? '', /\+more/);
      assert.equal(by['n.txt']?.kind, 'created');
      for (const p of ['gone/x.txt', 'gone/deep/y.txt', 'sub/b.txt', 'sub/c.txt', 'ren/r.txt']) assert.equal(by[p]?.kind, 'deleted', p);
      assert.equal(by['sub/z.txt']?.kind, 'created');
      assert.equal(by['moved/r.txt']?.kind, 'created');
      assert.equal(by['hard.txt']?.kind, 'created');
      assert.equal(by['keep.txt'], undefined, 'a file only linked to is unchanged');
      assert.equal(by['pipe'], undefined, 'FIFOs are not changes');
      assert.equal(by['line\nbreak']?.kind, 'created');
      assert.deepEqual(tree(ws), before, 'nothing reached the workspace before apply');
      await ex.settle();
      assert.deepEqual((await paladinVolumes()).filter((v) => !before$.has(v)), [], 'the layers are removed with the run');

      const applied = await ex.apply(r.runId);
      assert.ok(applied.applied.includes('hard.txt') && applied.applied.includes('sub/z.txt'), JSON.stringify(applied));
      assert.ok(applied.skipped.some((s) => s.path === 'escape'), 'a link leading out is skipped');
      assert.equal(fs.readFileSync(path.join(ws, 'hard.txt'), 'utf8'), 'keep\n');
      assert.equal(fs.existsSync(path.join(ws, 'sub/b.txt')), false);
      assert.equal(fs.readFileSync(path.join(ws, 'a.txt'), 'utf8'), 'alpha\nmore\n');
      const undone = await ex.undo(r.runId);
      assert.ok(undone.restored.length > 0);
      const back = tree(ws);
      // Undo removes the files the apply created; folders it made empty may remain.
      for (const [p, v] of Object.entries(before)) assert.equal(back[p], v, p);
    } finally {
      await ex.dispose();
    }
  });

  test('a 20,000-file workspace is not copied: a run that changes one file reads back one file', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 20_000; i++) files[`d${i % 100}/f${i}.txt`] = `file ${i}\n`;
    const ws = workspace('big', files);
    const ex = executor();
    try {
      const r = await ex.run({ command: "echo changed > d7/f7.txt; ls d1 | wc -l; grep ' /workspace ' /proc/mounts | cut -d' ' -f3", workspace: ws, mode: 'snapshot' });
      assert.equal(r.end, 'exited', r.message);
      assert.deepEqual(r.output?.toString().trim().split('\n'), ['200', 'overlay'], 'the run sees the whole workspace, layered (a copy would be a tmpfs)');
      assert.deepEqual((r.changes ?? []).map((c) => `${c.kind} ${c.path}`), ['changed d7/f7.txt']);
    } finally {
      await ex.dispose();
    }
  });

  test('the upper layer is size-limited: a disk fill stops at the snapshot cap', async () => {
    const ws = workspace('fill', { 'a.txt': 'a\n' });
    const ex = executor({ 'sandbox.snapshotMaxMiB': 8 });
    try {
      const r = await ex.run({ command: 'dd if=/dev/zero of=big bs=1M count=64 2>&1; ls -l big', workspace: ws, mode: 'snapshot' });
      assert.equal(r.end, 'exited', r.message);
      assert.match(r.output?.toString() ?? '', /No space left|File too large/);
      const big = (r.changes ?? []).find((c) => c.path === 'big');
      assert.ok(big && (big.bytes ?? 0) <= 8 * 1024 * 1024, `kept ${big?.bytes}`);
    } finally {
      await ex.dispose();
    }
  });

  test('a root-owned folder or one holding a socket is copied instead, and the run says why', async () => {
    const ws = workspace('sock', { 'a.txt': 'a\n' });
    const server = (await import('node:net')).createServer();
    await new Promise<void>((resolve) => server.listen(path.join(ws, 'agent.sock'), resolve));
    const ex = executor();
    try {
      const r = await ex.run({ command: 'ls; echo x > a.txt', workspace: ws, mode: 'snapshot' });
      assert.equal(r.end, 'exited', r.message);
      assert.doesNotMatch(r.output?.toString() ?? '', /agent\.sock/, 'the socket never reaches the run');
      assert.match((r.notes ?? []).join('\n'), /copies the workspace.*sockets/);
      assert.deepEqual((r.changes ?? []).map((c) => c.path), ['a.txt']);
      const rootWs = path.join(tmp, 'rootws');
      fs.mkdirSync(rootWs);
      fs.writeFileSync(path.join(rootWs, 'r.txt'), 'r\n');
      const r2 = await ex.run({ command: 'echo y >> r.txt', workspace: rootWs, mode: 'snapshot' });
      assert.equal(r2.exitCode, 0);
      assert.match((r2.notes ?? []).join('\n'), /belongs to root/);
      assert.deepEqual((r2.changes ?? []).map((c) => c.path), ['r.txt']);
    } finally {
      server.close();
      await ex.dispose();
    }
  });
});
