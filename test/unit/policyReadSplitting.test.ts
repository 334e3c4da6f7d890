// `while IFS= read -r line; do …; done < notes.txt` is how lines are read one
// by one; IFS given to read alone splits only the line read takes. IFS set
// for the shell, exported, or given to any other program still changes how
// later words are split or what a child shell sees, and is asked about.
// Cases are generated: separator × reader × loop, and setter × program.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { judgementsIn } from '../support/policyVerdicts';

const WS = '/home/dev/project';
const SEPARATORS = ['', ',', ':', "$'\\t'", "'/'", '" "'];
const READERS = ['read -r line', 'read line', 'read -ra parts', 'read -r -d "" chunk', 'read -r a b c'];
const LOOPS: ((r: string) => string)[] = [
  (r) => `while ${r}; do echo "$line"; done < notes.txt`,
  (r) => `cat notes.txt | while ${r}; do printf '%s\\n' "$line"; done`,
  (r) => `${r} <<< "a,b,c"; echo "$a"`,
  (r) => `while ${r} || [ -n "$line" ]; do wc -c <<< "$line"; done < notes.txt`,
];

test('IFS given to read alone is allowed wherever the loop reads from', async () => {
  const verdict = await judgementsIn(WS);
  const asked: string[] = [];
  let n = 0;
  for (const sep of SEPARATORS) {
    for (const reader of [...READERS.map((r) => `IFS=${sep} ${r}`), `IFS=${sep} mapfile -t lines`, `IFS=${sep} readarray -t lines`]) {
      for (const loop of LOOPS) {
        const line = loop(reader);
        n++;
        if (verdict(line).rules.includes('env.ifs')) asked.push(line);
      }
    }
  }
  assert.ok(n >= 150, `${n} cases`);
  assert.deepEqual(asked, []);
});

test('IFS set for the shell, exported, or given to another program is still asked about', async () => {
  const verdict = await judgementsIn(WS);
  const setters: ((sep: string, p: string) => string)[] = [
    (sep, p) => `IFS=${sep}; ${p}`, (sep, p) => `export IFS=${sep}; ${p}`, (sep, p) => `IFS=${sep} ${p}`, (sep, p) => `declare IFS=${sep}; ${p}`,
    (sep, p) => `f() { local IFS=${sep}; ${p}; }; f`,
  ];
  const programs = ['sh -c "echo $x"', 'bash -c "ls $x"', 'eval "ls $x"', 'xargs echo < notes.txt', 'ls $x', 'env ls'];
  const missed: string[] = [];
  for (const sep of SEPARATORS.slice(1)) {
    for (const set of setters) {
      for (const p of programs) {
        const line = `x=a/b; ${set(sep, p)}`;
        const v = verdict(line);
        if (v.decision === 'allow' || !v.rules.includes('env.ifs')) missed.push(`${line} → ${v.decision} ${v.rules.join(',')}`);
      }
    }
  }
  assert.deepEqual(missed, []);
});

test('IFS given to a function or alias called read is asked about', async () => {
  const verdict = await judgementsIn(WS);
  for (const line of ['read() { rm -rf ~; }; IFS= read -r line < notes.txt', 'alias read=rm; IFS= read -r line < notes.txt']) {
    assert.notEqual(verdict(line).decision, 'allow', line);
  }
});
