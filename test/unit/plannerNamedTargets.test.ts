// A request that names its files, and no folder, kind or set, bounds a change
// to those files; a request to add to a file never empties it first. Each
// plan is built from parts (a right answer, then that answer with a second
// target, a copy of the same name, a glob, the parent, the workspace, a
// run-time list, a loop) and read by the real parser into the facts the
// policy sees, as a model's plan is.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WorkspaceNames } from '../../server/src/planner/requestFacts';
import { effectChecks } from '../support/policyDecision';

const ws: WorkspaceNames = {
  files: new Set(['notes.txt', 'todo.txt', 'run.sh', 'backup/notes.txt', 'docs/notes.txt', 'logs/app.log', 'backup/app.log', '.env']),
  dirs: new Set(['backup', 'docs', 'logs']),
  byBase: new Map([['app.log', 'logs/app.log']]),
};
const { over } = effectChecks(ws);

// A request, its right plan, and how that plan is written with one more target ({x}).
const acts: [request: string, right: string, form: (x: string) => string][] = [
  ['delete notes.txt', 'rm -- notes.txt', (x) => `rm -- notes.txt ${x}`],
  ['remove todo.txt', 'rm -f todo.txt', (x) => `rm -f todo.txt ${x}`],
  ['make run.sh executable', 'chmod +x run.sh', (x) => `chmod +x run.sh ${x}`],
  ['make notes.txt read-only', 'chmod a-w notes.txt', (x) => `chmod a-w notes.txt ${x}`],
  ['empty notes.txt', 'truncate -s 0 notes.txt', (x) => `truncate -s 0 notes.txt ${x}`],
  ['replace foo with bar in notes.txt', "sed -i 's/foo/bar/g' notes.txt", (x) => `sed -i 's/foo/bar/g' notes.txt ${x}`],
  ['compress notes.txt', 'gzip notes.txt', (x) => `gzip notes.txt ${x}`],
  ['delete logs/app.log', 'rm -- logs/app.log', (x) => `rm -- logs/app.log ${x}`],
];
const extras = ['todo.txt', 'docs/notes.txt', 'backup/notes.txt', 'backup/app.log', '.env', '*.txt', '.', '..', '../outside.txt', '$(ls .)', 'docs'];

test('a change for the files a request names reaches no other file', () => {
  let checked = 0;
  for (const [request, right, form] of acts) {
    assert.doesNotMatch(over(request, right), /but the request names only/, `${right} for "${request}"`);
    for (const extra of extras) {
      const plan = form(extra);
      if (/^(?:rm -- logs\/app\.log|gzip notes\.txt|rm -f todo\.txt) (?:todo\.txt|\.)$/.test(plan)) continue;
      assert.notEqual(over(request, plan), '', `${plan} for "${request}"`);
      checked++;
    }
  }
  assert.ok(checked >= acts.length * (extras.length - 2), String(checked));
});

test('a loop or a glob over a kind is no answer to a request for one named file', () => {
  for (const [request, plan] of [
    ['rename notes.txt to notes.md', 'for f in *.txt; do mv "$f" "${f%.txt}.md"; done'],
    ['delete notes.txt', 'find . -name notes.txt -delete'],
    ['make run.sh executable', 'chmod -R +x .'],
    ['rename notes.txt to notes.md', 'mv notes.txt todo.txt'],
    ['replace foo with bar in notes.txt', "find . -type f -exec sed -i 's/foo/bar/g' {} +"],
  ] as const) {
    assert.match(over(request, plan), /request names only|changes|deletes/, `${plan} for "${request}"`);
  }
});

test('what a named file becomes, and where the request sends it, are no other file', () => {
  for (const [request, plan] of [
    ['compress notes.txt', 'gzip notes.txt'],
    ['compress notes.txt', 'tar -czf notes.tar.gz notes.txt'],
    ['back up notes.txt', 'cp notes.txt notes.txt.bak'],
    ['rename notes.txt to notes.md', 'mv -n notes.txt notes.md'],
    ['copy notes.txt to backup', 'cp notes.txt backup/'],
    ['move todo.txt into docs', 'mv todo.txt docs/'],
    ['append done to todo.txt', 'echo done >> todo.txt'],
  ] as const) {
    assert.doesNotMatch(over(request, plan), /request names only|empties|losing what it held/, `${plan} for "${request}"`);
  }
});

