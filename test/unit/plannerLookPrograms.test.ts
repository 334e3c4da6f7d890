// Which program that looks at files the words call for: the text in files
// (cat), the differences between two (diff), the space they take (du),
// entries of both kinds (no kind filter), and files picked by name or
// attribute (find, not a search of their text).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asksFileContents, lookProgramFit, preferLookProgram, withBothKinds } from '../../server/src/planner/lookPrograms';
import { readRequest } from '../../server/src/planner/requestFacts';

const facts = (request: string, dirs: string[] = []) => readRequest(request, { files: new Set(), dirs: new Set(dirs), byBase: new Map() });
const fit = (command: string, request: string) => lookProgramFit(command, facts(request));

test('the contents of files are asked for with a verb of showing; the contents of a folder are a listing', () => {
  for (const request of ['print the file content of notes', 'display the content of file "f"', 'print out the contents of all *.txt files in the home directory', 'find all *.md files under docs and show their contents']) {
    assert.equal(asksFileContents(facts(request)), true, request);
  }
  for (const request of ['show the contents of the conf directory', 'print the folder contents', 'a long listing of the content in the root folder', 'list the contents of build', 'find the files with notes in their name']) {
    assert.equal(asksFileContents(facts(request)), false, request);
  }
  assert.equal(asksFileContents(facts('show the contents of src', ['src'])), false, 'a folder of the workspace is listed');
});

test('file contents are printed by a reader, not by a listing or a walk that prints names', () => {
  const request = 'print out the contents of all *.txt files in the home directory';
  assert.ok(fit("find ~ -type f -name '*.txt' -exec cat {} +", request) > 0);
  assert.ok(fit('cat notes.txt', 'display the content of file notes.txt') > 0);
  assert.ok(fit('ls ~', request) < 0);
  assert.ok(fit("find ~ -type f -name '*.txt'", request) < 0);
  assert.equal(fit('ls conf', 'show the contents of the conf directory'), 0);
});

test('differences are diff\'s; a listing or a print of both files is no comparison', () => {
  assert.ok(fit('diff -rq a b', 'print which files differ in a and b') > 0);
  assert.ok(fit('find a -type f', 'print which files differ in a and b') < 0);
  assert.ok(fit('cat x y', 'display differences between x and y') < 0);
});

test('disk usage and the sizes of files and folders together are du\'s', () => {
  assert.ok(fit("find . -printf '%s\\t%p\\n' | sort -rn | head -n 10", 'print the 10 largest files and directories') < 0);
  assert.ok(fit('du -ah . | sort -rh | head -n 10', 'print the 10 largest files and directories') > 0);
  assert.ok(fit('ls -l', 'show the disk usage of the build folder') < 0);
  assert.equal(fit('du -h /dev/sda1', 'print the file system disk space usage for /dev/sda1'), 0, 'a file system\'s space is df\'s');
  assert.equal(fit('find . -type f -exec du -h {} +', 'disk usage of every file'), 0, 'a walk that runs du answers it');
  assert.equal(fit("find . -type f -printf '%s %p\\n'", 'the largest files'), 0, 'the sizes of files alone are find\'s too');
});

test('files picked by name or attribute are not found by a search of their text', () => {
  assert.ok(fit('grep -rl FOO .', 'search for all files and directories named foo beneath the current directory') < 0);
  assert.ok(fit('grep -rl SGID .', 'find all SGID set files under the current directory and show a few lines of output') < 0);
  assert.ok(fit('grep -rl inode . | xargs -r rm --', 'delete files with inode number 42 under the current directory') < 0);
  assert.equal(fit('grep -rl TODO .', 'find files named like notes that contain TODO'), 0, 'text inside is what grep searches');
  assert.ok(fit('grep -rl foo .', 'list the files whose names contain foo') < 0, 'a name that contains a word is still a name');
});

test('entries of both kinds keep no kind filter when the walk only looks', () => {
  assert.equal(withBothKinds('find . -type f -name foo', 'find all files/directories named foo'), 'find . -name foo');
  assert.equal(withBothKinds('find /var/log -type d', 'list all files and folders under /var/log'), 'find /var/log');
  assert.equal(withBothKinds('find . -type f -name foo', 'find all files named foo'), 'find . -type f -name foo', 'files alone keep the filter');
  assert.equal(withBothKinds('find data -type f | wc -l', 'how many files and folders are in data'), 'find data -mindepth 1 | wc -l', 'a count leaves out the folder walked from');
  assert.equal(withBothKinds('find . -type f -exec cp -t out {} +', 'copy all files and folders to out'), 'find . -type f -exec cp -t out {} +', 'an act is left as planned');
  const candidates = [{ command: 'ls ~', confidence: 0.7 }, { command: "find ~ -name '*.txt' -exec cat {} +", confidence: 0.68 }];
  preferLookProgram(candidates, facts('print the contents of all *.txt files in the home directory'));
  assert.ok(candidates[1].confidence > candidates[0].confidence, 'the reader now leads');
});

test('a list of places after the preposition names every folder of it', () => {
  const ws = { files: new Set<string>(), dirs: new Set(['site', 'mirror', 'new']), byBase: new Map<string, string>() };
  const dirs = (request: string) => readRequest(request, ws).dirs.map((d) => d.value);
  assert.deepEqual(dirs('which files differ between site and mirror'), ['site', 'mirror']);
  assert.deepEqual(dirs('print which files differ in the folders site and mirror'), ['site', 'mirror']);
  assert.deepEqual(dirs('compare site, mirror'), [], 'no preposition, no place');
  assert.deepEqual(dirs('list site and tell me what is new'), ['site'], 'a word after a later verb is no place');
});

test('"human readable" is a format, not a permission to test', () => {
  assert.ok(fit("find logs -type f -perm -o+r -exec stat -c '%s %n' {} \\;", 'show the size of each file in logs in human readable form') < 0);
  assert.equal(fit('find logs -type f -perm -o+r', 'list the files in logs that are readable by others'), 0);
  assert.equal(fit('find logs -type f -perm -o+r', 'the world readable files in logs, sizes human-readable'), 0, 'a permission said as well stays');
});

test('a count of the text in files is not a count of the files', () => {
  assert.ok(fit('find docs -type f | wc -l', 'print the word count of all .md files under docs') < 0);
  assert.ok(fit('find . -type f | wc -l', 'print newline, word and byte count for all .c files') < 0);
  assert.equal(fit('find docs -type f | wc -l', 'how many files are in docs'), 0);
  assert.equal(fit('find docs -type f | wc -l', 'count the files in docs that have more than 10 lines'), 0, 'files counted are files');
});
