import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { compareOutcomes, loadRequests } from '../bench/devset/check';

// The dev set's judge decides what counts as solved, so its leniency must be
// exactly what each mode promises and no more.

test('exact compares line by line, ignoring only trailing blanks', () => {
  assert.ok(compareOutcomes('exact', 'a\nb  \n\n', 'a\nb\n').same);
  assert.ok(!compareOutcomes('exact', 'b\na\n', 'a\nb\n').same);
  assert.ok(!compareOutcomes('exact', './a\n', 'a\n').same);
});

test('sorted and set ignore order and path spellings, sorted keeps counts', () => {
  assert.ok(compareOutcomes('sorted', './src/a.py\nsrc/b.py/\n', 'src/b.py\nsrc/a.py\n').same);
  assert.ok(!compareOutcomes('sorted', 'a\na\nb\n', 'a\nb\n').same);
  assert.ok(compareOutcomes('set', 'a\na\nb\n', 'b\na\n').same);
  assert.ok(compareOutcomes('set', '      3 alice\n', '3 alice\n').same, 'uniq -c padding');
  assert.ok(!compareOutcomes('set', 'a\n', 'a\nb\n').same);
});

test('names compares the last word of each line in order and skips ls totals', () => {
  assert.ok(compareOutcomes('names', 'total 12\n-rw-r--r-- 1 u u 431 Mar 1 10:00 items.json\n-rw-r--r-- 1 u u 220 Mar 1 10:00 sales.csv\n', 'items.json\nsales.csv\n').same);
  assert.ok(compareOutcomes('names', '2097152 ./build/big.bin\n', '2.0M\tbuild/big.bin\n').same);
  assert.ok(!compareOutcomes('names', 'sales.csv\nitems.json\n', 'items.json\nsales.csv\n').same);
});

test('number compares the first number printed', () => {
  assert.ok(compareOutcomes('number', '24 logs/app.log\n', '24\n').same);
  assert.ok(compareOutcomes('number', '33.375\n', '33.375\n').same);
  assert.ok(!compareOutcomes('number', '23\n', '24\n').same);
  assert.ok(!compareOutcomes('number', 'none\n', '0\n').same);
});

test('lines-contain finds each reference line in its own output line, without a flood', () => {
  assert.ok(compareOutcomes('lines-contain', '3:WARN slow\n9:WARN disk\n', 'WARN slow\nWARN disk\n').same);
  assert.ok(compareOutcomes('lines-contain', '  "version": "1.4.2",\n', '1.4.2\n').same);
  assert.ok(!compareOutcomes('lines-contain', '3:WARN slow\n', 'WARN slow\nWARN slow\n').same, 'one output line cannot answer two reference lines');
  const flood = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
  assert.ok(!compareOutcomes('lines-contain', `${flood}\nWARN slow\n`, 'WARN slow\n').same, 'printing the whole file is not an answer');
});

test('files-changed compares the workspace snapshots exactly', () => {
  assert.ok(compareOutcomes('files-changed', 'D reports 755\n', 'D reports 755\n').same);
  assert.ok(!compareOutcomes('files-changed', 'D reports 700\n', 'D reports 755\n').same);
});

test('the request file is well formed and a malformed one is refused with its reason', () => {
  const requests = loadRequests();
  assert.ok(requests.length >= 110, `${requests.length} requests`);
  assert.equal(new Set(requests.map((r) => r.request.toLowerCase())).size, requests.length, 'no request twice');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-devset-test-'));
  const bad = path.join(dir, 'bad.json');
  fs.writeFileSync(bad, JSON.stringify([{ id: 'x1', category: 'files', request: 'list', reference: 'ls', compare: 'fuzzy' }]));
  assert.throws(() => loadRequests(bad), /x1 has compare "fuzzy"/);
  fs.writeFileSync(bad, JSON.stringify([{ id: 'x1', category: 'files', request: 'list', compare: 'exact' }]));
  assert.throws(() => loadRequests(bad), /entry 0 has no reference/);
  fs.rmSync(dir, { recursive: true, force: true });
});
