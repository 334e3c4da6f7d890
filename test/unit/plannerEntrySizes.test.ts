// "The size of every file and folder here": every entry of the folder
// measured by du, each summed, with the embedded planner, its real knowledge
// and the real policy stage. A walk that hands du only the files, or du
// without -s on a folder (which prints every folder below it), answers
// something else.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { lookProgramFit } from '../../server/src/planner/lookPrograms';
import { readRequest } from '../../server/src/planner/requestFacts';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('entrySizes', ['src', 'docs'], ['notes.txt', 'src/main.ts', 'docs/guide.md']);
});

after(() => w.close());

const fit = (command: string, request: string) => lookProgramFit(command, readRequest(request));

test('the sizes of all the files and folders of a folder are du of each entry', async () => {
  for (const request of [
    'print the size in kilobytes of all top-level files and folders here, biggest first',
    'show the disk usage of each file and directory in the current folder',
    'how much space does every file or folder in this directory take',
    'list each file or directory here with its filesize, sorted',
    'display the sizes of all files/folders in the current directory in descending order',
  ]) {
    assert.match(await w.plan(request), /^du -s\w* \S*\*/, request);
  }
  // The few biggest, the space of the disks, and a change are not every entry measured.
  assert.match(await w.plan('the 10 largest files and directories'), /\| head -n 10$/);
  assert.doesNotMatch(await w.plan('delete all files and folders here that take more space than 1M'), /^du\b/);
  assert.doesNotMatch(await w.plan('disk usage of each file system and partition'), /^du\b/);
});

test('a walk that measures only files, or du without -s on folders, is no size of each entry', () => {
  const request = 'show the disk usage of each file and directory in the current folder';
  assert.ok(fit('find . -type f -exec du -h {} \\;', request) < 0);
  assert.ok(fit('find . -maxdepth 1 -exec du -h {} +', request) < 0);
  assert.ok(fit('du -sh ./* | sort -rh', request) > fit('du -sh .', request));
});
