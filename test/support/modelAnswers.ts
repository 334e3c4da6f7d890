// A model (an Ollama stand-in speaking the real wire protocol) that answers
// with a command of the test's choosing, for the planner integration tests
// that hold a model's answer to the request: the answer is turned away with
// its reason and never reaches the person.
import assert from 'node:assert/strict';
import { Planner } from '../../server/src/planner';
import type { PlanResult } from '../../server/src/protocol/types';
import type { PolicyStage } from '../../server/src/stages';
import { normaliseSettings } from '../../server/src/settings/settings';
import type { Db } from '../../server/src/store/database';
import { startOllamaStandIn } from './ollamaStandIn';

/** A model's answer as the planner asks for it: the command, and little else. */
export const modelAnswer = (command: string, reasoning = 'it does what you asked'): string => JSON.stringify({ command, reasoning, assumptions: [], expected_effects: [] });

/** Every command a person is shown: the plan, its alternatives and suggestions. */
export const shownCommands = (r: { command: string; candidates: { command: string }[]; suggestions?: { command: string }[] }): string[] => [r.command, ...r.candidates.map((c) => c.command), ...(r.suggestions ?? []).map((c) => c.command)].filter(Boolean);

/**
 * Plans each request in `workspace` with a model that answers the command
 * given for it, and fails once, naming each answer that is not turned away
 * with a reason matching the one given, or that is shown all the same.
 * Returns the results, in order, for what a test checks besides.
 */
export async function expectTurnedAway(db: Db, policy: PolicyStage, workspace: string, cases: [request: string, reply: string, reason: RegExp][]): Promise<PlanResult[]> {
  const wrong: string[] = [];
  const results: PlanResult[] = [];
  for (const [request, reply, reason] of cases) {
    const ollama = await startOllamaStandIn({ models: ['m'], chat: () => modelAnswer(reply) });
    const planner = new Planner(db, normaliseSettings({ 'planner.cacheTtlSeconds': 0, 'ollama.url': ollama.url, 'ollama.model': 'm' }).settings, policy);
    try {
      const result = await planner.plan({ request, workspace }, {});
      results.push(result);
      const rejected = result.rejected?.find((r) => r.command === reply);
      if (!rejected) wrong.push(`${reply} is not turned away for "${request}": ${JSON.stringify(result.rejected)}`);
      else if (rejected.planner !== 'ollama' || !reason.test(rejected.reason)) wrong.push(`${reply} for "${request}" is turned away by ${rejected.planner} because "${rejected.reason}"; wanted ${reason}`);
      if (shownCommands(result).includes(reply)) wrong.push(`${reply} is shown for "${request}"`);
    } finally {
      planner.dispose();
      await ollama.close();
    }
  }
  assert.deepEqual(wrong, []);
  return results;
}
