// Command history: every plan and every run, with what was asked, what was
// planned, what the policy said and how the run ended. Kept apart from the
// user's shell history; searchable and exportable.

import { randomUUID } from 'node:crypto';
import type { Actor, NetworkReport, RunEnd, RunResult } from '../protocol/types';
import type { ChangesState, HistoryEntry, HistoryFilter } from '../recordTypes';
import { networkRecord } from './networkRecord';
import type { HistoryRecord } from '../stages';
import type { Db } from '../store/database';
import type { OutputStore } from './outputs';
import { maskBytes, maskString } from './secretMask';

/**
 * How a history entry stands. A run that `succeeded` is the one the planner
 * learns from as a success. `judged`: a command an agent was about to run
 * itself, judged by its hook; whether it ran is the agent's record.
 * `denied`: the policy refused the plan (or the edited command), so it never ran;
 * `checked`: a person edited the planned command and it was checked again.
 */
export const historyStatuses = ['planned', 'checked', 'denied', 'judged', 'running', 'succeeded', 'failed', 'timeout', 'memory-limit', 'output-limit', 'cancelled', 'sandbox-error'] as const;
export type HistoryStatus = (typeof historyStatuses)[number];

/** Longer than the longest run allowed (paladin.sandbox.timeoutSeconds ≤ 3600) plus its queue. */
export const ABANDONED_AFTER_MS = 2 * 3_600_000;

export function statusOf(end: RunEnd, exitCode: number | null): HistoryStatus {
  switch (end) {
    case 'exited':
      return exitCode === 0 ? 'succeeded' : 'failed';
    case 'timeout':
      return 'timeout';
    case 'memory limit':
      return 'memory-limit';
    case 'output limit':
      return 'output-limit';
    case 'cancelled':
      return 'cancelled';
    default:
      return 'sandbox-error';
  }
}

export type { ChangesState, HistoryEntry, HistoryFilter } from '../recordTypes';

export const historyColumns: (keyof HistoryEntry)[] = [
  'id', 'createdAt', 'userId', 'source', 'query', 'command', 'status', 'exitCode', 'durationMs', 'policyDecision', 'planner',
  'workspace', 'outputHash', 'outputTruncated', 'runId', 'startedAt', 'finishedAt', 'message', 'reasoning',
  'mode', 'changes', 'changesCount', 'checkedAt', 'originalCommand',
];

// Aliases quoted: PostgreSQL folds unquoted names to lower case.
export const historySelect = `SELECT id, user_id AS "userId", source, query, planned_command AS command, reasoning, planner, policy_decision AS "policyDecision",
  workspace, execution_status AS status, exit_code AS "exitCode", output_hash AS "outputHash", output_truncated AS "outputTruncated",
  execution_time_ms AS "durationMs", run_id AS "runId", end_message AS message, created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt",
  run_mode AS mode, changes_state AS changes, changes_count AS "changesCount", checked_at AS "checkedAt", original_command AS "originalCommand",
  network_log AS network
  FROM command_history`;
const select = historySelect;

export function maskedEntry(e: HistoryEntry): HistoryEntry {
  return {
    ...e,
    query: maskString(e.query ?? ''),
    command: maskString(e.command ?? ''),
    reasoning: e.reasoning && maskString(e.reasoning),
    message: e.message && maskString(e.message),
    originalCommand: e.originalCommand && maskString(e.originalCommand),
  };
}

/** The history's source column: the front, and the agent's own name when it gave one (`mcp:claude-desktop`). */
export function sourceLabel(actor: Actor): string {
  const client = actor.client?.replace(/[^\w .@/+-]/g, '').slice(0, 64).trim();
  return client ? `${actor.source}:${client}` : actor.source;
}

export function historyFromRow(row: Record<string, unknown>): HistoryEntry {
  return { ...(row as unknown as HistoryEntry), outputTruncated: Number(row.outputTruncated) === 1, network: parseNetwork(row.network) };
}

function parseNetwork(value: unknown): NetworkReport | null {
  if (typeof value !== 'string' || value === '') return null;
  try {
    return JSON.parse(value) as NetworkReport;
  } catch {
    return null;
  }
}

