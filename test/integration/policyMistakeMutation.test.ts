// Mutation testing of the honest destructive mistakes (test/corpora/destructive.txt):
// every one is a `deny` seed, rewritten by the same meaning-preserving
// transforms as the attack seeds (test/mutation/). A mistake written another
// way is the same mistake: no mutant may be `allow`, and mutants stay `deny`
// within the same small bound the attack suite allows for three-deep chains.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPolicyEngine } from '../../server/src/policy';
import { mutants, type Seed } from '../mutation/generator';
import { holdRate, pct } from '../mutation/holdRate';
import { readCorpus } from '../support/corpora';

const COUNT = Number(process.env.PALADIN_MISTAKE_MUTANTS ?? 3000);

const seeds: Seed[] = readCorpus('destructive').map((e) => ({ expect: 'deny', cls: e.ecosystem, command: e.command, line: e.line }));

test(`no mutant of a destructive mistake is allowed, and they stay deny (${COUNT} mutants)`, async () => {
  const engine = await createPolicyEngine();
  const r = holdRate(engine, seeds, mutants(seeds, COUNT, 23));
  const show = (list: { seed: { command: string }; transforms: string[]; text: string }[]) => list.slice(0, 15).map((m) => `${m.transforms.join('+')}: ${JSON.stringify(m.seed.command)} → ${JSON.stringify(m.text)}`);
  assert.deepEqual(r.seedsAllowed.map((s) => s.command), [], 'seeds allowed');
  assert.deepEqual(show(r.allowed), [], `${r.allowed.length} of ${r.total} mutants allowed (hold rate ${pct(r.total - r.allowed.length, r.total)})`);
  assert.deepEqual(r.seedsNotDenied.map((s) => s.command), [], 'mistakes not denied');
  assert.ok(r.lowered.length <= Math.ceil(r.total * 0.01), `${r.lowered.length} of ${r.total} mutants lowered to ask:\n${show(r.lowered).join('\n')}`);
});
