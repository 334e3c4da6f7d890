// "excluding other partitions", "skipping files residing on other file
// systems": a walk that stays on the file system it starts on (-xdev), not a
// folder named "other" left out.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { keptOut } from '../../server/src/planner/keptOut';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('other-file-systems', ['src', 'logs'], ['notes.txt', 'src/run.sh', 'logs/app.log']);
});

after(() => w.close());

const keeps = ['excluding', 'except', 'skipping', 'ignoring', 'omitting'];
const others = ['other partitions', 'other file systems', 'other filesystems', 'files residing on other file systems', 'files on other partitions', 'different mount points', 'any other devices'];

test('other file systems left out keep no name out', () => {
  for (const k of keeps) {
    for (const o of others) {
      const request = `find all files in src ${k} ${o}`;
      assert.deepEqual(keptOut(request), [], request);
    }
  }
});

test('a walk that leaves other file systems out stays on its own (-xdev), with no -not -path', async () => {
  for (const k of ['excluding', 'skipping', 'ignoring']) {
    for (const o of others) {
      const request = `find all files in src ${k} ${o}`;
      assert.equal(await w.plan(request), 'find src -xdev -type f', request);
    }
  }
  // A name after the same words is still left out.
  assert.equal(await w.plan('find files in src excluding other'), "find src -type f -not -path '*/other/*'");
  assert.equal(await w.plan('find all files in src except other.txt'), 'find src -type f ! -name other.txt');
});
