// Questions about a repository's history: the refs a workspace's repository
// really has (read from its files), the tags, branches and paths a request
// names, the end and number of commits it asks for, and the checks that set
// aside a git plan dropping any of them. Commands are read by the real parser
// into the facts the policy sees.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { historyQuestion } from '../../server/src/planner/gitQuestions';
import { readGitRefs } from '../../server/src/planner/gitRefs';
import { readRequest, type WorkspaceNames } from '../../server/src/planner/requestFacts';
import { readRefs } from '../../server/src/planner/requestGit';
import { isTask } from '../../server/src/planner/taskWords';
import { effectChecks } from '../support/policyDecision';

const refs = { branches: ['trunk', 'hotfix-7', 'experiment'], tags: ['2.3.0', 'rc-4', 'v0.9'], current: 'trunk' };
const files = ['lib/core.c', 'Makefile', 'notes/plan.txt', 'CHANGES'];
const repo: WorkspaceNames = { files: new Set(files), dirs: new Set(['lib', 'notes', '.git']), byBase: new Map(files.map((f) => [path.basename(f), f])), refs };
const plain: WorkspaceNames = { files: new Set(files), dirs: new Set(['lib', 'notes']), byBase: new Map(files.map((f) => [path.basename(f), f])) };

const { over } = effectChecks(repo);

function holds(request: string, fits: string[], beyond: string[], reason: RegExp): void {
  for (const f of fits) assert.equal(over(request, f), '', `${f} keeps "${request}"`);
  for (const b of beyond) assert.match(over(request, b), reason, `${b} drops what "${request}" names`);
}

test('the refs of a repository are read from its files: loose, packed, and through a worktree', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-refs-'));
  try {
    const main = path.join(dir, 'main', '.git');
    for (const d of ['refs/heads/team', 'refs/tags', 'worktrees/side']) fs.mkdirSync(path.join(main, d), { recursive: true });
    fs.writeFileSync(path.join(main, 'HEAD'), 'ref: refs/heads/trunk\n');
    fs.writeFileSync(path.join(main, 'refs/heads/trunk'), `${'a'.repeat(40)}\n`);
    fs.writeFileSync(path.join(main, 'refs/heads/team/ui'), `${'b'.repeat(40)}\n`);
    fs.writeFileSync(path.join(main, 'packed-refs'), `# pack-refs with: peeled\n${'c'.repeat(40)} refs/tags/2.3.0\n^${'d'.repeat(40)}\n${'e'.repeat(40)} refs/heads/old-work\n`);
    fs.writeFileSync(path.join(main, 'worktrees/side/HEAD'), 'ref: refs/heads/team/ui\n');
    fs.writeFileSync(path.join(main, 'worktrees/side/commondir'), '../..\n');
    fs.mkdirSync(path.join(dir, 'side'));
    fs.writeFileSync(path.join(dir, 'side', '.git'), `gitdir: ${path.join(main, 'worktrees/side')}\n`);
    const own = readGitRefs(path.join(dir, 'main'));
    assert.deepEqual({ branches: own?.branches.sort(), tags: own?.tags, current: own?.current }, { branches: ['old-work', 'team/ui', 'trunk'], tags: ['2.3.0'], current: 'trunk' });
    const side = readGitRefs(path.join(dir, 'side'));
    assert.equal(side?.current, 'team/ui');
    assert.deepEqual(side?.tags, ['2.3.0']);
    assert.equal(readGitRefs(dir), undefined);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a tag or branch the repository has is a ref whatever its shape; "the other branch" is the one not checked out', () => {
  const values = (text: string, r = refs) => readRefs(text, r).map((f) => f.value);
  assert.deepEqual(values('what did the 2.3.0 release change'), ['2.3.0']);
  assert.deepEqual(values('commits between rc-4 and hotfix-7'), ['rc-4', 'hotfix-7']);
  assert.deepEqual(readRefs('commits between rc-4 and hotfix-7').map((f) => f.value), [], 'outside a repository only the shapes of refs count');
  const two = { branches: ['trunk', 'spike'], tags: [], current: 'trunk' };
  assert.deepEqual(values('what is on the other branch that is not here', two), ['spike', 'trunk']);
  assert.deepEqual(values('show the other branch'), [], 'with several other branches, "the other" names none');
});

