// "remove trailing spaces from each line of app.log": "each line" is a part
// of the named file, not a set of files, so a plan that edits every file of
// the workspace changes files nobody named. Wordings are built from parts:
// edits × parts × files, against an edit of the file and one of them all.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WorkspaceNames } from '../../server/src/planner/requestFacts';
import { effectChecks } from '../support/policyDecision';

const files = ['app.log', 'notes.txt', 'data.csv', 'src/main.ts'];
const ws: WorkspaceNames = { files: new Set(files), dirs: new Set(['src']), byBase: new Map(files.map((f) => [f.replace(/^.*\//, ''), f])), sameBase: new Map() };
const { over } = effectChecks(ws);
const edits: [string, string][] = [
  ['remove trailing spaces from', "'s/[[:space:]]*$//'"],
  ['strip the blanks at the end of', "'s/[[:space:]]*$//'"],
  ['delete the leading tabs of', "'s/^\\t*//'"],
  ['replace foo with bar in', "'s/foo/bar/g'"],
  ['put a # at the start of', "'s/^/# /'"],
];
const parts = ['each line of', 'every line in', 'all the lines of', 'all lines of', 'each row of', 'every word in', 'all occurrences in'];

test('a part of a named file is no set: an edit of every file is set aside, the edit of the file is kept', () => {
  const wrong: string[] = [];
  let checked = 0;
  for (const [edit, script] of edits) {
    for (const part of parts) {
      for (const f of files) {
        const request = `${edit} ${part} ${f}`;
        const base = f.replace(/^.*\//, '');
        checked += 2;
        if (!new RegExp(`but the request names only ${base.replace('.', '\\.')}|but the request names only ${f.replace('.', '\\.')}`).test(over(request, `find . -type f -exec sed -i ${script} {} +`))) wrong.push(`${request}: the edit of every file kept`);
        if (/but the request names only/.test(over(request, `sed -i ${script} ${f}`))) wrong.push(`${request}: sed -i of ${f} set aside`);
      }
    }
  }
  assert.ok(checked >= 250, `${checked} cases`);
  assert.deepEqual(wrong, []);
  // A set said in words is still a set: "every file", "all the logs".
  assert.doesNotMatch(over('remove trailing spaces from every file', "find . -type f -exec sed -i 's/[[:space:]]*$//' {} +"), /names only/);
});
