// touch, truncate, fallocate and setfattr write every file they are given, but some
// of their options take a value that is no file: a date (`touch -d
// 2023-05-01`), a size, a file whose times or size are copied (`-r`, read).
// After `--` every word is a file whatever it looks like: `truncate -s 0 --
// -r /etc/passwd` had been read as a write of `-r` alone, its reference
// option taking /etc/passwd; `cp -- -t x /etc/` copies `-t` and x into /etc,
// never x into -t. Cases are generated: program × option ×
// spelling × target.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPolicyEngine } from '../../server/src/policy';
import { describeCommand } from '../../server/src/policy/facts';

const WS = '/home/dev/project';
const writes = (src: string) => describeCommand(src, { workspace: WS }).commands[0].writes.map((w) => w.path);
const OPTIONS: [string, string, string][] = [
  ['touch', '-d', "'2023-05-01 10:00'"], ['touch', '-t', '202305011000'], ['touch', '--date', 'yesterday'], ['touch', '-r', 'todo.md'], ['touch', '--reference', 'todo.md'],
  ['truncate', '-s', '0'], ['truncate', '--size', '10K'], ['truncate', '-r', 'todo.md'], ['fallocate', '-l', '1M'], ['fallocate', '--length', '4096'],
  ['setfattr', '-n', 'user.note'], ['setfattr', '-x', 'user.note'], ['setfattr', '--name', 'user.note'],
];
const SPELLINGS: ((o: string, v: string) => string)[] = [(o, v) => `${o} ${v}`, (o, v) => (o.startsWith('--') ? `${o}=${v}` : `${o}${v}`)];

test('the value of a date, size or reference option is never a file written', () => {
  const wrong: string[] = [];
  for (const [program, option, value] of OPTIONS) {
    for (const spell of SPELLINGS) {
      for (const targets of [['notes.txt'], ['notes.txt', 'src/a.py']]) {
        const line = `${program} ${spell(option, value)} ${targets.join(' ')}`;
        const got = writes(line);
        if (got.length !== targets.length || targets.some((t) => !got.some((g) => g.endsWith(t)))) wrong.push(`${line} → ${got.join(', ')}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test('after -- every word is a file written, and a system file so written is refused', async () => {
  const engine = await createPolicyEngine();
  const wrong: string[] = [];
  for (const [program, option, value] of OPTIONS) {
    for (const target of ['/etc/passwd', '/usr/bin/ls', '~/.bashrc']) {
      for (const line of [`${program} ${option} ${value} -- ${option} ${target}`, `${program} ${option} ${value} -- ${target}`]) {
        const d = engine.judge(line, { workspace: WS });
        if (d.decision !== 'deny') wrong.push(`${line} → ${d.decision} ${d.rules.map((r) => r.id).join(',')}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test('after -- a copy, move or install target option is a file copied into the last place', async () => {
  const engine = await createPolicyEngine();
  const wrong: string[] = [];
  for (const program of ['cp', 'mv', 'install', 'ln']) {
    for (const option of ['-t', '--target-directory']) {
      for (const [from, into] of [['x', '/etc/'], ['notes.txt', '/usr/local/bin/'], ['x', '~/.config/autostart/']]) {
        for (const line of [`${program} -- ${option} ${from} ${into}`, `${program} -- ${option}=${from} ${into}`]) {
          const d = engine.judge(line, { workspace: WS });
          const written = writes(line);
          if (d.decision === 'allow' || !written.some((w) => w.startsWith(into.replace('~', '')) || w.includes(into.replace(/^~\//, '')))) wrong.push(`${line} → ${d.decision} ${written.join(', ')}`);
        }
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test('an option that takes the rest of its cluster, or is an option only while a variable is unset, leaves the next word a file', async () => {
  const engine = await createPolicyEngine();
  const wrong: string[] = [];
  const clusters: [string, string[]][] = [['touch', ['-rd', '-dr', '-dt', '-td', '-rt', '-tr', '-ard', '-mdr']], ['truncate', ['-rs', '-sr']], ['fallocate', ['-lo', '-ol']]];
  for (const target of ['/etc/passwd', '~/.bashrc', '/usr/bin/ls']) {
    for (const [program, forms] of clusters) for (const form of forms) wrong.push(...judged(engine, `${program} ${form} ${target} notes.txt`));
    for (const option of ['${X:--d}', '${X--t}', '"${X:--r}"', '${X:--s}']) wrong.push(...judged(engine, `touch ${option} ${target}`), ...judged(engine, `truncate ${option} ${target}`));
  }
  assert.deepEqual(wrong, []);
});

function judged(engine: Awaited<ReturnType<typeof createPolicyEngine>>, line: string): string[] {
  const d = engine.judge(line, { workspace: WS });
  return d.decision === 'deny' ? [] : [`${line} → ${d.decision} ${d.rules.map((r) => r.id).join(',')}`];
}
