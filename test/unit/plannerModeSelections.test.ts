// Files picked by a long clause or by their modes, then changed: the order
// after a long clause that opens like a question ("… which have not been
// modified in the last 90 days and force delete them"), the files picked by
// their modes kept so in the change ("… which have at least execute
// permission for their owner and set execute permission for group …"), and
// a change that drops that pick set aside.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest, type WorkspaceNames } from '../../server/src/planner/requestFacts';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

const ws: WorkspaceNames = { files: new Set(['notes.txt']), dirs: new Set(['src', 'logs']), byBase: new Map() };
const acts = (request: string) => readIntent(readRequest(request, ws)).actions;

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('mode-selections', ['src', 'logs'], ['notes.txt', 'src/run.sh', 'logs/app.log']);
});

after(() => w.close());

const selections = [
  'which have not been modified in the last 90 days',
  'which have not been accessed in the last 30 days',
  'that are not owned by root in the whole tree',
  'which are bigger than 10 megabytes in size',
];
const verbs = ['delete', 'force delete', 'forcefully remove', 'remove'];

test('a verb after a long clause that opens like a question is still the order', () => {
  for (const s of selections) {
    for (const v of verbs) {
      for (const head of ['find all the files in the current folder', 'find files', 'search the logs folder for files']) {
        const request = `${head} ${s} and ${v} them`;
        assert.deepEqual(acts(request), ['delete'], request);
      }
    }
  }
});

test('a long question stays a question, however far its verb stands from its start', () => {
  for (const s of selections) {
    for (const v of ['delete', 'remove']) {
      const request = `which of the files in the current folder ${s} should I ${v}`;
      assert.deepEqual(acts(request), [], request);
    }
  }
});

test('files picked by their modes keep that pick in the change, and the mode set is the one said for the change', async () => {
  const letter: Record<string, string> = { read: 'r', write: 'w', execute: 'x' };
  for (const bit of ['read', 'write', 'execute']) {
    for (const [who, w2] of [['group', 'g'], ['others', 'o']]) {
      const request = `Find all files/directories under src which have at least ${bit} permission for their owner and set ${bit} permission for ${who} for these files/directories`;
      assert.equal(await w.plan(request), `find src -perm -u+${letter[bit]} -exec chmod ${w2}+${letter[bit]} {} +`, request);
    }
  }
});

test('a mode said as "permission for their owner" is turned around by "does not have", and a mode set for two is set for both', async () => {
  for (const [bit, b] of [['write', 'w'], ['read', 'r'], ['execute', 'x']]) {
    for (const [who, l] of [['group', 'g'], ['others', 'o']]) {
      assert.equal(await w.plan(`find files that does not have ${bit} permission for ${who}`), `find . -type f ! -perm -${l}+${b}`);
      assert.equal(await w.plan(`Find all files under src and set ${bit} permission for ${who === 'group' ? 'group and others' : 'others and group'} for these files`), `find src -type f -exec chmod ${who === 'group' ? 'go' : 'og'}+${b} {} +`);
    }
  }
});

test('a change of every file is set aside when the request picks the files by their modes', async () => {
  for (const request of [
    'find all files under src which have read permission for their owner and set read permission for others',
    'find all the files that are not executable and make them executable',
  ]) {
    const result = await w.result(request);
    const chmodAll = [result.command, ...result.candidates.map((c) => c.command)].filter((c) => /\bchmod\b/.test(c) && !/-perm\b|-executable\b/.test(c));
    assert.deepEqual(chmodAll, [], request);
  }
  // A change with no pick by modes is untouched.
  assert.equal(await w.plan('set read permission for others on all files in src'), 'find src -type f -exec chmod o+r {} +');
});
