// The CLI's underline: carets under exactly the span, on the line of a
// multi-line command that holds it, clipped around it on a long line, and
// aligned even when the command holds tabs or control characters.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatRule, underline } from '../../server/src/cli/ruleText';

const caretsUnder = (lines: string[]) => {
  const [text, carets] = lines;
  const start = carets.indexOf('^');
  return text.slice(start, carets.lastIndexOf('^') + 1);
};

test('carets sit under the span', () => {
  const command = 'ls -la && rm -rf / ; echo done';
  const lines = underline(command, [10, 18], '');
  assert.equal(lines[0], command);
  assert.equal(caretsUnder(lines), 'rm -rf /');
});

test('a multi-line command shows the line that holds the span', () => {
  const command = 'cd src\nif true; then\n  git push --force origin main\nfi';
  const start = command.indexOf('git');
  const lines = underline(command, [start, start + 'git push --force origin main'.length], '');
  assert.equal(lines[0], '  git push --force origin main');
  assert.equal(caretsUnder(lines), 'git push --force origin main');
});

test('a long line is clipped around the span, with ellipses', () => {
  const command = `echo ${'a'.repeat(300)} && rm -rf ~ && echo ${'b'.repeat(300)}`;
  const start = command.indexOf('rm -rf ~');
  const lines = underline(command, [start, start + 8], '', 60);
  assert.ok(lines[0].startsWith('…') && lines[0].endsWith('…'));
  assert.ok(lines[0].length <= 62);
  assert.equal(caretsUnder(lines), 'rm -rf ~');
});

test('tabs and control characters are shown as one visible character each, so carets stay aligned and nothing reaches the terminal', () => {
  const command = 'echo\t"\x1b]0;title\x07" ; rm -rf /';
  const start = command.indexOf('rm');
  const lines = underline(command, [start, start + 8], '');
  // eslint-disable-next-line no-control-regex
  assert.ok(!/[\x00-\x1f]/.test(lines[0]));
  assert.equal(caretsUnder(lines), 'rm -rf /');
});

test('no span, an empty span or one outside the command draws nothing', () => {
  assert.deepEqual(underline('ls', undefined), []);
  assert.deepEqual(underline('ls', [1, 1]), []);
  assert.deepEqual(underline('ls', [5, 9]), []);
});

test('a rule prints its id and reason, the underline, its source and a safer way', () => {
  const lines = formatRule('git clean -fdx', { id: 'repo.change', severity: 'ask', reason: 'changes the tree', command_index: 0, span: [0, 14], source: { file: 'policies/paladin/repo.rego', line: 88 }, alternative: 'use `git clean -n`' }, ['git']);
  assert.deepEqual(lines, [
    '  ASK  repo.change: changes the tree [command 0: git]',
    '       git clean -fdx',
    '       ^^^^^^^^^^^^^^',
    '       rule: policies/paladin/repo.rego:88',
    '       safer: use `git clean -n`',
  ]);
});
