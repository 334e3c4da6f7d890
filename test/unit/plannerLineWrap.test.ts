// Long lines wrapped at a width are fold's work, with the embedded planner,
// its real knowledge and the real policy stage: cut would drop the rest of
// each line, and a length test only reports the long ones.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('lineWrap', ['docs'], ['notes.txt', 'docs/essay.md']);
});

after(() => w.close());

test('a request to wrap, fold or break long lines is fold at the width said', async () => {
  assert.equal(await w.plan('wrap the lines of notes.txt at 60 columns'), 'fold -s -w 60 notes.txt');
  assert.equal(await w.plan('wrap each line in "log.txt" to fit in 79 characters'), 'fold -s -w 79 log.txt');
  assert.equal(await w.plan('word-wrap docs/essay.md at 70 characters'), 'fold -s -w 70 docs/essay.md');
  assert.equal(await w.plan('reflow notes.txt so that no line is longer than 50 characters'), 'fold -s -w 50 notes.txt');
  // Keeping only the start of each line is still cut's.
  assert.equal(await w.plan('show the first 20 characters of each line of notes.txt'), 'cut -c 1-20 notes.txt');
});

test('one line by its number needs a number or "first"; a random line or a uuid are other questions', async () => {
  assert.equal(await w.plan('sort the file "names.lst" line by line'), 'sort names.lst');
  assert.doesNotMatch(await w.plan('order "todo.txt" by line'), /^sed\b/);
  assert.doesNotMatch(await w.plan('print a random line from notes.txt'), /^(?:sed|cat \/proc)\b/);
  assert.equal(await w.plan('print the first line of notes.txt'), "sed -n '1p' notes.txt");
  assert.equal(await w.plan('show line 1 of notes.txt'), "sed -n '1p' notes.txt");
});
