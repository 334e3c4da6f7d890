// A question about processes is answered about the processes, with the
// embedded planner, its real knowledge and the real policy stage: the
// machine's memory (free) is no list of processes, and "the 4 hungriest
// processes" counts them; it names no process id.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('processQuestions', ['src'], ['notes.txt']);
});

after(() => w.close());

test('processes listed by their memory use are ps, never the machine\'s free memory', async () => {
  for (const request of ['print the processes in ascending order of memory usage', 'list all the processes by how much memory they take', 'show every process with its memory use']) {
    const command = await w.plan(request);
    assert.doesNotMatch(command, /^(?:free|lscpu|nproc)\b/, request);
  }
  assert.equal(await w.plan('how much memory is free'), 'free -h');
});

test('a number before "processes" counts them; it is no process id', async () => {
  for (const request of ['the 4 hungriest processes by memory', 'show the 3 processes using the most memory', 'list 6 memory hungry processes']) {
    assert.doesNotMatch(await w.plan(request), /\s-p\s+\d/, request);
  }
  assert.match(await w.plan('what is process 812'), /-p 812\b/);
});
