// A request to look at one file of the workspace, and at nothing more, is
// answered with the file's text. Every wording is built from parts (the
// opening, the verb, how the file is said) and planned by the real planner in
// a real workspace; files whose bytes are no text, and names the workspace
// does not hold, are never printed this way.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;
before(async () => {
  ws = await plannerWorkspace('shown', ['src', 'docs', 'backup'], ['todo.txt', 'ledger.csv', 'main.ts', 'src/app.py', 'docs/guide.md', 'backup/app.py', 'photo.png', 'bundle.zip', 'Makefile']);
});
after(() => ws.close());

const openings = ['', 'please ', 'can you ', 'hey, '];
const forms = ['show {f}', 'show me {f}', 'display {f}', 'print the file {f}', 'let me see {f}', 'view {f}', 'show me the {f} file', 'read {f}', 'show me the text of {f}', 'display the contents of {f}', 'show me {f}.'];

test('a request to see one text file of the workspace prints it', async () => {
  const wrong: string[] = [];
  let checked = 0;
  for (const opening of openings) {
    for (const form of forms) {
      for (const f of ['todo.txt', 'ledger.csv', 'main.ts', 'src/app.py', 'docs/guide.md']) {
        const request = opening + form.replaceAll('{f}', f);
        const command = await ws.plan(request);
        if (command !== `cat ${f}`) wrong.push(`${request} → ${command}`);
        checked++;
      }
    }
  }
  assert.deepEqual(wrong, []);
  assert.equal(checked, openings.length * forms.length * 5);
});

test('a file that is no text, or that the workspace does not hold, is not printed for a bare "show"', async () => {
  for (const f of ['photo.png', 'bundle.zip', 'missing.txt', 'notes.md']) {
    for (const form of ['show me {f}', 'let me see {f}', 'show {f}']) {
      const request = form.replaceAll('{f}', f);
      const command = await ws.plan(request);
      assert.notEqual(command, `cat ${f}`, request);
    }
  }
});

test('a look that asks more than the text is not answered with it', async () => {
  // What is asked of the file decides: its size, its line count, its first lines.
  for (const [request, not] of [['show me the size of todo.txt', 'cat todo.txt'], ['show me how many lines main.ts has', 'cat main.ts'], ['show me the first 5 lines of ledger.csv', 'cat ledger.csv']]) {
    assert.notEqual(await ws.plan(request), not, request);
  }
});

test('a request to see the files of one folder lists that folder', async () => {
  const wrong: string[] = [];
  for (const opening of openings) {
    for (const form of ['show the files in {d}', 'show me the files in {d}', 'display all the files in {d}', 'show me all of the files inside {d}', 'print the entries of {d}']) {
      for (const d of ['src', 'docs', 'backup']) {
        const request = opening + form.replaceAll('{d}', d);
        const command = await ws.plan(request);
        // Any listing of that folder, of its own entries or of every file under it.
        if (!new RegExp(`^(?:ls(?: -[1lA]+)? ${d}|find ${d} -type f)$`).test(command)) wrong.push(`${request} → ${command}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test('words that tie a request to one before it ask nothing more of it', async () => {
  // "as well" had been read as a file named well.
  for (const [request, alone] of [['show the files in docs as well', 'show the files in docs'], ['show me todo.txt too', 'show me todo.txt'], ['count the lines in main.ts also', 'count the lines in main.ts'], ['copy ledger.csv to backup as well', 'copy ledger.csv to backup']]) {
    const command = await ws.plan(request);
    assert.equal(command, await ws.plan(alone), request);
    assert.doesNotMatch(command, /\b(?:well|too|also)\b/, request);
  }
});
