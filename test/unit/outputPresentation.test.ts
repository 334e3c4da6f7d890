import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectFormat, highlight } from '../../server/src/records/highlight';
import { needsSummary, summarise } from '../../server/src/records/summary';
import { present } from '../../server/src/lsp/present';

test('formats are recognised from content', () => {
  assert.equal(detectFormat('{"a": [1, 2]}\n'), 'json');
  assert.equal(detectFormat('{"a":1}\n{"a":2}\n'), 'json');
  assert.equal(detectFormat('diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n'), 'diff');
  assert.equal(detectFormat('name,size\na,1\nb,2\n'), 'csv');
  assert.equal(detectFormat('2024-01-01 10:00:00 INFO start\n2024-01-01 10:00:01 ERROR boom\n'), 'log');
  assert.equal(detectFormat('total 0\nfile.txt\n'), 'plain');
  assert.equal(detectFormat('{not json}'), 'plain');
});

test('highlighting gives tokens with a light and a dark colour, and keeps the text', async () => {
  const lines = await highlight('{"key": "<script>"}', 'json');
  assert.ok(lines);
  assert.equal(lines.map((l) => l.map((t) => t.t).join('')).join('\n'), '{"key": "<script>"}');
  const key = lines[0].find((t) => t.t.includes('key'));
  assert.match(key?.l ?? '', /^#[0-9A-Fa-f]{6}$/);
  assert.match(key?.d ?? '', /^#[0-9A-Fa-f]{6}$/);
  assert.notEqual(key?.l, key?.d);
  assert.equal(await highlight('plain', 'plain'), undefined);
});

test('long output is summarised: counts, errors first, first/last lines, repeats', () => {
  const lines = ['start', ...Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? 'tick' : `line ${i}`)), 'warning: disk almost full', 'error: could not open x', 'end'];
  const text = lines.join('\n') + '\n';
  assert.ok(needsSummary(text));
  assert.ok(!needsSummary('a\nb\n'));
  const s = summarise(text);
  assert.equal(s.lines, lines.length);
  assert.equal(s.bytes, Buffer.byteLength(text));
  assert.deepEqual(s.errors, ['error: could not open x']);
  assert.deepEqual(s.warnings, ['warning: disk almost full']);
  assert.equal(s.first[0], 'start');
  assert.equal(s.last[s.last.length - 1], 'end');
  assert.deepEqual(s.repeated[0], { line: 'tick', count: 100 });
});

test('presentation strips escapes before recognising the format', async () => {
  const p = await present('r-1', '\x1b[32m{"ok": true}\x1b[0m\n');
  assert.equal(p.format, 'json');
  assert.equal(p.lines?.flat().map((t) => t.t).join(''), '{"ok": true}');
  assert.equal(p.summary, undefined);
});
