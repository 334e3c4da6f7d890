// The local HTTP API: node:http on 127.0.0.1 (or a unix socket) only. Every
// request passes, in order: Host/Origin guard → route → credentials → body
// size, type and schema → quota → Paladin. Nothing reaches the planner,
// policy or sandbox except through Paladin, with actor {userId, source: 'api',
// address}; refused requests are written to the audit log.

import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import type { Paladin } from '../paladin';
import { parseSince } from '../records/timeSpec';
import type { Actor, PlannerChoice, WorkspaceMode } from '../protocol/types';
import { authenticate, createSession, endSession, type Grant } from './apiKeys';
import { routesFor, type Endpoint } from './endpoints';
import { orgPolicyHandlers } from './orgPolicyApi';
import { sqlStoreOf } from '../store/sqlStore';
import { HttpError } from './httpError';
import { settleRun } from './runsApi';
import { checkClientWorkspace, missingRights } from './workspaceGrant';
import { openApiDocument } from './openapi';
import { consumeQuota, type QuotaResult } from './quota';
import { consumeSharedQuota } from './sharedQuota';
import { auditBarrier, withAuditAppends, type TeamStore } from './teamStore';
import { probe } from './probes';
import { clientAddress, type Exposure } from './exposure';
import { hostAllowed, originAllowed } from './requestGuard';
import { coerceQuery, validate } from './schema';
import { describeError, readJson, removeStaleSocket, sendJson } from './httpIo';
import { serveMetrics } from './metricsEndpoint';
import { Spending } from './spending';
import { RefusalBudget } from './refusalBudget';
import type { ServerTelemetry } from '../telemetry';

export interface ApiOptions {
  /** Records are read and written through `paladin.stages.records` (in team mode, the stage `team.records` wraps). */
  paladin: Paladin;
  /** TCP port (0 picks a free one); ignored when `socket` is set. */
  port?: number;
  socket?: string;
  version?: string;
  /** Refusals audited one by one per client address and minute; past it they are counted and summed up in the next one written. */
  refusalAuditsPerMinute?: number;
  clock?: () => number;
  /** Folders keys without their own grant may use; default paladin.api.workspaces, else the server's working folder. */
  workspaceRoots?: string[];
  /** Team mode: keys, sessions and quotas in the shared store (the audit chain comes with `paladin`'s records stage). */
  team?: TeamStore;
  /** Where to listen beyond 127.0.0.1, with TLS or trusted proxies (see exposure.ts); default loopback, plain HTTP. */
  exposure?: Exposure;
  /** Metrics (GET /metrics) and traces of an instrumented Paladin (see telemetry/); none: /metrics answers 404. */
  telemetry?: ServerTelemetry;
}

interface Call {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  endpoint: Endpoint;
  actor: Actor;
  sessionId: string | null;
  keyId: string | null;
  grant: Grant;
  body: Record<string, unknown>;
  query: Record<string, unknown>;
  params: Record<string, string>;
  signal: AbortSignal;
}

type Handler = (call: Call) => Promise<unknown>;

export class ApiServer {
  readonly server: http.Server;
  private port: number | undefined;
  private readonly handlers: Record<Endpoint['operationId'], Handler>;
  private readonly refusals: RefusalBudget;
  private draining = false;
  private readonly spending: Spending;

