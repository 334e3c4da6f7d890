// Names said with a glob in quotes, and archives unpacked by the program for
// their kind: "all 'custlist*' files" picks files by name as `custlist*`
// unquoted does (it had been read as a text to grep for), "starting with the
// word top" is the start of a name, and "the bz2 files" are unpacked by
// bunzip2, "the xz files" by unxz (gunzip reads neither).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readRequest } from '../../server/src/planner/requestFacts';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('quoted-globs', ['src', 'logs'], ['notes.txt', 'src/run.sh', 'logs/app.log']);
});

after(() => w.close());

const globs = ['custlist*', '*~', 'G*.html', 'report-??.csv', '*foo*'];
const nouns = ['files', 'file'];
const quotes = ["'", '"'];

test('a quoted glob said of files is a name glob, as it is unquoted', () => {
  for (const g of globs) {
    for (const n of nouns) {
      for (const q of quotes) {
        const request = `Find all ${q}${g}${q} ${n} under the current directory`;
        assert.deepEqual(readRequest(request).globs.map((x) => x.value), [g], request);
      }
    }
  }
  // A quoted text to search for is no glob.
  assert.deepEqual(readRequest("search for 'foo*' in all files in src").globs.map((x) => x.value), []);
});

test('a look for quoted globs of files is planned with find by name, not a grep of the text', async () => {
  for (const g of globs) {
    for (const place of [['in src', 'src'], ['under the current directory', '.']]) {
      const request = `Find all '${g}' files ${place[0]}`;
      assert.equal(await w.plan(request), `find ${place[1]} -type f -name '${g}'`, request);
    }
  }
});

test('"starting with the word X" and "ending with the string X" are parts of a name', () => {
  for (const [said, glob] of [['starting with the word top', 'top*'], ['beginning with the string kt', 'kt*'], ['ending with the word log', '*log'], ['ending with the letters bak', '*bak']]) {
    for (const head of ['find all the files in src', 'list files']) {
      const request = `${head} ${said}`;
      assert.deepEqual(readRequest(request).globs.map((x) => x.value), [glob], request);
    }
  }
  // ... but a word of the sentence after "the word" is no name.
  assert.deepEqual(readRequest('search for all the directories starting with the word in the current folder').globs.map((x) => x.value), []);
});

test('archives found are unpacked by the program for their kind', async () => {
  for (const [kind, reader] of [['bz2', 'bunzip2'], ['*.bz2', 'bunzip2'], ['xz', 'unxz'], ['*.xz', 'unxz'], ['gz', 'gunzip'], ['*.gz', 'gunzip']]) {
    for (const verb of ['decompress', 'unpack']) {
      const request = `${verb} all the ${kind} files in src`;
      const ext = kind.replace(/^\*\./, '');
      assert.equal(await w.plan(request), `find src -type f -name '*.${ext}' -exec ${reader} {} +`, request);
    }
  }
});
