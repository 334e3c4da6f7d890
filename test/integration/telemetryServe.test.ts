// A real `paladin serve` on SQLite with a model stand-in speaking Ollama's
// wire protocol and a local OTLP/HTTP receiver: /metrics moves with real
// requests and parses as the Prometheus text format, only those allowed may
// read it, and every request is one trace with one span per stage under the
// request's span, with no command or secret in any attribute.
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { call } from '../support/apiClient';
import { startOllamaStandIn } from '../support/ollamaStandIn';
import { startOtlpReceiver, type ReceivedSpan } from '../support/otlpReceiver';
import { parsePrometheusText, sampleValue } from '../support/promText';
import { cliProcess, serveProcess, type ServeProcess } from '../support/serveProcess';
import { waitFor } from '../support/waitFor';

const plan = JSON.stringify({ command: 'ls -la', reasoning: 'ls lists the files', assumptions: [], expected_effects: ['prints the files'] });

describe('paladin serve: metrics and traces', { timeout: 180_000 }, () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let serve: ServeProcess;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let ollama: Awaited<ReturnType<typeof startOllamaStandIn>>;
  const token = randomBytes(32).toString('hex');
  const keys: Record<string, string> = {};

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-telemetry-'));
    fs.mkdirSync(path.join(dir, 'ws'));
    ollama = await startOllamaStandIn({ models: ['m1'], chat: () => ({ content: plan, usage: { prompt: 1234, completion: 56 } }) });
    receiver = await startOtlpReceiver();
    env = {
      ...process.env,
      PALADIN_DB: path.join(dir, 'data', 'p.db'),
      PALADIN_API_WORKSPACES: path.join(dir, 'ws'),
      PALADIN_OLLAMA_URL: ollama.url,
      PALADIN_OLLAMA_MODEL: 'm1',
      PALADIN_PLANNER_ORDER: 'ollama,embedded',
      PALADIN_SANDBOX_IMAGE: process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox',
      PALADIN_SANDBOX_POOL_SIZE: '0',
      PALADIN_METRICS_TOKEN: token,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_BSP_SCHEDULE_DELAY: '50',
    };
    for (const [email, role, name] of [['alice@example.org', 'member', 'alice-laptop'], ['root@example.org', 'admin', 'root-key']]) {
      assert.equal((await cliProcess(['users', 'add', email, '--role', role], env)).code, 0);
      const made = await cliProcess(['keys', 'create', name, '--user', email], env);
      assert.equal(made.code, 0, made.err);
      keys[role] = made.out.trim();
    }
    serve = await serveProcess(env);
  });
  after(async () => {
    await serve?.stop();
    await ollama?.close();
    await receiver?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const scrape = async () => {
    const reply = await call({ port: serve.port }, 'GET', '/metrics');
    assert.equal(reply.status, 200, reply.text);
    assert.match(String(reply.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    return parsePrometheusText(reply.text);
  };

  test('counters, histograms and gauges move with real requests, in the exposition format', async () => {
    const before = await scrape();
    const port = serve.port;
    const key = keys.member;
    assert.equal((await call({ port }, 'POST', '/v1/check', { key, body: { command: 'ls' } })).json.decision, 'allow');
    const denied = await call({ port }, 'POST', '/v1/check', { key, body: { command: 'rm -rf /' } });
    assert.equal(denied.json.decision, 'deny');
    const planned = await call({ port }, 'POST', '/v1/plan', { key, body: { request: 'list the files here' } });
    assert.equal(planned.status, 200, planned.text);
    assert.equal(planned.json.planner, 'ollama');
    const ran = await call({ port }, 'POST', '/v1/run', { key, body: { command: 'echo hi' } });
    assert.match(ran.text, /event: result/, ran.text);
    assert.equal((await call({ port }, 'POST', '/v1/check', { body: { command: 'ls' } })).status, 401);

    const now = await scrape();
    const moved = (name: string, labels: Record<string, string>) => sampleValue(now, name, labels) - sampleValue(before, name, labels);
    assert.equal(moved('paladin_http_requests_total', { endpoint: '/v1/check', method: 'POST', status: '200' }), 2);
    assert.equal(moved('paladin_http_requests_total', { endpoint: '/v1/check', method: 'POST', status: '401' }), 1);
    assert.equal(moved('paladin_http_requests_total', { endpoint: '/v1/plan', method: 'POST', status: '200' }), 1);
    const denyRule = (denied.json.rules as { id: string; severity: string }[]).find((r) => r.severity === 'deny')!.id;
    assert.ok(moved('paladin_policy_decisions_total', { rule: denyRule, decision: 'deny' }) >= 1, `deny by ${denyRule} counted`);
    assert.ok(moved('paladin_policy_decisions_total', { decision: 'allow' }) >= 1);
    assert.equal(moved('paladin_plan_duration_seconds_count', { planner: 'ollama' }), 1);
    assert.ok(now.get('paladin_plan_duration_seconds')!.samples.some((s) => s.labels.le === '0.1'), 'plan buckets present');
    assert.equal(moved('paladin_run_duration_seconds_count', { end: 'exited' }), 1);
    assert.equal(moved('paladin_model_tokens_total', { model: 'm1', kind: 'prompt' }), 1234);
    assert.equal(moved('paladin_model_tokens_total', { model: 'm1', kind: 'completion' }), 56);
    assert.equal(sampleValue(now, 'paladin_model_circuit_state', { planner: 'ollama', endpoint: 'ollama', url: ollama.url, state: 'closed' }), 1);
    assert.equal(sampleValue(now, 'paladin_model_circuit_state', { planner: 'ollama', endpoint: 'ollama', url: ollama.url, state: 'open' }), 0);
    assert.equal(now.get('paladin_sandbox_warm_containers')?.type, 'gauge');
    assert.equal(sampleValue(now, 'paladin_sandbox_runs', { state: 'queued' }), 0);
  });

  test('who may read /metrics: loopback without a key, the scrape token, an admin; not a member or a bad key', async () => {
    const port = serve.port;
    assert.equal((await call({ port }, 'GET', '/metrics', { key: token })).status, 200);
    assert.equal((await call({ port }, 'GET', '/metrics', { key: keys.admin })).status, 200);
    const member = await call({ port }, 'GET', '/metrics', { key: keys.member });
    assert.equal(member.status, 403);
    assert.match(member.json.error.message, /admin/);
    assert.equal((await call({ port }, 'GET', '/metrics', { key: 'pld_' + 'x'.repeat(43) })).status, 401);
    assert.equal((await call({ port }, 'GET', '/metrics', { headers: { host: 'evil.example:80' } })).status, 403, 'DNS rebinding refused');
  });

  test('one trace per request: a span per stage under the request span, attributes without commands or secrets', async () => {
    const port = serve.port;
    const key = keys.member;
    const parent = { traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex') };
    const checked = await call({ port }, 'POST', '/v1/check', { key, body: { command: 'PASSWORD=hunter2-very-secret ls' }, headers: { traceparent: `00-${parent.traceId}-${parent.spanId}-01` } });
    assert.equal(checked.status, 200);
    await call({ port }, 'POST', '/v1/plan', { key, body: { request: 'list the files here please' } });
    await call({ port }, 'POST', '/v1/run', { key, body: { command: 'exit 3' } });

    const trace = (route: string, after: (s: ReceivedSpan) => boolean = () => true) => {
      const root = receiver.spans.filter((s) => s.attributes['http.route'] === route && after(s)).at(-1);
      return root && { root, children: receiver.spans.filter((s) => s.traceId === root.traceId && s.spanId !== root.spanId) };
    };
    const exit3 = () => receiver.spans.find((s) => s.name === 'paladin.executor' && s.attributes['paladin.run.exit_code'] === 3);
    const ranRoot = (s: ReceivedSpan) => s.spanId === exit3()?.parentSpanId;
    await waitFor(() => !!trace('/v1/check', (s) => s.traceId === parent.traceId) && !!trace('/v1/run', ranRoot), 'the spans arrived', 20_000);
    assert.ok(receiver.contentTypes.every((t) => t.startsWith('application/json')));

    const check = trace('/v1/check', (s) => s.traceId === parent.traceId)!;
    assert.equal(check.root.parentSpanId, parent.spanId, 'the client\'s traceparent is the parent');
    assert.equal(check.root.service, 'paladin');
    assert.deepEqual(check.children.map((c) => c.name).sort(), ['paladin.gateway', 'paladin.policy', 'paladin.records']);
    for (const c of check.children) assert.equal(c.parentSpanId, check.root.spanId, `${c.name} is a child of the request span`);
    const policy = check.children.find((c) => c.name === 'paladin.policy')!;
    assert.equal(policy.attributes['paladin.decision'], checked.json.decision);
    assert.deepEqual(policy.attributes['paladin.rule_ids'], checked.json.rules.map((r: { id: string }) => r.id));
    assert.ok(!JSON.stringify(receiver.spans).includes('hunter2'), 'no secret value in any span');
    assert.ok(!JSON.stringify(receiver.spans).includes('list the files'), 'no request words in any span');

    const planned = trace('/v1/plan', (s) => receiver.spans.some((c) => c.parentSpanId === s.spanId && c.name === 'paladin.planner'))!;
    const planner = planned.children.find((c) => c.name === 'paladin.planner')!;
    assert.equal(planner.attributes['paladin.planner'], 'ollama');
    assert.deepEqual([...new Set(planned.children.map((c) => c.name))].sort(), ['paladin.gateway', 'paladin.planner', 'paladin.records']);
    for (const c of planned.children) assert.equal(c.parentSpanId, planned.root.spanId);

    const ran = trace('/v1/run', ranRoot)!;
    assert.deepEqual([...new Set(ran.children.map((c) => c.name))].sort(), ['paladin.executor', 'paladin.gateway', 'paladin.policy', 'paladin.records']);
    const executor = ran.children.find((c) => c.name === 'paladin.executor')!;
    assert.equal(executor.attributes['paladin.run.exit_code'], 3);
    assert.equal(executor.attributes['paladin.run.end'], 'exited');
    assert.ok(['ro', 'snapshot'].includes(String(executor.attributes['paladin.run.mode'])));
    for (const c of ran.children) assert.equal(c.parentSpanId, ran.root.spanId);
  });
});