test('history words without the word git are a question to git only in a repository', () => {
  for (const request of ['what changed since yesterday', 'who introduced lib/core.c', 'when was CHANGES added', 'which versions have been tagged', 'compare Makefile with rc-4']) {
    assert.ok(historyQuestion(readRequest(request, repo)), `"${request}" is asked of the history in a repository`);
    assert.ok(!historyQuestion(readRequest(request, plain)) || /rc-4/.test(request), `"${request}" is no history question outside a repository`);
  }
  assert.ok(isTask(readRequest('what has changed since last monday', repo)));
  assert.ok(!isTask(readRequest('what has changed since last monday', plain)));
});

test('a path of the repository the request names is kept: the whole history answers another question', () => {
  holds('how many commits have touched lib', ['git log --oneline -- lib | wc -l', 'git rev-list --count HEAD -- lib'], ['git rev-list --count HEAD', 'git log --oneline | wc -l'], /whole repository, but the request names lib/);
  holds('show the history of notes/plan.txt', ['git log --oneline -- notes/plan.txt', 'git log --follow -p notes/plan.txt'], ['git log --oneline', 'git show HEAD'], /names notes\/plan\.txt/);
  holds('what did I change in the Makefile since the last commit', ['git diff Makefile', 'git diff HEAD -- Makefile'], ['git diff', 'git diff --stat'], /names Makefile/);
  holds('show my unstaged edits to CHANGES', ['git diff CHANGES', 'git diff -- CHANGES'], ['git diff'], /names CHANGES/);
  holds('save the commits touching the lib folder to lib-history.txt', ['git log --oneline -- lib > lib-history.txt'], ['git log --oneline > lib-history.txt'], /names lib$/);
});

test('a tag or branch the request names is kept, alone or in a range', () => {
  holds('print the subject of the commit tagged 2.3.0', ['git log -1 --format=%s 2.3.0', 'git show -s --format=%s 2.3.0^{commit}'], ['git log -1 --pretty=%B', 'git show HEAD'], /leaves out 2\.3\.0/);
  holds('which commits are on hotfix-7 but not on trunk', ['git log --oneline trunk..hotfix-7', 'git log hotfix-7 ^trunk'], ['git log --oneline -n 5', 'git log --oneline trunk..HEAD'], /leaves out hotfix-7/);
  holds('the files that differ between rc-4 and experiment', ['git diff --name-only rc-4 experiment', 'git diff --name-only rc-4...experiment'], ['git diff --name-only', 'git diff --name-only rc-4'], /leaves out (?:rc-4, )?experiment/);
  // A listing of branches is no read of the history: it is judged by what it lists.
  assert.equal(over('is hotfix-7 merged into trunk', 'git branch --merged trunk'), '');
});

test('the first commit is the oldest end of the history', () => {
  holds('who wrote the very first commit', ["git log --reverse --format='%an' | head -n 1", 'git log --max-parents=0 --format=%an'], ["git log -1 --format='%an <%ae>'", 'git show -s HEAD --format=%an'], /newest commits, but the request asks for the first/);
  holds('the date of the initial commit', ["git log --reverse --format=%ad | head -n 1"], ['git log -1 --format=%ad'], /asks for the first/);
  assert.equal(over('everything committed since the first commit', 'git log --oneline'), '');
});

test('a number of commits is kept, and a person asked for is printed', () => {
  holds('messages of the three newest commits', ['git log -n 3 --format=%s', 'git log -3 --oneline', 'git log --format=%s | head -n 3'], ['git log -1 --pretty=%B', 'git log -n 5 --format=%s', 'git log --format=%s | head -n 10'], /shows \d+ commits?, but the request asks for 3/);
  holds('who authored the commit tagged v0.9', ["git log -1 --format='%an <%ae>' v0.9", 'git show v0.9'], ['git log -1 --format=%s v0.9', 'git log --oneline -1 v0.9'], /prints no author/);
});

test('the changes of a number of commits span that many: a diff back from HEAD, one shown commit, or the working tree', () => {
  for (const [n, words] of [[3, 'three'], [2, '2'], [5, 'five']] as const) {
    holds(`what changed in the last ${words} commits`, [`git diff HEAD~${n} HEAD`, `git diff HEAD~${n}..HEAD`, `git log --name-status -n ${n}`], ['git diff HEAD~1 HEAD', 'git diff HEAD^', 'git show HEAD', 'git show --name-only --pretty=format: HEAD', 'git diff'], new RegExp(`shows \\d+ commits?, but the request asks for ${n}`));
  }
});

test('a range from a ref to itself compares nothing', () => {
  for (const range of ['trunk...trunk', 'trunk..trunk', 'v0.9..v0.9']) assert.match(over('diff trunk and the experiment branch', `git diff ${range}`), /compares \S+ with itself/, range);
  assert.doesNotMatch(over('diff trunk and the experiment branch', 'git diff trunk...experiment'), /with itself/);
});
