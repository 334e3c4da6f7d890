// A narrow act answered with a wider one is turned away, whoever planned it:
// archive records packed into a text file, an append that empties the file
// first, a one-line edit whose sed script reaches every line, a link forced
// over a file, a kill that reaches a group, children or other processes.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { readIntent } from '../../server/src/planner/intent';
import { screen } from '../../server/src/planner/planGuard';
import { readRequest, type WorkspaceNames } from '../../server/src/planner/requestFacts';
import { decisionOf } from '../support/policyDecision';

const files = ['notes.txt', 'todo.txt', 'README.md', 'main.ts', 'data.csv', 'header.csv', 'logs/app.log', 'docs/api.md', 'docs/notes.txt', 'x.tar', 'x.zip'];
const dirs = ['logs', 'docs', 'old'];
const ws: WorkspaceNames = { files: new Set(files), dirs: new Set(dirs), byBase: new Map([['app.log', 'logs/app.log'], ['api.md', 'docs/api.md']]) };

let root = '';
before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'narrow-acts-'));
  for (const d of dirs) fs.mkdirSync(path.join(root, d), { recursive: true });
  for (const f of files) fs.writeFileSync(path.join(root, f), 'x\n');
});
after(() => fs.rmSync(root, { recursive: true, force: true }));

async function turnedAway(request: string, command: string): Promise<boolean> {
  const intent = readIntent(readRequest(request, ws));
  const { rejected } = await screen([{ command, confidence: 1, planner: 'ollama', missing: [] }], intent, async (c) => decisionOf(c, root), 1, 1);
  return rejected.length > 0;
}

async function expect(cases: [string, string][], away: boolean): Promise<void> {
  const wrong: string[] = [];
  for (const [request, command] of cases) if ((await turnedAway(request, command)) !== away) wrong.push(`${request} → ${command}`);
  assert.deepEqual(wrong, []);
}

test('archive records are never packed into a file whose name is no archive', async () => {
  await expect([
    ['append notes.txt to todo.txt', 'tar -rf todo.txt notes.txt'],
    ['add the lines of data.csv to the end of header.csv', 'tar -rf header.csv data.csv'],
    ['symlink notes.txt as README.md', 'tar -rf README.md notes.txt'],
    ['put main.ts at the end of notes.txt', 'tar --append --file=notes.txt main.ts'],
    ['append notes.txt to todo.txt', 'tar -uf todo.txt notes.txt'],
    ['append notes.txt to todo.txt', 'zip todo.txt notes.txt'],
    ['append notes.txt to todo.txt', '7z a todo.txt notes.txt'],
    ['append notes.txt to todo.txt', 'ar r todo.txt notes.txt'],
  ], true);
  // Into an archive, as asked, it stays.
  await expect([['append notes.txt to the archive x.tar', 'tar -rf x.tar notes.txt'], ['add todo.txt to x.zip', 'zip x.zip todo.txt']], false);
});

test('an append that empties or rewrites the file first is turned away', async () => {
  await expect([
    ["append 'done' to todo.txt", 'echo done | dd of=todo.txt'],
    ["append 'done' to todo.txt", 'cp /dev/stdin todo.txt <<< done'],
    ["append 'done' to todo.txt", 'echo done | sponge todo.txt'],
    ["append 'done' to todo.txt", "sed -i 's/.*/done/' todo.txt"],
    // A line added after (or before) every line, or the last line replaced or dropped, is no append.
    ["append 'done' to todo.txt", "sed -i 'a done' todo.txt"],
    ["append 'done' to todo.txt", "sed -i '$c done' todo.txt"],
    ['add the word finished to the end of notes.txt', `perl -pi -e '$_="finished\\n"' notes.txt`],
    ['add a line saying hello to notes.txt', 'echo hello >> notes.txt && truncate -s 6 notes.txt'],
    ['append notes.txt to todo.txt', 'cp notes.txt todo.txt'],
    ['append the contents of main.ts onto README.md', 'echo | dd of=README.md && cat main.ts >> README.md'],
  ], true);
  await expect([['append notes.txt to todo.txt', 'cat notes.txt >> todo.txt'], ["append 'done' to todo.txt", 'echo done >> todo.txt'], ["append 'done' to todo.txt", 'echo done | sponge -a todo.txt'], ["append 'done' to todo.txt", "sed -i '$a done' todo.txt"]], false);
});

test('a one-line edit whose sed script reaches every line is turned away', async () => {
  await expect([
    ['delete the first line of notes.txt', "sed -i '1,$d' notes.txt"],
    ['delete the first line of notes.txt', 'sed -i d notes.txt'],
    ['remove line 2 from todo.txt', "sed -i '2,$d' todo.txt"],
    ['replace line 2 of data.csv with id,name', "sed -i 'c id,name' data.csv"],
    ['replace line 2 of data.csv with id,name', "sed -i '2,$c id,name' data.csv"],
    ['replace line 2 of data.csv with id,name', "printf 'id,name\\n' > data.csv"],
    ['add the line hello after line 2 in notes.txt', "sed -i 'a hello' notes.txt"],
  ], true);
  await expect([['delete the first line of notes.txt', "sed -i '1d' notes.txt"], ['replace line 2 of data.csv with id,name', "sed -i '2c id,name' data.csv"]], false);
});

test('a link forced over a file is turned away unless the request says to replace it', async () => {
  await expect([
    ['make a symlink latest.log pointing to logs/app.log', 'ln -sf logs/app.log notes.txt'],
    ['make a symlink latest.log pointing to logs/app.log', 'ln -s -f logs/app.log README.md'],
    ['link notes.txt into docs', 'ln -sf ../notes.txt docs/'],
    ['link notes.txt into docs', 'ln --force -s ../notes.txt docs/notes.txt'],
  ], true);
  await expect([['make a symlink latest.log pointing to logs/app.log', 'ln -s logs/app.log latest.log']], false);
});

test('a kill that reaches more than the process or port named is turned away', async () => {
  await expect([
    ['stop process 4242', 'kill -- -4242'],
    ['stop process 4242', 'kill -9 -4242'],
    ['kill pid 4242', 'pkill -P 4242'],
    ['stop process 4242', 'kill 4242; pkill -f node'],
    ['stop process 4242', 'kill -9 $(pgrep node)'],
    ['kill the process on port 3000', 'kill $(lsof -t -i)'],
    ['kill the process on port 3000', 'fuser -k -9 3000/tcp 8080/tcp'],
    ['kill the process on port 3000', 'kill -- -$(lsof -t -i :3000)'],
    ['kill whatever listens on port 8080', 'pkill -f node'],
  ], true);
  await expect([['stop process 4242', 'kill 4242'], ['kill the process on port 3000', 'kill $(lsof -t -i :3000)'], ['kill the process on port 3000', 'fuser -k 3000/tcp']], false);
});
