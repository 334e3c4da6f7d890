// How the History view and the Show History pick describe an entry.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { duration, entryDescription, entryTooltip } from '../../client/src/historyText';
import type { HistoryRequest } from '../../server/src/protocol/protocol';

const entry = (over: Partial<HistoryRequest.Entry>): HistoryRequest.Entry => ({
  id: 'e1', query: '', plannedCommand: 'ls', executionStatus: 'succeeded', exitCode: 0, createdAt: '2026-01-01T00:00:00Z', ...over,
});

test('a run says its stage, exit code, duration and mode; a plan says only its stage', () => {
  assert.equal(entryDescription(entry({ stage: 'ran', durationMs: 1234, mode: 'ro' })), 'ran · exit 0 · 1.2 s · read-only');
  assert.equal(entryDescription(entry({ stage: 'applied', durationMs: 80, mode: 'snapshot', changesCount: 2, exitCode: 1, executionStatus: 'failed' })), 'applied · exit 1 · 80 ms · snapshot · 2 files changed');
  assert.equal(entryDescription(entry({ stage: 'ran', exitCode: null, executionStatus: 'timeout', durationMs: 30_000 })), 'ran · timeout · 30.0 s');
  assert.equal(entryDescription(entry({ stage: 'denied', executionStatus: 'denied', exitCode: null })), 'denied');
  // An older server sends no stage: a denied plan still reads as denied.
  assert.equal(entryDescription(entry({ executionStatus: 'planned', policyDecision: 'deny', exitCode: null })), 'denied');
  assert.equal(duration(185_000), '3 min 5 s');
});

test('the tooltip keeps the command as planned when a person edited it', () => {
  const text = entryTooltip(entry({ stage: 'checked', plannedCommand: 'ls /', originalCommand: 'rm -rf /', policyDecision: 'allow', query: 'list root' }));
  assert.match(text, /Planned as: rm -rf \/ \(edited, then checked again\)/);
  assert.match(text, /Asked: list root/);
  assert.match(text, /Status: checked/);
});
