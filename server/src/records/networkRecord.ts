// What the history and the audit log keep of a run's network: every
// connection logged (host, port, allowed or why not, bytes, time), bounded.

import type { NetworkReport } from '../protocol/types';

/** Connections kept in a record; the rest are counted. */
export const RECORDED_CONNECTIONS = 200;

export function networkRecord(report: NetworkReport): NetworkReport {
  const kept = report.connections.slice(0, RECORDED_CONNECTIONS).map((c) => ({ ...c, reason: c.reason?.slice(0, 300) }));
  const unlogged = (report.unlogged ?? 0) + report.connections.length - kept.length;
  return { allow: report.allow, connections: kept, refused: report.refused.slice(0, RECORDED_CONNECTIONS), total: report.total, ...(unlogged > 0 ? { unlogged } : {}) };
}
