// What a snapshot run reads back, against the real Docker engine, layered
// (overlay) and copied: an empty folder the run made is a change (applied
// and undone like a file), a chmod alone is a change, and a run that left
// nothing in its upper layer is known to have changed nothing without
// reading the layer back as an archive.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Executor } from '../../server/src/executor';
import type { SnapshotMethod } from '../../server/src/executor/snapshotPlan';
import { normaliseSettings } from '../../server/src/settings/settings';

const image = process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-readback-'));
const executors: Executor[] = [];

/** A workspace of two files, owned by a user when this runs as root (root's folders are copied, not layered). */
function workspace(name: string): string {
  const ws = path.join(tmp, name);
  fs.mkdirSync(path.join(ws, 'src'), { recursive: true });
  fs.writeFileSync(path.join(ws, 'run.sh'), 'echo run\n', { mode: 0o644 });
  fs.writeFileSync(path.join(ws, 'src', 'a.ts'), 'export {};\n');
  if (process.getuid?.() === 0) for (const p of [ws, path.join(ws, 'src'), path.join(ws, 'run.sh'), path.join(ws, 'src', 'a.ts')]) fs.lchownSync(p, 1000, 1000);
  return ws;
}

function executor(method: SnapshotMethod): Executor {
  const dir = path.join(tmp, `data-${method}`);
  fs.mkdirSync(dir, { recursive: true });
  const settings = normaliseSettings({ 'sandbox.image': image, 'database.path': path.join(dir, 'paladin.db'), 'sandbox.poolSize': 0, 'sandbox.snapshotMethod': method }).settings;
  const ex = new Executor(settings);
  executors.push(ex);
  return ex;
}

after(async () => {
  for (const ex of executors) await ex.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

for (const method of ['overlay', 'copy'] as const) {
  describe(`a snapshot by ${method}`, () => {
    let ex: Executor;
    before(() => (ex = executor(method)));

    test('an empty folder the run made is a change, applied and undone', async () => {
      const ws = workspace(`mkdir-${method}`);
      const r = await ex.run({ command: 'mkdir -p out/deep && mkdir src/empty', workspace: ws, mode: 'snapshot' });
      assert.equal(r.exitCode, 0, r.message);
      // Only the folders left empty: making them makes their parents.
      assert.deepEqual(r.changes?.map((c) => [c.kind, c.path]), [['created', 'out/deep'], ['created', 'src/empty']]);
      assert.equal(fs.existsSync(path.join(ws, 'out')), false, 'the real workspace is untouched until applied');
      const applied = await ex.apply(r.runId);
      assert.deepEqual(applied.applied.sort(), ['out/deep', 'src/empty']);
      assert.ok(fs.statSync(path.join(ws, 'out', 'deep')).isDirectory());
      await ex.undo(r.runId);
      assert.equal(fs.existsSync(path.join(ws, 'out')), false);
      assert.equal(fs.existsSync(path.join(ws, 'src', 'empty')), false);
      assert.ok(fs.existsSync(path.join(ws, 'src', 'a.ts')), 'a folder that held files before is left');
    });

    test('a chmod alone is a change, and applying it makes the file executable', async () => {
      const ws = workspace(`chmod-${method}`);
      const r = await ex.run({ command: 'chmod +x run.sh', workspace: ws, mode: 'snapshot' });
      assert.equal(r.exitCode, 0, r.message);
      assert.deepEqual(r.changes?.map((c) => [c.kind, c.path, c.diff]), [['changed', 'run.sh', 'old mode 100644\nnew mode 100755\n']]);
      assert.equal(fs.statSync(path.join(ws, 'run.sh')).mode & 0o111, 0);
      await ex.apply(r.runId);
      assert.notEqual(fs.statSync(path.join(ws, 'run.sh')).mode & 0o111, 0);
      assert.equal(fs.readFileSync(path.join(ws, 'run.sh'), 'utf8'), 'echo run\n');
    });
  });
}

test('an overlay run that left nothing in its upper layer changes nothing, and its layer is not read back as an archive', async () => {
  const ex = executor('overlay');
  const ws = workspace('nothing');
  const Container = createRequire(__filename)('dockerode/lib/container') as { prototype: { getArchive: (...args: unknown[]) => unknown } };
  const original = Container.prototype.getArchive;
  const asked: string[] = [];
  Container.prototype.getArchive = function (this: unknown, ...args: unknown[]) {
    asked.push(String((args[0] as { path?: string }).path));
    return original.apply(this, args);
  };
  try {
    const quiet = await ex.run({ command: 'cat run.sh >/dev/null; ls src', workspace: ws, mode: 'snapshot' });
    assert.equal(quiet.exitCode, 0, quiet.message);
    assert.deepEqual(quiet.changes, []);
    assert.deepEqual(asked, []);
    // One whiteout is enough to read the layer back.
    const removes = await ex.run({ command: 'rm src/a.ts', workspace: ws, mode: 'snapshot' });
    assert.deepEqual(removes.changes?.map((c) => [c.kind, c.path]), [['deleted', 'src/a.ts']]);
    assert.equal(asked.length, 1);
    await ex.discard(removes.runId);
  } finally {
    Container.prototype.getArchive = original;
  }
});
