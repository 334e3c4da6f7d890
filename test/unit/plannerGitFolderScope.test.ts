// A discard limited to a folder ("the uncommitted changes in docs") keeps its
// path: `git restore .` throws away every change in the repository.
// Wordings are built from parts: verbs × what is discarded × folders.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WorkspaceNames } from '../../server/src/planner/requestFacts';
import { effectChecks } from '../support/policyDecision';

const folders = ['docs', 'src', 'lib', 'config'];
const ws: WorkspaceNames = { files: new Set(['docs/a.md', 'src/b.ts']), dirs: new Set(folders), byBase: new Map() };
const { over } = effectChecks(ws);
const verbs = ['discard', 'throw away', 'undo', 'revert', 'drop', 'please discard'];
const what = ['the uncommitted changes in', 'my changes in', 'the edits in', 'the local modifications inside', 'all changes under'];

test('a discard said of a folder is turned away when it restores the whole repository', () => {
  for (const verb of verbs) {
    for (const w of what) {
      for (const folder of folders) {
        const request = `${verb} ${w} ${folder}`;
        for (const plan of ['git restore .', 'git checkout -- .', 'git reset --hard', 'git stash']) assert.match(over(request, plan), new RegExp(`repository as a whole .*request names ${folder}`), `${request} → ${plan}`);
        for (const plan of [`git restore ${folder}`, `git restore -- ${folder}/`, `git checkout -- ./${folder}`]) assert.doesNotMatch(over(request, plan), /repository as a whole/, `${request} → ${plan}`);
      }
    }
  }
});
