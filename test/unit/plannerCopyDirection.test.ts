// A copy, a move or a rename keeps its direction: the named source is read,
// the place after "to" is written, and a rename leaves the file in its
// folder. Every wording is built from parts (verbs, fillers, names, places),
// and every plan is read by the real parser into the facts the policy sees.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statedCopies } from '../../server/src/planner/copyDirection';
import { readRequest, type WorkspaceNames } from '../../server/src/planner/requestFacts';
import { fillSlots } from '../../server/src/planner/slotFill';
import { effectChecks } from '../support/policyDecision';

const ws: WorkspaceNames = {
  files: new Set(['people.csv', 'src/main.ts', 'notes/todo.md', 'config.yml']),
  dirs: new Set(['src', 'src/lib', 'notes', 'backup', 'docs']),
  byBase: new Map([['main.ts', 'src/main.ts'], ['todo.md', 'notes/todo.md'], ['lib', 'src/lib']]),
};
const { over, turnsAway } = effectChecks(ws);

const verbs = ['copy', 'duplicate', 'back up', 'cp', 'move', 'mv'];
const fillers = ['', 'the ', 'the file ', 'my '];
const pairs: [string, string][] = [['people.csv', 'backup'], ['config.yml', 'docs/config.yml'], ['people.csv', 'people.bak'], ['notes/todo.md', 'docs']];

test('the place after "to" is written, never the named source', () => {
  let checked = 0;
  for (const verb of verbs) {
    for (const filler of fillers) {
      for (const [from, to] of pairs) {
        const request = `${verb} ${filler}${from} ${verb === 'duplicate' ? 'as' : 'to'} ${to}`;
        const program = /^(?:move|mv)$/.test(verb) ? 'mv' : 'cp';
        assert.equal(over(request, `${program} ${from} ${to}`), '', `${program} ${from} ${to} keeps "${request}"`);
        for (const backwards of [`${program} ${to} ${from}`, `${program} -r ${to} ./${from}`, `rsync -a ${to} ${from}`]) {
          assert.match(over(request, backwards), /writes over .*which the request copies from/, `${backwards} for "${request}"`);
        }
        checked++;
      }
    }
  }
  assert.equal(checked, verbs.length * fillers.length * pairs.length);
});

test('a copy into a folder, under another name or with -t, is the right way round', () => {
  assert.equal(over('copy people.csv to backup', 'cp people.csv backup/people.csv'), '');
  assert.equal(over('copy people.csv into backup', 'cp -t backup people.csv'), '');
  assert.equal(over('copy people.csv to backup/people.csv', 'cp people.csv backup/people.csv'), '');
  assert.match(over('copy people.csv to backup/people.csv', 'cp backup/people.csv people.csv'), /writes over people\.csv/);
});

test('the stated copies are read from the words, not made up from pronouns', () => {
  assert.deepEqual(statedCopies('copy the file people.csv over to docs'), [{ from: 'people.csv', to: 'docs', rename: false, keeps: true }]);
  assert.deepEqual(statedCopies('rename main.ts to index.ts'), [{ from: 'main.ts', to: 'index.ts', rename: true, keeps: false }]);
  assert.deepEqual(statedCopies('change the name of the folder lib to library'), [{ from: 'lib', to: 'library', rename: true, keeps: false }]);
  assert.deepEqual(statedCopies('copy it to backup'), []);
  assert.deepEqual(statedCopies('list the files in backup'), []);
});

test('a rename leaves the file in its folder', () => {
  for (const request of ['rename main.ts to index.ts', 'rename the file main.ts to index.ts', 'change the name of the file main.ts to index.ts']) {
    assert.equal(over(request, 'mv -n src/main.ts src/index.ts'), '', request);
    assert.match(over(request, 'mv -n src/main.ts index.ts'), /moves src\/main\.ts into the current folder/, request);
  }
  // A new name with its own folder says where it goes.
  assert.equal(over('rename main.ts to lib/index.ts', 'mv -n src/main.ts lib/index.ts'), '');
});

