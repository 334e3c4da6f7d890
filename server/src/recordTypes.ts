// The shapes of records as every front reads them (history entries, stored
// outputs, audit rows, a verification of the chain), independent of the
// database that holds them: SQLite on one machine, PostgreSQL in team mode.

import type { NetworkReport } from './protocol/types';

export interface HistoryEntry {
  id: string;
  userId: string;
  source: string;
  query: string;
  command: string;
  reasoning: string;
  planner: string | null;
  policyDecision: string | null;
  workspace: string | null;
  status: string;
  exitCode: number | null;
  outputHash: string | null;
  outputTruncated: boolean;
  durationMs: number | null;
  runId: string | null;
  message: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** The sandbox mode the run used (read-only, snapshot, live). */
  mode: string | null;
  /** What became of a snapshot run's changes. */
  changes: ChangesState | null;
  changesCount: number | null;
  checkedAt: string | null;
  /** The command as planned, when a person edited it before it was checked again. */
  originalCommand: string | null;
  /** A run granted network: its allow-list, each connection and the hosts refused. */
  network?: NetworkReport | null;
}

export type ChangesState = 'pending' | 'applied' | 'discarded' | 'undone';

/** Which history entries a read selects, newest first. */
export interface HistoryFilter {
  userId?: string;
  /** Where the entry came from: `mcp` also matches `mcp:<client name>`. */
  source?: string;
  /** Entries whose request or command contains this text. */
  search?: string;
  status?: string;
  since?: Date;
  limit?: number;
}

/** A run's full output as kept (secrets masked at rest unless kept). */
export interface StoredOutput {
  hash: string;
  size: number;
  storedSize: number;
  truncated: boolean;
  createdAt: string;
  expiresAt: string | null;
  data: Buffer;
}

/** One row of the hash-chained audit log, as stored (`details` is canonical JSON). */
export interface AuditRow {
  seq: number;
  id: string;
  user_id: string | null;
  action: string;
  resource: string | null;
  details: string;
  ip_address: string | null;
  source: string | null;
  timestamp: string;
  prev_hash: string;
  hash: string;
}

/** Which audit rows a read returns, in order: the `last` N, or those after `afterSeq` (at most `limit`). */
export interface AuditRowsQuery {
  afterSeq?: number;
  limit?: number;
  last?: number;
}

export type BreakKind = 'modified' | 'deleted' | 'reordered' | 'truncated' | 'checkpoint' | 'unsigned';

export interface BrokenLink {
  seq: number;
  id?: string;
  kind: BreakKind;
  message: string;
}

/** "Intact, N records", or the first broken link of the chain. */
export interface VerifyReport {
  intact: boolean;
  records: number;
  headSeq: number;
  headHash: string;
  checkpoints: number;
  firstBroken?: BrokenLink;
  warnings: string[];
  ms: number;
}
