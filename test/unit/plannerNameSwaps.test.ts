// "replace spaces with underscores in the file names", "rename all files under
// docs replacing foo with bar": a part of each name swapped for another.
// Requests are built from swaps, phrasings and places, planned by the real
// planner, and every plan is run by bash on a copy of a small tree: each
// name that held the part holds the other instead, in the folder asked (and
// below it only when asked), and no other name changes and no file is lost.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { nameSwap } from '../../server/src/planner/nameSubstitutions';
import { emptyWorkspace, readRequest } from '../../server/src/planner/requestFacts';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

// The part as said, as it is in names, and what replaces it (said, written).
const swaps: [string, string, string, string][] = [
  ['spaces', ' ', 'underscores', '_'],
  ["'foo'", 'foo', "'bar'", 'bar'],
  ['_test', '_test', '_spec', '_spec'],
  ['dashes', '-', 'underscores', '_'],
  ['"draft"', 'draft', '"final"', 'final'],
];
const phrasings = [
  'replace {o} with {n} in the file names{p}',
  'rename all files{p} replacing {o} with {n}',
  'substitute {o} with {n} in the names of the files{p}',
  'replace {o} with {n} in every filename{p}',
];
// Where, and whether the folders below are meant too.
const places: [string, string, boolean][] = [
  ['', '.', false],
  [' in docs', 'docs', false],
  [' under docs', 'docs', true],
  [' in docs and all its subfolders', 'docs', true],
];

/** A tree where every swap has names to change, at the top, in docs and below it. */
function tree(root: string): void {
  for (const dir of ['', 'docs', 'docs/deep']) {
    fs.mkdirSync(path.join(root, dir), { recursive: true });
    for (const name of ['a b.txt', 'x foo y.md', 'unit_test.rb', 'my-notes.txt', 'draft plan.txt', 'plain.txt']) fs.writeFileSync(path.join(root, dir, name), `${dir}/${name}\n`);
  }
}

function names(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk('');
  return out.sort();
}

/** What the tree should hold after the swap in `dir` (and below when `deep`). */
function expected(before: string[], dir: string, deep: boolean, old: string, next: string): string[] {
  return before.map((p) => {
    const at = p.lastIndexOf('/');
    const folder = at < 0 ? '.' : p.slice(0, at);
    const base = p.slice(at + 1);
    const reached = folder === dir || (deep && (dir === '.' || folder.startsWith(`${dir}/`)));
    return reached ? `${at < 0 ? '' : `${folder}/`}${base.split(old).join(next)}` : p;
  }).sort();
}

let ws: PlannerWorkspace;
before(async () => {
  ws = await plannerWorkspace('name-swaps', ['docs/deep'], ['docs/readme.txt']);
});
after(() => ws.close());

test('the part swapped and what goes in its place are read, words for characters too', () => {
  const read = (request: string) => nameSwap(readRequest(request, emptyWorkspace));
  assert.deepEqual(read('replace spaces with underscores in the file names'), { old: ' ', new: '_' });
  assert.deepEqual(read("rename all files replacing 'special' with 'regular'"), { old: 'special', new: 'regular' });
  assert.deepEqual(read('rename all the spaces in mp3 files to underscore'), { old: ' ', new: '_' });
  // Not a swap in names: text in files, one file renamed, an extension, nothing said.
  assert.equal(read('replace foo with bar in notes.txt'), undefined);
  assert.equal(read('rename notes.txt to old.txt'), undefined);
  assert.equal(read('rename the .mkv files to .avi'), undefined);
  assert.equal(read('rename the files in docs'), undefined);
});

test('each plan, run on a copy of the tree, swaps the part in exactly the names asked for', async () => {
  const wrong: string[] = [];
  let checked = 0;
  for (const [i, [saidOld, old, saidNew, next]] of swaps.entries()) {
    for (const [j, phrasing] of phrasings.entries()) {
      for (const [k, [place, dir, deep]] of places.entries()) {
        if ((i + j + k) % 2 === 1) continue;
        const request = phrasing.replace('{o}', saidOld).replace('{n}', saidNew).replace('{p}', place);
        const result = await ws.result(request);
        checked++;
        if (result.abstained || !result.command) {
          wrong.push(`${request} → abstained`);
          continue;
        }
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-name-swap-'));
        try {
          tree(root);
          const before = names(root);
          execFileSync('bash', ['-c', result.command], { cwd: root, stdio: 'pipe' });
          const after = names(root);
          const want = expected(before, dir, deep, old, next);
          if (JSON.stringify(after) !== JSON.stringify(want)) wrong.push(`${request} → ${result.command}: ${after.filter((p) => !want.includes(p)).join(', ')} instead of ${want.filter((p) => !after.includes(p)).join(', ')}`);
        } catch (err) {
          wrong.push(`${request} → ${result.command}: ${(err as Error).message.split('\n')[0]}`);
        } finally {
          fs.rmSync(root, { recursive: true, force: true });
        }
      }
    }
  }
  assert.ok(checked >= 35, `${checked} cases`);
  assert.deepEqual(wrong, []);
});

test('a plan that only lists the files, or edits what they hold, is set aside for a swap in their names', async () => {
  const result = await ws.result('replace foo with bar in the names of all files under docs');
  assert.match(result.command, /mv -n/);
  for (const c of result.candidates) assert.match(c.command, /\bmv\b|\brename\b/, `${c.command} is offered for a swap in names`);
  assert.ok((result.rejected ?? []).some((r) => /^find docs\b/.test(r.command) && !/\bmv\b/.test(r.command) && /changes nothing/.test(r.reason)), 'a bare listing is set aside');
});
