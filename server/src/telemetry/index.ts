// telemetry/: what an operator of `paladin serve` watches: Prometheus
// metrics (always on, in memory, read at GET /metrics) and OpenTelemetry
// traces (only when an OTLP endpoint is configured). `instrument` wraps a
// Paladin's stages once; the HTTP API calls `observe` around each request.

import type * as http from 'node:http';
import type { Span } from '@opentelemetry/api';
import { routesFor } from '../gateway/endpoints';
import { Paladin } from '../paladin';
import { instrumentStages } from './instrumentStages';
import { PaladinMetrics } from './metrics';
import { scrapeTokenHash } from './metricsAccess';
import { failed, otlpTracesUrl, startTracing, type Tracing } from './tracing';

export { PaladinMetrics } from './metrics';
export { metricsAccess } from './metricsAccess';

const PROBES = new Set(['/healthz', '/readyz']);

/** The route a request went to, as a metrics label: the endpoint's path pattern, never the path itself. */
export function routeLabel(req: http.IncomingMessage): string {
  const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  if (PROBES.has(pathname)) return pathname;
  const routes = routesFor(pathname);
  return (routes.find((r) => r.endpoint.method === req.method) ?? routes[0])?.endpoint.path ?? 'unknown';
}

export class ServerTelemetry {
  constructor(
    readonly metrics: PaladinMetrics,
    readonly tracing?: Tracing,
    readonly scrapeTokenHash?: Buffer,
  ) {}

  /** Counts the request by route and status when its answer ends, and traces it when tracing is on. */
  observe(req: http.IncomingMessage, res: http.ServerResponse, fn: () => Promise<void>): Promise<void> {
    let span: Span | undefined;
    res.once('close', () => {
      const route = routeLabel(req);
      const status = res.headersSent ? res.statusCode : 499;
      this.metrics.request(route, req.method ?? '', status);
      if (span) {
        span.updateName(`${req.method} ${route}`);
        span.setAttributes({ 'http.route': route, 'http.response.status_code': status });
        if (status >= 500) span.setStatus({ code: 2 });
        span.end();
      }
    });
    if (!this.tracing) return fn();
    return this.tracing.request(req, (s) => {
      span = s;
      return fn();
    });
  }

  /** The gateway's span (guards, credentials, validation, quota, budget): ended before the stages start, or on refusal. */
  gateway(): { end(err?: unknown): void } {
    const span = this.tracing?.startStage('gateway');
    if (!span) return { end: () => undefined };
    let open = true;
    return {
      end(err?: unknown) {
        if (!open) return;
        open = false;
        if (err !== undefined) failed(span, err);
        span.end();
      },
    };
  }

  async shutdown(): Promise<void> {
    await this.tracing?.shutdown();
  }
}

/** The Paladin `paladin serve` serves, with its stages counted (and traced when an OTLP endpoint is set), and the telemetry to serve with it. */
export async function instrument(paladin: Paladin, env: NodeJS.ProcessEnv = process.env, version = '0.1.0'): Promise<{ paladin: Paladin; telemetry: ServerTelemetry }> {
  const url = otlpTracesUrl(paladin.settings.telemetry.otlpEndpoint, env);
  const tracing = url ? await startTracing(url, { name: env.OTEL_SERVICE_NAME || 'paladin', version }) : undefined;
  const metrics = new PaladinMetrics({ planner: paladin.stages.planner, executor: paladin.stages.executor });
  const instrumented = new Paladin(paladin.db, paladin.settings, instrumentStages(paladin.stages, metrics, tracing));
  return { paladin: instrumented, telemetry: new ServerTelemetry(metrics, tracing, scrapeTokenHash(env)) };
}
