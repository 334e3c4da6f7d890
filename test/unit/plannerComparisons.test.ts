// Two things compared by name, with the embedded planner, its real knowledge
// and the real policy stage: the names are the two sides even when the
// workspace has no such files, and the words choose between diff (what
// differs) and comm (the lines or names two sides share or one side lacks).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readRequest } from '../../server/src/planner/requestFacts';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('comparisons', ['src'], ['notes.txt']);
});

after(() => w.close());

const plan = (request: string) => w.plan(request);

test('two folders named in quotes that differ are compared recursively', async () => {
  assert.equal(await plan('show which files differ between folder "site" and folder "mirror"'), 'diff -rq site mirror');
  assert.equal(await plan('compare the directories "release-1" and "release-2" recursively'), 'diff -rq release-1 release-2');
  assert.equal(await plan('tell me which files differ in "old_tree" and "new_tree", recursively'), 'diff -rq old_tree new_tree');
});

test('two files compared, or asked whether they differ, are diff\'s and keep the order they are named in', async () => {
  assert.equal(await plan('compare "$left" and "$right" line by line'), 'diff -u "$left" "$right"');
  assert.match(await plan('print whether "$file" and "$copy" differ'), /^(?:diff -u|cmp -s) "\$file" "\$copy"/, 'the cue word file inside "$file" picks nothing');
  assert.match(await plan('what are the differences between "alpha.conf" and "beta.conf"'), /^diff\b.*alpha\.conf.*beta\.conf/);
});

test('lines one file has and the other lacks, or both share, are comm\'s', async () => {
  assert.equal(await plan('print the lines of "wanted.lst" that are missing from "have.lst"'), 'comm -23 <(sort wanted.lst) <(sort have.lst)');
  assert.equal(await plan('show unique lines of "a.txt" compared with "b.txt"'), 'comm -23 <(sort a.txt) <(sort b.txt)');
  assert.equal(await plan('the lines common to "jan.csv" and "feb.csv"'), 'comm -12 <(sort jan.csv) <(sort feb.csv)');
  assert.match(await plan('how many equal lines are in "one.txt" and "two.txt"'), /^comm -12 <\(sort one\.txt\) <\(sort two\.txt\)/);
  assert.equal(await plan('output each line in "left" and "right" that does not appear in the other'), 'comm -3 <(sort left) <(sort right)');
  assert.equal(await plan('print the lines unique to and common to "mon.txt" and "tue.txt"'), 'comm <(sort mon.txt) <(sort tue.txt)', 'both kinds: three columns');
  // Parts of lines, and two values that are no files compared, are no comparison of whole lines.
  assert.doesNotMatch(await plan('print each line of "orders" whose second field is not the first field of any line in "clients"'), /^comm\b/);
  assert.doesNotMatch(await plan('for each line of list.txt add "ok" when the same line appears in done.txt, else "missing"'), /\bcomm\b.*\b(?:ok|missing)\b/);
});

test('the names one folder has and another lacks, or both share, compare the two listings', async () => {
  assert.equal(await plan('list the files in "incoming" that are not in "archive"'), 'comm -23 <(ls incoming | sort) <(ls archive | sort)');
  assert.equal(await plan('which files of directory "photos" are absent from directory "backup"'), 'comm -23 <(ls photos | sort) <(ls backup | sort)');
  assert.equal(await plan('list files in folder "left" that also exist in folder "right"'), 'comm -12 <(ls left | sort) <(ls right | sort)');
  // Text compared, or an act on what a comparison finds, is no comparison of files.
  assert.equal(readRequest('compare the strings "abc" and "abd"').files.length, 0, 'quoted strings are text');
  assert.doesNotMatch(await plan('delete the files in "a" that are not in "b"'), /^comm\b/, 'a delete is no listing');
});