/** The WHERE clause (one text for both engines) and its parameters for a history filter. */
export function historyWhere(filter: HistoryFilter): { where: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.userId) {
    where.push('user_id = ?');
    params.push(filter.userId);
  }
  if (filter.source) {
    where.push("(source = ? OR source LIKE ? ESCAPE '\\')");
    params.push(filter.source, filter.source.replace(/[\\%_]/g, (c) => '\\' + c) + ':%');
  }
  if (filter.search) {
    const like = '%' + filter.search.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
    where.push("(query LIKE ? ESCAPE '\\' OR planned_command LIKE ? ESCAPE '\\')");
    params.push(like, like);
  }
  if (filter.status) {
    where.push('execution_status = ?');
    params.push(filter.status);
  }
  if (filter.since) {
    where.push('created_at >= ?');
    params.push(filter.since.toISOString());
  }
  return { where: where.length ? ' WHERE ' + where.join(' AND ') : '', params };
}

export class History {
  /** Text kept as it will be stored: secrets masked (the audit log's masker) unless keepSecrets. */
  private readonly kept: (text: string) => string;
  private readonly shown: (entry: HistoryEntry) => HistoryEntry;

  constructor(
    private readonly db: Db,
    private readonly outputs: OutputStore,
    options: { keepSecrets?: boolean } = {},
  ) {
    this.kept = options.keepSecrets ? (t) => t : maskString;
    // Rows written before masking at rest are masked when read, too.
    this.shown = options.keepSecrets ? (e) => e : maskedEntry;
  }

