// Requests to look at files, planned with the real knowledge, store and
// policy: the program follows what is asked of the files (their contents,
// their differences, the space they take, entries of both kinds), and none
// of them changes anything.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('look', ['docs', 'conf', 'logs/old', 'data/sub', 'site/a', 'mirror/a'], ['docs/a.md', 'docs/b.md', 'conf/app.conf', 'logs/x.log', 'logs/old/y.log', 'data/big.bin', 'data/sub/y.txt', 'site/a/1.txt', 'mirror/a/1.txt', 'notes.txt']);
});

after(() => w.close());

const changes = /\s-(?:delete|exec(?:dir)?\s+(?:rm|mv|cp|chmod|sed -i))\b|\b(?:rm|mv|tee|truncate)\b|>/;

test('the contents of the files found are printed, not only their names', async () => {
  for (const request of ['print the contents of every markdown file under docs', 'print out the contents of all *.md files in docs']) {
    const command = await w.plan(request);
    assert.match(command, /^find docs\b.*-name '\*\.md'.*-exec cat \{\} \+$/, request);
    assert.doesNotMatch(command, changes, request);
  }
  assert.equal(await w.plan('show the contents of the conf directory'), 'ls conf', 'a folder\'s contents are its listing');
});

test('the sizes of files and folders together are du\'s', async () => {
  assert.match(await w.plan('list the 10 largest files and directories under data'), /^du -a\w* data \| sort -\w*r\w* \| head -n 10$/);
});

test('a look at files and folders keeps both kinds', async () => {
  assert.equal(await w.plan('print all files and folders under logs'), 'find logs');
  assert.equal(await w.plan('print all files under logs'), 'find logs -type f', 'files alone are files');
  assert.equal(await w.plan('how many files and folders are in data'), 'find data -mindepth 1 | wc -l');
});

test('which files differ between two folders is diff\'s, with both folders named', async () => {
  for (const request of ['print which files differ in the folders site and mirror recursively', 'which files differ between site and mirror', 'display the differences between site and mirror']) {
    assert.equal(await w.plan(request), 'diff -rq site mirror', request);
  }
});

test('sizes in human readable form are sizes of every file, with no permission test', async () => {
  const command = await w.plan('show the size of each file in logs in human readable form');
  assert.match(command, /\bdu -\w*h\b/);
  assert.doesNotMatch(command, /-perm/);
});