  constructor(private readonly options: ApiOptions) {
    const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => void this.handle(req, res);
    const tls = options.exposure?.tls;
    // An https.Server answers requests exactly as an http.Server does.
    this.server = tls ? (https.createServer({ maxHeaderSize: 16 * 1024, cert: tls.cert, key: tls.key }, onRequest) as unknown as http.Server) : http.createServer({ maxHeaderSize: 16 * 1024 }, onRequest);
    this.server.headersTimeout = 10_000;
    this.server.requestTimeout = 30_000;
    this.server.keepAliveTimeout = 5_000;
    this.server.maxConnections = 256;
    this.refusals = new RefusalBudget(options.refusalAuditsPerMinute ?? 60, options.clock ?? Date.now);
    const { paladin } = options;
    const { records } = paladin.stages;
    // Where keys and sessions live: the shared store in team mode.
    const db = options.team?.store ?? paladin.db;
    this.spending = new Spending(db, () => paladin.settings.cost.prices, (usage) => options.telemetry?.metrics.modelUsage(usage));
    this.handlers = {
      health: async () => ({ status: 'ok', version: this.version }),
      plannerEndpoints: async () => ({ endpoints: paladin.stages.planner.endpointStates?.() ?? [] }),
      openapi: async () => openApiDocument(this.version, this.url),
      metrics: ({ req, res }) => serveMetrics(req, res, { telemetry: options.telemetry, store: db, exposure: options.exposure, socket: !!options.socket }),
      createSession: async ({ actor, keyId, req }) => {
        const session = await createSession(db, { userId: actor.userId, apiKeyId: keyId, address: actor.address, userAgent: req.headers['user-agent'], hours: paladin.settings.api.sessionHours });
        records.audit(actor, 'session.create', session.id, { keyId, userAgent: req.headers['user-agent'] ?? null });
        return { token: session.token, expiresAt: session.expiresAt };
      },
      endSession: async ({ actor, sessionId }) => {
        if (!sessionId) throw new HttpError(400, 'invalid', 'This request carried an API key, not a session token: there is no session to end.');
        await endSession(db, sessionId);
        records.audit(actor, 'session.end', sessionId, {});
        return { ended: true };
      },
      plan: async (call) => {
        if (typeof call.body.refine === 'string') await this.options.team?.fetchEntry(call.body.refine, call.actor.userId);
        return paladin.plan(call.actor, { request: call.body.request as string, workspace: this.workspace(call), planner: call.body.planner as PlannerChoice | undefined, count: call.body.count as number | undefined, dryRun: call.body.dryRun === true, refine: call.body.refine as string | undefined }, { signal: call.signal });
      },
      check: async (call) =>
        paladin.check(call.actor, call.body.command as string, { workspace: call.body.workspace === undefined ? undefined : this.workspace(call), facts: call.body.facts as boolean | undefined, mode: call.body.mode as WorkspaceMode | undefined, network: call.body.network as boolean | undefined }),
      explain: async (call) => paladin.explain(call.actor, call.body.command as string, { workspace: call.body.workspace === undefined ? undefined : this.workspace(call), signal: call.signal }),
      run: (call) => this.run(call),
      history: async ({ actor, query }) => {
        let since: Date | undefined;
        if (typeof query.since === 'string') {
          try {
            since = parseSince(query.since);
          } catch (err) {
            throw new HttpError(400, 'invalid', `query.since: ${(err as Error).message}`);
          }
        }
        const entries = await records.listHistory({ userId: actor.userId, search: query.search as string | undefined, status: query.status as string | undefined, since, limit: (query.limit as number | undefined) ?? 50 });
        return { entries };
      },
      auditVerify: async ({ signal }) => records.verifyAudit({ signal }),
      applyRun: async (call) => settleRun(paladin, 'apply', call.actor, call.params.runId, { includeSensitive: call.body.includeSensitive === true, workspaceAllowed: (dir) => this.workspace(call, dir) }),
      discardRun: async (call) => settleRun(paladin, 'discard', call.actor, call.params.runId, { workspaceAllowed: (dir) => this.workspace(call, dir) }),
      undoRun: async (call) => settleRun(paladin, 'undo', call.actor, call.params.runId, { workspaceAllowed: (dir) => this.workspace(call, dir) }),
      ...orgPolicyHandlers(sqlStoreOf(db), (...args) => records.audit(...args)),
    };
  }

