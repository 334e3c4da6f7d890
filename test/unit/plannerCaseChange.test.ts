// A file printed in another case is asked for with a word for case ("upper
// case", "capitals", "caps", "lowercase"); "make sure the file todo.md
// exists" had been answered with `tr '[:lower:]' '[:upper:]' < todo.md`.
// Wordings and file names are built from parts and planned by the embedded
// planner in a real workspace.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;
const files = ['notes.txt', 'todo.md', 'data.csv', 'app.log'];

before(async () => {
  ws = await plannerWorkspace('case-change', ['.'], Object.fromEntries(files.map((f) => [f, 'Some Text\n'])));
});

after(() => ws.close());

const caseChange = /\btr '\[:(?:upper|lower):\]'/;

async function plans(asks: string[]): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for (const ask of asks) {
    for (const f of files) {
      const request = ask.replace('{f}', f);
      const r = await ws.result(request);
      out.push([request, r.abstained ? '' : (r.command ?? '')]);
    }
  }
  return out;
}

test('a request with no word for case is never answered by a case change', async () => {
  const asks = ['make sure the file {f} exists', 'make sure {f} is there', 'make sure {f} is not empty', 'make a note of what is in {f}', 'make {f} easier to read', 'check that {f} exists'];
  const wrong = (await plans(asks)).filter(([, command]) => caseChange.test(command));
  assert.deepEqual(wrong, []);
});

test('a request with a word for case is answered by the case change it names', async () => {
  const upper = await plans(['convert {f} to uppercase', 'make {f} all caps', 'print {f} in capital letters']);
  const lower = await plans(['convert {f} to lowercase', 'make the text of {f} lower case']);
  const miss = [...upper.filter(([, c]) => !/tr '\[:lower:\]' '\[:upper:\]'/.test(c)), ...lower.filter(([, c]) => !/tr '\[:upper:\]' '\[:lower:\]'/.test(c))];
  assert.ok(miss.length <= 2, `${miss.length} of ${upper.length + lower.length}:\n${miss.map(([r, c]) => `${r} → ${c}`).join('\n')}`);
});
