// Applying snapshot changes against a hostile workspace, on the real Docker
// engine: a folder swapped for a link to an outside folder in a tight loop
// while applies run, links that only escape when followed, over-long names,
// and a workspace link pointing far outside. Image: paladin-test:busybox.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import Docker from 'dockerode';
import type { PendingRun } from '../../server/src/executor/pendingChanges';
import { smallExecutor } from '../support/smallExecutor';

const image = process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox';
const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-apply-race-')));
const RACE_ROUNDS = Number(process.env.PALADIN_RACE_ROUNDS || 1500);

const ex = smallExecutor(tmp, image);

before(async () => {
  await new Docker().getImage(image).inspect();
});
after(async () => {
  await ex.dispose();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Every entry below `dir`, links not followed. */
function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    out.push(full);
    if (e.isDirectory()) out.push(...walk(full));
  }
  return out;
}

describe('apply through folder handles', () => {
  test('a folder swapped for an outside link in a tight loop never receives a write outside', async () => {
    const ws = fs.mkdtempSync(path.join(tmp, 'race-'));
    const outside = fs.mkdtempSync(path.join(tmp, 'outside-'));
    fs.mkdirSync(path.join(ws, 'd'));
    fs.writeFileSync(path.join(ws, 'd', 'keep'), ''); // a snapshot copies files, not empty folders
    fs.symlinkSync(outside, path.join(ws, 'dlink'));
    // One real snapshot run gives a real pending record; the race reuses its shape with a fresh name each round.
    const r = await ex.run({ command: 'echo attacker > d/new.txt', workspace: ws, mode: 'snapshot' }, {});
    assert.equal(r.exitCode, 0, r.message);
    const model = ex.pending.load(r.runId);
    const content = fs.readFileSync(ex.pending.fileOf(r.runId, model.changes[0].next!.file!));
    ex.pending.remove(r.runId);

    // The swapper: rename() only, so each swap takes microseconds.
    // The swapper: rename() only, so each swap takes microseconds. When an apply made a new \`d\` while
    // it was away, that folder is moved aside (d.extra-N) and the loop goes on.
    const swapLoop = `
      const fs = require('fs'); const d = process.argv[1]; const l = process.argv[2]; let n = 0;
      const spin = () => { for (let k = 0; k < 8; k++) fs.lstatSync(l, { throwIfNoEntry: false }); };
      process.on('SIGTERM', () => { try { fs.renameSync(d + '.real', d); } catch {} process.stdout.write(String(n)); process.exit(0); });
      const swap = () => {
        for (let i = 0; i < 500; i++) {
          try { fs.renameSync(d, d + '.real'); } catch {}
          try { fs.renameSync(l, d); } catch { try { fs.renameSync(d, d + '.extra-' + n); } catch {} continue; }
          n++; spin();
          try { fs.renameSync(d, l); } catch {}
          try { fs.renameSync(d + '.real', d); } catch {}
          spin();
        }
        setImmediate(swap);
      };
      swap();`;
    const swapper = spawn(process.execPath, ['-e', swapLoop, path.join(ws, 'd'), path.join(ws, 'dlink')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let swaps = '';
    swapper.stdout.on('data', (b: Buffer) => (swaps += b.toString()));
    const reported = new Map<string, 'applied' | 'not'>();
    try {
      for (let i = 0; i < RACE_ROUNDS; i++) {
        const runId = `race-${i}`;
        const dir = ex.pending.create(runId);
        fs.writeFileSync(path.join(dir, 'files', '0'), content);
        const rel = `d/new-${i}.txt`;
        const run: PendingRun = { ...model, runId, changes: [{ ...model.changes[0], path: rel, next: { ...model.changes[0].next!, file: '0' } }] };
        ex.pending.save(run);
        try {
          const result = await ex.apply(runId);
          reported.set(rel, result.applied.includes(rel) ? 'applied' : 'not');
        } catch (err) {
          assert.match((err as Error).message, /Nothing was applied|symlink|not a folder/);
          reported.set(rel, 'not');
        }
        ex.pending.remove(runId);
      }
    } finally {
      swapper.kill('SIGTERM');
      await new Promise((resolve) => swapper.on('exit', resolve));
    }
    const landed = walk(outside);
    assert.deepEqual(landed, [], `written outside the workspace: ${landed.join(', ')}`);
    const applied = [...reported].filter(([, v]) => v === 'applied').map(([k]) => k);
    // The report is true: every path reported applied is in the real folder, nothing else is.
    // The swapper may have stopped half-way, and an apply that found \`d\` missing mid-swap made a new one:
    // the real folder's files are in whichever of d and d.real is a folder now.
    const folders = fs.readdirSync(ws).filter((n) => /^d(\.real|\.extra-\d+)?$/.test(n)).filter((n) => fs.lstatSync(path.join(ws, n), { throwIfNoEntry: false })?.isDirectory());
    const inside = folders.flatMap((n) => fs.readdirSync(path.join(ws, n)).filter((f) => f.startsWith('new-')));
    assert.deepEqual(inside.map((n) => `d/${n}`).sort(), applied.sort());
    const leftovers = walk(ws).filter((p) => path.basename(p).startsWith('.paladin'));
    assert.deepEqual(leftovers, [], 'staged files left behind');
    // A loaded machine starves the swapper; a quarter as many swaps as applies still races every few applies.
    assert.ok(Number(swaps) > RACE_ROUNDS / 4, `the swapper made only ${swaps} swaps`);
    console.log(`apply race: ${RACE_ROUNDS} applies, ${applied.length} applied, ${swaps} folder swaps, 0 writes outside`);
  });

  test('a link that escapes only when followed is refused (ln -s . b; ln -s b/b/../../etc x)', async () => {
    const ws = fs.mkdtempSync(path.join(tmp, 'lexical-'));
    const ups = ws.split('/').length; // enough .. to reach / from the workspace
    const target = `${'b/'.repeat(ups)}${'../'.repeat(ups)}etc`;
    const r = await ex.run({ command: `ln -s . b && ln -s ${target} x && ln -s b/b/sub/../inside.txt y`, workspace: ws, mode: 'snapshot' }, {});
    assert.equal(r.exitCode, 0, r.message);
    const result = await ex.apply(r.runId);
    const skipped = Object.fromEntries(result.skipped.map((s) => [s.path, s.reason]));
    assert.match(skipped['x'] ?? '', /outside the workspace/, JSON.stringify(result));
    assert.ok(!fs.existsSync(path.join(ws, 'x')));
    assert.deepEqual(result.applied.sort(), ['b', 'y']);
  });

  test('a 250-character file name in new folders applies, and a failing apply leaves no new folders', async () => {
    const ws = fs.mkdtempSync(path.join(tmp, 'long-'));
    const long = 'n'.repeat(250);
    const r = await ex.run({ command: `mkdir -p new/deeper && echo x > new/deeper/${long}`, workspace: ws, mode: 'snapshot' }, {});
    assert.equal(r.exitCode, 0, r.message);
    const result = await ex.apply(r.runId);
    assert.deepEqual(result.applied, [`new/deeper/${long}`]);
    assert.equal(fs.readFileSync(path.join(ws, 'new', 'deeper', long), 'utf8'), 'x\n');

    // A record naming a 300-byte file (no file system here holds one) fails with words, and creates nothing.
    const r2 = await ex.run({ command: 'mkdir -p other/place && echo y > other/place/f && echo z > top.txt', workspace: ws, mode: 'snapshot' }, {});
    const run = ex.pending.load(r2.runId);
    run.changes = run.changes.map((c) => (c.path === 'other/place/f' ? { ...c, path: `other/place/${'m'.repeat(300)}` } : c));
    ex.pending.save(run);
    const result2 = await ex.apply(r2.runId);
    assert.match(result2.skipped.map((s) => s.reason).join(' '), /at most 255/);
    assert.deepEqual(result2.applied, ['top.txt']);
    assert.ok(!fs.existsSync(path.join(ws, 'other')), 'a folder was left behind');
  });

  test('a workspace link pointing far outside does not break snapshot runs', async () => {
    const ws = fs.mkdtempSync(path.join(tmp, 'farlink-'));
    fs.symlinkSync('../../../../../../../../etc', path.join(ws, 'etc-link'));
    fs.writeFileSync(path.join(ws, 'a.txt'), 'a\n');
    let notes = '';
    const r = await ex.run({ command: 'cat a.txt; ls -la', workspace: ws, mode: 'snapshot' }, { onOutput: (c) => (notes += c.text) });
    assert.equal(r.end, 'exited', r.message);
    assert.equal(r.exitCode, 0);
    assert.match(notes, /etc-link/);
    assert.deepEqual(r.changes, []);
  });

  test('an apply is refused while a live run holds the same workspace, and works after it', async () => {
    const ws = fs.mkdtempSync(path.join(tmp, 'lock-'));
    fs.chmodSync(ws, 0o777); // live mode runs as the owner, or 1000 for root's folders
    const snap = await ex.run({ command: 'echo applied > from-snapshot.txt', workspace: ws, mode: 'snapshot' }, {});
    assert.equal(snap.exitCode, 0, snap.message);
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const live = ex.run({ command: 'echo started; sleep 2; echo live > from-live.txt', workspace: ws, mode: 'live' }, { onOutput: () => started() });
    await running;
    await assert.rejects(ex.apply(snap.runId), /A live run is using .*; nothing was applied/);
    assert.ok(!fs.existsSync(path.join(ws, 'from-snapshot.txt')));
    assert.equal((await live).exitCode, 0);
    await ex.settle();
    const result = await ex.apply(snap.runId);
    assert.deepEqual(result.applied, ['from-snapshot.txt']);
  });
});
