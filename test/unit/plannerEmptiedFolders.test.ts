// "clear out logs", "wipe backup clean": a folder the workspace has, said by
// name as the thing emptied, is that folder, not a kind of file searched for
// across the workspace. And a kind said beside a folder ("truncate every log
// in backup") is tested in the plan: the folder bounds where, not which.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest, type WorkspaceNames } from '../../server/src/planner/requestFacts';
import { effectChecks } from '../support/policyDecision';

const ws: WorkspaceNames = {
  files: new Set(['notes.txt', 'logs/app.log', 'logs/error.log', 'backup/notes.txt', 'backup/app.log', 'out/r.txt', 'old/a.csv']),
  dirs: new Set(['backup', 'logs', 'out', 'old', 'cache']),
  byBase: new Map([['app.log', 'logs/app.log']]),
};
const { over } = effectChecks(ws);
const intentOf = (request: string) => readIntent(readRequest(request, ws));

const emptyings = ['clear out {d}', 'wipe {d} clean', 'clean out {d}', 'empty out {d}', 'purge {d}', 'wipe the whole {d} clean', 'clear out my {d}', 'clear {d}'];

test('a folder of the workspace said as what is emptied is that folder, and no kind; a kind said with more words stays a kind', () => {
  for (const form of emptyings) {
    for (const d of ['logs', 'backup', 'old', 'cache']) {
      const request = form.replace('{d}', d);
      const intent = intentOf(request);
      assert.deepEqual(intent.scope, [d], request);
      assert.deepEqual(intent.kinds, [], request);
    }
  }
  // A kind said before more words, and "out" of "wipe out", stay as they were.
  for (const [request, kind] of [['clear the logs older than a week', 'log'], ['clean up logs', 'log'], ['wipe out the logs older than 3 days', 'log'], ['clear out csvs', 'csv']] as const) {
    const intent = intentOf(request);
    assert.deepEqual(intent.scope, [], request);
    assert.deepEqual(intent.kinds, [kind], request);
  }
  assert.deepEqual(intentOf('wipe out the temp files').scope, []);
});

test('emptying a folder said by name is never planned across the workspace, nor as the folder deleted, nor as files by a mark', () => {
  let checked = 0;
  for (const form of emptyings) {
    for (const d of ['logs', 'backup']) {
      const request = form.replace('{d}', d);
      assert.equal(over(request, `find ${d} -mindepth 1 -delete`), '', request);
      for (const plan of ["find . -type f -name '*.log' -not -path './.git/*' -delete", `rm -r ${d}`, `find ${d} -type f -name '*~' -exec rm -f -- {} +`]) {
        assert.notEqual(over(request, plan), '', `${plan} for "${request}"`);
        checked++;
      }
    }
  }
  assert.equal(checked, emptyings.length * 2 * 3);
});

test('a kind said beside a folder is tested in the plan', () => {
  let checked = 0;
  for (const form of ['truncate every log in {d}', 'empty each log in {d}', 'truncate all the .log files in {d}', 'zero out the .log files under {d}', 'delete every csv in {d}', 'remove the .txt files in {d}']) {
    for (const d of ['backup', 'logs', 'old']) {
      const request = form.replace('{d}', d);
      const ext = /csv/.test(form) ? 'csv' : /txt/.test(form) ? 'txt' : 'log';
      const act = /truncate|empty|zero/.test(form) ? '-exec truncate -s 0 {} +' : '-delete';
      assert.doesNotMatch(over(request, `find ${d} -type f -name '*.${ext}' ${act}`), /every kind/, request);
      for (const plan of [`find ${d} ${act}`, `find ${d} -type f ${act}`, `find ${d} -type f -name '*' ${act}`]) {
        assert.match(over(request, plan), /files of every kind, but the request names \.\w+ files/, `${plan} for "${request}"`);
        checked++;
      }
    }
  }
  assert.equal(checked, 6 * 3 * 3);
});
