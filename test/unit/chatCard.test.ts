// The chat card's pure parts: how paths known only at run time read, reasons
// joined without doubled punctuation, the rows of what a command touches,
// filling a plan's missing values, and what a run in a chosen mode needs
// approval for.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { approvalReasons, LIVE_REASON } from '../../media/src/modeChooser';
import { progressText } from '../../media/src/planProgress';
import { hostAction, joinReasons, showPaths, touchRows } from '../../media/src/riskView';
import { fillSlot, shellWord, unfilled } from '../../media/src/slotForm';
import { sandboxVerdict } from '../../server/src/policy/sandboxVerdict';
import type { PolicyDecision, RuleHit } from '../../server/src/protocol/types';
import { isFromWebview, isToWebview } from '../../server/src/protocol/webview';

function decision(d: PolicyDecision['decision'], rules: RuleHit[], risk: Partial<PolicyDecision['risk']> = {}): PolicyDecision {
  const p: PolicyDecision = { decision: d, rules, risk: { reads: [], writes: [], deletes: [], network: false, privilege: false, ...risk }, policyVersion: 'x' };
  p.sandbox = sandboxVerdict(p);
  return p;
}

test('a run-time part of a path reads as an ellipsis, never as the shell exit status', () => {
  assert.equal(showPaths('rm would delete logs/$? in the workspace.'), 'rm would delete logs/… in the workspace.');
  const rows = touchRows(decision('ask', [], { reads: ['logs'], deletes: ['logs/$?'] }));
  assert.deepEqual(rows.find(([k]) => k === 'Deletes'), ['Deletes', 'logs/…']);
});

test('every card has a Reads row; Writes and Deletes only when there are any', () => {
  const rows = touchRows(decision('allow', [], { reads: ['notes.txt'] }));
  assert.deepEqual(rows.map(([k]) => k), ['Reads', 'Network', 'Privilege']);
  assert.equal(rows[0][1], 'notes.txt');
  assert.equal(touchRows(decision('allow', []))[0][1], 'nothing it names');
});

test('reasons are joined without doubled punctuation', () => {
  const joined = joinReasons(['fs.delete-home: rm would delete the home folder (~).', 'x.y: second;']);
  assert.equal(joined, 'fs.delete-home: rm would delete the home folder (~); x.y: second');
  const deny = hostAction(decision('deny', [{ id: 'fs.delete-home', severity: 'deny', reason: 'rm would delete it (~/*).', command_index: 0 }]));
  assert.equal(deny.disabled, true);
  assert.doesNotMatch(deny.why ?? '', /\.\)\.|\.\./);
});

test('a missing value goes in as one shell word, replacing quotes around the slot', () => {
  assert.equal(shellWord('TODO'), 'TODO');
  assert.equal(shellWord("it's here"), `'it'\\''s here'`);
  assert.equal(fillSlot("grep -rnI '<pattern>' .", 'pattern', 'TODO'), 'grep -rnI TODO .');
  assert.equal(fillSlot('wc <file> "<file>"', 'file', 'a b'), "wc 'a b' 'a b'");
  assert.equal(fillSlot('echo <pattern>', 'pattern', '$(rm -rf ~)'), "echo '$(rm -rf ~)'", 'a value never becomes shell syntax');
  assert.deepEqual(unfilled("grep '<pattern>' <file>", [{ slot: 'pattern', hint: '' }, { slot: 'dir', hint: '' }]).map((m) => m.slot), ['pattern']);
});

test('live mode always needs approval; the default offline modes need none for a plain allow', () => {
  const allow = decision('allow', [], { writes: ['out.txt'] });
  assert.deepEqual(approvalReasons(allow, undefined), []);
  assert.deepEqual(approvalReasons(allow, 'ro'), []);
  assert.deepEqual(approvalReasons(allow, 'live'), [LIVE_REASON]);
  const secret = decision('ask', [{ id: 'secrets.read-workspace', severity: 'ask', reason: 'reads .env', command_index: 0 }]);
  assert.equal(approvalReasons(secret, undefined).length, 1, 'the sandbox verdict\'s own reasons stand');
});

test('the new messages are validated: a run names only a known mode; askApproval and planStarted carry ids', () => {
  assert.equal(isFromWebview({ type: 'run', turnId: 't-1', command: 'ls', approved: true, mode: 'live' }), true);
  assert.equal(isFromWebview({ type: 'run', turnId: 't-1', command: 'ls', approved: true, mode: 'host' }), false);
  assert.equal(isToWebview({ type: 'askApproval', turnId: 't-1' }), true);
  assert.equal(isToWebview({ type: 'askApproval', turnId: '<img>' }), false);
  assert.equal(isToWebview({ type: 'planStarted', turnId: 't-1', request: '', command: 'ls' }), true);
  assert.equal(isToWebview({ type: 'planStarted', turnId: 't-1', request: '', command: 5 }), false);
});

test('while planning, the card shows a model\'s words as they stream and the embedded planner\'s steps in order', () => {
  let shown = '';
  for (const text of ['Lists ', 'the ', 'files']) shown = progressText(shown, { kind: 'token', text });
  assert.equal(shown, 'Lists the files');
  shown = '';
  shown = progressText(shown, { kind: 'step', step: 'retrieved', text: 'found 3 known commands' });
  shown = progressText(shown, { kind: 'step', step: 'checked', text: 'checked by the policy' });
  assert.equal(shown, 'found 3 known commands → checked by the policy');
  assert.equal(progressText('x', { kind: 'candidate', command: 'ls -la', confidence: 0.9 }), 'Candidate: ls -la');
});
