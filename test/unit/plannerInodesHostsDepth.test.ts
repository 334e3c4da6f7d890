// The embedded planner with its real knowledge and the real policy stage, on
// requests that name a file by its inode, ask for inode numbers, put a host
// in a shell variable or a ping in seconds, or ask for files at any depth.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('inodes', ['src', 'src/lib', 'docs'], ['notes.txt', 'src/app.py', 'src/lib/util.py', 'docs/guide.md']);
});

after(() => w.close());

const plan = (request: string) => w.plan(request);

test('a file named by its inode is found by that inode, never by a name made of the number', async () => {
  const gone = await plan('remove the file whose inode is 98765');
  assert.match(gone, /^find \. .*-inum 98765\b/);
  assert.doesNotMatch(gone, /-i?name\b/, 'the number is no part of a name');
  assert.match(await plan('list the files under src whose inode number is 4242'), /^find src .*-inum 4242$/);
});

test('inode numbers are listed by ls -i, and only when asked for', async () => {
  assert.equal(await plan('print the files in src with their inode numbers'), 'ls -i src');
  assert.equal(await plan('show the inode number of notes.txt'), 'ls -i notes.txt');
  assert.doesNotMatch(await plan('write the alphabet and number each letter'), /^ls -i/, 'a number before each item is no inode');
});

test('a glob the shell expands is no answer for files in subfolders too', async () => {
  assert.match(await plan('count the lines of all .py files in this folder and its subfolders'), /^find \. .*-name '\*\.py'.* -exec wc -l \{\} \+$/);
  assert.match(await plan('show the md5 checksum of every .md file in the directory tree'), /^find \. .*-name '\*\.md'.*md5sum/);
  const top = await plan('count the lines of the .py files here but not in subfolders');
  assert.ok(/^wc -l \*\.py$/.test(top) || /-maxdepth 1\b/.test(top), `the top folder only: ${top}`);
});

test('a ping for some seconds stops after them, and a host may be held in a variable', async () => {
  assert.equal(await plan('ping google.com for 5 seconds'), 'ping -w 5 google.com');
  assert.equal(await plan('ping the host in $h for 2 seconds'), 'ping -w 2 "$h"');
  assert.equal(await plan('ssh into the host ${target}'), 'ssh "${target}"');
  assert.equal(await plan('ping example.com 3 times'), 'ping -c 3 example.com', 'a count of pings is still a count');
});

test('a loop over a glob the shell expands is no answer for every file in the directory tree', async () => {
  const tree = await plan('Rename the *.py files in the current directory tree prepending their names with "lib"');
  assert.doesNotMatch(tree, /^for \w+ in \*\.py\b/, 'the glob sees the top folder only');
  assert.match(await plan('Rename the *.py files in the current folder prepending their names with "lib"'), /^for f in \*\.py; do mv -n -- "\$f" lib"\$f"; done$/);
  // "found" says where the files are, it names none of them.
  assert.doesNotMatch(await plan('list every py file found in the current directory tree'), /\bfound\b/);
});
