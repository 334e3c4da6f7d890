// A change lands in the workspace unless the request names another place:
// the parent, the home folder, a temporary folder, or a path outside written
// out. Plans are read by the real parser into the facts the policy sees.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { effectChecks } from '../support/policyDecision';

const { over } = effectChecks();
const cases: [request: string, right: string, wrong: string[]][] = [
  ['make a folder called tmp2', 'mkdir tmp2', ['mkdir -p ../tmp2', 'mkdir -p /tmp/tmp2', 'mkdir -p ~/tmp2', 'mkdir -p ../../tmp2']],
  ['create an empty file new.txt', 'touch new.txt', ['touch ../new.txt', 'touch /tmp/new.txt', 'touch ~/new.txt']],
  ['save the list of files to out/list.txt', 'ls > out/list.txt', ['ls > ../out/list.txt', 'ls > /tmp/list.txt', 'ls > ~/list.txt']],
  ['extract todo.txt from x.zip', 'unzip x.zip todo.txt', ['unzip x.zip todo.txt -d ..', 'unzip x.zip todo.txt -d /tmp', 'unzip x.zip todo.txt -d ~']],
  ['copy notes.txt to out', 'cp notes.txt out/', ['cp notes.txt ../out/', 'cp notes.txt /tmp/out/', 'cp notes.txt ~/out']],
];

test('a change outside the workspace, in a place the request does not name, is turned away', () => {
  for (const [request, right, wrong] of cases) {
    for (const polite of ['{r}', 'please {r}', 'could you {r} thanks']) {
      const r = polite.replace('{r}', request);
      for (const plan of wrong) assert.match(over(r, plan), /outside the workspace, a place the request does not name/, `${plan} for "${r}"`);
      assert.doesNotMatch(over(r, right), /outside the workspace/, `${right} for "${r}"`);
    }
  }
});

test('a place the request names is where the change may land', () => {
  for (const [request, plan] of [['save the list of files to /tmp/list.txt', 'ls > /tmp/list.txt'], ['move notes.txt to the parent folder', 'mv notes.txt ..'], ['copy notes.txt into my home folder', 'cp notes.txt ~/notes.txt'], ['back up my bashrc', 'cp ~/.bashrc ~/.bashrc.bak'], ['copy notes.txt to /srv/data', 'cp notes.txt /srv/data/'], ['put a copy of notes.txt in a temp folder', 'cp notes.txt /tmp/'], ['delete the cache in ~/.cache/pip', 'rm -rf ~/.cache/pip']]) {
    assert.doesNotMatch(over(request, plan), /outside the workspace, a place/, `${plan} for "${request}"`);
  }
});
