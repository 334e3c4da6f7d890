// Wordings the planner's knowledge does not hold, planned end to end with the
// real knowledge and policy stage: slips of spelling, a search's object as
// its place, "change every X to Y", a file set to a mode, "where is NAME",
// a link's target and files moved from one folder to another.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let ws: PlannerWorkspace;

before(async () => {
  ws = await plannerWorkspace('wordings', ['docs', 'conf', 'data', 'tmp', 'src/lib', 'build'], {
    'docs/guide.md': 'configure the database\n',
    'conf/app.conf': '# settings\nport=8080\n',
    'data/users.csv': 'id,name\n1,alice\n',
    'src/lib/helpers.js': 'module.exports = {};\n',
    'notes.txt': 'one\ntwo\nthree\nfour\n',
    'build/small.bin': 'x\n',
  });
  fs.symlinkSync('src', path.join(ws.workspace, 'current'));
});
after(() => ws.close());

test('a slip in a verb still plans the act, and a search goes through the folder it names', async () => {
  assert.match(await ws.plan('delte build/small.bin'), /^rm\b.*build\/small\.bin$/);
  assert.match(await ws.plan("serach the docs for 'database'"), /^grep -\w*r\w* database docs$/);
});

test('"change every X to Y in FILE" edits the file, and a file set to octal digits gets that mode', async () => {
  assert.equal(await ws.plan('change every 8080 to 9090 in conf/app.conf'), "sed -i 's|8080|9090|g' conf/app.conf");
  assert.equal(await ws.plan('set notes.txt to 600'), 'chmod 600 notes.txt');
});

test('lines by number, a file named by where it is, a link\'s target and files moved between folders', async () => {
  assert.equal(await ws.plan('lines 2 to 4 of notes.txt'), "sed -n '2,4p' notes.txt");
  assert.match(await ws.plan('where is helpers.js'), /^find \. -name helpers\.js\b/);
  assert.equal(await ws.plan('where does the current link point'), 'readlink -f current');
  assert.match(await ws.plan('move all the csv files from data into tmp'), /^find data .*-name '\*\.csv' .*-exec mv -n -t tmp \{\} \+$/);
});
