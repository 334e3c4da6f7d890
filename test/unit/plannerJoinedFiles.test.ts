// "join a.txt and b.txt into all.txt": joining, concatenating or combining
// files into a named file is a write of that file with both in it (`cat a.txt
// b.txt > all.txt`), never a look at their differences (and "into one file
// called all.txt" names the file written, not one read); and no plan writes
// its output with `>` onto a folder of the workspace ("copy a.txt and b.txt
// to out", out a folder, is `cp a.txt b.txt out`, not `cat … > out`, which
// the shell refuses). Wordings are built from parts and planned by the
// embedded planner in a real workspace; each plan is read by the real parser.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeCommand } from '../../server/src/policy/facts';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;
const files = ['notes.txt', 'todo.md', 'data.csv', 'app.log'];
const folders = ['out', 'archive'];

before(async () => {
  ws = await plannerWorkspace('joined-files', folders, Object.fromEntries(files.map((f) => [f, 'a line\n'])));
});

after(() => ws.close());

const joins = ['join {a} and {b} into {t}', 'concatenate {a} and {b} into {t}', 'combine {a} and {b} into {t}', 'please concatenate {a} and {b} into {t}', 'glue {a} and {b} together into {t}', 'stitch {a} and {b} into {t}'];
// The file to make named after "called" or "named" is the one written, not one of those read.
const joinsNamed = ['merge {a} and {b} into one file called {t}', 'combine {a} and {b} into a single file named {t}', 'join {a} and {b} into a file called {t}'];
const targets = ['all.txt', 'merged.md', 'combined.log'];

const redirectTargets = (command: string) => describeCommand(command).commands.flatMap((c) => c.redirects.filter((r) => r.kind === 'write' || r.kind === 'append').map((r) => r.target));

test('files joined into a new file are written into it, both of them, never compared instead', async () => {
  const wrong: string[] = [];
  let n = 0;
  for (const words of [...joins, ...joinsNamed]) {
    for (let i = 0; i < files.length; i++) {
      const [a, b, t] = [files[i], files[(i + 1) % files.length], targets[(n += 1) % targets.length]];
      const request = words.replace('{a}', a).replace('{b}', b).replace('{t}', t);
      const command = await ws.plan(request);
      const facts = describeCommand(command);
      const read = facts.commands.flatMap((c) => c.positionals);
      if (!command || !redirectTargets(command).includes(t) || !read.includes(a) || !read.includes(b) || /\bdiff\b|\bcmp\b|\bcomm\b/.test(command)) wrong.push(`${request} → ${command || '(abstained)'}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('no plan writes its output with a redirect onto a folder of the workspace', async () => {
  const wrong: string[] = [];
  const requests = [
    ...folders.flatMap((d) => files.map((f, i) => `copy ${f} and ${files[(i + 1) % files.length]} to ${d}`)),
    ...folders.flatMap((d) => joins.map((j, i) => j.replace('{a}', files[i % files.length]).replace('{b}', files[(i + 2) % files.length]).replace('{t}', d))),
  ];
  for (const request of requests) {
    const command = await ws.plan(request);
    const onto = redirectTargets(command).filter((t) => folders.includes(t.replace(/\/+$/, '')));
    if (onto.length > 0) wrong.push(`${request} → ${command}`);
  }
  assert.deepEqual(wrong, []);
  // A copy of two files to a folder copies both into it.
  assert.match(await ws.plan('copy notes.txt and todo.md to out'), /^cp (?:-\S+ )*notes\.txt todo\.md out\/?$/);
});
