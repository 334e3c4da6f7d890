// The embedded planner with its real knowledge and the real policy stage, on
// kinds of question whose words point at one kind of command: a commit named
// by id or in words, questions only git answers, an owner, an environment
// variable by name, "read-only" and "doesn't" written as people write them,
// a folder packed into an archive beside it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('kinds', ['scripts', 'src', 'docs', '.git'], { 'notes.txt': 'TODO: call\n', 'scripts/deploy.sh': 'echo hi\n' });
});

after(() => w.close());

const plan = (request: string) => w.plan(request);

test('a commit named by its id, as HEAD~N or in words is the commit shown', async () => {
  assert.equal(await plan('what changed in commit 4f2a9c1'), 'git show 4f2a9c1');
  assert.match(await plan('files changed by commit 9fceb02'), /^git show --name-only .*9fceb02$/);
  assert.match(await plan('show commit HEAD~3'), /^git show '?HEAD~3'?$/);
});

test('questions in words only git uses are answered by git', async () => {
  assert.match(await plan('when was the last commit made'), /^git log -1 /);
  assert.match(await plan('who wrote the last commit'), /^git log -1 --format='%an/);
  assert.match(await plan('is my working tree clean'), /git status --porcelain/);
  assert.equal(await plan("list files git doesn't track yet"), 'git ls-files --others --exclude-standard');
});

test('the owner, a variable by name and a read-only file get the command that answers them', async () => {
  assert.match(await plan('who owns notes.txt'), /^stat -c '%U:%G %n' notes\.txt$/);
  assert.equal(await plan('print the PATH'), 'printenv PATH');
  assert.equal(await plan('make notes.txt read-only'), 'chmod a-w notes.txt');
  assert.match(await plan('change the owner of notes.txt to bob'), /^chown\b/, 'a change of owner is not a question about it');
});

test('a named folder packed into an archive: the archive is written beside it and named after it', async () => {
  assert.equal(await plan('zip the docs folder'), 'zip -r docs.zip docs');
  assert.equal(await plan('make a tarball of src'), 'tar -czf src.tar.gz src');
});

test('"is X running / installed": the program is read from the question, and output thrown away is no write', async () => {
  assert.equal(await plan('is nginx running'), 'pgrep -a nginx');
  assert.equal(await plan('is jq installed'), 'command -v jq >/dev/null && echo installed || echo missing');
  assert.match(await plan('how long has the system been up'), /^uptime\b/);
  assert.equal(await plan('kill the firefox processes'), 'pkill -x firefox', 'a filled command before one still waiting for a process id');
});

test('lines to delete or strip are left out, never printed alone; comments stay unless the request names them', async () => {
  fs.writeFileSync(path.join(w.workspace, 'app.conf'), '# comment\nport=80\n\nhost=a\n');
  assert.match(await plan('strip the blank lines out of app.conf'), /^grep -v '\^(?:\[\[:space:\]\]\*)?\$' app\.conf$/);
  assert.match(await plan('remove the comment lines from app.conf'), /^grep -vE? .*#/);
});

test('a search whose text is not given keeps its slot; a word that only links the sentence is no text to look for', async () => {
  assert.match(await plan('search for text in all files'), /^grep .*'<pattern>'/);
  assert.match(await plan('search for the string TODO in all files'), /grep -\w+ TODO\b/);
});
