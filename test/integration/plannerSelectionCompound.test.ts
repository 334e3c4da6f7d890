// Compound requests on a selection of files, planned with the real policy and
// store: the act with the values the request gives wins over finds that only
// list, an output file nobody named is asked for, and "everything in X"
// empties X without deleting it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('selcompound', ['src', 'logs', 'tmp', 'data', '.git'], ['src/a.c', 'src/b.xml', 'logs/app.log', 'tmp/x.tmp', 'data/x.csv', '.git/HEAD']);
});

after(() => w.close());

test('a move of every entry of the folder to a named place is planned, .git left where it is', async () => {
  const r = await w.result('Move all files and directories in the current directory to "/tmp/blah/"');
  assert.equal(r.abstained ?? false, false);
  assert.equal(r.command, 'find . -mindepth 1 -maxdepth 1 -not -path ./.git -exec mv -t /tmp/blah {} +');
});

test('archived "to .bz2" is each file compressed, and the request allows it', async () => {
  const r = await w.result('Find all xml files under src and archive them to .bz2 archives');
  assert.equal(r.command, "find src -type f -name '*.xml' -exec bzip2 {} +");
});

test('an output file nobody named is asked for, and the plan is not runnable until then', async () => {
  const r = await w.result('search for all the files in logs which have not been modified in the last 7 days and save the output to a file');
  assert.equal(r.command, "find logs -type f -mtime +7 > '<file>'");
  assert.deepEqual(r.missing?.map((m) => m.slot), ['file']);
});

test('everything in a folder is emptied, never the folder itself', async () => {
  const r = await w.result('remove everything in the tmp folder');
  assert.equal(r.command, 'find tmp -mindepth 1 -delete');
  assert.ok(!(r.candidates ?? []).some((c) => /^rm -r tmp$|^rmdir tmp$/.test(c.command)));
});

test('an age said in hours as a product is kept, and a listing that drops it is set aside', async () => {
  const r = await w.result('display all the files in logs which have been modified in the last 5*24 hours');
  assert.equal(r.command, 'find logs -type f -mmin -7200');
});
