import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CircuitBreaker } from '../../server/src/planner/circuitBreaker';
import { parseModelAnswer } from '../../server/src/planner/llmPrompt';
import { isLoopback, redactSecrets } from '../../server/src/planner/redact';
import { parseBash } from '../../server/src/planner/shellSyntax';

test('circuit breaker: opens after N failures in a row, half-opens after the cool-down for one probe', () => {
  let now = 0;
  const b = new CircuitBreaker(3, 10_000, () => now);
  b.failure('x');
  b.failure('x');
  b.success();
  b.failure('x');
  b.failure('x');
  assert.equal(b.state, 'closed', 'a success in between resets the count');
  b.failure('boom');
  assert.equal(b.state, 'open');
  assert.equal(b.allow(), false);
  assert.match(b.describe(), /circuit open after 3 failures in a row \(last: boom\); retrying in 10 s/);
  now = 10_000;
  assert.equal(b.state, 'half-open');
  assert.equal(b.allow(), true, 'one probe');
  assert.equal(b.allow(), false, 'only one probe at a time');
  b.failure('still down');
  assert.equal(b.state, 'open', 'a failed probe opens it again');
  now = 20_000;
  assert.equal(b.allow(), true);
  b.release();
  assert.equal(b.allow(), true, 'a cancelled probe frees the slot');
  b.success();
  assert.equal(b.state, 'closed');
});

test('secrets are redacted: keys, tokens, passwords, private keys, secret-looking variables', () => {
  const text = [
    'OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwxyz123456',
    'token ghp_abcdefghijklmnopqrstuvwxyz0123456789',
    'aws AKIAABCDEFGHIJKLMNOP',
    'curl https://user:hunter2@example.com/x',
    'Authorization: Bearer abcdefghijklmnopqrstuvwxyz',
    'DB_PASSWORD="correct horse"',
    'password: s3cr3t-value',
    '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----',
    'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijklmnop',
  ].join('\n');
  const out = redactSecrets(text);
  for (const secret of ['sk-proj-abc', 'ghp_abc', 'AKIAABCD', 'hunter2', 'abcdefghijklmnopqrstuvwxyz\n', 's3cr3t', 'correct horse', 'b3BlbnNzaC1', 'eyJhbGci']) assert.ok(!out.includes(secret), `${secret} left in:\n${out}`);
  assert.match(out, /OPENAI_API_KEY=\[REDACTED/);
  assert.match(out, /DB_PASSWORD="\[REDACTED\]"/);
  assert.equal(redactSecrets('find the biggest files and reset my password'), 'find the biggest files and reset my password', 'ordinary words stay');
});

test('loopback endpoints are recognised; anything else counts as remote', () => {
  for (const url of ['http://127.0.0.1:11434', 'http://localhost:1234/v1', 'http://[::1]:8080', 'http://127.3.4.5']) assert.equal(isLoopback(url), true, url);
  for (const url of ['https://api.openai.com/v1', 'http://10.0.0.5:11434', 'http://[::ffff:127.0.0.1]:80', 'not a url']) assert.equal(isLoopback(url), false, url);
});

test('model answers: JSON in fences or with prose around it is read; anything unusable is a clear error', () => {
  assert.equal(parseModelAnswer('```json\n{"command":"ls","reasoning":"r","assumptions":[],"expected_effects":[]}\n```').command, 'ls');
  assert.equal(parseModelAnswer('Sure! {"command":"df -h","reasoning":"free space"} hope it helps').command, 'df -h');
  assert.deepEqual(parseModelAnswer('{"command":"ls","expected_effects":["lists"],"assumptions":"not a list"}').assumptions, []);
  assert.throws(() => parseModelAnswer('use ls'), /not JSON/);
  assert.throws(() => parseModelAnswer('[1,2]'), /not a JSON object/);
  assert.throws(() => parseModelAnswer('{"command":"  "}'), /empty command/);
  assert.throws(() => parseModelAnswer('{"cmd":"ls"}'), /empty command/);
});

test('bash validation: good commands parse, broken ones say why, many parses in a row stay correct', async () => {
  assert.deepEqual(await parseBash("find . -name '*.py' | xargs wc -l"), { ok: true });
  const bad = await parseBash("echo 'unterminated");
  assert.equal(bad.ok, false);
  assert.match(bad.error ?? '', /quote/);
  assert.equal((await parseBash('if then fi')).ok, false);
  // Many parses in a row: the parser keeps no state that drifts.
  for (let i = 0; i < 600; i++) {
    const r = await parseBash(i % 3 === 0 ? `echo "${'x'.repeat(i)}` : `grep -rn ${'y'.repeat(i % 200)} . | head -n ${i}`);
    assert.equal(r.ok, i % 3 !== 0, `parse ${i}`);
  }
  assert.equal((await parseBash('x'.repeat(60_000))).ok, true, 'a long word is still bash');
});
