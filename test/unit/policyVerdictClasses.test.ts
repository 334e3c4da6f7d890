// Verdicts of the built-in policy (real OPA WASM) for behaviour classes judged
// by what a command does, both ways: the risky shape is never allowed, and the
// everyday neighbour keeps its verdict.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPolicyEngine } from '../../server/src/policy';
import type { Decision } from '../../server/src/protocol/types';

const WS = '/home/dev/project';

async function verdicts(commands: string[]): Promise<Map<string, Decision>> {
  const engine = await createPolicyEngine();
  const out = new Map<string, Decision>();
  for (const c of commands) out.set(c, (await engine.check(c, { workspace: WS })).decision);
  return out;
}

/** Every command must come out exactly `want`. */
export async function expectAll(want: Decision, commands: string[]): Promise<void> {
  const got = await verdicts(commands);
  const wrong = [...got].filter(([, d]) => d !== want).map(([c, d]) => `${d}: ${c}`);
  assert.deepEqual(wrong, [], `expected ${want}`);
}

/** Every command must come out `ask` or `deny`. */
export async function expectNotAllowed(commands: string[]): Promise<void> {
  const got = await verdicts(commands);
  assert.deepEqual([...got].filter(([, d]) => d === 'allow').map(([c]) => c), []);
}

test('settings that keep commands out of the history are refused; harmless history settings are not', async () => {
  await expectAll('deny', ['export HISTCONTROL=ignorespace', 'HISTCONTROL=ignoreboth', 'declare -x HISTCONTROL=ignoredups:ignorespace', "export HISTIGNORE='*'", 'HISTIGNORE="ls:cat *"; ls', 'export HISTCONTROL=$MODE', 'readonly HISTIGNORE=" *"']);
  await expectAll('allow', ['export HISTCONTROL=ignoredups', 'echo "$HISTCONTROL"', 'HISTIGNORE= ls']);
});
