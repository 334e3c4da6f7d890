// A kind of file with a dotted extension (".test.ts", ".tar.gz") is one
// kind, never two ored together: "remove the .test.ts files" once deleted
// every .ts file. A template's second name is never filled with a default
// nobody said, and a list of kinds before the noun keeps each kind.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;
before(async () => {
  ws = await plannerWorkspace('dotted', ['src', 'backup', 'dist'], ['src/a.ts', 'src/a.test.ts', 'src/b.d.ts', 'dist/app.min.js', 'dist/app.js', 'old.tar.gz', 'old.tar', 'notes.txt']);
});
after(() => ws.close());

const dotted = ['test.ts', 'd.ts', 'min.js', 'tar.gz', 'spec.js', 'tar.bz2'];
const acts = [(o: string) => `delete ${o}`, (o: string) => `remove ${o}`, (o: string) => `move ${o} to backup`, (o: string) => `list ${o}`, (o: string) => `count ${o}`, (o: string) => `copy ${o} to backup`];
const objects = [(x: string) => `the .${x} files`, (x: string) => `every .${x} file in src`, (x: string) => `all files ending in .${x}`, (x: string) => `any .${x} files under src`];

test('a dotted extension is one kind in every act and wording', async () => {
  const wrong: string[] = [];
  let planned = 0;
  for (const x of dotted) {
    const last = x.split('.').pop()!;
    for (const act of acts) for (const object of objects) {
      const request = act(object(x));
      const command = await ws.plan(request);
      if (!command) continue;
      planned += 1;
      const names = [...command.matchAll(/-i?name\s+'([^']*)'/g)].map((m) => m[1]);
      // Every name test the plan has keeps the whole extension; none picks the last part alone.
      if (names.some((n) => n === `*.${last}` || n === `*.${x.split('.')[0]}`) || !command.includes(`.${x}`)) wrong.push(`${request} → ${command}`);
    }
  }
  assert.deepEqual(wrong, []);
  assert.ok(planned >= dotted.length * acts.length * objects.length * 0.6, `${planned} planned`);
});

test('a second name nobody gave is not filled in, and each kind of a list is kept', async () => {
  for (const request of ['list the .ts files', 'show all the ts files', 'find the python files']) assert.doesNotMatch(await ws.plan(request), /-o -name|'\*\.h'/, request);
  assert.match(await ws.plan('find the jpg and png images'), /-name '\*\.jpg' -o -name '\*\.png'/);
  assert.match(await ws.plan('delete the log and tmp files in dist'), /-name '\*\.log' -o -name '\*\.tmp'/);
});
