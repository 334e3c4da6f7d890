// `tar -xOf x.tar notes.txt` prints a member and writes no file; it had been
// asked about as an extraction into the workspace. Cases are generated:
// spelling of the cluster × compression × members. An O that is the value
// of a letter before it (`-xfO`), an extraction without O, and the options
// that run a program are still not allowed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { verdictsIn } from '../support/policyVerdicts';

const WS = '/home/dev/project';
const COMPRESS = ['', 'z', 'j', 'J'];
const SPELLINGS: ((c: string) => string)[] = [(c) => `-x${c}Of`, (c) => `-${c}xOf`, (c) => `x${c}Of`, (c) => `-xO${c}f`, (c) => `--to-stdout -x${c}f`, (c) => `-x${c} -O -f`, (c) => `--extract --to-stdout ${c ? `-${c} ` : ''}--file`];
const MEMBERS = ['', 'notes.txt', 'src/a.py docs/b.md', "'*.txt' --wildcards"];

test('a member printed from an archive of the workspace writes nothing and is allowed', async () => {
  const verdict = await verdictsIn(WS);
  const asked: string[] = [];
  let n = 0;
  for (const c of COMPRESS) for (const spell of SPELLINGS) for (const members of MEMBERS) {
    const line = `tar ${spell(c)} backup.tar ${members}`.trim();
    n++;
    if (verdict(line) !== 'allow') asked.push(line);
  }
  assert.ok(n >= 100, `${n} cases`);
  assert.deepEqual(asked, []);
});

test('an extraction that writes, an O that is a value, and a program run by tar are not allowed', async () => {
  const verdict = await verdictsIn(WS);
  const lines = [
    ...COMPRESS.flatMap((c) => [`tar -x${c}f backup.tar`, `tar x${c}f backup.tar`, `tar -x${c}fO backup.tar`, `tar -x${c}Of backup.tar --to-command=sh`, `tar -x${c}Of backup.tar --use-compress-program=./x.sh`, `tar -x${c}Of backup.tar -I ./x.sh`]),
    'tar -xOf ~/.ssh/keys.tar', 'tar -xOf /etc/shadow',
  ];
  assert.deepEqual(lines.filter((l) => verdict(l) === 'allow'), []);
});
