// Facts for behaviour that hides in options, the environment and the home
// folder: what is read, what runs, and what is only known at run time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeCommand } from '../../server/src/policy/facts';

const facts = (src: string) => describeCommand(src, { workspace: '/home/dev/project' });
const programs = (src: string) => facts(src).commands.map((c) => c.program);
const unknowns = (src: string) => facts(src).unknown.map((u) => u.construct);
const readClasses = (src: string, program: string) => facts(src).commands.filter((c) => c.program === program).flatMap((c) => c.reads.flatMap((p) => p.classes));

test('env -S, strace -o |cmd and xargs -a name what runs and what is read', () => {
  for (const src of ["env -S 'rm -rf x'", "env -S'rm -rf x'", "env --split-string='rm -rf x'", "env -iS 'rm -rf x'", "strace -o '|rm -rf x' true", "strace -o'!rm -rf x' true"]) assert.ok(programs(src).includes('rm'), src);
  assert.ok(unknowns('env -S "$X"').includes('hidden-command'));
  assert.ok(unknowns('strace -o "$X" ls').includes('hidden-command'));
  assert.ok(readClasses('xargs -a ~/.ssh/id_rsa echo', 'echo').includes('secret'));
  assert.ok(readClasses('xargs --arg-file=list.txt echo', 'echo').includes('workspace'));
  assert.ok(unknowns('echo id | xargs sh -c').includes('hidden-command'), 'the items become the command string');
  assert.ok(unknowns('xargs -0 bash -c').includes('hidden-command'));
  assert.ok(!unknowns("echo a | xargs bash -c 'echo $0'").includes('hidden-command'), 'a command string of its own');
  assert.ok(!unknowns('ls | xargs -I{} sh -c "echo {}"').includes('hidden-command'));
});
