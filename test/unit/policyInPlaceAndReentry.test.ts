// The built-in policy (real OPA WASM) on two ways a change hid behind a
// command that looked milder: gawk's `-i inplace` library edits every file it
// reads, and a path that climbs out of the workspace and comes back in by its
// own name (`rm -rf ../project`) is the workspace. Each form is judged as the
// plain command it amounts to.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPolicyEngine } from '../../server/src/policy';

const WS = '/home/dev/project';
const programs = ['awk', 'gawk'];
const inPlace = ['-i inplace', '-iinplace', '--include=inplace', '--include inplace', '-i /usr/share/awk/inplace.awk', '-v n=1 -i inplace'];
const scripts = [`'{print}'`, `'NR>1'`, `'{gsub(/a/,"b")}1'`];

test('awk with the inplace library writes the files it reads, and is never allowed as a look', async () => {
  const engine = await createPolicyEngine();
  let checked = 0;
  for (const program of programs) {
    for (const option of inPlace) {
      for (const script of scripts) {
        for (const files of ['notes.txt', 'notes.txt todo.txt', 'src/*.ts']) {
          const command = `${program} ${option} ${script} ${files}`;
          const d = await engine.check(command, { workspace: WS });
          assert.notEqual(d.decision, 'allow', command);
          for (const file of files.split(' ')) assert.ok(d.risk.writes.includes(file), `${command} writes ${JSON.stringify(d.risk.writes)}`);
          checked++;
        }
      }
    }
  }
  assert.equal(checked, programs.length * inPlace.length * scripts.length * 3);
});

test('awk without it reads its files, and another library is code that cannot be read', async () => {
  const engine = await createPolicyEngine();
  for (const command of [`awk '{print $1}' notes.txt`, `awk -v x=1 '{print x}' notes.txt`, `gawk -F, '{print $2}' data.csv`]) {
    const d = await engine.check(command, { workspace: WS });
    assert.equal(d.decision, 'allow', command);
    assert.deepEqual(d.risk.writes, [], command);
  }
  for (const command of [`gawk -i mylib '{print}' notes.txt`, `gawk -l ordchr '{print}' notes.txt`, `gawk --include=other.awk '{print}' notes.txt`]) {
    const d = await engine.check(command, { workspace: WS });
    assert.notEqual(d.decision, 'allow', command);
    assert.ok(d.rules.some((r) => r.id === 'exec.script'), `${command}: ${d.rules.map((r) => r.id).join(', ')}`);
  }
});

test('a path that leaves the workspace and comes back by its name is judged as the same path written plainly', async () => {
  const engine = await createPolicyEngine();
  let checked = 0;
  for (const [back, plain] of [['../project', '.'], ['../project/', '.'], ['../project/src', 'src'], ['../project/../project/docs', 'docs'], ['../../dev/project/logs', 'logs'], ['../project/*', '*']]) {
    for (const form of [(p: string) => `rm -rf ${p}`, (p: string) => `find ${p} -delete`, (p: string) => `chmod -R 777 ${p}`, (p: string) => `cat ${p}`]) {
      const a = await engine.check(form(back), { workspace: WS });
      const b = await engine.check(form(plain), { workspace: WS });
      assert.equal(a.decision, b.decision, `${form(back)}: ${a.decision}, ${form(plain)}: ${b.decision}`);
      assert.deepEqual(a.rules.map((r) => r.id).sort(), b.rules.map((r) => r.id).sort(), form(back));
      checked++;
    }
  }
  assert.equal(checked, 24);
  // A sibling folder stays outside.
  const other = await engine.check('rm -rf ../other', { workspace: WS });
  assert.ok(other.rules.some((r) => r.id === 'fs.delete-outside'), other.rules.map((r) => r.id).join(', '));
});

test('an editor writes the files it opens, and split writes its pieces, never judged as a look', async () => {
  const engine = await createPolicyEngine();
  for (const [command, written] of [['ed notes.txt', 'notes.txt'], ['ex -s notes.txt', 'notes.txt'], ['vim -es notes.txt', 'notes.txt'], ["vim -c ':wq' todo.txt", 'todo.txt'], ['nano +3 notes.txt', 'notes.txt'], ['split notes.txt', 'x*'], ['split -l 100 notes.txt part_', 'part_*'], ['csplit -f piece notes.txt 5', 'piece*']]) {
    const d = await engine.check(command, { workspace: WS });
    assert.notEqual(d.decision, 'allow', command);
    assert.ok(d.risk.writes.includes(written), `${command} writes ${JSON.stringify(d.risk.writes)}`);
  }
});
