// The three tiers combined, over many generated cases: whatever a person's
// own tier says (asks, denies, waivers of every hit above it, ids copied from
// the organisation's rules), the verdict is never weaker than that of the
// built-in policy and the organisation's tier; organisation waivers drop only
// built-in asks on a line no tier denies.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Decision, RuleHit } from '../../server/src/protocol/types';
import { combineTiers, SEVERITY, stricter, type TierAnswer } from '../../server/src/policy/tiers';
import type { Waiver } from '../../server/src/policy/waivers';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const BUILTIN_IDS = ['repo.change', 'network.access', 'fs.write-home', 'fs.delete-root', 'unknown.construct', 'tools.change'];

function hits(r: () => number, ids: string[], max: number): RuleHit[] {
  const out: RuleHit[] = [];
  const n = Math.floor(r() * (max + 1));
  for (let i = 0; i < n; i++) out.push({ id: ids[Math.floor(r() * ids.length)], severity: r() < 0.3 ? 'deny' : 'ask', reason: 'r', command_index: Math.floor(r() * 3) });
  return out;
}

/** Waivers naming every hit seen so far, at its own index and at others: the widest a tier could ask for. */
function waiversOf(r: () => number, all: RuleHit[], policy: string): Waiver[] {
  return all.filter(() => r() < 0.8).map((h) => ({ id: h.id, command_index: r() < 0.8 ? h.command_index : Math.floor(r() * 3), policy }));
}

function strictest(rules: RuleHit[], start: Decision = 'allow'): Decision {
  return rules.reduce<Decision>((d, h) => stricter(d, h.severity), start);
}

function generated(seed: number) {
  const r = rng(seed);
  const builtinRules = hits(r, BUILTIN_IDS, 3);
  const builtin = { decision: strictest(builtinRules), rules: builtinRules };
  const orgHits = hits(r, ['org.no-curl', 'org.review'], 2);
  const org: TierAnswer = { hits: orgHits, waivers: r() < 0.5 ? waiversOf(r, builtinRules, 'org.shapes@v3') : [] };
  // The person's tier copies ids from both tiers above (with and without their prefixes) and waives everything.
  const copied = [...builtinRules, ...orgHits].map((h) => (r() < 0.5 ? `user.${h.id}` : h.id));
  const ownHits = hits(r, copied.length ? copied : ['user.x'], 2).map((h) => ({ ...h, severity: r() < 0.5 ? h.severity : ('ask' as const) }));
  const own: TierAnswer = { hits: ownHits, waivers: waiversOf(r, [...builtinRules, ...orgHits, ...ownHits], 'mine') };
  return { builtin, org, own };
}

test('a person\'s own tier never weakens the verdict of the tiers above it (20,000 generated cases)', () => {
  let raised = 0;
  let orgWaived = 0;
  for (let seed = 1; seed <= 20_000; seed++) {
    const { builtin, org, own } = generated(seed);
    const above = combineTiers(builtin, org, { hits: [], waivers: [] }, { ownMayWaive: false });
    const withOwn = combineTiers(builtin, org, own, { ownMayWaive: false });
    assert.ok(SEVERITY[withOwn.decision] >= SEVERITY[above.decision], `seed ${seed}: ${above.decision} became ${withOwn.decision}`);
    assert.ok(SEVERITY[withOwn.decision] >= SEVERITY[strictest(own.hits)], `seed ${seed}: the person's own ${strictest(own.hits)} was lost`);
    // A person's deny may stop an organisation waiver; nothing of theirs adds one.
    for (const w of withOwn.waived) assert.ok(above.waived.some((a) => a.id === w.id && a.command_index === w.command_index), `seed ${seed}: the person's waivers dropped ${w.id}`);
    for (const h of above.rules) assert.ok(withOwn.rules.includes(h), `seed ${seed}: ${h.id} of a tier above was dropped`);
    if (SEVERITY[withOwn.decision] > SEVERITY[above.decision]) raised++;
    if (above.waived.length) orgWaived++;
  }
  // The generator reaches the cases that matter: tightening happens, and organisation waivers apply.
  assert.ok(raised > 1000, `only ${raised} cases were tightened by the person's tier`);
  assert.ok(orgWaived > 500, `only ${orgWaived} cases had an organisation waiver apply`);
});

test('organisation waivers drop built-in asks only, never a deny, never an organisation hit, never on a denied line', () => {
  for (let seed = 1; seed <= 20_000; seed++) {
    const { builtin, org } = generated(seed);
    const out = combineTiers(builtin, org, { hits: [], waivers: [] }, { ownMayWaive: false });
    for (const w of out.waived) {
      assert.equal(w.severity, 'ask', `seed ${seed}: a deny was waived`);
      assert.ok(builtin.rules.includes(w) || builtin.rules.some((b) => b.id === w.id && b.command_index === w.command_index), `seed ${seed}: ${w.id} is not a built-in hit`);
      assert.notEqual(w.id, 'unknown.construct');
    }
    if ([...builtin.rules, ...org.hits].some((h) => h.severity === 'deny')) {
      assert.equal(out.decision, 'deny', `seed ${seed}`);
      assert.equal(out.waived.length, 0, `seed ${seed}: something was waived on a denied line`);
    }
    for (const h of org.hits) assert.ok(out.rules.includes(h), `seed ${seed}: the organisation's ${h.id} was dropped`);
  }
});

test('on one machine the owner is their own organisation: their waivers apply to built-in asks', () => {
  const ask: RuleHit = { id: 'repo.change', severity: 'ask', reason: 'r', command_index: 0 };
  const own: TierAnswer = { hits: [], waivers: [{ id: 'repo.change', command_index: 0, policy: 'shape' }] };
  assert.equal(combineTiers({ decision: 'ask', rules: [ask] }, { hits: [], waivers: [] }, own, { ownMayWaive: true }).decision, 'allow');
  assert.equal(combineTiers({ decision: 'ask', rules: [ask] }, { hits: [], waivers: [] }, own, { ownMayWaive: false }).decision, 'ask');
  const org: TierAnswer = { hits: [], waivers: [{ id: 'repo.change', command_index: 0, policy: 'org.shapes@v2' }] };
  const waived = combineTiers({ decision: 'ask', rules: [ask] }, org, { hits: [], waivers: [] }, { ownMayWaive: false });
  assert.equal(waived.decision, 'allow');
  assert.equal(waived.waived[0].waivedBy, 'org.shapes@v2');
});
