// The embedded planner with its real knowledge and the real policy stage, on
// permissions a request gives as a symbolic mode of several clauses
// ("in accordance with mode `a-x,u+w'") or by the name of a special bit
// (SGID, setuid): the chmod sets that mode, and no other.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('modes', ['data', 'data/sub', 'shared'], ['run.sh', 'data/a.txt', 'data/sub/b.txt']);
});

after(() => w.close());

const plan = (request: string) => w.plan(request);

test('a symbolic mode of several clauses is the mode set, whole', async () => {
  assert.equal(await plan("Change permissions of all regular files in the data directory tree in accordance with mode `a-x,u+w'"), 'find data -type f -exec chmod a-x,u+w {} +');
  assert.equal(await plan("Change permissions of all directories in the data directory tree in accordance with mode `a+xr,u+w'"), 'find data -type d -exec chmod a+xr,u+w {} +');
});

test('a special bit named in words is set, and only it', async () => {
  assert.equal(await plan('Find all directories under shared and set their SGID bit'), 'find shared -mindepth 1 -type d -exec chmod g+s {} +');
  assert.equal(await plan('set the setuid bit on run.sh'), 'chmod u+s run.sh');
});
