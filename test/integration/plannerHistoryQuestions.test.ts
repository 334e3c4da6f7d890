// Questions about a repository's history, over a real repository with the
// real policy: the paths, tags, branches, end and number of commits they
// name are kept, history words without the word git are asked of git, and
// the plans, run in the repository, print what was asked.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { expectPlans, plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;
const plan = (request: string) => w.plan(request);

function git(args: string[], author?: string, date?: string): string {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: w.workspace };
  if (author && date) {
    const [name, email] = author.split('|');
    Object.assign(env, { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  }
  return execFileSync('git', args, { cwd: w.workspace, env, encoding: 'utf8' });
}

function commit(author: string, date: string, message: string, files: Record<string, string>): void {
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(w.workspace, f)), { recursive: true });
    fs.writeFileSync(path.join(w.workspace, f), text);
  }
  git(['add', '--', ...Object.keys(files)]);
  git(['commit', '-q', '-m', message], author, date);
}

/** Runs a plan in the repository, as the person would. */
const run = (command: string) => execFileSync('bash', ['-c', command], { cwd: w.workspace, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_PAGER: 'cat' } });

before(async () => {
  w = await plannerWorkspace('history', ['lib', 'docs'], {});
  git(['init', '-q', '-b', 'trunk']);
  const nadia = 'Nadia Okafor|nadia@example.org';
  const tomas = 'Tomas Reyes|tomas@example.org';
  commit(nadia, '2023-03-01T10:00:00Z', 'Start the parser', { 'lib/core.c': 'int main(void) { return 0; }\n', CHANGES: 'none yet\n' });
  commit(tomas, '2023-03-04T10:00:00Z', 'Write the intro', { 'docs/intro.md': '# Intro\nA parser.\nIt reads.\n' });
  commit(tomas, '2023-03-09T10:00:00Z', 'Handle empty input', { 'lib/core.c': 'int main(void) { return 1; }\n' });
  git(['tag', 'rel-1']);
  commit(nadia, '2023-04-02T10:00:00Z', 'Document the flags', { 'docs/intro.md': '# Intro\nA parser.\nIt reads flags.\n', 'lib/flags.c': 'int flags;\n' });
  git(['switch', '-q', '-c', 'spike']);
  commit(tomas, '2023-04-05T10:00:00Z', 'Try a faster lexer', { 'lib/lexer.c': 'int lex;\n' });
  git(['switch', '-q', 'trunk']);
  fs.appendFileSync(path.join(w.workspace, 'CHANGES'), 'flags\n');
});

after(() => w.close());

test('a path, a tag, a branch, the first end and a number of commits named are kept', async () => {
  await expectPlans(plan, [
    ['how many commits have changed lib', /^git (?:log --oneline -- lib \| wc -l|rev-list --count HEAD -- lib)$/],
    ['count the commits affecting docs', /^git log --oneline -- docs \| wc -l$/],
    ['show me the change history for docs/intro.md', /^git log\b.* -- docs\/intro\.md$/],
    ['print the subject of the commit tagged rel-1', /^git log -1 --format=%s rel-1$/],
    ['who authored the commit tagged rel-1', /^git log -1 --format='%an <%ae>' rel-1$/],
    ['who made the initial commit?', /^git log --reverse --format='%an <%ae>' \| head -n 1$/],
    ['what did the very first commit say', /^git log --reverse --format=%s \| head -n 1$/],
    ['subjects of the two newest commits', /^git log -n 2 --format=%s$/],
    ['which files did the newest commit touch', /^git show --name-only --pretty=format: HEAD$/],
  ]);
});

test('history words without the word git are asked of git in a repository', async () => {
  await expectPlans(plan, [
    ['who last changed line 2 of docs/intro.md', /^git blame -L 2,\+1 -- docs\/intro\.md$/],
    ['when was lib/flags.c added', /^git log --diff-filter=A .* -- lib\/flags\.c$/],
    ['which versions have been tagged', /^git tag\b/],
    ["what's on the other branch that isn't here", /^git log --oneline trunk\.\.spike$/],
    ['which tracked files have edits not yet committed', /^git diff --name-only$/],
  ]);
});

test('the plans, run in the repository, print what was asked', async () => {
  assert.equal(run(await plan('how many commits have changed lib')).trim(), '3');
  assert.equal(run(await plan('who made the initial commit?')).trim(), 'Nadia Okafor <nadia@example.org>');
  assert.equal(run(await plan('print the subject of the commit tagged rel-1')).trim(), 'Handle empty input');
  assert.equal(run(await plan("what's on the other branch that isn't here")).trim().replace(/^\w+ /, ''), 'Try a faster lexer');
  assert.match(run(await plan('when was lib/flags.c added')), /2023-04-02 Nadia Okafor Document the flags/);
  assert.equal(run(await plan('which tracked files have edits not yet committed')).trim(), 'CHANGES');
});
