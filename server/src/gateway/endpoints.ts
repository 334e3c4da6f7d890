// The HTTP API, one row per endpoint: what it takes, what it answers, which
// statuses it may return. The server validates requests with these schemas
// and serves the same rows as its OpenAPI document.

import { MAX_COMMAND_CHARS, MAX_REQUEST_CHARS } from '../protocol/limits';
import { historyStatuses } from '../records/history';
import { orgPolicyEndpoints, type OrgPolicyOperation } from './orgPolicyEndpoints';
import type { ObjectSchema, Schema } from './schema';

export type Auth = 'none' | 'key' | 'any';

export interface Endpoint {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  operationId: 'health' | 'openapi' | 'metrics' | 'createSession' | 'endSession' | 'plan' | 'check' | 'explain' | 'run' | 'history' | 'auditVerify' | 'plannerEndpoints' | 'applyRun' | 'discardRun' | 'undoRun' | OrgPolicyOperation;
  summary: string;
  /** none; key: an API key only; any: an API key or a session token. */
  auth: Auth;
  /** Counts against the user's commands-per-hour quota. */
  quota: boolean;
  body?: ObjectSchema;
  query?: ObjectSchema;
  /** Parameters in the path, `{name}` in `path`. */
  params?: ObjectSchema;
  /** The answer is a stream of server-sent events. */
  events?: Record<string, Schema>;
  response: Schema;
  statuses: number[];
}

const obj = (properties: Record<string, Schema>, required: string[] = [], description?: string): ObjectSchema => ({ type: 'object', properties, required, additionalProperties: false, ...(description ? { description } : {}) });
const open = (description: string, properties: Record<string, Schema> = {}): ObjectSchema => ({ type: 'object', description, properties, additionalProperties: true });

const workspace: Schema = { type: 'string', minLength: 1, maxLength: 4096, description: 'Absolute path of a folder on the machine the server runs on, under a folder granted to the key (`paladin keys create --workspace`, else paladin.api.workspaces, else the folder the server started in); default: the first granted folder. System folders, other users\' homes and Paladin\'s data folder are refused.' };
const command: Schema = { type: 'string', minLength: 1, maxLength: MAX_COMMAND_CHARS, description: 'A shell command.' };

const policyDecision = open('The policy\'s decision: the host verdict (allow, ask or deny) with the rules that fired and a risk summary, and the sandbox verdict.', {
  decision: { type: 'string', enum: ['allow', 'ask', 'deny'], description: 'The host verdict: what running the command on the person\'s machine would mean.' },
  rules: { type: 'array', items: open('A rule that fired: id, severity, reason, command_index, source {file, line}, span [start, end) into the command, alternative.') },
  policyVersion: { type: 'string' },
  sandbox: open('The sandbox verdict: {decision, needsApproval, mode, network, reasons, notes}. Offline ro and snapshot runs need no approval unless denied; network and live mode do.'),
});
const runMode: Schema = { type: 'string', enum: ['ro', 'snapshot', 'live'], description: 'How the workspace is mounted; default: ro for read-only commands, snapshot otherwise.' };

export const errorSchema = obj(
  {
    error: obj({
      code: { type: 'string', description: 'invalid, unauthorized, forbidden, denied, untrusted, needs-approval, not-found, method-not-allowed, too-large, unsupported-media-type, quota, budget, apply-failed, unavailable, internal' },
      message: { type: 'string', description: 'What went wrong and what to do, for a person.' },
      problems: { type: 'array', items: { type: 'string' }, description: 'Each way the request failed its schema.' },
      policy: policyDecision,
      retryAfterSeconds: { type: 'integer' },
      budget: open('With code budget: the user\'s model budget {amount, period (day or month), spent, since, renewsAt}.'),
    }, ['code', 'message']),
  },
  ['error'],
);

/** Statuses every authenticated endpoint may return, and what each means. */
export const statusMeaning: Record<number, string> = {
  200: 'OK',
  400: 'The request is malformed: the message and `problems` say what is wrong.',
  401: 'No API key or session token, or an unknown, revoked or expired one.',
  403: 'Foreign Host or Origin header (DNS rebinding), a command the policy denies (with the policy), an untrusted workspace, a workspace the key may not use (not granted, a system folder, Paladin\'s data, another user\'s folder), live mode / network without a key holding that right, or a change to the organisation\'s policies by a member (admins only).',
  404: 'No such endpoint, or no run of yours with that id.',
  405: 'The endpoint does not take this method.',
  409: 'The run needs approval (network or live mode, see error.policy.sandbox.reasons): send it again with "approved": true once a person agreed.',
  413: 'The body is larger than paladin.api.maxBodyBytes.',
  415: 'The body is not application/json.',
  422: 'The changes could not be applied or discarded; the message says why (nothing was applied).',
  429: 'The user\'s commands-per-hour quota is used up (code quota), or, for planning with a language model, the user\'s model budget is spent (code budget, with error.budget); Retry-After says when it resets.',
  500: 'Paladin failed unexpectedly; the message says how.',
  503: 'A part Paladin needs is unavailable (Docker, the policy, a model).',
};

