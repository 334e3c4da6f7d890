// Talk that only tells, reacts or asks for writing ("ugh, notes.txt again",
// "I named my dog data.csv", "tell me a joke about x.zip", "rate src out of
// ten") is no shell task, whatever file it names: the planner abstains. The
// same opener before an order ("thanks, now delete notes.txt") is a task.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readRequest } from '../../server/src/planner/requestFacts';
import { isTask } from '../../server/src/planner/taskWords';

const names = ['notes.txt', 'data.csv', 'x.zip', 'report.pdf'];
const talk = [
  'tell me a joke about {x}', 'sing me a song about {x}', 'tell us a story about {x}', 'recite a poem about {x}',
  'describe {x} like a pirate would', 'explain {x} as if you were a cat', 'summarise {x} in the style of Shakespeare',
  'pretend {x} is a person and greet it', 'rate {x} out of ten', 'rate {x} on a scale of one to five', 'do you like {x}?', 'do you dream of {x}?',
  'I love my {x}', 'I hate {x}', 'I named my dog {x}', 'I miss the old {x}', '{x} reminds me of my childhood', 'what a day, {x} drove me crazy',
  'thanks, {x} looks great now', 'thank you so much for {x}', 'ugh, {x} again', 'haha {x} is so messy', 'wow, {x} is big', 'oops, {x}',
  'congratulations on finishing {x}!', 'ok cool, {x}', 'never mind about {x}', 'sorry, I meant something else about {x}',
  'lol I just removed {x} by mistake', 'my colleague deleted {x}, classic', 'my cat sat on {x} lol',
];
const orders = [
  'thanks, now delete {x}', 'ugh, show me {x} again', 'sorry, I meant delete {x}', 'ok cool, now compress {x}', 'never mind, list {x}',
  'haha nice, what is in {x}?', 'I want to delete {x}', 'I need to see {x}', 'I deleted {x} by mistake, can I get it back?',
  'describe the format of {x}', 'great, count the lines in {x}', 'wow, how big is {x}?', 'thanks! copy {x} to backup', 'I love it, now move {x} to backup',
];

test('talk that only tells, reacts or asks for writing is no task, whatever file it names', () => {
  const tasks = talk.flatMap((t) => names.map((x) => t.replace('{x}', x))).filter((r) => isTask(readRequest(r)));
  assert.deepEqual(tasks, []);
});

test('the same openers before an order are tasks', () => {
  const missed = orders.flatMap((t) => names.map((x) => t.replace('{x}', x))).filter((r) => !isTask(readRequest(r)));
  assert.deepEqual(missed, []);
});
