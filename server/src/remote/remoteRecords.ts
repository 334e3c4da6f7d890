// The records stage of an editor on a team server: runs execute on this
// machine, so their history and outputs are written here, while the history
// and the audit log the person reads are the server's (its history holds the
// plans and checks it answered). The server keeps outputs of its own runs
// only, so its entries offer none; an output by id is read from this machine.

import { RequestError } from '../kernel';
import type { HistoryEntry, HistoryFilter, VerifyReport } from '../recordTypes';
import type { RecordsStage, TeamLink } from '../stages';

export function remoteRecords(team: TeamLink, local: RecordsStage): RecordsStage {
  const listHistory = async (filter: HistoryFilter = {}): Promise<HistoryEntry[]> => {
    const entries = await team.history({ search: filter.search, status: filter.status, limit: filter.limit ?? 50 });
    return entries.map((e) => ({ ...(e as HistoryEntry), outputHash: null }));
  };
  return {
    recordPlan: (entry) => local.recordPlan(entry),
    recordRunStart: (historyId, actor, command, workspace, policyDecision) => local.recordRunStart(historyId, actor, command, workspace, policyDecision),
    recordRunEnd: (historyId, result, output) => local.recordRunEnd(historyId, result, output),
    recordCheck: local.recordCheck && ((historyId, actor, command, decision) => local.recordCheck!(historyId, actor, command, decision)),
    recordChanges: local.recordChanges && ((runId, state) => local.recordChanges!(runId, state)),
    audit: (actor, action, resource, details) => local.audit(actor, action, resource, details),
    listHistory,
    historyEntries: async function* (filter?: HistoryFilter) {
      yield* await listHistory(filter);
    },
    historyEntry: (idOrPrefix) => local.historyEntry(idOrPrefix),
    storedOutput: (hash) => local.storedOutput(hash),
    auditRows: async () => {
      throw new RequestError(`The audit log is kept by the team server ${team.host}; read its records there (paladin audit tail on the server).`, 'unavailable');
    },
    verifyAudit: async (options = {}): Promise<VerifyReport> => {
      const report = await team.verifyAudit(options.signal);
      return { headSeq: report.records, headHash: '', checkpoints: 0, ...(report as Partial<VerifyReport>), intact: report.intact, records: report.records, warnings: report.warnings ?? [], ms: report.ms ?? 0 };
    },
  };
}
