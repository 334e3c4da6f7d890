// A run's network in sentences, for the CLI and the editor alike: how many
// connections went out, and which hosts were refused (and why).

import type { NetworkReport } from './types';

export function describeNetwork(report: NetworkReport | undefined): string[] {
  if (!report) return [];
  const allowed = report.connections.filter((c) => c.allowed);
  const bytes = allowed.reduce((n, c) => n + c.bytesIn + c.bytesOut, 0);
  const lines = [`network: ${report.total} connection(s) asked, ${allowed.length} made (${bytes} bytes), ${report.refused.length} host(s) refused`];
  const why = new Map<string, string>();
  for (const c of report.connections) if (!c.allowed && c.reason) why.set(c.port ? `${c.host}:${c.port}` : c.host, c.reason);
  for (const host of report.refused) lines.push(`refused ${host}${why.has(host) ? `: ${why.get(host)}` : ''}`);
  if (report.refused.length > 0) lines.push('allow a host for one run with --allow-host HOST, or for good in paladin.sandbox.network.allow');
  return lines;
}
