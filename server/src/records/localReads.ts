// The records stage's read side over the local SQLite store. The reads are
// synchronous underneath; they are offered as promises so that a front never
// depends on which engine holds the records.

import type { AuditRowsQuery, HistoryFilter } from '../recordTypes';
import type { RecordsStage } from '../stages';
import type { AuditLog } from './audit';
import type { History } from './history';
import type { OutputStore } from './outputs';

export type RecordsReads = Pick<RecordsStage, 'listHistory' | 'historyEntries' | 'historyEntry' | 'storedOutput' | 'auditRows' | 'verifyAudit'>;

export function localReads(history: History, auditLog: AuditLog, outputs: OutputStore): RecordsReads {
  return {
    listHistory: async (filter?: HistoryFilter) => history.list(filter),
    historyEntries: async function* (filter?: HistoryFilter) {
      yield* history.iterate(filter);
    },
    historyEntry: async (idOrPrefix: string) => history.get(idOrPrefix),
    storedOutput: async (hash: string) => outputs.get(hash),
    auditRows: async (query?: AuditRowsQuery) => auditLog.rows(query),
    // In pages, yielding between them: a long log never holds up a server answering others.
    verifyAudit: (options?: { signal?: AbortSignal }) => auditLog.verifyAsync(options),
  };
}