  /**
   * The workspace this call may use (real path), or a 403 saying why not.
   * Every workspace a client names passes here before any stage sees it.
   */
  private workspace(call: Call, requested = call.body.workspace as string | undefined): string {
    const { settings } = this.options.paladin;
    const serverRoots = this.options.workspaceRoots ?? (settings.api.workspaces.length ? settings.api.workspaces : [process.cwd()]);
    const decision = checkClientWorkspace(requested, { roots: call.grant.workspaces, serverRoots, dataDirs: this.options.paladin.dataDirs });
    if (!decision.ok) throw new HttpError(403, 'forbidden', decision.reason);
    return decision.workspace;
  }

  get version(): string {
    return this.options.version ?? '0.1.0';
  }

  get url(): string | undefined {
    if (this.options.socket || this.port === undefined) return undefined;
    const { exposure } = this.options;
    const host = !exposure || ['0.0.0.0', '::'].includes(exposure.host) ? '127.0.0.1' : net.isIPv6(exposure.host) ? `[${exposure.host}]` : exposure.host;
    return `${exposure?.tls ? 'https' : 'http'}://${host}:${this.port}`;
  }

  async listen(): Promise<{ url?: string; socket?: string }> {
    if (this.options.socket) {
      await removeStaleSocket(this.options.socket);
      await new Promise<void>((resolve, reject) => {
        this.server.once('error', reject);
        this.server.listen(this.options.socket, () => resolve());
      });
      fs.chmodSync(this.options.socket, 0o600);
      return { socket: this.options.socket };
    }
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      // Loopback unless an exposure (checked: TLS or trusted proxies) says otherwise.
      this.server.listen(this.options.port ?? 0, this.options.exposure?.host ?? '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as net.AddressInfo).port;
    return { url: this.url };
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /**
   * Stop taking requests and let those under way finish: readiness turns 503
   * at once (a load balancer stops sending), idle connections close, and
   * after `graceMs` whatever is still open is cut.
   */
  async drain(graceMs = 25_000): Promise<void> {
    this.draining = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    const timer = setTimeout(() => this.server.closeAllConnections(), graceMs);
    try {
      await closed;
    } finally {
      clearTimeout(timer);
    }
  }

  private async quota(userId: string): Promise<QuotaResult> {
    return this.options.team ? consumeSharedQuota(this.options.team.store, userId) : consumeQuota(this.options.paladin.db, userId);
  }

  /** One unit of the user's hourly quota, or a 429 saying when it resets. */
  private async takeQuota(userId: string, res: http.ServerResponse): Promise<void> {
    const quota = await this.quota(userId);
    if (!quota.ok) {
      throw new HttpError(429, 'quota', `The quota of ${quota.limit} commands per hour is used up; it resets in ${quota.retryAfterSeconds} s.`, { retryAfterSeconds: quota.retryAfterSeconds }, {
        'Retry-After': String(quota.retryAfterSeconds),
        'RateLimit-Limit': String(quota.limit),
        'RateLimit-Remaining': '0',
      });
    }
    res.setHeader('RateLimit-Limit', String(quota.limit));
    res.setHeader('RateLimit-Remaining', String(quota.remaining));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const { telemetry } = this.options;
    return telemetry ? telemetry.observe(req, res, () => this.route(req, res)) : this.route(req, res);
  }

  private route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.url === '/healthz' || req.url === '/readyz') {
      return probe(req.url, res, { draining: this.draining, store: this.options.team?.store ?? this.options.paladin.db, policyVersion: () => this.options.paladin.stages.policy.version });
    }
    // Keep-alive clients of a draining server are told to reconnect elsewhere.
    if (this.draining) res.setHeader('Connection', 'close');
    return withAuditAppends(() => this.answer(req, res));
  }

