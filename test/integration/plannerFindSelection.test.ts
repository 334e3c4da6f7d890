// Requests that select files by name, kind, age, permissions or owner, and
// maybe act on them, planned with the real policy and store: the plan is a
// find with the tests the request states, the act after it, and a request to
// look never gets a change.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('findsel', ['src', 'build', 'logs', 'backup'], ['src/a.c', 'src/main.c', 'build/x.tmp', 'logs/app.log']);
});

after(() => w.close());

const plan = (request: string) => w.result(request);

test('a search of selected files keeps the kind and the folder, variables taken as written', async () => {
  const r = await plan("Find *.c files under $HOME and search for the string 'sprintf' in those files");
  assert.equal(r.command, 'find "$HOME" -type f -name \'*.c\' -exec grep -Hn sprintf {} +');
});

test('names are matched by find, not searched for in contents', async () => {
  assert.equal((await plan('find files in src whose names begin with a and end with c')).command, "find src -type f -name 'a*c'");
  assert.equal((await plan("find all files/directories containing 'farm' in their names under '/usr/share' directory tree")).command, "find /usr/share -name '*farm*'");
});

test('conditions become find tests', async () => {
  assert.equal((await plan('look for files with wide open permissions')).command, 'find . -type f -perm 777');
  assert.equal((await plan('display all the files in the entire file system which belong to no user')).command, 'find / -type f -nouser');
});

test('acts on the selection follow it, with no folder made that nobody asked for', async () => {
  const copy = await plan('find the .log files under logs and copy them to backup');
  assert.equal(copy.command, "find logs -type f -name '*.log' -exec cp -t backup {} +");
  const sums = await plan('find all .log files under logs modified in the last 2 days and print their md5 sums into sums.txt');
  assert.equal(sums.command, "find logs -type f -name '*.log' -mtime -2 -exec md5sum {} + > sums.txt");
  assert.match((await plan('delete all .tmp files under build')).command, /^find build -type f -name '\*\.tmp' (?:-delete|-exec rm\b)/);
});

test('a request to look at files it could change gets no change', async () => {
  const r = await plan('show the .tmp files in build that I could delete');
  assert.equal(r.command, "find build -type f -name '*.tmp'");
  assert.deepEqual([...r.policy.risk.writes, ...r.policy.risk.deletes], []);
});
