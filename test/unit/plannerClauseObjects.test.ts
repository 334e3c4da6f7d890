// Each clause of a request has its own object: the file a clause only looks
// at, or one the narrative sets aside, is never the one a plan changes, a
// folder is never deleted for a file named in it, and "from backup, restore
// X" reads backup as "restore X from backup" does. Plans are read by the real
// parser into the facts the policy sees, as a model's plan is.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filesKeptAsIs, lookAndChange } from '../../server/src/planner/clauseObjects';
import { statedCopies } from '../../server/src/planner/copyDirection';
import { splitSequence } from '../../server/src/planner/sequence';
import type { WorkspaceNames } from '../../server/src/planner/requestFacts';
import { effectChecks } from '../support/policyDecision';

const ws: WorkspaceNames = {
  files: new Set(['notes.txt', 'todo.txt', 'run.sh', 'README.md', 'main.ts', 'data.csv', 'scripts/build.sh', 'logs/app.log', 'logs/error.log', 'logs/debug.log', 'backup/notes.txt', 'backup/todo.txt', 'out/r.txt']),
  dirs: new Set(['backup', 'logs', 'scripts', 'out']),
  byBase: new Map([['app.log', 'logs/app.log'], ['error.log', 'logs/error.log'], ['debug.log', 'logs/debug.log'], ['build.sh', 'scripts/build.sh']]),
};
const { over } = effectChecks(ws);

// How a look and a change are joined, with L the file looked at and C the file changed.
const joins = [
  (l: string, c: string) => `show ${l} and delete ${c}`,
  (l: string, c: string) => `could you print ${l} and also remove ${c}`,
  (l: string, c: string) => `first display ${l}, then delete ${c}`,
  (l: string, c: string) => `pls cat ${l} and also get rid of ${c} asap`,
  (l: string, c: string) => `view ${l}; delete ${c}`,
  (l: string, c: string) => `read ${l}, and delete ${c} too`,
  (l: string, c: string) => `delete ${c} and show me ${l}`,
];
const pairs: [look: string, change: string][] = [
  ['notes.txt', 'todo.txt'],
  ['README.md', 'main.ts'],
  ['logs/app.log', 'logs/error.log'],
  ['data.csv', 'logs/debug.log'],
];

test('a delete lands on the file its own clause names, never on the one only looked at', () => {
  for (const join of joins) {
    for (const [look, change] of pairs) {
      const request = join(look, change);
      assert.deepEqual(filesKeptAsIs(request.toLowerCase(), [look, change]), [look], request);
      assert.match(over(request, `rm -- ${look}`), /only looks at or leaves as it is/, `rm -- ${look} for "${request}"`);
      assert.match(over(request, `rm -f ${look} ${change}`), /only looks at or leaves as it is/, request);
      assert.doesNotMatch(over(request, `cat ${look} && rm -- ${change}`), /only looks at/, request);
    }
  }
  // A clause that changes with no file of its own acts on the one looked at.
  for (const request of ['show notes.txt and then delete it', 'cat notes.txt and gzip it', 'print README.md, then empty the file', 'show notes.txt and todo.txt and delete both', 'show notes.txt and delete notes.txt']) {
    assert.deepEqual(filesKeptAsIs(request, ['notes.txt', 'todo.txt', 'README.md']), [], request);
  }
  assert.equal(lookAndChange('show notes.txt and then delete it'), undefined);
});

test('every kind of change stays off the looked-at file', () => {
  for (const [request, wrong, right] of [
    ['cat notes.txt and gzip todo.txt', 'gzip notes.txt', 'cat notes.txt && gzip todo.txt'],
    ['i need you to print notes.txt and compress todo.txt', 'gzip -k notes.txt', 'cat notes.txt && gzip todo.txt'],
    ['first show the first line of README.md, then empty main.ts', "sed -i '1d' README.md && truncate -s 0 main.ts", 'head -n 1 README.md && truncate -s 0 main.ts'],
    ['first show the first line of README.md, then empty main.ts', 'truncate -s 0 README.md main.ts', 'head -n 1 README.md && truncate -s 0 main.ts'],
    ['print logs/app.log, then gzip logs/error.log', 'cat part_* > logs/app.log && gzip logs/error.log', 'cat logs/app.log && gzip logs/error.log'],
    ['display data.csv and rename logs/debug.log to logs/debug.log.old', 'mv -n data.csv logs/debug.log.old', 'cat data.csv && mv -n logs/debug.log logs/debug.log.old'],
    ['print logs/app.log and also append done to logs/error.log', "printf '%s\\n' done >> logs/app.log", "cat logs/app.log && printf '%s\\n' done >> logs/error.log"],
    ['look at notes.txt and truncate logs/debug.log', 'truncate -s 0 notes.txt', 'cat notes.txt && truncate -s 0 logs/debug.log'],
    ['count the lines of data.csv and make run.sh executable', 'chmod +x data.csv', 'wc -l data.csv && chmod +x run.sh'],
    ['quick one: show notes.txt and chmod 600 todo.txt right now', 'chmod 600 notes.txt', 'cat notes.txt && chmod 600 todo.txt'],
    ['ok so look at README.md; gzip main.ts for me', 'git add README.md && gzip main.ts', 'cat README.md && gzip main.ts'],
    ['look at logs/app.log and also gzip logs/error.log', 'zip -r app.log.zip logs/app.log', 'cat logs/app.log && gzip logs/error.log'],
  ] as const) {
    assert.match(over(request, wrong), /only looks at or leaves as it is/, `${wrong} for "${request}"`);
    assert.doesNotMatch(over(request, right), /only looks at/, `${right} for "${request}"`);
  }
});

