// The risk card's content, computed without a DOM: the highlighted span of
// each rule, its source and alternative, the two verdicts in words, and what
// Copy / Insert may do under the host verdict.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canAllowShape, hostAction, ruleView, verdictLines } from '../../media/src/riskView';
import { sandboxVerdict } from '../../server/src/policy/sandboxVerdict';
import type { PolicyDecision, RuleHit } from '../../server/src/protocol/types';

const risk = { reads: [], writes: [], deletes: ['build'], network: false, privilege: false };
function decision(d: PolicyDecision['decision'], rules: RuleHit[]): PolicyDecision {
  const p: PolicyDecision = { decision: d, rules, risk, policyVersion: 'x' };
  p.sandbox = sandboxVerdict(p);
  return p;
}

test('a rule\'s span is cut out of its own line of the command for highlighting', () => {
  const command = 'cd src\nls && rm -rf build; echo done';
  const start = command.indexOf('rm');
  const view = ruleView(command, { id: 'fs.delete-workspace', severity: 'ask', reason: 'deletes build', command_index: 1, span: [start, start + 'rm -rf build'.length], source: { file: 'policies/paladin/fs.rego', line: 59 }, alternative: 'look first' });
  assert.deepEqual(view.excerpt, { before: 'ls && ', marked: 'rm -rf build', after: '; echo done' });
  assert.equal(view.source, 'policies/paladin/fs.rego:59');
  assert.equal(view.alternative, 'look first');
  assert.equal(ruleView(command, { id: 'x.y', severity: 'ask', reason: 'r', command_index: -1 }).excerpt, undefined, 'no span, nothing highlighted');
  assert.equal(ruleView('ls', { id: 'x.y', severity: 'ask', reason: 'r', command_index: 0, span: [5, 90] }).excerpt, undefined, 'a span past the end is not trusted');
});

test('the two verdicts in words: an ask on the host runs offline in the sandbox without asking', () => {
  const ask = decision('ask', [{ id: 'fs.delete-workspace', severity: 'ask', reason: 'deletes build', command_index: 0 }]);
  const lines = verdictLines(ask);
  assert.match(lines.host, /needs your approval/);
  assert.match(lines.sandbox, /runs offline on a copy without asking/);
  assert.match(verdictLines(decision('deny', [{ id: 'fs.delete-root', severity: 'deny', reason: 'root', command_index: 0 }])).sandbox, /never runs/);
});

test('Copy and Insert follow the host verdict: off with the reason for deny, confirmed for ask, free for allow', () => {
  const deny = hostAction(decision('deny', [{ id: 'fs.delete-root', severity: 'deny', reason: 'would delete /', command_index: 0 }]));
  assert.deepEqual([deny.disabled, deny.confirm], [true, false]);
  assert.match(deny.why!, /fs.delete-root: would delete \//);
  const ask = hostAction(decision('ask', [{ id: 'repo.change', severity: 'ask', reason: 'r', command_index: 0 }]));
  assert.deepEqual([ask.disabled, ask.confirm], [false, true]);
  assert.deepEqual(hostAction(decision('allow', [])), { disabled: false, confirm: false });
  assert.equal(hostAction(undefined).disabled, true);
});

test('"Allow exactly this shape" is offered for a built-in ask only', () => {
  assert.equal(canAllowShape(decision('ask', [{ id: 'repo.change', severity: 'ask', reason: 'r', command_index: 0 }])), true);
  assert.equal(canAllowShape(decision('ask', [{ id: 'user.review', severity: 'ask', reason: 'r', command_index: 0 }])), false);
  assert.equal(canAllowShape(decision('deny', [{ id: 'fs.delete-root', severity: 'deny', reason: 'r', command_index: 0 }])), false);
  assert.equal(canAllowShape(decision('allow', [])), false);
});
