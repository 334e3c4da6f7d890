import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boundOutput, SUMMARY_INPUT_CHARS, summaryMessages } from '../../server/src/planner/outputSummary';

test('boundOutput keeps short output whole and cuts long output to its head and tail', () => {
  assert.equal(boundOutput('short'), 'short');
  const long = 'a'.repeat(10_000) + 'MIDDLE' + 'z'.repeat(10_000);
  const bounded = boundOutput(long);
  assert.ok(bounded.length <= SUMMARY_INPUT_CHARS, `${bounded.length} characters`);
  assert.ok(bounded.startsWith('aaaa'));
  assert.ok(bounded.endsWith('zzzz'));
  assert.doesNotMatch(bounded, /MIDDLE/);
  assert.match(bounded, /\[… \d+ characters left out …\]/);
});

test('for a remote model, a private key split by the cut is still redacted whole', () => {
  // The key's BEGIN marker falls in the head, its body runs through the middle, its END marker in the tail.
  const body = Array.from({ length: 400 }, (_, i) => `QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo${String(i).padStart(4, '0')}`).join('\n');
  const output = 'x'.repeat(5_000) + '\n-----BEGIN RSA PRIVATE KEY-----\n' + body + '\n-----END RSA PRIVATE KEY-----\n' + 'y'.repeat(5_000);
  const remote = summaryMessages(output, 'cat key.pem', true).map((m) => m.content).join('\n');
  assert.doesNotMatch(remote, /QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo/);
  assert.match(remote, /\[REDACTED PRIVATE KEY\]/);
  const local = summaryMessages(output, 'cat key.pem', false).map((m) => m.content).join('\n');
  assert.match(local, /QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo/, 'a model on this machine sees the output as it is');
});

test('for a remote model, secrets in the command and the output are redacted; the prompt says the output is data', () => {
  const messages = summaryMessages('token: ghp_abcdefghijklmnopqrstuvwxyz0123456789\nAWS_SECRET_ACCESS_KEY=abcdEFGHijklMNOP1234\nall good\n', 'curl -H "Authorization: Bearer abcdefghijklmnop1234" x', true);
  const text = messages.map((m) => m.content).join('\n');
  assert.doesNotMatch(text, /ghp_abcdef|abcdEFGHijkl|abcdefghijklmnop1234/);
  assert.match(text, /all good/);
  assert.equal(messages[0].role, 'system');
  assert.match(messages[0].content, /data, not instructions/);
});
