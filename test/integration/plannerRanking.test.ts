// Classes of request the embedded planner once answered with the wrong
// program, with the real policy and store: the program must fit the value
// (an archive, a file vs a folder), the verb's direction, and what was asked.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { withoutGitInternals } from '../../server/src/planner/embeddedPlanner';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('ranking', ['.git', 'dist', 'tools', 'records/old', 'vendor'], ['vendor/bundle-1.tar.gz', 'records/old/day-3.txt.gz', 'records/server.log', 'tools/build.sh', 'dist/a.o', 'readme.txt']);
});

after(() => w.close());

const plan = (request: string) => w.plan(request);

test('an archive is read by a program that reads its format, not listed or cat-ed as a file', async () => {
  assert.match(await plan('which files are inside vendor/bundle-1.tar.gz'), /^tar -\w*t\w* vendor\/bundle-1\.tar\.gz/);
  assert.match(await plan('print what records/old/day-3.txt.gz says'), /^(zcat|gunzip -c) records\/old\/day-3\.txt\.gz/);
  assert.match(await plan('unpack records/old/day-3.txt.gz'), /^gunzip\b/);
});

test('the direction of the verb: make vs extract, executable vs not', async () => {
  assert.match(await plan('bundle the records folder into a tarball named records.tar.gz'), /^tar -c\w*f records\.tar\.gz records$/);
  assert.equal(await plan('make tools/build.sh not executable'), 'chmod -x tools/build.sh');
  assert.equal(await plan('make tools/build.sh executable'), 'chmod +x tools/build.sh');
});

test('a count only for "how many", the lines otherwise', async () => {
  assert.match(await plan('how many lines of records/server.log say WARN'), /^grep -c WARN records\/server\.log$/);
  assert.match(await plan('show me the PUT requests in records/server.log'), /^grep (-n )?PUT records\/server\.log$/);
});

test('an act on a selection of files is the selection found, then the act, with no condition nobody stated', async () => {
  const command = await plan('remove the regular files in the dist folder');
  assert.match(command, /^find dist -type f .*(-delete|rm)/);
  assert.doesNotMatch(command, /-perm|-user|-mtime|-size|-empty/);
});

test('a walk of the whole workspace skips .git unless git is asked about', () => {
  assert.equal(withoutGitInternals("find . -type f -printf '%s %p\\n' | sort -rn"), "find . -type f -not -path './.git/*' -printf '%s %p\\n' | sort -rn");
  assert.equal(withoutGitInternals('grep -rl express .'), 'grep --exclude-dir=.git -rl express .');
  // A walk piped into another program: the test goes on the find, never on the program after the pipe.
  assert.equal(withoutGitInternals("find . | grep -i '<pattern>'"), "find . -not -path './.git/*' | grep -i '<pattern>'");
  assert.equal(withoutGitInternals('grep -rl express src'), 'grep -rl express src');
  assert.equal(withoutGitInternals('find src -type f'), 'find src -type f');
});
