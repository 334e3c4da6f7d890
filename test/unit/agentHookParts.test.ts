// The pure parts of the agent hooks: quoting a command for the sandbox route
// (it must reach `paladin run` as one word, whatever it holds), reading each
// agent's event, and merging settings without losing what was there.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { parseEvent, refusal, shellQuote } from '../../server/src/agents/hooks/answerHook';
import { claudeCodeHook } from '../../server/src/agents/hooks/claudeCode';
import { cursorHook } from '../../server/src/agents/hooks/cursor';
import { geminiHook } from '../../server/src/agents/hooks/gemini';
import { installPlan } from '../../server/src/agents/hooks/install';

/** A fixed-seed generator of hostile words: quotes, expansions, separators, control and non-ASCII characters. */
function* hostileWords(count: number): Generator<string> {
  const alphabet = ["'", '"', '\\', '$', '`', '(', ')', ';', '&', '|', '\n', '\t', ' ', '*', '?', '~', '!', '#', '{', '}', '<', '>', 'a', 'Z', '0', '-', '=', 'é', '\u2028', '%', '\r'];
  let seed = 0x9e3779b9;
  const next = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  for (let i = 0; i < count; i++) {
    const length = 1 + Math.floor(next() * 24);
    yield Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  }
  yield "it's";
  yield "'$(rm -rf ~)'";
  yield '$(touch /tmp/pwned)`id`';
}

describe('shellQuote', () => {
  test('every hostile word reaches the program as exactly one argument, unexpanded', () => {
    const words = [...hostileWords(400)];
    // One bash process checks them all: each quoted word becomes one printf argument, NUL-terminated.
    const script = `printf '%s\\0' ${words.map(shellQuote).join(' ')}`;
    const out = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    assert.deepEqual(out.stdout.split('\0').slice(0, -1), words);
  });
});

describe('hook events', () => {
  test('each agent\'s shell event is read; anything else is unknown', () => {
    const c = claudeCodeHook.parse({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'ls' }, cwd: '/w' });
    assert.deepEqual(c, { kind: 'shell', event: { command: 'ls', cwd: '/w' } });
    assert.equal(claudeCodeHook.parse({ hook_event_name: 'PreToolUse', tool_name: 'bash', tool_input: { command: 'ls' } }).kind, 'unknown');
    assert.equal(claudeCodeHook.parse({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: ['ls'] } }).kind, 'unknown');
    const g = geminiHook.parse({ hook_event_name: 'BeforeTool', tool_name: 'run_shell_command', tool_input: { command: 'ls', dir_path: 'sub' }, cwd: '/w' });
    assert.deepEqual(g, { kind: 'shell', event: { command: 'ls', cwd: '/w/sub' } });
    const k = cursorHook.parse({ hook_event_name: 'beforeShellExecution', command: 'ls', workspace_roots: ['/r'] });
    assert.deepEqual(k, { kind: 'shell', event: { command: 'ls', cwd: '/r', client: undefined } });
    assert.equal(cursorHook.parse({ hook_event_name: 'beforeReadFile', command: 'ls' }).kind, 'unknown');
  });

  test('events that are not JSON objects, or too large, are refused', () => {
    for (const raw of ['', 'null', '[1]', '"x"', '{', 'x'.repeat(2 * 1024 * 1024)]) assert.equal(typeof parseEvent(raw), 'string', raw.slice(0, 10));
    assert.equal(typeof parseEvent('{"a":1}'), 'object');
  });

  test('a refusal is never allow: deny on errors, ask only for what the hook does not judge and only where the agent can ask', () => {
    for (const format of [claudeCodeHook, geminiHook, cursorHook]) {
      assert.equal(refusal(format, 'x').answer.decision, 'deny');
      assert.equal(refusal(format, 'x').exitCode, 2);
      assert.equal(refusal(format, 'x', { unknown: true }).answer.decision, format.hasAsk ? 'ask' : 'deny');
    }
  });
});

describe('hook install', () => {
  test('merging adds Paladin once and keeps every other setting and hook', () => {
    const plan = installPlan('claude-code', { project: '/p', command: 'paladin' });
    assert.equal(plan.file, '/p/.claude/settings.json');
    const existing = { permissions: { allow: ['Bash(ls)'] }, hooks: { PreToolUse: [{ matcher: 'Write', hooks: [] }], Stop: [{ hooks: [] }] } };
    const once = plan.merge(existing);
    const twice = plan.merge(once);
    assert.deepEqual(twice, once);
    assert.deepEqual((once as typeof existing).permissions, existing.permissions);
    assert.equal((once as typeof existing).hooks.PreToolUse.length, 2);
    assert.deepEqual((once as typeof existing).hooks.Stop, existing.hooks.Stop);
    const cursor = installPlan('cursor', { project: '/p', command: 'paladin', sandbox: false }).merge({});
    assert.deepEqual(cursor, { version: 1, hooks: { beforeShellExecution: [{ command: 'paladin hook cursor' }] } });
  });
});
