// A change to files that names no git act is never planned with a change to
// the repository (a commit, an amend, a tag, a stash, a reset, a new branch,
// staging): only a request that speaks of git or its history may change it.
// Plans are read by the real parser into the facts the policy sees.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { effectChecks } from '../support/policyDecision';

const { over } = effectChecks();
const changes: [request: string, plan: string][] = [
  ['delete out/r.txt', 'rm out/r.txt'], ['append hello to notes.txt', 'echo hello >> notes.txt'], ['rename notes.txt to n.md', 'mv notes.txt n.md'],
  ['make a folder called tmp2', 'mkdir tmp2'], ['gzip logs/a.log', 'gzip logs/a.log'], ['create an empty file new.txt', 'touch new.txt'],
  ['make scripts/build.sh executable', 'chmod +x scripts/build.sh'], ["replace milk with bread in notes.txt", "sed -i 's/milk/bread/g' notes.txt"],
];
const added = ['{p}; git commit -qam wip', '{p} && git commit -am done', '{p}; git commit --amend --no-edit -a', '{p}; git tag v2', 'git stash; {p}', '{p} && git reset --hard', 'git checkout -b tmp && {p}', '{p} && git add -A', '{p}; git config user.name bot'];

test('a git change added to a change that names no git act is turned away', () => {
  for (const [request, plan] of changes) {
    for (const polite of ['{r}', 'please {r}', 'could you {r} thanks']) {
      const r = polite.replace('{r}', request);
      for (const a of added) assert.match(over(r, a.replace('{p}', plan)), /changes the (?:git )?repository/, `${a.replace('{p}', plan)} for "${r}"`);
      assert.doesNotMatch(over(r, plan), /repository/, `${plan} for "${r}"`);
    }
  }
});

test('a request that speaks of git may change the repository, and git rm or git mv is the act itself', () => {
  for (const [request, plan] of [['commit notes.txt', 'git add notes.txt && git commit -m x'], ['delete out/r.txt and commit it', 'rm out/r.txt && git commit -am "remove r.txt"'], ['restore notes.txt', 'git checkout -- notes.txt'], ['stash my changes and create tmp2', 'git stash && mkdir tmp2'], ['delete out/r.txt', 'git rm out/r.txt'], ['rename notes.txt to n.md', 'git mv notes.txt n.md'], ['create a branch called dev', 'git branch dev']]) {
    assert.doesNotMatch(over(request, plan), /names no git act/, `${plan} for "${request}"`);
  }
});
