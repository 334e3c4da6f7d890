// Attack classes written many ways (test/mutation/attackClasses.ts), judged by
// the real policy (OPA WASM): what must be refused is `deny`, what must never
// run unasked is not `allow`, and the near misses of each class (everyday
// commands that look alike) are not refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPolicyEngine } from '../../server/src/policy';
import { attackClassCases, type ClassCase } from '../mutation/attackClasses';

test('every class is written many ways, with near misses beside it', () => {
  const all = attackClassCases();
  const byClass = new Map<string, ClassCase[]>();
  for (const c of all) byClass.set(c.cls, [...(byClass.get(c.cls) ?? []), c]);
  assert.ok(all.length >= 800, `${all.length} cases`);
  for (const [cls, list] of byClass) assert.ok(list.length >= 15, `${cls}: ${list.length} cases`);
  assert.ok(all.filter((c) => c.expect === 'not-deny').length >= 40);
});

test('the policy refuses each class however it is written, and not its near misses', async () => {
  const engine = await createPolicyEngine();
  const wrong: string[] = [];
  for (const c of attackClassCases()) {
    const d = engine.judge(c.command);
    const ok = c.expect === 'deny' ? d.decision === 'deny' : c.expect === 'ask+' ? d.decision !== 'allow' : d.decision !== 'deny';
    if (!ok) wrong.push(`${c.cls} expected ${c.expect}, got ${d.decision}: ${c.command} [${d.rules.map((r) => r.id).join(', ')}]`);
  }
  assert.deepEqual(wrong, []);
});
