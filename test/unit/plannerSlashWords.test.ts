// "List all *.java files/directories under src": "files/directories",
// "files/folders" and "and/or" are words of the request, not names of files
// given in a run with the pattern; a plan that searches for the pattern had
// been set aside as leaving them out, and the request abstained. A path
// written as one ("/usr", "./src", "~/x") is still a name. Wordings are
// built from parts and planned by the embedded planner in a real workspace.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;

before(async () => {
  ws = await plannerWorkspace('slash-words', ['src', 'logs'], { 'src/a.java': 'class A {}\n', 'logs/x.log': 'x\n', 'notes.txt': 'n\n' });
});

after(() => ws.close());

test('a pattern with "files/directories" after it is searched for under the place named', async () => {
  const wrong: string[] = [];
  let n = 0;
  for (const verb of ['List all', 'Find all', 'Show all', 'Display all']) {
    for (const kinds of ['files/directories', 'files/folders', 'files and/or directories', 'files/dirs']) {
      for (const [ext, place] of [['java', 'src'], ['log', 'logs'], ['txt', 'the current directory']]) {
        const request = `${verb} *.${ext} ${kinds} under ${place}`;
        const r = await ws.result(request);
        n++;
        if (r.abstained || !/^find\b/.test(r.command ?? '') || !(r.command ?? '').includes(`*.${ext}`)) wrong.push(`${request} → ${r.abstained ? 'abstained' : r.command}`);
      }
    }
  }
  assert.ok(wrong.length <= n * 0.1, `${wrong.length} of ${n}:\n${wrong.join('\n')}`);
});
