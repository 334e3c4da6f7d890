// The guard request generator: the same seed gives the same requests,
// another seed others; it composes thousands of distinct requests from its
// parts, covers every class, head and act it names, and says what to do
// when asked for something it cannot give.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acts, existenceHeads, fixtureFolders, orderHeads, questionHeads } from '../bench/devset/guardGrammar';
import { distinct, generateGuardSample } from '../bench/devset/guardGenerator';
import { lookOnlyClasses } from '../bench/devset/guardLookOnly';

const sizes = { lookOnly: 3000, controls: 1000, nonTasks: 1500 };

test('the same seed gives the same sample; another seed another', () => {
  const a = generateGuardSample(7, sizes);
  assert.deepEqual(generateGuardSample(7, sizes), a);
  const b = generateGuardSample(8, sizes);
  const shared = new Set(a.lookOnly.map((r) => r.request));
  assert.ok(b.lookOnly.filter((r) => shared.has(r.request)).length < sizes.lookOnly / 5, 'two seeds share most of their look-only requests');
});

test('thousands of distinct requests, every class in equal share', () => {
  const s = generateGuardSample(1, sizes);
  for (const set of [s.lookOnly, s.controls, s.nonTasks]) assert.equal(new Set(set.map((r) => r.request.toLowerCase())).size, set.length);
  for (const cls of lookOnlyClasses) assert.equal(s.lookOnly.filter((r) => r.class === cls).length, sizes.lookOnly / lookOnlyClasses.length, cls);
  // Many shapes, not a list of sentences: each class draws on several parts of the grammar.
  for (const cls of lookOnlyClasses) assert.ok(new Set(s.lookOnly.filter((r) => r.class === cls).map((r) => r.shape)).size >= 5, cls);
  assert.ok(new Set(s.nonTasks.map((r) => r.shape)).size >= 25);
});

test('the heads, folders and acts it names all occur', () => {
  const text = generateGuardSample(3, sizes).lookOnly.map((r) => r.request).join('\n');
  for (const head of [...orderHeads, ...questionHeads, ...existenceHeads, 'is there anything']) assert.ok(text.includes(`${head} `), head);
  for (const folder of fixtureFolders) assert.ok(text.includes(` ${folder}`), folder);
  for (const a of acts.filter((x) => !/^(rm|mv|cp|sed -i)$/.test(x.base))) assert.ok(text.includes(a.base), a.base);
  for (const word of ['touch', 'make', 'clean', 'kill', 'mount', 'link', 'sync']) assert.match(text, new RegExp(`\\b${word}`), word);
  for (const word of ['rm -rf', 'chmod +x', 'git clean', 'git reset', 'sed -i', 'gzip', 'chown']) assert.ok(text.includes(word), word);
});

test('controls carry the acts they order, of every kind', () => {
  const s = generateGuardSample(5, sizes);
  const kinds = new Set(s.controls.flatMap((r) => r.acts ?? []));
  assert.deepEqual([...kinds].sort(), ['change', 'create', 'delete', 'move']);
  assert.ok(s.controls.every((r) => (r.acts ?? []).length > 0));
});

test('bad input gets an error that says what to do', () => {
  assert.throws(() => generateGuardSample(1.5, sizes), /seed must be an integer/);
  assert.throws(() => generateGuardSample(1, { ...sizes, controls: -1 }), /number of controls must be a whole number/);
  let n = 0;
  assert.throws(() => distinct(5, 'greetings', () => ({ request: ['hello', 'hi', 'hey'][n++ % 3] })), /gave only 3 distinct greetings of the 5 asked for: ask for fewer/);
});
