// Mutation testing of the built-in policy (real OPA WASM): every dangerous
// seed of test/corpora/attack-seeds.txt, rewritten by meaning-preserving
// transforms (test/mutation/), must never come out `allow`; and a `deny`
// seed's mutants stay `deny` unless a transform in the chain is one that may
// honestly lower them to `ask` (none today: see TRANSFORMS' `lowers`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPolicyEngine } from '../../server/src/policy';
import { loadSeeds, mutants } from '../mutation/generator';
import { holdRate, pct } from '../mutation/holdRate';
import { TRANSFORMS } from '../mutation/transforms';

const COUNT = 10_000;

test('the seed corpus is broad: several hundred seeds across every class', () => {
  const seeds = loadSeeds();
  assert.ok(seeds.length >= 300, `${seeds.length} seeds`);
  const classes = new Set(seeds.map((s) => s.cls));
  for (const c of ['option-exec', 'arithmetic', 'path-build', 'startup', 'secret', 'exfil', 'data-exec', 'env-poison', 'container', 'security-off', 'anti-forensics', 'kill-all', 'power']) assert.ok(classes.has(c), c);
  assert.ok(TRANSFORMS.length >= 20, `${TRANSFORMS.length} transforms`);
});

test(`no mutant of a dangerous seed is allowed, and deny seeds stay deny (${COUNT} mutants)`, async () => {
  const engine = await createPolicyEngine();
  const seeds = loadSeeds();
  const r = holdRate(engine, seeds, mutants(seeds, COUNT, 11));
  assert.equal(r.total, COUNT);
  const show = (list: { seed: { command: string }; transforms: string[]; text: string }[]) => list.slice(0, 15).map((m) => `${m.transforms.join('+')}: ${JSON.stringify(m.seed.command)} → ${JSON.stringify(m.text)}`);
  assert.deepEqual(r.seedsAllowed.map((s) => s.command), [], 'seeds allowed');
  assert.deepEqual(show(r.allowed), [], `${r.allowed.length} of ${r.total} mutants allowed (hold rate ${pct(r.total - r.allowed.length, r.total)})`);
  assert.deepEqual(r.seedsNotDenied.map((s) => s.command), [], 'deny seeds not denied');
  // Known gaps, each a composition of three rewrites the facts do not follow yet (listed in docs/user/policy.md):
  // a link made inside another link, a decoder run through a pattern-named program, `declare -n` split by ${IFS}.
  // They come out `ask`, never `allow`; the bound keeps any new gap from going unnoticed.
  const mustDeny = [...r.byClass.values()].reduce((n, t) => n + t.mustDeny, 0);
  assert.ok(r.lowered.length <= Math.ceil(mustDeny * 0.001), `${r.lowered.length} of ${mustDeny} mutants of deny seeds lowered to ask:\n${show(r.lowered).join('\n')}`);
});
