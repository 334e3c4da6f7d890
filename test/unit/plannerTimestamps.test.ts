// "update the timestamps of notes.txt and todo.md" had been planned as
// `cat notes.txt todo.md`, "update the modification time of notes.txt" as
// `stat`, and "change the timestamp of notes.txt to 2023-05-01" abstained
// (its year read as a mode to set). A file's times set is `touch` of the
// named files, with the date when one is given; a question about them is
// never answered by setting them. Wordings and names are built from parts
// and planned by the embedded planner in a real workspace.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;
const files = ['notes.txt', 'todo.md', 'data.csv', 'app.log'];
const VERBS = ['update', 'change', 'set', 'bump', 'reset', 'modify'];
const TIMES = ['the timestamp', 'the timestamps', 'the modification time', 'the mtime', 'the access time', 'the last modified time', 'the modified date'];

before(async () => {
  ws = await plannerWorkspace('timestamps', ['.', 'docs'], Object.fromEntries(files.map((f) => [f, 'text\n'])));
});

after(() => ws.close());

async function planned(request: string): Promise<string> {
  const r = await ws.result(request);
  return r.abstained ? '' : (r.command ?? '');
}

test('a file\'s times set to now are touch of the named files', async () => {
  const wrong: string[] = [];
  let n = 0;
  let touched = 0;
  for (const [i, verb] of VERBS.entries()) {
    for (const [j, time] of TIMES.entries()) {
      const named = (i + j) % 3 === 0 ? [files[j % 4], files[(j + 1) % 4]] : [files[(i + j) % 4]];
      const request = `${verb} ${time} of ${named.join(' and ')}`;
      const command = await planned(request);
      n++;
      if (command === '') continue;
      const words = command.split(/\s+/);
      if (words[0] !== 'touch' || /\s-[dtr]\b/.test(command) || named.some((f) => !words.includes(f)) || words.some((w) => /\.\w+$/.test(w) && !named.includes(w))) wrong.push(`${request} → ${command}`);
      else touched++;
    }
  }
  assert.deepEqual(wrong, []);
  assert.ok(touched >= n * 0.8, `${touched} of ${n} planned as touch`);
});

test('a date given is the date set; its year is never read as a mode', async () => {
  const wrong: string[] = [];
  for (const date of ['2023-05-01', '2022-12-31 10:00', '2021-01-15']) {
    for (const verb of ['change', 'set']) {
      for (const time of ['the timestamp', 'the modification time']) {
        const request = `${verb} ${time} of notes.txt to ${date}`;
        const command = await planned(request);
        if (!command.startsWith('touch -d ') || !command.includes(date) || !command.endsWith(' notes.txt')) wrong.push(`${request} → ${command || 'abstained'}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test('a question about a file\'s times never sets them', async () => {
  const wrong: string[] = [];
  for (const ask of ['show {t} of {f}', 'what is {t} of {f}', 'print {t} of {f}', 'tell me {t} of {f}', 'check {t} of {f}']) {
    for (const time of TIMES) {
      for (const f of files.slice(0, 2)) {
        const request = ask.replace('{t}', time).replace('{f}', f);
        const command = await planned(request);
        if (/^touch\b|>/.test(command)) wrong.push(`${request} → ${command}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test('the times of everything under a folder are set by touch of what find gives', async () => {
  const wrong: string[] = [];
  for (const verb of ['update', 'refresh the', 'set', 'bump']) {
    for (const time of ['timestamps', 'modification times', 'mtimes']) {
      for (const [what, place, path] of [['all files under', 'docs', 'docs'], ['every file in', 'the docs folder', 'docs'], ['all files and directories under', 'the current directory', '.']]) {
        const request = `${verb.replace(' the', '')} the ${time} of ${what} ${place}`;
        const command = await planned(request);
        if (!new RegExp(String.raw`^find ${path.replace('.', '\\.')} .*-exec touch\b`).test(command)) wrong.push(`${request} → ${command || 'abstained'}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});
