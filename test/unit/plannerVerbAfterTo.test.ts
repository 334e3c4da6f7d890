// "I need to restore notes.txt", "how to duplicate data.csv", "time to move
// it": the word after such a "to" is the verb of the request, never a place
// or a destination a plan could write to (`cp notes.txt restore`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readRequest } from '../../server/src/planner/requestFacts';

const openers = ['I need to', 'I want to', "I'd like to", 'how to', 'time to', 'I have to', "we're going to", 'I forgot to', 'please help me, I need to', 'I tried to'];
const verbs = ['restore', 'duplicate', 'back up', 'merge', 'archive', 'compress', 'delete', 'rename', 'copy', 'move', 'shrink', 'clean'];
const objects = ['notes.txt', 'data.csv from backup', 'the logs folder', 'src'];

test('the verb after "need to", "want to", "how to" is no destination nor place', () => {
  const wrong: string[] = [];
  for (const opener of openers) for (const verb of verbs) for (const object of objects) {
    const request = `${opener} ${verb} ${object}`;
    const f = readRequest(request, { files: new Set(['notes.txt', 'backup/data.csv']), dirs: new Set(['src', 'backup', 'logs', ...verbs.filter((v) => !v.includes(' '))]), byBase: new Map() });
    const first = verb.split(' ')[0];
    if ([...f.targets, ...f.dirs].some((x) => x.value === first)) wrong.push(`${request}: ${JSON.stringify([...f.targets, ...f.dirs].map((x) => x.value))}`);
  }
  assert.deepEqual(wrong, []);
});

test('a place after "to" stays one', () => {
  assert.ok(readRequest('copy notes.txt to backup').targets.some((t) => t.value === 'backup'));
  assert.ok(readRequest('I need to copy notes.txt to backup').targets.some((t) => t.value === 'backup'));
  assert.ok(readRequest('time to move notes.txt to docs').targets.some((t) => t.value === 'docs'));
});
