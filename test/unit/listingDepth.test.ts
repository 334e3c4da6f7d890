// The folders of a folder are one level down unless the request says deeper;
// a request for every level is not answered with one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { depthDropped, keepsToOneLevel, toAskedDepth } from '../../server/src/planner/listingDepth';

test('the folders of the current folder are one level; words for depth make them every level', () => {
  for (const r of ['list the subfolders in the current folder', 'which directories are in this directory', 'show the folders here', 'print the sub-directories of the working directory', 'list the files, not recursively']) assert.ok(keepsToOneLevel(r), r);
  for (const r of ['list the subfolders of the current folder recursively', 'all directories in the current directory and below', 'the folders in the current directory at any depth', 'list the files in the current folder', 'show the directory tree']) assert.ok(!keepsToOneLevel(r), r);
});

test('a walk of every level for the folders of a folder, a single level for every level, or leaf folders nobody asked for, are turned away', () => {
  assert.match(depthDropped('list the subfolders in the current folder', 'find . -type d').join(), /subfolders/);
  assert.match(depthDropped('which directories are in this directory', 'ls -R').join(), /subfolders/);
  assert.match(depthDropped('list the folders in the current directory and below', 'find . -mindepth 1 -maxdepth 1 -type d').join(), /every level/);
  assert.match(depthDropped('list the subdirectories here', 'find . -mindepth 1 -maxdepth 1 -type d -links 2').join(), /links/);
  assert.match(depthDropped('show the folders here', 'find . -maxdepth 1 -type f').join(), /asks for folders/);
  assert.match(depthDropped('show the folders here', 'ls').join(), /files as well/);
  assert.deepEqual(depthDropped('list the subfolders in the current folder', 'find . -mindepth 1 -maxdepth 1 -type d | nl'), []);
  assert.deepEqual(depthDropped('list the subfolders in the current folder', 'ls -d */'), []);
  assert.deepEqual(depthDropped('list the leaf folders with no subfolders', 'find . -type d -links 2'), []);
  assert.deepEqual(depthDropped('list the files in the current folder', 'find . -type f'), []);
});

test('a plain walk for the folders of a folder is kept to that folder, without the folder itself', () => {
  assert.equal(toAskedDepth('list all subfolders in the current folder', 'find . -type d'), 'find . -mindepth 1 -maxdepth 1 -type d');
  assert.equal(toAskedDepth('list the files here, not recursively', "find . -type f -name '*.md'"), "find . -maxdepth 1 -type f -name '*.md'");
  assert.equal(toAskedDepth('list all subfolders in the current folder recursively', 'find . -type d'), 'find . -type d');
  assert.equal(toAskedDepth('list all subfolders in the current folder', 'find . -type d -exec ls -ld {} +'), 'find . -type d -exec ls -ld {} +');
});