test('a request to add to a file is never answered by writing it anew, and no file is emptied before it is read', () => {
  let checked = 0;
  for (const verb of ['append', 'add', 'add the line', 'insert']) {
    for (const file of ['todo.txt', 'notes.txt']) {
      const request = `${verb} done to ${file}`;
      assert.doesNotMatch(over(request, `echo done >> ${file}`), /losing what it held/, request);
      for (const plan of [`echo done > ${file}`, `echo done | tee ${file}`, `printf 'done\\n' > ${file}`]) {
        assert.match(over(request, plan), /losing what it held/, `${plan} for "${request}"`);
        checked++;
      }
      assert.doesNotMatch(over(request, `echo done | tee -a ${file}`), /losing what it held/, request);
    }
  }
  assert.equal(checked, 4 * 2 * 3);
  for (const plan of ["sed 's/foo/bar/' notes.txt > notes.txt", 'sort notes.txt > notes.txt', "grep -v x todo.txt > todo.txt"]) {
    assert.match(over('replace foo with bar in notes.txt and sort it', plan), /empties .* before reading it/, plan);
  }
  assert.doesNotMatch(over('write hello to notes.txt, replacing what it holds', 'echo hello > notes.txt'), /losing what it held/);
});

test('a look is never answered by a program that edits in place, and an act held off orders nothing', async () => {
  for (const request of ['show me notes.txt', 'print the first line of todo.txt', 'how many lines are in notes.txt?']) {
    for (const plan of ["awk -i inplace '{print}' notes.txt", "gawk -i inplace 'NR==1' todo.txt", "awk --include=inplace 'END{print NR}' notes.txt"]) {
      assert.match(over(request, plan), /writes .*but the request asks only to look/, `${plan} for "${request}"`);
    }
  }
  const { readIntent } = await import('../../server/src/planner/intent');
  const { readRequest } = await import('../../server/src/planner/requestFacts');
  for (const request of ['hold off on the git clean', 'put off the delete of notes.txt', 'never mind the rename', 'cancel the chmod of run.sh', 'forget about the cleanup', 'wait with the compress of docs']) {
    const intent = readIntent(readRequest(request, ws));
    assert.deepEqual(intent.actions, [], `${request}: ${intent.actions.join(', ')}`);
  }
});

test('what a named archive unpacks to is that file', () => {
  for (const [request, plan] of [['decompress logs/app.log.gz', 'gunzip logs/app.log.gz'], ['unpack notes.txt.bz2', 'bunzip2 notes.txt.bz2'], ['uncompress todo.txt.xz', 'unxz todo.txt.xz']] as const) {
    assert.doesNotMatch(over(request, plan), /request names only/, `${plan} for "${request}"`);
  }
});

test('a file made from a named one counts as that file for what a plan writes, never for what it deletes', () => {
  let checked = 0;
  for (const [request, named] of [['delete notes.txt', 'notes.txt'], ['remove todo.txt please', 'todo.txt'], ['get rid of run.sh', 'run.sh'], ['trash logs/app.log', 'logs/app.log']] as const) {
    const stem = named.replace(/\.[^.]*$/, '');
    for (const other of [`${stem}.md`, `${stem}.bak`, `${named}.gz`, `${named}~`, stem]) {
      for (const plan of [`rm -- ${named} ${other}`, `rm -f ${other}`, `rm ${other} ${named}`]) {
        assert.match(over(request, plan), /request names only/, `${plan} for "${request}"`);
        checked++;
      }
    }
  }
  assert.equal(checked, 4 * 5 * 3);
  for (const [request, plan] of [['compress notes.txt', 'gzip notes.txt'], ['back up todo.txt', 'cp todo.txt todo.txt.bak'], ['rename notes.txt to notes.md', 'mv -n notes.txt notes.md'], ['decompress logs/app.log.gz', 'gunzip logs/app.log.gz']] as const) {
    assert.doesNotMatch(over(request, plan), /request names only/, `${plan} for "${request}"`);
  }
});
