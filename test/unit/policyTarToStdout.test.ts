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

test('an O that is the value of another option, or comes after --, prints nothing: the extraction writes', async () => {
  const verdict = await verdictsIn(WS);
  const taking = ['--exclude', '-N', '-C', '-f', '-T', '-X', '-K', '-V', '--newer', '--directory', '--file', '--files-from', '--exclude-from', '--label', '--owner', '--mode'];
  const lines: string[] = [];
  for (const o of ['-O', '--to-stdout']) {
    for (const t of taking) {
      for (const place of ['/etc', '~/.ssh', '/usr/local/bin']) lines.push(`tar -xf backup.tar ${t} ${o} -C ${place}`, `tar -x ${t} ${o} -f backup.tar -C ${place}`);
    }
    for (const place of ['/etc', '~/.config']) lines.push(`tar -xf backup.tar -C ${place} -- ${o}`, `tar xfC backup.tar ${place} ${o}`.replace(` ${o}`, ` -- ${o}`));
  }
  lines.push(...['${X:--O}', '"$O"', '$(echo -O)'].map((o) => `tar -xf backup.tar ${o} -C /etc`));
  assert.ok(lines.length >= 200, `${lines.length} cases`);
  assert.deepEqual(lines.filter((l) => verdict(l) === 'allow'), []);
});

test('an index, a volume number file, an archive added to, or an archive reached through rsh is never passed over for -O', async () => {
  const verdict = await verdictsIn(WS);
  const lines: string[] = [];
  for (const target of ['/etc/passwd', '~/.bashrc', '/usr/local/bin/x']) {
    for (const mode of ['-xOf backup.tar', '-tf backup.tar', '-xf backup.tar -O']) lines.push(`tar ${mode} --index-file=${target}`, `tar ${mode} --index-file ${target}`, `tar ${mode} --volno-file=${target}`);
    lines.push(`tar -AOf ${target} backup.tar`, `tar -Af ${target} backup.tar`, `tar --catenate -f ${target} backup.tar`, `tar -A --file=${target} backup.tar`);
  }
  for (const remote of ['h:a.tar', 'host:/srv/a.tar', 'user@host:a.tar']) lines.push(`tar -tf ${remote}`, `tar -xOf ${remote}`, `tar -xf ${remote}`, `tar --file=${remote} -x -O`);
  assert.deepEqual(lines.filter((l) => verdict(l) === 'allow'), []);
});
