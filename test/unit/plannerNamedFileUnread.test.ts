// A look at a file the request names is never answered by a plan that reads
// no file and never names it ("list the tables in app.db" → a process
// listing); a plan that reads the file, names it, or reads other files (a
// search that could find it) is not turned away for it; nor is a request
// about git by a plan that runs no git. Wordings, files and
// plans are built from parts; the checks read the facts the real parser reads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { effectChecks } from '../support/policyDecision';

const checks = effectChecks({ files: new Set(['app.db', 'notes.txt', 'data/sales.csv', 'site.conf']), dirs: new Set(['data']), byBase: new Map([['sales.csv', 'data/sales.csv']]) });
const asks = ['list the tables in {f}', 'what is in {f}', 'show me the schema of {f}', 'how many rows does {f} have', 'tell me about {f}', 'what does {f} say'];
const files = ['app.db', 'notes.txt', 'data/sales.csv', 'site.conf'];
const readNothing = ['ps -eo pid,ppid,stat,cmd', 'df -h', 'date', 'uptime', 'who', 'free -m', 'ls'];
const reads = (f: string) => [`cat ${f}`, `wc -l ${f}`, `file ${f}`, `stat ${f}`, `head -n 20 ${f}`, `sqlite3 ${f} .tables`, `find . -name '${f.split('/').pop()}'`, `grep -c . ${f}`];
const unread = /reads no file, so it tells nothing of/;

test('a look at a named file answered by a plan that reads no file and never names it is turned away', () => {
  let n = 0;
  for (const ask of asks) {
    for (const f of files) {
      const request = ask.replace('{f}', f);
      for (const plan of readNothing) {
        assert.match(checks.short(request, plan), unread, `${request} → ${plan}`);
        n++;
      }
      for (const plan of [...reads(f), `yes | ./${f}`]) assert.doesNotMatch(checks.short(request, plan), unread, `${request} → ${plan}`);
    }
  }
  assert.ok(n >= 150, `${n} pairs`);
});

test('a request that names no file, or orders a change, is not held to it', () => {
  for (const plan of readNothing) {
    assert.doesNotMatch(checks.short('how full is the disk', plan), unread);
    assert.doesNotMatch(checks.short('show the running processes', plan), unread);
  }
  assert.doesNotMatch(checks.short('delete app.db', 'rm app.db'), unread);
});

test('a request about git is never answered by a plan that runs no git and looks at no repository', () => {
  const gitAsks = ['is {f} tracked by git', 'did git see my change to {f}', 'which commit last touched {f} in git', 'show what git knows about {f}'];
  const noGit = (f: string) => [`sort ${f} | uniq -c | sort -rn`, `cat ${f}`, `wc -l ${f}`, `stat ${f}`];
  const withGit = (f: string) => [`git ls-files ${f}`, `git log -1 -- ${f}`, `git status --short ${f}`, 'ls -a .git', 'cat .gitignore'];
  for (const ask of gitAsks) {
    for (const f of files) {
      const request = ask.replace('{f}', f);
      for (const plan of noGit(f)) assert.match(checks.short(request, plan), /runs no git and looks at no repository/, `${request} → ${plan}`);
      for (const plan of withGit(f)) assert.doesNotMatch(checks.short(request, plan), /runs no git/, `${request} → ${plan}`);
    }
  }
  // ".gitignore" and "github" say no git, and "git directories" are folders to name.
  for (const request of ['list the files ignoring git and svn directories', 'find everything but the git folders', 'count files, skipping git, hg or svn metadata']) {
    assert.doesNotMatch(checks.short(request, "find . -type f -not -path '*/svn/*'"), /runs no git/, request);
  }
  assert.doesNotMatch(checks.short('show the .gitignore', 'cat .gitignore'), /runs no git/);
  assert.doesNotMatch(checks.short('list my github notes in notes.txt', 'cat notes.txt'), /runs no git/);
});

test('"add a folder …" and "add a file …" order something made: a plan that only looks falls short', () => {
  for (const thing of ['a folder', 'a new subfolder', 'an empty file', 'a file', 'two directories']) {
    for (const plan of ['ls data', 'find data -type d', 'cat notes.txt']) assert.match(checks.short(`add ${thing} to data named x`, plan), /changes nothing, but the request asks/, `${thing}: ${plan}`);
    assert.doesNotMatch(checks.short(`add ${thing} to data named x`, thing.includes('file') ? 'touch data/x' : 'mkdir -p data/x'), /changes nothing/);
  }
});

test('a request to add files to git is never answered by taking them out of the staging area', () => {
  for (const ask of ['add {f} to git', 'add the file {f} to the staging area', 'stage {f}', 'add {f} to the index']) {
    for (const f of files) {
      const request = ask.replace('{f}', f);
      for (const plan of [`git restore --staged ${f}`, `git rm --cached ${f}`, `git reset ${f}`, `git reset HEAD -- ${f}`]) assert.match(checks.short(request, plan), /takes files out of the staging area/, `${request} → ${plan}`);
      assert.doesNotMatch(checks.short(request, `git add ${f}`), /staging area/, request);
    }
  }
  assert.doesNotMatch(checks.short('unstage notes.txt', 'git restore --staged notes.txt'), /staging area, but/);
});
