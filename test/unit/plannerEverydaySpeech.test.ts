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

test('a request about everyday life after sentences that tell of computer work is no task', () => {
  for (const text of [
    'The docker deploy went fine. Which wine goes with the salmon?',
    'We squashed forty commits in the repository this morning. Now give me a poem about autumn.',
    'I spent the night renaming files in git. How do I get my sleep schedule back?',
  ]) assert.equal(isTask(text), false, text);
  for (const text of [
    'I cleaned my room today. Now list the files in logs.',
    'My dog chewed the charger. Show the processes using the most memory.',
    'The cat walked on the keyboard. What changed in notes.txt?',
  ]) assert.equal(isTask(text), true, text);
});

test('an everyday thing whose name starts with a shell noun is no task', () => {
  for (const text of [
    'pour me a glass of port wine',
    'find the remote control for the telly',
    'the process of healing after surgery is slow',
    'which airport terminal is closest to parking',
    'find the nearest branch of the bank',
  ]) assert.equal(isTask(text), false, text);
  for (const text of ['kill the cat process', 'which process listens on port 8080', 'show the remote branches']) assert.equal(isTask(text), true, text);
});

test('talk about computers (taste, opinion, trivia, a story) is no task unless it names a file', () => {
  for (const text of [
    'which editor is your favourite for bash scripts',
    'who created the linux kernel',
    'what do you think about kubernetes pods',
    'write me a short poem about shell scripts',
  ]) assert.equal(isTask(text), false, text);
  assert.equal(isTask('who created src/main.js'), true);
});

test('asking for reasons or pros and cons is talk, not a task', () => {
  for (const text of ['what are the main reasons to learn docker', 'list the pros and cons of tar vs zip']) assert.equal(isTask(text), false, text);
  assert.equal(isTask('show the reasons the build failed in logs/app.log'), true);
});

test('parties and garden plants are everyday things', () => {
  for (const text of ['what time should we stop the sleepover', 'how do I branch the hedges']) assert.equal(isTask(text), false, text);
});

test('writing that takes a writer is no task, whatever file it names; writing a value into a file is', () => {
  const forms = ['write a haiku about', 'compose a short poem about', 'write me a story in', 'make up a song about', 'come up with a limerick about'];
  for (const form of forms) for (const file of ['notes.txt', 'people.csv', 'src/main.ts']) assert.equal(isTask(`${form} ${file}`), false, `${form} ${file}`);
  for (const text of ['translate notes.txt to French', 'translate the readme into german']) assert.equal(isTask(text), false, text);
  for (const text of ['write hello to notes.txt', 'write the date into log.txt', 'create a new file called story.txt', 'write a script that backs up docs']) assert.equal(isTask(text), true, text);
});