test('a file the narrative sets aside is never the one changed', () => {
  for (const [request, wrong, right] of [
    ['scripts/build.sh is fine, but please make run.sh executable', 'chmod +x scripts/build.sh', 'chmod +x run.sh'],
    ['since logs/app.log already has the fix, replace foo with bar in notes.txt', "sed -i 's|foo|bar|g' logs/app.log", "sed -i 's|foo|bar|g' notes.txt"],
    ['data.csv is fine, but please rename todo.txt to tasks.txt', 'mv -n data.csv tasks.txt', 'mv -n todo.txt tasks.txt'],
    ['logs/app.log looks good; empty logs/debug.log', 'truncate -s 0 logs/app.log', 'truncate -s 0 logs/debug.log'],
    ['unlike data.csv, gzip logs/error.log', 'gzip data.csv', 'gzip logs/error.log'],
    ['README.md is done already. delete todo.txt', 'rm -- README.md', 'rm -- todo.txt'],
    ['because notes.txt is the one i keep, compress main.ts', 'gzip notes.txt', 'gzip main.ts'],
    ['after reading data.csv, make run.sh executable', 'chmod +x data.csv', 'chmod +x run.sh'],
    ['ok so: unlike scripts/build.sh, rename todo.txt to tasks.txt, thanks', 'mv -n scripts/build.sh scripts/tasks.txt', 'mv -n todo.txt tasks.txt'],
  ] as const) {
    assert.match(over(request, wrong), /only looks at or leaves as it is/, `${wrong} for "${request}"`);
    assert.doesNotMatch(over(request, right), /only looks at/, `${right} for "${request}"`);
  }
});

test('a look and a change on two files are planned as two steps', () => {
  assert.deepEqual(splitSequence('show notes.txt and delete todo.txt'), ['show notes.txt', 'delete todo.txt']);
  assert.deepEqual(splitSequence('pls cat README.md and also gzip main.ts'), ['pls cat README.md', 'gzip main.ts']);
  assert.deepEqual(splitSequence('delete todo.txt and show me notes.txt'), ['delete todo.txt', 'show me notes.txt']);
  assert.deepEqual(splitSequence('quick one: show notes.txt and chmod 600 todo.txt'), ['show notes.txt', 'chmod 600 todo.txt']);
  for (const single of ['copy notes.txt and todo.txt to backup', 'show notes.txt and todo.txt', 'delete notes.txt and todo.txt', 'show notes.txt and delete it', 'list the logs and delete the old ones']) {
    assert.equal(splitSequence(single), undefined, single);
  }
});

test('a delete of a named file never becomes a delete of its folder', () => {
  for (const request of ['copy notes.txt to out and delete out/r.txt', 'delete out/r.txt', 'remove the file out/r.txt please', 'move todo.txt into out, then delete out/r.txt']) {
    for (const wrong of ['rm -r out', 'rm -rf out', 'find out -delete']) assert.match(over(request, wrong), /deletes the folder out or all it holds/, `${wrong} for "${request}"`);
    assert.doesNotMatch(over(request, 'rm -- out/r.txt'), /deletes the folder/, request);
  }
  assert.doesNotMatch(over('delete out and out/r.txt with it', 'rm -r out'), /deletes the folder/);
  assert.doesNotMatch(over('remove the whole out folder, out/r.txt included', 'rm -r out'), /deletes the folder/);
});

test('"from backup, restore notes.txt": the place said first is read, the name written', () => {
  for (const request of ['from backup, restore notes.txt', 'quick one: from backup restore notes.txt for me', 'hey, from backup restore notes.txt, thanks', 'out of backup, bring back notes.txt', 'from the backup folder, please recover notes.txt', 'from backup, copy back notes.txt']) {
    assert.deepEqual(statedCopies(request.toLowerCase()).map((s) => [s.from, s.to]), [['backup', 'notes.txt']], request);
    assert.match(over(request, 'cp notes.txt backup'), /backup/, `cp notes.txt backup for "${request}"`);
    assert.equal(over(request, 'cp -- backup/notes.txt notes.txt'), '', request);
  }
  assert.equal(over('from backup, restore todo.txt', 'cp -- backup/todo.txt todo.txt'), '');
});
