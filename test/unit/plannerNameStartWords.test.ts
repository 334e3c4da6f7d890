// "find all the files starting with the word top": how the files' names
// start, said with "the word". It is no text inside the files, so a look by
// name (`find . -name 'top*'`) is not set aside as a search of names for
// contents, and a search of contents (`grep -rnw top .`, `xargs grep`) is
// set aside.
// A text the files hold ("with the word draft", "containing the word x")
// still asks about contents. Requests are built from parts; each plan is read
// by the real parser.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeCommand } from '../../server/src/policy/facts';
import { contentAsName } from '../../server/src/planner/selectionChecks';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;

before(async () => {
  ws = await plannerWorkspace('name-start-words', ['src', 'docs'], ['notes.txt', 'src/main.c', 'docs/readme.md']);
});

after(() => ws.close());

const checked = (words: string, command: string) => contentAsName({ words } as Parameters<typeof contentAsName>[0], describeCommand(command, { workspace: ws.workspace }).commands);

test('"starting with the word X" is a part of the name; "with the word X" is still a text inside', () => {
  for (const edge of ['starting', 'beginning', 'ending', 'that start', 'which end']) {
    assert.deepEqual(checked(`find all the files ${edge} with the word top`, "find . -name 'top*'"), [], edge);
  }
  assert.notDeepEqual(checked('list the files in docs with the word draft', "find docs -name '*draft*'"), []);
  assert.notDeepEqual(checked('show the files containing the word draft', "find . -name '*draft*'"), []);
});

const verbs = ['find all the files', 'list all files', 'show the files', 'search for files', 'display all the files'];
const places = ['in the entire file system', 'under src', 'in the current directory', 'in docs', ''];
const edges = ['starting with the word', 'beginning with the word', 'that start with the word', 'ending with the word', 'whose names start with the word'];
const words = ['top', 'report', 'backup', 'draft', 'test'];

test('a look for files by how their names start or end never searches their contents', async () => {
  const wrong: string[] = [];
  let n = 0;
  let abstained = 0;
  for (const [i, verb] of verbs.entries()) {
    for (const [j, place] of places.entries()) {
      for (const [k, edge] of edges.entries()) {
        const word = words[(i + j + k) % words.length];
        const request = `${verb} ${place} ${edge} ${word}`.replace(/\s+/g, ' ');
        const command = await ws.plan(request);
        n++;
        const commands = describeCommand(command, { workspace: ws.workspace }).commands;
        // A grep that reads files (-r, or the files find hands it) searches contents; one fed a listing reads names.
        const readsContents = /^\s*grep -\w*[rR]|xargs (?:-0 )?grep\b|-exec grep\b/.test(command);
        const changes = commands.flatMap((c) => [...c.writes, ...c.deletes]).filter((p) => !p.path.startsWith('/dev/'));
        if (!command) abstained++;
        else if (readsContents || changes.length > 0) wrong.push(`${request} → ${command}`);
      }
    }
  }
  assert.ok(n >= 100, `${n} requests`);
  assert.deepEqual(wrong, []);
  assert.ok(abstained <= n / 20, `${abstained} of ${n} set aside`);
});

test('a delete of files picked by how their names start removes those names only, never files that contain the word', async () => {
  const wrong: string[] = [];
  let n = 0;
  for (const [i, verb] of ['delete all files', 'remove the files', 'find all files and delete the ones'].entries()) {
    for (const [j, place] of ['beneath the current directory', 'under src', 'in docs'].entries()) {
      for (const [k, edge] of ['that begin with the letters', 'starting with the letters', 'whose names start with'].entries()) {
        const word = ['Foo', 'tmp', 'old'][(i + j + k) % 3];
        const request = `${verb} ${place} ${edge} ${word}`;
        const command = await ws.plan(request);
        n++;
        if (command && (/\bgrep\b/.test(command) || !command.includes(`${word}*`))) wrong.push(`${request} → ${command}`);
      }
    }
  }
  assert.equal(n, 27);
  assert.deepEqual(wrong, []);
});

test('a search for a word in the files whose names end in a part still searches their contents', async () => {
  const wrong: string[] = [];
  for (const [i, ask] of ['search all files in the current directory tree whose names end in "{part}" for string "{word}"', 'search for the word {word} in all the files ending with {part} in the current folder', 'search for the string {word} in the files under src that end with {part}'].entries()) {
    for (const [part, word] of [['1', 'needle'], ['.c', 'malloc']]) {
      const request = ask.replace('{part}', part).replace('{word}', word);
      const command = await ws.plan(request);
      if (!/\bgrep\b/.test(command) || !command.includes(word)) wrong.push(`${i}: ${request} → ${command || 'abstained'}`);
    }
  }
  assert.deepEqual(wrong, []);
});
