// OpenTelemetry traces of `paladin serve`: a server span per HTTP request,
// and under it one span per stage the request passed through (gateway,
// planner, policy, executor, records), sent over OTLP/HTTP to a collector.
// Off unless an endpoint is configured; then the SDK is not even loaded and
// nothing is wrapped (see telemetry/index.ts). A client's W3C `traceparent`
// makes the request span a child of the client's own.

import { AsyncLocalStorage } from 'node:async_hooks';
import type * as http from 'node:http';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, TraceFlags, type Context, type Attributes, type Span, type Tracer } from '@opentelemetry/api';

export type StageName = 'gateway' | 'planner' | 'policy' | 'executor' | 'records';

/** Where traces go: paladin.telemetry.otlpEndpoint (a base URL), else the standard OTEL_* variables; undefined when tracing is off. */
export function otlpTracesUrl(setting: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const base = setting || env.OTEL_EXPORTER_OTLP_ENDPOINT || '';
  if (!setting && env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (!base) return undefined;
  if (!/^https?:\/\//i.test(base)) throw new Error(`The OTLP endpoint ${JSON.stringify(base)} is not an http(s) URL; set paladin.telemetry.otlpEndpoint (or OTEL_EXPORTER_OTLP_ENDPOINT) to the collector's base URL, e.g. http://127.0.0.1:4318.`);
  return /\/v1\/traces\/?$/.test(base) ? base : `${base.replace(/\/+$/, '')}/v1/traces`;
}

export class Tracing {
  private readonly current = new AsyncLocalStorage<Span>();

  constructor(
    private readonly tracer: Tracer,
    private readonly provider: { forceFlush(): Promise<void>; shutdown(): Promise<void> },
  ) {}

  /** The request's span around `fn`; stage spans started inside are its children. */
  request<T>(req: http.IncomingMessage, fn: (span: Span) => Promise<T>): Promise<T> {
    const parent = remoteParent(req.headers.traceparent);
    const span = this.tracer.startSpan(`${req.method ?? 'GET'}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method ?? '' } }, parent);
    return this.current.run(span, () => fn(span));
  }

  /** A stage's span, a child of the current request's; undefined outside a request. */
  startStage(stage: StageName, attributes: Attributes = {}): Span | undefined {
    const parent = this.current.getStore();
    if (!parent) return undefined;
    return this.tracer.startSpan(`paladin.${stage}`, { kind: SpanKind.INTERNAL, attributes: { 'paladin.stage': stage, ...attributes } }, trace.setSpan(ROOT_CONTEXT, parent));
  }

  async stage<T>(stage: StageName, attributes: Attributes, fn: () => Promise<T>, describe?: (result: T) => Attributes): Promise<T> {
    const span = this.startStage(stage, attributes);
    if (!span) return fn();
    try {
      const result = await fn();
      if (describe) span.setAttributes(describe(result));
      return result;
    } catch (err) {
      failed(span, err);
      throw err;
    } finally {
      span.end();
    }
  }

  stageSync<T>(stage: StageName, attributes: Attributes, fn: () => T): T {
    const span = this.startStage(stage, attributes);
    if (!span) return fn();
    try {
      return fn();
    } catch (err) {
      failed(span, err);
      throw err;
    } finally {
      span.end();
    }
  }

  flush(): Promise<void> {
    return this.provider.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.provider.shutdown();
  }
}

/** A W3C `traceparent` (version 00) as the remote parent, else a new trace. */
export function remoteParent(header: string | string[] | undefined): Context {
  const m = typeof header === 'string' ? /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/.exec(header.trim()) : null;
  if (!m || /^0+$/.test(m[1]) || /^0+$/.test(m[2])) return ROOT_CONTEXT;
  return trace.setSpanContext(ROOT_CONTEXT, { traceId: m[1], spanId: m[2], traceFlags: parseInt(m[3], 16) & TraceFlags.SAMPLED, isRemote: true });
}

/** A failed span says the error's kind and message (never a command or a secret: messages carry neither). */
export function failed(span: Span, err: unknown): void {
  const code = (err as { code?: unknown }).code;
  span.setStatus({ code: SpanStatusCode.ERROR, message: typeof code === 'string' ? code : (err as Error)?.name ?? 'error' });
  span.setAttribute('error.type', typeof code === 'string' ? code : (err as Error)?.name ?? 'Error');
}

/** Loads the SDK and the OTLP/HTTP exporter; call only when tracing is on. */
export async function startTracing(url: string, service: { name: string; version: string }): Promise<Tracing> {
  const [{ BasicTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }] = await Promise.all([
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
  ]);
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service.name, 'service.version': service.version }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))],
  });
  return new Tracing(provider.getTracer('paladin', service.version), provider);
}
