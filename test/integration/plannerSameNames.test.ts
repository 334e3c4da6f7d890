// A file name the workspace holds twice, with the real store, knowledge and
// policy: notes.txt and todo.txt at the top and in backup, main.ts in src
// and in backup.
// The folder a request names picks the copy; without one a change is not
// planned and the person is told which copies there are; and an answer from
// a model that changes another copy is turned away with its reason.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { expectPlans, modelPlan, plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('same-names', ['backup', 'src', 'docs'], ['notes.txt', 'backup/notes.txt', 'todo.txt', 'backup/todo.txt', 'backup/main.ts', 'src/main.ts', 'src/util.ts', 'docs/guide.md']);
});

after(() => w.close());

test('the folder the request names picks the copy, even over one at the top', () => expectPlans((request) => w.plan(request), [
  ['delete todo.txt from backup', /^rm (?:-\w+ )*(?:-- )?backup\/todo\.txt$/],
  ['in backup, delete todo.txt', /^rm (?:-\w+ )*(?:-- )?backup\/todo\.txt$/],
  ["delete src's main.ts", /^rm (?:-\w+ )*(?:-- )?src\/main\.ts$/],
  ['rename main.ts in src to index.ts', /^mv -n src\/main\.ts src\/index\.ts$/],
  ['copy main.ts from backup to docs', /^cp (?:-\w+ )*(?:-- )?backup\/main\.ts docs\/?$/],
  ['copy notes.txt to backup', /^cp (?:-\w+ )*notes\.txt backup\/?$/],
]));

test('a change to a name held twice, with no folder said, is not planned, and the copies are named', async () => {
  for (const request of ['delete main.ts', 'rename main.ts to index.ts', 'gzip main.ts']) {
    const r = await w.result(request);
    assert.equal(r.abstained, true, `"${request}" → ${r.command}`);
    assert.match((r.help ?? []).join(' '), /backup\/main\.ts or src\/main\.ts/, `"${request}": ${JSON.stringify(r.help)}`);
  }
});

test('a model answer that changes another copy is turned away, with the reason; the right copy is taken', async () => {
  const cases: [string, string, RegExp | undefined][] = [
    ['delete notes.txt from backup', 'rm -- notes.txt', /changes notes\.txt, but the request names the notes\.txt in backup/],
    ['erase the notes.txt inside backup', 'rm -f notes.txt', /changes notes\.txt, but the request names the notes\.txt in backup/],
    ['rename main.ts to index.ts', 'mv -n backup/main.ts backup/index.ts', /changes backup\/main\.ts, but main\.ts is backup\/main\.ts and src\/main\.ts, and the request does not say which/],
    ['copy main.ts from src to docs', 'cp -r src docs', /copies everything in src, but the request names only src\/main\.ts/],
    ['delete notes.txt from backup', 'rm -- backup/notes.txt', undefined],
    ['restore notes.txt from backup', 'cp backup/notes.txt notes.txt', undefined],
  ];
  for (const [request, reply, reason] of cases) {
    const result = await modelPlan(w, request, reply);
    const rejected = result.rejected?.find((r) => r.command === reply);
    if (reason === undefined) {
      assert.equal(rejected, undefined, `${reply} for "${request}" was turned away: ${rejected?.reason}`);
      assert.equal(result.command, reply);
      continue;
    }
    assert.ok(rejected, `${reply} should be turned away for "${request}": ${JSON.stringify(result.rejected)}`);
    assert.equal(rejected.planner, 'ollama');
    assert.match(rejected.reason, reason);
    assert.notEqual(result.command, reply);
  }
});