  private async answer(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const client = this.options.socket ? 'unix-socket' : clientAddress(this.options.exposure, req.socket.remoteAddress, req.headers['x-forwarded-for']);
    const address = client ?? req.socket.remoteAddress ?? '';
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let actor: Actor = { userId: '', source: 'api', address };
    const gateway = this.options.telemetry?.gateway();
    try {
      if (client === undefined) {
        throw new HttpError(403, 'forbidden', 'This server takes plain HTTP only from its trusted reverse proxy; connect through the proxy (or over TLS when the server has a certificate).');
      }
      // Exposed on purpose: a network name is expected; keys and the Origin check still hold.
      if (!this.options.exposure?.exposed && !hostAllowed(req.headers.host, this.options.socket ? undefined : this.port)) {
        throw new HttpError(403, 'forbidden', `The Host header ${JSON.stringify(req.headers.host ?? '')} is not this server's loopback address; requests through other names are refused (DNS rebinding).`);
      }
      if (!originAllowed(req.headers.origin, this.options.socket ? undefined : this.port)) {
        throw new HttpError(403, 'forbidden', `Requests from the web origin ${JSON.stringify(req.headers.origin)} are refused.`);
      }
      const routes = routesFor(url.pathname);
      const onPath = routes.map((r) => r.endpoint);
      if (onPath.length === 0) throw new HttpError(404, 'not-found', `There is no endpoint ${url.pathname}; GET /v1/openapi.json lists them.`);
      const route = routes.find((r) => r.endpoint.method === req.method);
      const endpoint = route?.endpoint;
      if (!route || !endpoint) throw new HttpError(405, 'method-not-allowed', `${url.pathname} takes ${onPath.map((e) => e.method).join(' or ')}, not ${req.method}.`, {}, { Allow: onPath.map((e) => e.method).join(', ') });

      let sessionId: string | null = null;
      let keyId: string | null = null;
      let grant: Grant = { keyId: null, workspaces: null, rights: [] };
      if (endpoint.auth !== 'none') {
        const header = req.headers.authorization;
        const presented = header && /^bearer\s+/i.test(header) ? header.replace(/^bearer\s+/i, '').trim() : undefined;
        const auth = await authenticate(this.options.team?.store ?? this.options.paladin.db, presented);
        if (!auth.ok) throw new HttpError(401, 'unauthorized', auth.reason, {}, { 'WWW-Authenticate': 'Bearer realm="paladin"' });
        if (endpoint.auth === 'key' && auth.sessionId) throw new HttpError(401, 'unauthorized', 'Log in with an API key, not a session token.', {}, { 'WWW-Authenticate': 'Bearer realm="paladin"' });
        actor = { userId: auth.userId, source: 'api', address };
        sessionId = auth.sessionId;
        keyId = auth.keyId;
        grant = { keyId: auth.keyId, workspaces: auth.workspaces, rights: auth.rights };
        this.options.team?.mirrorUser(this.options.paladin.db, auth.userId);
      }
      if (endpoint.params) {
        const problems = validate(endpoint.params, route.params, 'path');
        if (problems.length) throw new HttpError(400, 'invalid', `The path does not fit ${endpoint.method} ${endpoint.path}: ${problems.join('; ')}.`, { problems });
      }

      const body = endpoint.body ? await readJson(req, this.options.paladin.settings.api.maxBodyBytes) : {};
      if (endpoint.body) {
        const problems = validate(endpoint.body, body);
        if (problems.length) throw new HttpError(400, 'invalid', `The request body does not fit ${endpoint.method} ${endpoint.path}: ${problems.join('; ')}.`, { problems });
      }
      const query = endpoint.query ? coerceQuery(endpoint.query, url.searchParams) : {};
      if (endpoint.query) {
        const problems = validate(endpoint.query, query, 'query');
        if (problems.length) throw new HttpError(400, 'invalid', `The query does not fit ${endpoint.method} ${endpoint.path}: ${problems.join('; ')}.`, { problems });
      }

      if (endpoint.quota) await this.takeQuota(actor.userId, res);
      await this.spending.refuseWhenSpent(endpoint, actor.userId, body as Record<string, unknown>);
      gateway?.end();
      const call: Call = { req, res, endpoint, actor, sessionId, keyId, grant, body: body as Record<string, unknown>, query, params: route.params, signal: controller.signal };
      const result = await this.spending.track({ userId: actor.userId, keyId }, () => this.handlers[endpoint.operationId](call));
      // The answer waits for the audit records it caused to commit.
      await auditBarrier();
      if (result !== undefined && !res.headersSent) sendJson(res, 200, result);
    } catch (err) {
      gateway?.end(err);
      this.fail(res, err, actor, req, url.pathname);
    }
  }

