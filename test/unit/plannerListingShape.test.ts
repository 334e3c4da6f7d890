// The shape of a listing named in words: "a listing of the current
// directory" is one folder's entries, printed by ls; "print the directory
// tree", "in a tree-like format" is a drawing of the tree, printed by tree.
// "a long listing of all the files" is still a walk of files.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { folderListingAsked, treeAsked } from '../../server/src/planner/listingShape';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('listing-shape', ['src', 'logs'], ['notes.txt', 'src/run.sh', 'logs/app.log']);
});

after(() => w.close());

const first = (command: string) => command.trim().split(/\s+/)[0];

const folderListings = ['a listing of the current directory', 'the current directory listing', 'the directory listing', 'a long listing of the current folder', 'the folder listing', 'a detailed listing of this directory', 'the long file listing of the working directory'];
const fileWalks = ['a long listing of all the files in the current folder', 'a listing of all regular files under src', 'a detailed listing of every file in the directory tree'];

test('a listing of a folder is told from a listing of its files', () => {
  for (const l of folderListings) assert.ok(folderListingAsked(l), l);
  for (const l of fileWalks) assert.ok(!folderListingAsked(l), l);
});

test('a listing of a folder is planned with ls', async () => {
  for (const verb of ['Show', 'Print', 'Display']) {
    for (const l of folderListings.slice(0, 4)) {
      const request = `${verb} ${l}`;
      assert.equal(first(await w.plan(request)), 'ls', request);
    }
  }
  assert.equal(first(await w.plan('Save the current directory listing to files.txt')), 'ls');
});

const trees = ['Print the current directory tree with file sizes', 'Show the folder tree with the owner of each file', 'List the contents of the current directory in a tree-like format', 'Display the current folder as a tree', 'Print the current directory in tree format'];

test('a drawing of the tree is planned with tree', async () => {
  for (const t of trees) {
    assert.ok(treeAsked(t.toLowerCase()), t);
    assert.equal(first(await w.plan(t)), 'tree', t);
  }
});

test('files in a directory tree, and a listing of files, stay a walk', async () => {
  for (const c of ['list all directories in the current directory tree', 'Display a long listing of all the regular files in the current folder', 'find all files in the directory tree of src', 'Recursively print all files in the current directory tree']) {
    assert.ok(!treeAsked(c.toLowerCase()), c);
    assert.equal(first(await w.plan(c)), 'find', c);
  }
});
