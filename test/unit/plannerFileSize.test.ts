// "how big is notes.txt": a question about the size of one named file is
// answered by a program that prints its size (ls with a long or size listing,
// du, stat, wc -c), never by one that prints its contents or counts its lines
// and words. Wordings and file names are built from parts and planned by the
// embedded planner in a real workspace.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;
const files = ['notes.txt', 'todo.md', 'report.pdf', 'data.csv', 'app.log'];

before(async () => {
  ws = await plannerWorkspace('file-size', ['src'], Object.fromEntries(files.map((f) => [f, 'a line\n'])));
});

after(() => ws.close());

const asks = ['how big is {f}', 'how large is {f}', 'what is the size of {f}', 'size of {f}', 'tell me how big {f} is', 'what size is {f}', 'check the file size of {f}'];
// A size, in any unit: a long or size listing, du, stat's size, a byte count.
const printsSize = (command: string, f: string) => command.includes(f) && /^(?:ls -\w*[lsS]\w*|du\b|stat\b|wc -c\b)/.test(command);

test('a question about the size of a named file is answered by a program that prints its size', async () => {
  const wrong: string[] = [];
  let n = 0;
  for (const ask of asks) {
    for (const f of files) {
      const request = ask.replace('{f}', f);
      const r = await ws.result(request);
      n++;
      if (r.abstained || !printsSize(r.command ?? '', f)) wrong.push(`${request} → ${r.abstained ? 'abstained' : r.command}`);
    }
  }
  assert.equal(n, asks.length * files.length);
  assert.ok(wrong.length <= 1, `${wrong.length} of ${n} wrong:\n${wrong.join('\n')}`);
});
