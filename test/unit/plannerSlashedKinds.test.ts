// "List all .svn files/directories under the current directory": a kind of
// file written with a slash ("files/directories", "file/folder") names one
// kind, and the slash says "and". It is no second name in a run with the
// kind's pattern, so a look that selects the kind (`find . -name '*.svn'`) is
// not set aside for leaving "files/directories" out. Requests are built from
// parts; each plan is read by the real parser and must select the kind and
// write or delete nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeCommand } from '../../server/src/policy/facts';
import { runLeftOut } from '../../server/src/planner/runLeftOut';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;

before(async () => {
  ws = await plannerWorkspace('slashed-kinds', ['src', 'logs'], ['notes.txt', 'src/main.c', 'logs/app.log']);
});

after(() => ws.close());

const verbs = ['List all', 'Find all', 'Show all', 'Print all', 'Display the'];
const kinds: [string, string][] = [['.svn', 'svn'], ['*.txt', 'txt'], ['*.gz', 'gz'], ['.log', 'log'], ['*.bak', 'bak'], ['.c', 'c']];
const slashed = ['files/directories', 'files/folders', 'file/directory', 'files/dirs', 'directories/files'];
const places = ['under current directory', 'in the current directory tree', 'under src', 'under logs directory'];

test('a kind written with a slash is one kind, not a name a look leaves out', () => {
  const intent = { words: 'list all .svn files/directories under current directory' } as Parameters<typeof runLeftOut>[0];
  const commands = describeCommand("find . -name '*.svn'", { workspace: ws.workspace }).commands;
  assert.deepEqual(runLeftOut(intent, commands, ws.workspace), []);
  // A real second name is still held to: "a.txt b.txt" leaves b.txt out of `cat a.txt`.
  const two = { words: 'show notes.txt src/main.c' } as Parameters<typeof runLeftOut>[0];
  assert.notDeepEqual(runLeftOut(two, describeCommand('cat notes.txt', { workspace: ws.workspace }).commands, ws.workspace), []);
});

test('a look for a kind written with a slash selects the kind and changes nothing', async () => {
  const wrong: string[] = [];
  let n = 0;
  for (const [i, verb] of verbs.entries()) {
    for (const [j, [kind, ext]] of kinds.entries()) {
      for (const [k, place] of places.entries()) {
        const request = `${verb} ${kind} ${slashed[(i + j + k) % slashed.length]} ${place}`;
        const command = await ws.plan(request);
        n++;
        const facts = describeCommand(command, { workspace: ws.workspace }).commands;
        const changes = facts.flatMap((c) => [...c.writes, ...c.deletes]).filter((p) => !p.path.startsWith('/dev/'));
        if (!command || !command.includes(`.${ext}`) || changes.length > 0) wrong.push(`${request} → ${command || 'abstained'}`);
      }
    }
  }
  assert.ok(n >= 100, `${n} requests`);
  assert.deepEqual(wrong, []);
});
