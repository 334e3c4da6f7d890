// Where a history entry stands, on a real SQLite store: a denied plan says
// "denied", an edited command's check is kept (with the planned command),
// a run keeps its mode, and what became of its changes (applied, discarded,
// undone) is recorded against the run.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stageOf } from '../../server/src/records';
import type { Actor, RunResult } from '../../server/src/protocol/types';
import { recordsFixture } from '../support/recordsFixture';

function runResult(over: Partial<RunResult> = {}): RunResult {
  return {
    runId: 'run-1',
    command: 'ls',
    exitCode: 0,
    end: 'exited',
    durations: { queueMs: 1, startMs: 2, runMs: 42 },
    bytes: { stdout: 3, stderr: 0 },
    truncated: false,
    mode: 'snapshot',
    image: 'paladin-test:busybox',
    ...over,
  };
}

test('a denied plan is recorded as denied, not planned', () => {
  const f = recordsFixture();
  try {
    const actor: Actor = { userId: f.userId, source: 'editor' };
    const id = f.records.recordPlan({ actor, query: 'wipe everything', plannedCommand: 'rm -rf /', policyDecision: 'deny', workspace: f.dir, status: 'planned' });
    const entry = f.records.history.get(id)!;
    assert.equal(entry.status, 'denied');
    assert.equal(stageOf(entry), 'denied');
    // Rows written before denied plans had their own status read as denied too.
    assert.equal(stageOf({ status: 'planned', policyDecision: 'deny', changes: null }), 'denied');
    assert.equal(stageOf({ status: 'planned', policyDecision: 'ask', changes: null }), 'planned');
  } finally {
    f.close();
  }
});

test("an edited command's check is kept on its plan, with the command as planned", () => {
  const f = recordsFixture();
  try {
    const actor: Actor = { userId: f.userId, source: 'editor' };
    const id = f.records.recordPlan({ actor, query: 'list root', plannedCommand: 'rm -rf /', policyDecision: 'deny', workspace: f.dir, status: 'planned' });
    f.records.recordCheck?.(id, actor, 'ls /', 'allow');
    let entry = f.records.history.get(id)!;
    assert.equal(stageOf(entry), 'checked');
    assert.equal(entry.command, 'ls /');
    assert.equal(entry.originalCommand, 'rm -rf /');
    assert.equal(entry.policyDecision, 'allow');
    assert.ok(entry.checkedAt);
    // Edited again into something denied: denied, and the first planned command is still the original.
    f.records.recordCheck?.(id, actor, 'rm -rf ~', 'deny');
    entry = f.records.history.get(id)!;
    assert.equal(stageOf(entry), 'denied');
    assert.equal(entry.originalCommand, 'rm -rf /');
    // Another user's check does not touch the entry.
    f.records.recordCheck?.(id, { userId: 'someone-else', source: 'editor' }, 'ls', 'allow');
    assert.equal(f.records.history.get(id)!.command, 'rm -rf ~');
    // A checked plan becomes its run's entry.
    f.records.recordCheck?.(id, actor, 'ls /', 'allow');
    assert.equal(f.records.recordRunStart(id, actor, 'ls /', f.dir, 'allow'), id);
  } finally {
    f.close();
  }
});

test('a run keeps its mode and duration; its changes go pending, then applied, undone or discarded', () => {
  const f = recordsFixture();
  try {
    const actor: Actor = { userId: f.userId, source: 'editor' };
    const change = { path: 'notes.txt', kind: 'changed' as const, binary: false };
    const a = f.records.recordRunStart(undefined, actor, 'echo x > notes.txt', f.dir, 'allow');
    f.records.recordRunEnd(a, runResult({ runId: 'run-a', changes: [change] }));
    let entry = f.records.history.get(a)!;
    assert.equal(entry.mode, 'snapshot');
    assert.equal(entry.durationMs, 42);
    assert.equal(entry.changes, 'pending');
    assert.equal(entry.changesCount, 1);
    assert.equal(stageOf(entry), 'ran');
    f.records.recordChanges?.('run-a', 'applied');
    assert.equal(stageOf(f.records.history.get(a)!), 'applied');
    f.records.recordChanges?.('run-a', 'discarded');
    assert.equal(stageOf(f.records.history.get(a)!), 'applied', 'applied changes cannot be discarded afterwards');
    f.records.recordChanges?.('run-a', 'undone');
    assert.equal(stageOf(f.records.history.get(a)!), 'undone');

    const b = f.records.recordRunStart(undefined, actor, 'echo y > notes.txt', f.dir, 'allow');
    f.records.recordRunEnd(b, runResult({ runId: 'run-b', changes: [change], exitCode: 1 }));
    f.records.recordChanges?.('run-b', 'discarded');
    entry = f.records.history.get(b)!;
    assert.equal(stageOf(entry), 'discarded');
    assert.equal(entry.exitCode, 1);
    f.records.recordChanges?.('run-b', 'undone');
    assert.equal(stageOf(f.records.history.get(b)!), 'discarded', 'only an apply can be undone');

    const c = f.records.recordRunStart(undefined, actor, 'ls', f.dir, 'allow');
    f.records.recordRunEnd(c, runResult({ runId: 'run-c', mode: 'ro' }));
    entry = f.records.history.get(c)!;
    assert.equal(entry.changes, null);
    assert.equal(entry.mode, 'ro');
    assert.equal(stageOf(entry), 'ran');
  } finally {
    f.close();
  }
});
