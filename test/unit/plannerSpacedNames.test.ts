// A name with a space that the workspace holds ("my docs", "old stuff/a.txt")
// is read whole, and a plan that changes what is left of it once its first
// words are dropped ("docs") is turned away. Wordings are built from parts:
// verbs × spaced names × the plans that split them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readRequest, type WorkspaceNames } from '../../server/src/planner/requestFacts';
import { effectChecks } from '../support/policyDecision';

const folders = ['my docs', 'old stuff', 'team notes', 'q3 reports'];
const ws: WorkspaceNames = {
  files: new Set([...folders.map((f) => `${f}/plan.md`), 'notes.txt', 'docs/plan.md']),
  dirs: new Set([...folders, 'docs', 'stuff', 'notes', 'reports']),
  byBase: new Map([['plan.md', 'docs/plan.md'], ['notes.txt', 'notes.txt']]),
};
const { over } = effectChecks(ws);
const tail = (name: string) => name.split(' ').pop() as string;
const deletes = ['delete', 'remove', 'get rid of', 'erase', 'please delete'];

test('a folder whose name holds a space is read whole', () => {
  for (const verb of deletes) {
    for (const folder of folders) {
      for (const said of [`the ${folder} folder`, folder, `${folder}/plan.md`]) {
        const facts = readRequest(`${verb} ${said}`, ws);
        assert.ok(facts.paths.some((p) => p.value === said.replace(/^the (.*) folder$/, '$1')), `${verb} ${said}: ${facts.paths.map((p) => p.value).join(', ')}`);
        assert.ok(!facts.paths.some((p) => p.value === tail(folder) || p.value === `${tail(folder)}/plan.md`), `${verb} ${said}`);
      }
    }
  }
});

test('a change to what is left of a spaced name is turned away', () => {
  for (const folder of folders) {
    for (const verb of deletes) {
      assert.match(over(`${verb} the ${folder} folder`, `rm -r ${tail(folder)}`), new RegExp(`but the request names '${folder}'`));
      assert.match(over(`${verb} ${folder}/plan.md`, `rm -- ${tail(folder)}/plan.md`), new RegExp(`but the request names '${folder}/plan.md'`));
      assert.equal(over(`${verb} the ${folder} folder`, `rm -r '${folder}'`), '');
    }
    for (const verb of ['copy', 'move']) {
      assert.match(over(`${verb} notes.txt into ${folder}`, `${verb === 'copy' ? 'cp' : 'mv'} notes.txt ${tail(folder)}`), new RegExp(`but the request names '${folder}'`));
      assert.doesNotMatch(over(`${verb} notes.txt into ${folder}`, `${verb === 'copy' ? 'cp' : 'mv'} notes.txt '${folder}'`), /request names '/);
    }
  }
});

test('a spaced name in quotes still names the folder it is', () => {
  for (const folder of folders) {
    for (const q of ["'", '"']) {
      for (const request of [`copy notes.txt into ${q}${folder}${q}`, `move notes.txt into the folder ${q}${folder}${q}`]) {
        assert.ok(readRequest(request, ws).dirs.some((d) => d.value === folder), request);
      }
    }
  }
});