  recordPlan(entry: HistoryRecord): string {
    const id = entry.id ?? randomUUID();
    this.db
      .prepare(`INSERT INTO command_history (id, user_id, query, planned_command, reasoning, execution_status, planner, policy_decision, workspace, source, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(id, entry.actor.userId, this.kept(entry.query), this.kept(entry.plannedCommand), this.kept(entry.reasoning ?? ''), entry.policyDecision === 'deny' && (entry.status || 'planned') === 'planned' ? 'denied' : entry.status || 'planned', entry.planner ?? null, entry.policyDecision ?? null, entry.workspace ?? null, sourceLabel(entry.actor), new Date().toISOString());
    return id;
  }

  /**
   * A run begins. A plan that has not run yet becomes the run's entry; a
   * plan that already ran (or another user's) gets a new entry that keeps its
   * request, so each run has its own line.
   */
  recordRunStart(historyId: string | undefined, actor: Actor, command: string, workspace: string, policyDecision?: string): string {
    const now = new Date().toISOString();
    return this.db
      .transaction(() => {
        const plan = historyId ? (this.db.prepare('SELECT user_id, query, execution_status, reasoning, planner FROM command_history WHERE id = ?').get(historyId) as { user_id: string; query: string; execution_status: string; reasoning: string; planner: string | null } | undefined) : undefined;
        if (historyId && plan && plan.user_id === actor.userId && (plan.execution_status === 'planned' || plan.execution_status === 'checked')) {
          this.db
            .prepare(`UPDATE command_history SET planned_command = ?, workspace = ?, execution_status = 'running', started_at = ?, policy_decision = coalesce(?, policy_decision) WHERE id = ?`)
            .run(this.kept(command), workspace, now, policyDecision ?? null, historyId);
          return historyId;
        }
        const id = randomUUID();
        const query = plan && plan.user_id === actor.userId ? plan.query : '';
        this.db
          .prepare(`INSERT INTO command_history (id, user_id, query, planned_command, reasoning, execution_status, planner, policy_decision, workspace, source, created_at, started_at)
            VALUES (?, ?, ?, ?, ?, 'running', ?, ?, ?, ?, ?, ?)`)
          .run(id, actor.userId, query, this.kept(command), plan && plan.user_id === actor.userId ? plan.reasoning : '', plan && plan.user_id === actor.userId ? plan.planner : null, policyDecision ?? null, workspace, sourceLabel(actor), now, now);
        return id;
      })
      .immediate();
  }

  recordRunEnd(historyId: string, result: RunResult, output?: Buffer): void {
    const stored = output && output.length > 0 ? this.outputs.put(this.kept === maskString ? maskBytes(output) : output, result.truncated) : undefined;
    const info = this.db
      .prepare(`UPDATE command_history SET execution_status = ?, exit_code = ?, output_hash = ?, output_truncated = ?, execution_time_ms = ?, run_id = ?, end_message = ?, finished_at = ?,
        run_mode = ?, changes_state = ?, changes_count = ?, network_log = ? WHERE id = ?`)
      .run(
        statusOf(result.end, result.exitCode),
        result.exitCode,
        stored?.hash ?? result.outputHash ?? null,
        (stored?.truncated ?? result.truncated) ? 1 : 0,
        Math.round(result.durations.runMs),
        result.runId || null,
        result.message === undefined ? null : this.kept(result.message),
        new Date().toISOString(),
        result.mode ?? null,
        result.changes && result.changes.length > 0 ? 'pending' : null,
        result.changes ? result.changes.length : null,
        result.network ? JSON.stringify(networkRecord(result.network)) : null,
        historyId,
      );
    if (info.changes !== 1) throw new Error(`History entry ${historyId} does not exist; the run's end could not be recorded.`);
    this.outputs.pruneIfDue();
  }

  /**
   * A person edited the planned command and it was checked again: the entry
   * now holds the edited command and its decision, and keeps the planned one.
   * Only an entry that has not run yet, and only its owner's.
   */
  recordCheck(historyId: string, actor: Actor, command: string, decision: string): boolean {
    const info = this.db
      .prepare(`UPDATE command_history SET original_command = coalesce(original_command, CASE WHEN planned_command <> ? THEN planned_command END),
        planned_command = ?, policy_decision = ?, execution_status = ?, checked_at = ?
        WHERE id = ? AND user_id = ? AND execution_status IN ('planned', 'checked', 'denied')`)
      .run(this.kept(command), this.kept(command), decision, decision === 'deny' ? 'denied' : 'checked', new Date().toISOString(), historyId, actor.userId);
    return info.changes === 1;
  }

  /** What became of a snapshot run's changes (by the run's id): applied, discarded, or undone after an apply. */
  recordChanges(runId: string, state: Exclude<ChangesState, 'pending'>): boolean {
    const from = state === 'undone' ? ['applied'] : ['pending'];
    const info = this.db
      .prepare(`UPDATE command_history SET changes_state = ? WHERE run_id = ? AND changes_state IN (${from.map(() => '?').join(', ')})`)
      .run(state, runId, ...from);
    return info.changes > 0;
  }

  /**
   * Runs still "running" long after any run could have ended (the process
   * that ran them was killed): closed as sandbox errors, so history never
   * keeps a run that looks live forever. Returns the ids closed.
   */
  closeAbandoned(now = Date.now(), olderThanMs = ABANDONED_AFTER_MS): string[] {
    const cutoff = new Date(now - olderThanMs).toISOString();
    return this.db
      .transaction(() => {
        const ids = (this.db.prepare("SELECT id FROM command_history WHERE execution_status = 'running' AND started_at < ?").all(cutoff) as { id: string }[]).map((r) => r.id);
        const close = this.db.prepare("UPDATE command_history SET execution_status = 'sandbox-error', end_message = ?, finished_at = ? WHERE id = ? AND execution_status = 'running'");
        for (const id of ids) close.run('Paladin stopped before this run ended; no result was recorded.', new Date(now).toISOString(), id);
        return ids;
      })
      .immediate();
  }

  list(filter: HistoryFilter = {}): HistoryEntry[] {
    return [...this.iterate(filter)];
  }

  *iterate(filter: HistoryFilter = {}): Generator<HistoryEntry> {
    const { where, params } = historyWhere(filter);
    const sql = `${select}${where} ORDER BY created_at DESC, rowid DESC LIMIT ?`;
    params.push(filter.limit ?? -1);
    for (const row of this.db.prepare(sql).iterate(...params)) yield this.shown(historyFromRow(row as Record<string, unknown>));
  }

  /** An entry by its id or a unique prefix of it (at least 4 characters). */
  get(idOrPrefix: string): HistoryEntry | undefined {
    const exact = this.db.prepare(`${select} WHERE id = ?`).get(idOrPrefix);
    if (exact) return this.shown(historyFromRow(exact as Record<string, unknown>));
    if (idOrPrefix.length < 4 || !/^[0-9a-f-]+$/i.test(idOrPrefix)) return undefined;
    const rows = this.db.prepare(`${select} WHERE id LIKE ? LIMIT 2`).all(idOrPrefix.toLowerCase() + '%') as Record<string, unknown>[];
    if (rows.length > 1) throw new RangeError(`History id prefix "${idOrPrefix}" matches more than one entry; give more of the id.`);
    return rows[0] ? this.shown(historyFromRow(rows[0])) : undefined;
  }
}
