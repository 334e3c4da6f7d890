// The sandbox verdict: a pure function of the host verdict, the mode and the
// network asked for. Offline ro/snapshot never needs a person; network and
// live mode do; a host deny never runs anywhere.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultMode, describeSandbox, sandboxVerdict } from '../../server/src/policy/sandboxVerdict';
import type { Decision, PolicyDecision, RuleHit } from '../../server/src/protocol/types';

function policy(decision: Decision, opts: { writes?: string[]; deletes?: string[]; network?: boolean; rules?: RuleHit[] } = {}): Pick<PolicyDecision, 'decision' | 'rules' | 'risk'> {
  const rules = opts.rules ?? (decision === 'allow' ? [] : [{ id: `x.${decision}`, severity: decision, reason: `because ${decision}`, command_index: 0 }]);
  return { decision, rules, risk: { reads: [], writes: opts.writes ?? [], deletes: opts.deletes ?? [], network: opts.network ?? false, privilege: false } };
}

test('default mode: read-only allowed commands see the workspace read-only; writes, deletes and ask work on a copy', () => {
  assert.equal(defaultMode(policy('allow')), 'ro');
  assert.equal(defaultMode(policy('allow', { writes: ['out.txt'] })), 'snapshot');
  assert.equal(defaultMode(policy('allow', { deletes: ['build'] })), 'snapshot');
  assert.equal(defaultMode(policy('ask')), 'snapshot');
  assert.equal(defaultMode(policy('deny')), 'snapshot');
});

test('offline ro and snapshot runs need nobody, whatever the host verdict short of deny', () => {
  for (const d of ['allow', 'ask'] as const) {
    for (const mode of [undefined, 'ro', 'snapshot'] as const) {
      const v = sandboxVerdict(policy(d), { mode });
      assert.equal(v.needsApproval, false, `${d} ${mode}`);
      assert.equal(v.decision, 'allow');
      assert.deepEqual(v.reasons, []);
      assert.equal(v.network, false);
    }
  }
  assert.equal(sandboxVerdict(policy('ask')).mode, 'snapshot');
});

test('network and live mode cross the boundary: they need a person, with reasons, and an ask\'s rules come along', () => {
  const net = sandboxVerdict(policy('allow'), { network: true });
  assert.deepEqual([net.needsApproval, net.decision, net.mode, net.network], [true, 'ask', 'ro', true]);
  assert.equal(net.reasons.length, 1);
  assert.match(net.reasons[0], /^network access/);
  const live = sandboxVerdict(policy('allow'), { mode: 'live' });
  assert.deepEqual([live.needsApproval, live.mode], [true, 'live']);
  assert.match(live.reasons[0], /^live mode/);
  const both = sandboxVerdict(policy('ask'), { mode: 'live', network: true });
  assert.equal(both.reasons.length, 3);
  assert.equal(both.reasons[2], 'x.ask: because ask');
});

test('a host deny never runs: not offline, not with approval flags', () => {
  for (const req of [{}, { mode: 'ro' as const }, { network: true }, { mode: 'live' as const }]) {
    const v = sandboxVerdict(policy('deny'), req);
    assert.equal(v.decision, 'deny');
    assert.equal(v.needsApproval, false, 'approval cannot help');
    assert.deepEqual(v.reasons, ['x.deny: because deny']);
  }
  assert.match(describeSandbox(sandboxVerdict(policy('deny'))), /never runs/);
});

test('a command that needs the network still runs offline without asking, with a note saying its calls will fail', () => {
  const v = sandboxVerdict(policy('ask', { network: true }));
  assert.equal(v.needsApproval, false);
  assert.equal(v.network, false);
  assert.ok(v.notes.some((n) => /offline/.test(n)));
  assert.match(describeSandbox(v), /runs offline on a copy of the workspace \(snapshot\) without asking/);
});

test('output that would show a secret from the workspace crosses the boundary too: it asks first, in any mode', () => {
  const secret = policy('ask', { rules: [{ id: 'secrets.read-workspace', severity: 'ask', reason: 'cat would read .env.', command_index: 0 }] });
  for (const mode of [undefined, 'ro', 'snapshot'] as const) {
    const v = sandboxVerdict(secret, { mode });
    assert.equal(v.needsApproval, true, String(mode));
    assert.equal(v.reasons.length, 1);
    assert.match(v.reasons[0], /^secrets.read-workspace: cat would read .env. Its output would show it outside the sandbox/);
  }
  const both = sandboxVerdict(policy('ask', { rules: [{ id: 'secrets.read-workspace', severity: 'ask', reason: 'r.', command_index: 0 }, { id: 'fs.write-workspace', severity: 'ask', reason: 'w', command_index: 1 }] }), { network: true });
  assert.equal(both.reasons.filter((r) => r.startsWith('secrets.read-workspace')).length, 1, 'named once');
  assert.ok(both.reasons.includes('fs.write-workspace: w'));
});