test('renaming a folder is neither a delete of everything in it nor a change outside it', () => {
  for (const request of ['rename the folder lib to library', 'change the name of the folder lib to library', 'rename the lib directory to library']) {
    assert.equal(over(request, 'mv -n src/lib src/library'), '', request);
  }
  // Anything else that empties the folder is still turned away.
  assert.match(over('rename the folder lib to library', 'rm -r src/lib'), /deletes/);
});

test('the new name of a file found in a folder is given in that folder', () => {
  const entry = { template: 'mv -n {src} {name}', slots: { src: { type: 'path' as const }, name: { type: 'name' as const } } };
  assert.deepEqual(fillSlots(entry, readRequest('rename main.ts to index.ts', ws)).values, { src: 'src/main.ts', name: 'src/index.ts' });
  assert.deepEqual(fillSlots(entry, readRequest('rename people.csv to persons.csv', ws)).values, { src: 'people.csv', name: 'persons.csv' });
});

test('a copy or a restore from a place reads that place, writes the name, and takes nothing away from it', () => {
  assert.deepEqual(statedCopies('restore notes/todo.md from backup'), [{ from: 'backup', to: 'notes/todo.md', rename: false, keeps: true }]);
  for (const verb of ['restore', 'copy', 'recover', 'bring back']) {
    const request = `${verb} people.csv from the backup folder`;
    assert.match(over(request, 'cp people.csv backup'), /writes over backup, which the request copies from/, request);
    assert.match(over(request, 'rm -- backup/people.csv'), /deletes backup\/people\.csv, which the request copies from/, request);
    assert.equal(over(request, 'cp backup/people.csv people.csv'), '', request);
  }
  // A copy "to" a place takes nothing away from its source either; a move does.
  assert.match(over('copy people.csv to backup', 'mv people.csv backup'), /deletes people\.csv, which the request copies from/);
  assert.equal(over('move people.csv to backup', 'mv people.csv backup'), '');
});

test('the request\'s own verb is never where a file goes', () => {
  turnsAway([
    ['I want to rename notes/todo.md', 'mv -n notes/todo.md rename'],
    ['I need to move people.csv somewhere', 'mv people.csv somewhere'],
    ['show me how to move config.yml into docs', 'tar -rf move config.yml'],
    ['tell me how to copy people.csv', 'cp people.csv copy'],
  ], /takes the word "\w+" of the request as the place the file goes/);
  assert.equal(over('move config.yml to a folder called move', 'mv config.yml move'), '');
  assert.equal(over('move config.yml into docs', 'mv config.yml docs'), '');
});

test('a folder written as one ("copy/", quoted) may carry a verb\'s name', () => {
  assert.equal(over('Copy all ".php" files in "src/" directory tree to "copy/" preserving directory hierarchy', "find src/ -type f -name '*.php' -exec cp -t copy {} +"), '');
  assert.equal(over('move people.csv into move/', 'mv people.csv move/'), '');
});

test('"update A from B" reads B and writes A, never the other way round', () => {
  const pairs: [string, string][] = [['backup/people.csv', 'people.csv'], ['docs/main.ts', 'src/main.ts'], ['backup/todo.md', 'notes/todo.md'], ['backup/config.yml', 'config.yml']];
  const verbs = ['update', 'refresh', 'sync', 'synchronise', 'synchronize', 'bring up to date'];
  const links = ['from', 'with', 'using', 'with the current', 'from the latest', 'to match', 'with the live', 'using the working copy of'];
  for (const [a, b] of pairs) {
    for (const verb of verbs) {
      for (const link of links) {
        for (const request of [`${verb} ${a} ${link} ${b}`, `please ${verb} the file ${a} ${link} ${b}`, `${verb} my ${a} ${link} ${b} when you get a chance`]) {
          assert.deepEqual(statedCopies(request).map((s) => [s.from, s.to]), [[b, a]], request);
          assert.match(over(request, `cp ${a} ${b}`), /writes over .*which the request copies from/, request);
          assert.match(over(request, `rsync -a ${a} ${b}`), /writes over .*which the request copies from/, request);
          assert.doesNotMatch(over(request, `cp -- ${b} ${a}`), /which the request copies from/, request);
        }
      }
    }
  }
  // Words, not paths: "update the version with 2.0" states no copy.
  assert.deepEqual(statedCopies('update the version with 2.0'), []);
});
