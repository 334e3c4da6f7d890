// records/: history and the tamper-evident audit log, over the one store.

import * as path from 'node:path';
import type { RunResult } from '../protocol/types';
import type { Settings } from '../settings/settings';
import type { HistoryRecord, RecordsStage } from '../stages';
import type { Db } from '../store/database';
import type { Migration } from '../store/migrations';
import type { Actor } from '../protocol/types';
import { gatewayMigrations } from '../gateway/migrations';
import { AuditLog } from './audit';
import { History } from './history';
import { localReads } from './localReads';
import { OutputStore } from './outputs';
import { recordMigrations } from './migrations';
import { registerSecret } from './secretMask';

export const recordsMigrations: Migration[] = [...recordMigrations, ...gatewayMigrations];

/** The local records stage, with its SQLite parts for the maintenance only a local store has (checkpoints, housekeeping). */
export interface Records extends RecordsStage {
  readonly history: History;
  readonly auditLog: AuditLog;
  readonly outputs: OutputStore;
}

/** `housekeeping: false` skips pruning expired outputs and closing abandoned runs (a one-shot check leaves them to the next full start). */
export function createRecordsStage(db: Db, settings: Settings, options: { housekeeping?: boolean } = {}): Records {
  // The editor puts the OpenAI key from its secret storage into settings (in memory only).
  registerSecret(settings.openai.apiKey);
  const outputs = new OutputStore(db, { maxBytes: settings.sandbox.historyOutputBytes, retentionDays: settings.history.outputRetentionDays });
  const history = new History(db, outputs, { keepSecrets: settings.history.keepSecrets });
  // Absolute, so the key file next to the database is found from any working folder.
  const auditLog = new AuditLog(db, db.memory ? ':memory:' : path.resolve(db.name), settings.audit.checkpointEvery);
  if (!db.readonly && options.housekeeping !== false) {
    outputs.prune();
    auditLog.adoptUnsignedHead();
    for (const id of history.closeAbandoned()) auditLog.append(undefined, 'run.abandoned', id, { reason: 'the process running it stopped before it ended' });
  }
  return {
    history,
    auditLog,
    outputs,
    recordPlan: (entry: HistoryRecord) => history.recordPlan(entry),
    recordRunStart: (historyId: string | undefined, actor: Actor, command: string, workspace: string, policyDecision?: string) => history.recordRunStart(historyId, actor, command, workspace, policyDecision),
    recordRunEnd: (historyId: string, result: RunResult, output?: Buffer) => history.recordRunEnd(historyId, result, output),
    recordCheck: (historyId: string, actor: Actor, command: string, decision: string) => void history.recordCheck(historyId, actor, command, decision),
    recordChanges: (runId: string, state: 'applied' | 'discarded' | 'undone') => void history.recordChanges(runId, state),
    audit: (actor: Actor | undefined, action: string, resource: string | null, details: Record<string, unknown>) => {
      // An agent's own name travels with every record it causes.
      auditLog.append(actor, action, resource, actor?.client ? { ...details, client: actor.client } : details);
    },
    ...localReads(history, auditLog, outputs),
  };
}

export { AuditLog, GENESIS_HASH, rowHash, type AuditRow, type VerifyReport } from './audit';
export type { AuditRowsQuery, StoredOutput } from '../recordTypes';
export { History, historyColumns, historyStatuses, sourceLabel, statusOf, type ChangesState, type HistoryEntry, type HistoryFilter } from './history';
export { stageOf } from './historyStage';
export { OutputStore } from './outputs';
export { maskSecrets, registerSecret } from './secretMask';
