import assert from 'node:assert/strict';
import { test } from 'node:test';
import { composeStep, composeSteps, splitCompound } from '../../server/src/planner/compose';
import { fits } from '../../server/src/planner/dryRun';

test('compound requests split into the first part and the steps after it', () => {
  assert.deepEqual(splitCompound('find files larger than 10MB and delete them'), { head: 'find files larger than 10MB', steps: [{ kind: 'delete', target: undefined }] });
  assert.deepEqual(splitCompound('list the .txt files, then sort them and save them to List.txt')?.steps, [{ kind: 'sort', target: undefined }, { kind: 'save', target: 'List.txt' }]);
  assert.deepEqual(splitCompound('find the .tmp files and move them to trash/')?.steps, [{ kind: 'move', target: 'trash' }]);
  assert.deepEqual(splitCompound('save the list of files in src to files.txt'), { head: 'list files in src', steps: [{ kind: 'save', target: 'files.txt' }] });
  assert.equal(splitCompound('find files larger than 10MB'), undefined);
  assert.equal(splitCompound('copy a.txt and b.txt to out'), undefined, 'an "and" inside the first part is no step');
});

test('steps extend a command only where they can follow it', () => {
  assert.equal(composeStep("find . -type f -size +10M", { kind: 'delete' }), "find . -type f -size +10M -delete");
  assert.equal(composeStep("grep -rl TODO src", { kind: 'delete' }), 'grep -rl TODO src | xargs -r rm --');
  assert.equal(composeStep("grep -rn TODO src", { kind: 'delete' }), undefined, 'grep -n prints lines, not files');
  assert.equal(composeStep("find . -name '*.tmp'", { kind: 'move', target: 'my trash' }), "find . -name '*.tmp' -exec mv -t 'my trash' {} +", 'no folder is made that nobody asked for');
  assert.equal(composeStep("find . -name '*.tmp'", { kind: 'move', target: 'my trash', create: true }), "mkdir -p 'my trash' && find . -name '*.tmp' -exec mv -t 'my trash' {} +");
  assert.equal(composeStep('ls src > out.txt', { kind: 'save', target: 'x' }), undefined, 'already redirected');
  assert.equal(composeSteps("find . -name '*.py'", [{ kind: 'sort' }, { kind: 'save', target: 'py.txt' }]), "find . -name '*.py' | sort > py.txt");
});

test('a dry run fits when it gives what the request asked', () => {
  const ran = (exitCode: number, stdout: string, changes: { path: string; kind: 'created' | 'changed' | 'deleted' }[] = []) => ({ exitCode, end: 'exited', stdout, changes });
  assert.equal(fits([], ran(0, 'a\nb\n')).fits, true);
  assert.match(fits([], ran(0, '')).why, /printed nothing/);
  assert.match(fits([], ran(0, 'x', [{ path: 'a', kind: 'created' }])).why, /changed 1 file/);
  assert.match(fits([], ran(2, 'x')).why, /exited 2/);
  assert.equal(fits(['delete'], ran(0, '', [{ path: 'a.log', kind: 'deleted' }])).fits, true);
  assert.match(fits(['delete'], ran(0, 'a.log\n')).why, /deleted nothing/);
  assert.equal(fits(['create'], ran(0, '', [{ path: 'out', kind: 'created' }])).fits, true);
  assert.equal(fits([], { exitCode: null, end: 'timeout', stdout: '', changes: [] }).fits, false);
});
