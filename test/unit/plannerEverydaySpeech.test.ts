// Everyday speech that borrows shell words is no shell task; the same words
// about files, folders or a repository still are.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest } from '../../server/src/planner/requestFacts';

const isTask = (text: string) => readIntent(readRequest(text)).task;

test('phrases that borrow a git or shell verb are no task', () => {
  for (const text of [
    'how can I commit to the morning run with my dog',
    'we should branch out into new markets next year',
  ]) assert.equal(isTask(text), false, text);
});

test('food, work talk and a place of the home named like a folder are no task', () => {
  for (const text of [
    'sort the cookies by size',
    'show me the data on my salary',
    'there is water under the sink again',
    'file my taxes before april',
  ]) assert.equal(isTask(text), false, text);
});

test('the same words about a computer stay a task', () => {
  for (const text of [
    'commit to the main branch',
    'show the file my colleague sent',
    'list everything under the logs folder',
    'count the lines in the file',
    'list the commits to src since monday',
  ]) assert.equal(isTask(text), true, text);
});