  /** Output streams as server-sent events; headers wait for the first event, so a refusal is still a plain status. */
  private async run(call: Call): Promise<undefined> {
    const { res, actor, body, signal } = call;
    const workspace = this.workspace(call);
    // A client's "approved" is a person's word on this one command; live mode
    // and network are rights its key must hold, granted by the key's owner.
    const missing = missingRights({ mode: body.mode as string | undefined, network: body.network as boolean | undefined }, call.grant.rights);
    if (missing.length) {
      throw new HttpError(403, 'forbidden', `This API key may not run with ${missing.map((r) => (r === 'live' ? 'mode "live"' : 'network access')).join(' or ')}, approved or not. The key's owner can grant it: paladin keys create NAME --allow ${missing.join(',')}.`);
    }
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', Connection: 'keep-alive' });
    };
    // A client that went away cancels the run; what is left to say goes nowhere.
    res.on('error', () => undefined);
    const send = (event: string, data: unknown) => {
      if (res.destroyed || res.writableEnded) return;
      start();
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    // The plan may have been made by another instance of the team.
    if (typeof body.historyId === 'string') await this.options.team?.fetchEntry(body.historyId, actor.userId);
    try {
      const result = await this.options.paladin.run(
        actor,
        {
          command: body.command as string,
          workspace,
          mode: body.mode as WorkspaceMode | undefined,
          approved: body.approved === true,
          network: body.network as boolean | undefined,
          allowHosts: body.allowHosts as string[] | undefined,
          timeoutSeconds: body.timeoutSeconds as number | undefined,
          historyId: body.historyId as string | undefined,
        },
        { signal, runId: randomUUID(), onOutput: (chunk) => send('output', { stream: chunk.stream, text: chunk.text }) },
      );
      await auditBarrier();
      send('result', result);
      if (!res.destroyed) res.end();
    } catch (err) {
      if (!started) throw err;
      const { code, message } = describeError(err);
      send('error', { code, message });
      if (!res.destroyed) res.end();
    }
    return undefined;
  }

  private fail(res: http.ServerResponse, err: unknown, actor: Actor, req: http.IncomingMessage, path: string): void {
    const { status, code, message, extra, headers } = describeError(err);
    // The gateway's own refusals; Paladin audits its policy decisions itself.
    if (err instanceof HttpError && (status === 401 || status === 403 || status === 413 || status === 429)) {
      try {
        const refusal = this.refusals.count(actor.address ?? '');
        if (refusal.write) {
          this.options.paladin.stages.records.audit(actor, 'api.refused', path, { status, code, reason: message, method: req.method, userAgent: req.headers['user-agent'] ?? null, ...(refusal.suppressedBefore ? { suppressedBefore: refusal.suppressedBefore } : {}) });
        }
      } catch {
        // The refusal still goes out; the audit failure is the server's to report.
      }
    }
    if (status >= 500 && code === 'internal') process.stderr.write(`paladin serve: ${req.method} ${path}: ${(err as Error)?.stack ?? String(err)}\n`);
    if (res.headersSent) {
      res.end();
      return;
    }
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    if (status === 413) res.setHeader('Connection', 'close');
    sendJson(res, status, { error: { code, message, ...extra } });
  }
}

export function createApiServer(options: ApiOptions): ApiServer {
  return new ApiServer(options);
}
