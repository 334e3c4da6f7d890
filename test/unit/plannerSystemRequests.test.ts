// The embedded planner with its real knowledge and the real policy stage, on
// the everyday questions a developer asks about the disk, the repository,
// the system and its processes: each is answered by the program that knows,
// with the options the question asks for.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('system', ['.git', 'src', 'data', 'build', 'docs'], ['notes.txt', 'README.md', 'package.json', 'src/main.js', 'build/big.bin', 'data/users.csv']);
});

after(() => w.close());

const plan = (request: string) => w.plan(request);

test('free space is df\'s, the size of a folder du\'s, and a file\'s bytes stat\'s', async () => {
  assert.equal(await plan('how much room is left on /'), 'df -h /');
  assert.equal(await plan('show free space on all mounted filesystems'), 'df -h', 'free space is measured, not the mounts listed');
  assert.equal(await plan('how big is the src folder'), 'du -sh src', 'a listing that prints no size is no answer');
  assert.equal(await plan('what is the total size of this project'), 'du -sh .');
  assert.equal(await plan('size of the data directory in megabytes'), 'du -sm data');
  assert.equal(await plan('how many bytes is build/big.bin'), 'stat -c %s build/big.bin', 'bytes are not words');
  assert.match(await plan('the biggest files in the project'), /\| sort -rn \| head -n 10$/, 'the biggest are ranked');
});

test('branches, the last commit of a file, a file\'s history and its diff', async () => {
  assert.equal(await plan('list the remote branches'), 'git branch -r');
  assert.equal(await plan('list the branches with their last commit'), 'git branch -v');
  assert.equal(await plan('which commit last touched package.json'), 'git log -1 --oneline -- package.json');
  assert.match(await plan('show the history of README.md'), /^git log .*-- README\.md$/, 'the file\'s history, not the shell\'s, and README.md is no author');
  assert.match(await plan('search the commit messages for typo'), /^git log .*--grep=typo$/);
  assert.equal(await plan('what is my git user name'), 'git config --get user.name');
  assert.match(await plan('show the diff of notes.txt'), /^git diff .*notes\.txt$/);
  assert.equal(await plan('what has changed since the last commit'), 'git diff', 'since the last commit is what is not committed yet');
  assert.match(await plan('show the contents of the last commit'), /^git show\b/);
});

test('the kernel, the memory, the user and the clock', async () => {
  assert.equal(await plan('what is the kernel version'), 'uname -r');
  assert.equal(await plan('show the kernel name'), 'uname -s');
  assert.equal(await plan('print the kernel name and release'), 'uname -sr');
  assert.equal(await plan('show system information'), 'uname -a');
  assert.match(await plan('how much memory does this machine have'), /^free\b/, 'memory is not the processor');
  assert.equal(await plan('memory usage in megabytes'), 'free -m');
  assert.match(await plan('what is my username'), /^(whoami|id -un)$/, 'the user alone, no host name');
  assert.equal(await plan('what is my user id'), 'id -u');
  assert.doesNotMatch(await plan('what is the id of HEAD'), /^id\b/);
  assert.match(await plan('where is python3 installed'), /^(which|command -v|type) python3$/);
  assert.match(await plan('what day of the week is it'), /^date (-d today )?\+%A$/, 'today, not a day moved forward');
  assert.equal(await plan('how many processors does this computer have'), 'nproc', 'a count of the folder\'s entries is no count of processors');
});

test('a process named by its id is asked about by its id; the top N are N processes', async () => {
  assert.match(await plan('what is process 1'), /^ps -o \S+ -p 1$/);
  assert.match(await plan('how much cpu is process 1 using'), /^ps -o \S*%cpu\S* -p 1$/);
  assert.match(await plan('when did process 1 start'), /^ps -o \S*lstart\S* -p 1$/);
  assert.equal(await plan('list the child processes of pid 1'), 'ps --ppid 1 -o pid,etime,cmd');
  assert.equal(await plan('show the full command line of process 1'), 'ps -o args= -p 1');
  assert.match(await plan('find the pid of node'), /^pgrep (?:-a )?node$/);
  assert.equal(await plan('top 5 processes by memory'), "ps aux --sort=-%mem | awk 'NR <= 5 + 1'", 'the header and five processes');
});

test('the unit and the place asked for are the ones measured; a login shell is no shell option', async () => {
  assert.equal(await plan('show the size of the build directory in bytes'), 'du -sb build');
  assert.equal(await plan('free space on the disk that holds /tmp'), 'df -h /tmp');
  assert.match(await plan('which shell is my default'), /\$SHELL/);
  assert.match(await plan('list the files in the last commit'), /--name-(only|status)/, 'a log that names no file does not list them');
  assert.equal(await plan('show what is inside the data directory'), 'ls data', 'du answers a question of size, not of contents');
});

test('the people logged in are counted from who, a session a line, only when the request asks about the machine', async () => {
  for (const request of ['how many users are logged in', 'count the users who are logged in', 'what is the number of users logged in now', 'how many users are currently logged in', 'how many users are logged on', 'count the logged in users']) {
    const result = await w.result(request);
    assert.equal(result.command, 'who | wc -l', request);
    assert.ok(!result.candidates.some((c) => /\bnproc\b/.test(c.command)), `${request}: ${result.candidates.map((c) => c.command).join(' ; ')}`);
  }
  assert.equal(await plan('list the logged in users'), 'who');
  // Users in a place or a file are no sessions on the machine.
  for (const request of ['how many users live in Oslo', 'how many users are in data/users.csv', 'count the users who signed up last week', 'how many users does the system have']) {
    const result = await w.result(request);
    assert.ok(![result.command, ...result.candidates.map((c) => c.command), ...(result.suggestions ?? []).map((s) => s.command)].includes('who | wc -l'), request);
  }
});
