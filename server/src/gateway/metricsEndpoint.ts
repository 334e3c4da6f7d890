// GET /metrics: the Prometheus exposition of this instance's metrics, for
// whoever metricsAccess lets read it.

import type * as http from 'node:http';
import type { Db } from '../store/database';
import type { SqlStore } from '../store/sqlStore';
import type { ServerTelemetry } from '../telemetry';
import { metricsAccess } from '../telemetry/metricsAccess';
import type { Exposure } from './exposure';
import { HttpError } from './httpError';

export async function serveMetrics(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  server: { telemetry?: ServerTelemetry; store: Db | SqlStore; exposure?: Exposure; socket: boolean },
): Promise<undefined> {
  const { telemetry } = server;
  if (!telemetry) throw new HttpError(404, 'not-found', 'This server keeps no metrics; `paladin serve` does.');
  const access = await metricsAccess(req, { ...server, tokenHash: telemetry.scrapeTokenHash });
  if (!access.ok) throw new HttpError(access.status, access.status === 401 ? 'unauthorized' : 'forbidden', access.reason, {}, access.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="paladin"' } : {});
  const { text, contentType } = await telemetry.metrics.scrape();
  res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
  return undefined;
}