const common = [400, 401, 403, 404, 405, 413, 415, 500];
const runIdSchema: Schema = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$', description: 'The runId a run\'s result carried.' };

export const endpoints: Endpoint[] = [
  {
    method: 'GET', path: '/v1/health', operationId: 'health', summary: 'Is the server up.', auth: 'none', quota: false,
    response: obj({ status: { type: 'string', enum: ['ok'] }, version: { type: 'string' } }, ['status']), statuses: [200, 403],
  },
  {
    method: 'GET', path: '/v1/openapi.json', operationId: 'openapi', summary: 'This API\'s OpenAPI 3.1 description.', auth: 'none', quota: false,
    response: open('An OpenAPI 3.1 document.'), statuses: [200, 403],
  },
  {
    method: 'GET', path: '/metrics', operationId: 'metrics', summary: 'This instance\'s metrics in the Prometheus text format: for the scrape token (PALADIN_METRICS_TOKEN) or an admin\'s key; without a key only from loopback on a loopback-only server.', auth: 'none', quota: false,
    response: { type: 'string', description: 'text/plain; version=0.0.4: the Prometheus exposition format.' }, statuses: [200, 401, 403],
  },
  {
    method: 'POST', path: '/v1/sessions', operationId: 'createSession', summary: 'Log in once with an API key; use the returned token instead of the key until it expires.', auth: 'key', quota: false,
    body: obj({}), response: obj({ token: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' } }, ['token', 'expiresAt']), statuses: [200, ...common],
  },
  {
    method: 'DELETE', path: '/v1/sessions', operationId: 'endSession', summary: 'Log out: end the session whose token authorises this request.', auth: 'any', quota: false,
    response: obj({ ended: { type: 'boolean' } }, ['ended']), statuses: [200, ...common],
  },
  {
    method: 'POST', path: '/v1/plan', operationId: 'plan', summary: 'Turn a request in words into a checked shell command (not run).', auth: 'any', quota: true,
    body: obj({
      request: { type: 'string', minLength: 1, maxLength: MAX_REQUEST_CHARS, description: 'What you want done, in words.' },
      workspace,
      planner: { type: 'string', enum: ['auto', 'ollama', 'openai', 'embedded'] },
      count: { type: 'integer', minimum: 1, maximum: 5, description: 'How many candidates to return.' },
      dryRun: { type: 'boolean', description: 'Try the top candidates in the sandbox, never on the workspace (read-only ones with it mounted read-only, others in throw-away snapshots), and prefer the one whose result fits (result field dryRun).' },
      refine: { type: 'string', minLength: 1, maxLength: MAX_REQUEST_CHARS, description: 'Refine an earlier plan instead of starting over: its historyId, or its request in words; `request` is then the follow-up ("only .ts files").' },
    }, ['request']),
    response: open('The plan: command, reasoning, candidates, policy decision, historyId.', { command: { type: 'string' }, policy: policyDecision, historyId: { type: 'string' } }),
    statuses: [200, ...common, 429, 503],
  },
  {
    method: 'POST', path: '/v1/check', operationId: 'check', summary: 'The policy\'s decision on a command (not run).', auth: 'any', quota: true,
    body: obj({
      command,
      workspace,
      facts: { type: 'boolean', description: 'Include the facts document the policy saw.' },
      mode: runMode,
      network: { type: 'boolean', description: 'The sandbox verdict for a run with network access.' },
    }, ['command']),
    response: policyDecision, statuses: [200, ...common, 429, 503],
  },
  {
    method: 'POST', path: '/v1/explain', operationId: 'explain', summary: 'A command explained part by part from manuals and Paladin\'s command knowledge, with the policy\'s decision (not run).', auth: 'any', quota: true,
    body: obj({ command, workspace }, ['command']),
    response: open('The explanation: command, summary, parts (each with its text, span, kind, explanation and source), and the policy decision.', {
      command: { type: 'string' },
      summary: { type: 'string' },
      parts: { type: 'array', items: open('A part of the command: text, span, kind (program, option, argument, redirection, operator...), explanation, source.') },
      policy: policyDecision,
    }),
    statuses: [200, ...common, 429, 503],
  },
  {
    method: 'POST', path: '/v1/run', operationId: 'run', summary: 'Check a command and run it in the sandbox; output streams as server-sent events.', auth: 'any', quota: true,
    body: obj({
      command,
      workspace,
      mode: runMode,
      approved: { type: 'boolean', description: 'A person approved what crosses the sandbox\'s boundary: live mode and network (see the sandbox verdict). Offline ro and snapshot runs need no approval. Live mode and network also need a key holding that right (`paladin keys create --allow live,network`); approval alone is refused with 403.' },
      network: { type: 'boolean', description: 'Network only to the hosts of paladin.sandbox.network.allow, through Paladin\'s proxy; the result\'s `network` lists every connection and the hosts refused.' },
      allowHosts: { type: 'array', items: { type: 'string', maxLength: 300 }, maxItems: 32, description: 'With network: hosts allowed for this run on top of the server\'s list (a name, *.suffix or address, optionally :port).' },
      timeoutSeconds: { type: 'integer', minimum: 1, maximum: 3600 },
      historyId: { type: 'string', maxLength: 64, description: 'The plan this run carries out.' },
    }, ['command']),
    events: {
      output: obj({ stream: { type: 'string', enum: ['stdout', 'stderr'] }, text: { type: 'string' } }, ['stream', 'text']),
      result: open('How the run ended: runId, exitCode, end, durations, bytes, outputHash, historyId, policy, changes, consequences (what applying the changes would do), and for a run with network its `network`: allow, connections [{host, port, method, allowed, reason, address, bytesOut, bytesIn, startedAt, ms}], refused, total.'),
      error: obj({ code: { type: 'string' }, message: { type: 'string' } }, ['code', 'message']),
    },
    response: { type: 'string', description: 'text/event-stream: `event: output` per chunk, then `event: result`, or `event: error` if the run fails after output began.' },
    statuses: [200, ...common, 409, 429, 503],
  },
  {
    method: 'GET', path: '/v1/history', operationId: 'history', summary: 'Your command history, newest first.', auth: 'any', quota: false,
    query: obj({
      search: { type: 'string', maxLength: 500 },
      status: { type: 'string', enum: historyStatuses },
      since: { type: 'string', maxLength: 64, description: 'A span back from now (12h, 7d) or an ISO date.' },
      limit: { type: 'integer', minimum: 1, maximum: 1000 },
    }),
    response: obj({ entries: { type: 'array', items: open('A history entry.') } }, ['entries']), statuses: [200, ...common],
  },
  {
    method: 'GET', path: '/v1/audit/verify', operationId: 'auditVerify', summary: 'Verify the audit log\'s hash chain and checkpoints.', auth: 'any', quota: false,
    response: open('intact, records, firstBroken (seq, kind, message), checkpoints, warnings.', { intact: { type: 'boolean' }, records: { type: 'integer' } }),
    statuses: [200, ...common],
  },
  {
    method: 'GET', path: '/v1/planner/endpoints', operationId: 'plannerEndpoints', summary: 'Each model endpoint (Ollama hosts, OpenAI-compatible endpoints): its circuit breaker, requests in flight, recent answer time and last health probe.', auth: 'any', quota: false,
    response: obj({ endpoints: { type: 'array', items: open('name, kind, url, model, notConfigured, breaker (closed, open, half-open), up, inFlight, latencyMs, requests, failures, tokens, lastProbe {at, ok, ms, detail}.') } }, ['endpoints']),
    statuses: [200, ...common],
  },
  {
    method: 'POST', path: '/v1/runs/{runId}/apply', operationId: 'applyRun', summary: 'Apply the changes a snapshot run of yours left to its workspace (all or nothing).', auth: 'any', quota: false,
    params: obj({ runId: runIdSchema }, ['runId']),
    body: obj({ includeSensitive: { type: 'boolean', description: 'Also write into .git/ and .vscode/.' } }),
    response: obj({ runId: { type: 'string' }, applied: { type: 'array', items: { type: 'string' } }, skipped: { type: 'array', items: open('A file not applied: path, reason.') } }, ['runId', 'applied', 'skipped']),
    statuses: [200, ...common, 422],
  },
  {
    method: 'POST', path: '/v1/runs/{runId}/discard', operationId: 'discardRun', summary: 'Drop the changes a snapshot run of yours left.', auth: 'any', quota: false,
    params: obj({ runId: runIdSchema }, ['runId']),
    response: obj({ runId: { type: 'string' }, discarded: { type: 'boolean' } }, ['runId', 'discarded']),
    statuses: [200, ...common, 422],
  },
  {
    method: 'POST', path: '/v1/runs/{runId}/undo', operationId: 'undoRun', summary: 'Put back what applying a snapshot run of yours replaced; files changed since are skipped and listed.', auth: 'any', quota: false,
    params: obj({ runId: runIdSchema }, ['runId']),
    response: obj({ runId: { type: 'string' }, restored: { type: 'array', items: { type: 'string' } }, skipped: { type: 'array', items: open('A file not restored: path, reason.') } }, ['runId', 'restored', 'skipped']),
    statuses: [200, ...common, 422],
  },
  ...orgPolicyEndpoints(common),
];

/** The endpoint rows on this path, with the path's parameters. */
export function routesFor(pathname: string): { endpoint: Endpoint; params: Record<string, string> }[] {
  const out: { endpoint: Endpoint; params: Record<string, string> }[] = [];
  const parts = pathname.split('/');
  for (const endpoint of endpoints) {
    const pattern = endpoint.path.split('/');
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const fits = pattern.every((p, i) => {
      const name = /^\{(\w+)\}$/.exec(p)?.[1];
      if (!name) return p === parts[i];
      if (parts[i] === '') return false;
      try {
        params[name] = decodeURIComponent(parts[i]);
      } catch {
        return false;
      }
      return true;
    });
    if (fits) out.push({ endpoint, params });
  }
  return out;
}
