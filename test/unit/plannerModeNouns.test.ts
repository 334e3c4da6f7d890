// "write" that names a permission orders no write: "files which have read and
// write permission for their owner", "read, write and execute permissions set
// for all users", "the write bit". Such a request picks files by their modes
// and is planned as a look; "write" as a verb still orders a write.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest, type WorkspaceNames } from '../../server/src/planner/requestFacts';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

const ws: WorkspaceNames = { files: new Set(['notes.txt']), dirs: new Set(['src', 'logs']), byBase: new Map() };
const acts = (request: string) => readIntent(readRequest(request, ws)).actions;

const heads = ['find all files in src', 'search for files', 'list regular files in the current directory', 'display all the files in logs'];
const modes = ['read and write permission', 'read and write permissions', 'read, write and execute permission', 'read, write and execute permissions', 'write and execute permission', 'read/write access', 'write access'];
const links = ['which have', 'that have', 'with'];
const whos = ['for their owner', 'for all users', 'to the other users', 'set for the group'];

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('mode-nouns', ['src', 'logs'], ['notes.txt', 'src/run.sh', 'logs/app.log']);
});

after(() => w.close());

test('"write" before a permission noun is a kind of permission, not an order to write', () => {
  for (const head of heads) {
    for (const link of links) {
      for (const mode of modes) {
        for (const who of whos) {
          const request = `${head} ${link} ${mode} ${who}`;
          assert.deepEqual(acts(request), [], request);
        }
      }
    }
  }
});

test('"write" as a verb is still an order, and a grant of a mode is a change', () => {
  for (const request of ['write the list of files to out.txt', 'find all files in src and write their names to list.txt', 'write access logs to out.txt']) {
    assert.deepEqual(acts(request), ['create'], request);
  }
  for (const request of ['set read, write and execute permission for all users on the files in src', 'give the group write access to the files in src']) {
    assert.deepEqual(acts(request), ['change'], request);
  }
});

test('a request that picks files by read and write permission is planned as a look, never a write', async () => {
  for (const mode of modes.slice(0, 5)) {
    for (const who of ['for their owner', 'for all users']) {
      const request = `find all files in src which have ${mode} ${who}`;
      const plan = await w.plan(request);
      assert.match(plan, /^(?:find|ls)\b/, request);
      assert.doesNotMatch(plan, /chmod|-delete|>|\brm\b|-exec/, request);
    }
  }
});
