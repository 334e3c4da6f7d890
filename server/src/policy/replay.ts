// `paladin policy replay`: the commands in history judged again under the
// policies in force now, to see what a policy change would have changed.

import type { Decision } from '../protocol/types';
import type { PolicyStage } from '../stages';
import type { Db } from '../store/database';

export interface ReplayChange {
  historyId: string;
  command: string;
  before: string;
  after: Decision;
  rules: string[];
  createdAt: string;
}

export interface ReplayResult {
  checked: number;
  policyVersion: string;
  changed: ReplayChange[];
}

export async function replayHistory(db: Db, policy: PolicyStage, options: { limit?: number; signal?: AbortSignal } = {}): Promise<ReplayResult> {
  const limit = options.limit ?? 1000;
  const rows = db
    .prepare(`SELECT id, planned_command, policy_decision, created_at FROM command_history WHERE planned_command <> '' ORDER BY created_at DESC LIMIT ?`)
    .all(limit) as { id: string; planned_command: string; policy_decision: string | null; created_at: string }[];
  const changed: ReplayChange[] = [];
  for (const row of rows) {
    options.signal?.throwIfAborted();
    const decision = await policy.check(row.planned_command);
    const before = row.policy_decision ?? 'unknown';
    if (before !== decision.decision) {
      changed.push({ historyId: row.id, command: row.planned_command, before, after: decision.decision, rules: decision.rules.map((r) => r.id), createdAt: row.created_at });
    }
  }
  return { checked: rows.length, policyVersion: policy.version, changed };
}
