// Several model hosts behind one planner, against stand-in servers speaking
// the real Ollama and OpenAI wire protocols: least-loaded routing, a failing
// host's circuit opening and its traffic moving, health probes bringing it
// back, Ollama → OpenAI-compatible → embedded fallback, and
// `paladin planner status`.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { stageMigrations } from '../../server/src/compose';
import { Planner, type PlannerOptions } from '../../server/src/planner';
import { createPolicyStage } from '../../server/src/policy';
import type { PolicyStage } from '../../server/src/stages';
import { normaliseSettings } from '../../server/src/settings/settings';
import { openDatabase, type Db } from '../../server/src/store/database';
import { startOllamaStandIn } from '../support/ollamaStandIn';
import { startOpenAiStandIn } from '../support/openaiStandIn';
import { createApiKey } from '../../server/src/gateway/apiKeys';
import { createApiServer } from '../../server/src/gateway/httpApi';
import { Paladin } from '../../server/src/paladin';
import { call } from '../support/apiClient';
import { FakeExecutorStage, FakeExplainerStage } from '../support/fakeStages';
import { recordsFixture } from '../support/recordsFixture';
import { runCli } from '../support/runCli';
import type { StandIn } from '../support/standInHttp';
import { waitFor } from '../support/waitFor';
import { closedUrl } from '../support/closedAddress';

let workspace: string;
let db: Db;
let policy: PolicyStage;
const planners: Planner[] = [];
const servers: StandIn[] = [];

before(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-planner-hosts-'));
  workspace = path.join(dir, 'ws');
  fs.mkdirSync(path.join(workspace, 'src'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'notes.txt'), 'hello\n');
  db = openDatabase(path.join(dir, 'paladin.db'), { migrations: stageMigrations });
  policy = await createPolicyStage(db, normaliseSettings({}).settings);
});

after(async () => {
  for (const p of planners) p.dispose();
  await Promise.all(servers.map((s) => s.close()));
  db.close();
});

function planner(raw: Record<string, unknown>, options: PlannerOptions = {}): Planner {
  const settings = normaliseSettings({ 'planner.cacheTtlSeconds': 0, 'planner.probeIntervalSeconds': 0, 'ollama.model': 'm', ...raw }).settings;
  const p = new Planner(db, settings, policy, options);
  planners.push(p);
  return p;
}

const answer = (command: string) => JSON.stringify({ command, reasoning: 'r', assumptions: [], expected_effects: [] });
const chats = (s: StandIn) => s.requests.filter((r) => r.path === '/api/chat').length;

async function ollama(options: Parameters<typeof startOllamaStandIn>[0]): Promise<StandIn> {
  const s = await startOllamaStandIn({ models: ['m'], ...options });
  servers.push(s);
  return s;
}

test('requests spread to the least-loaded host: the slow one of three gets fewer', async () => {
  const fastA = await ollama({ chat: () => ({ content: answer('ls -la'), delayMs: 30 }) });
  const fastB = await ollama({ chat: () => ({ content: answer('ls -la'), delayMs: 30 }) });
  const slow = await ollama({ chat: () => ({ content: answer('ls -la'), delayMs: 900 }) });
  const p = planner({ 'ollama.hosts': [fastA.url, slow.url, fastB.url] });
  // Three callers, each asking again as soon as it has its answer.
  const answered: string[] = [];
  await Promise.all(
    [0, 1, 2].map(async (worker) => {
      for (let i = 0; i < 8; i++) answered.push((await p.plan({ request: `list the files here ${worker}-${i}`, workspace })).planner);
    }),
  );
  assert.deepEqual(new Set(answered), new Set(['ollama']));
  const counts = { fastA: chats(fastA), fastB: chats(fastB), slow: chats(slow) };
  assert.equal(counts.fastA + counts.fastB + counts.slow, 24, JSON.stringify(counts));
  assert.ok(counts.slow < counts.fastA && counts.slow < counts.fastB, `the slow host gets fewer: ${JSON.stringify(counts)}`);
  const states = p.endpointStates();
  assert.deepEqual(states.map((s) => s.inFlight), [0, 0, 0, 0], 'nothing left in flight');
  const slowState = states.find((s) => s.url === slow.url);
  const fastState = states.find((s) => s.url === fastA.url);
  assert.ok(slowState && fastState && slowState.latencyMs > fastState.latencyMs, 'answer times are measured per host');
  assert.ok((fastState?.tokens ?? 0) > 0, 'streamed pieces are counted');
});

test('a failing host opens its breaker and traffic moves to the others; probes bring it back, half-open then closed', async () => {
  let healthy = false;
  const flaky = await ollama({ chat: () => (healthy ? answer('ls -la') : { status: 500, error: 'CUDA out of memory' }) });
  const steadyA = await ollama({ chat: () => answer('ls -la') });
  const steadyB = await ollama({ chat: () => answer('ls -la') });
  const p = planner({ 'ollama.hosts': [flaky.url, steadyA.url, steadyB.url] }, { breakerThreshold: 2, breakerCoolDownMs: 600_000 });
  const ask = (i: number) => p.plan({ request: `list the files here ${i}`, workspace });
  const reasons: string[] = [];
  for (let i = 0; i < 9; i++) {
    const result = await ask(i);
    assert.equal(result.planner, 'ollama', 'another host answers when one fails');
    reasons.push(...result.skipped.map((s) => s.reason));
  }
  assert.equal(chats(flaky), 2, 'two failures open the circuit; nothing more is sent to it');
  assert.ok(reasons.some((r) => r.startsWith(`ollama (${flaky.url}): Ollama answered 500: CUDA out of memory`)), reasons.join('\n'));
  const flakyState = () => p.endpointStates().find((s) => s.url === flaky.url)!;
  assert.equal(flakyState().breaker, 'open');
  assert.equal(flakyState().failures, 2);
  assert.equal(chats(steadyA) + chats(steadyB), 9);

  healthy = true;
  await p.endpoints.probeNow();
  assert.equal(flakyState().breaker, 'half-open');
  assert.equal(flakyState().up, true);
  assert.match(flakyState().lastProbe?.detail ?? '', /m among them/);
  await p.endpoints.probeNow();
  assert.equal(flakyState().breaker, 'closed');
  for (let i = 0; i < 6; i++) await ask(100 + i);
  assert.ok(chats(flaky) > 2, 'traffic returns to the host once closed');
});

test('background probes mark a host down and feed its breaker, on their own timer', async () => {
  const up = await ollama({ chat: () => answer('ls') });
  const gone = closedUrl();
  const modelless = await ollama({ models: ['another-model'], chat: () => answer('ls') });
  const p = planner({ 'ollama.hosts': [up.url, gone, modelless.url], 'planner.probeIntervalSeconds': 1 }, { breakerThreshold: 2 });
  const state = (url: string) => p.endpointStates().find((s) => s.url === url)!;
  await waitFor(() => state(gone).breaker === 'open', 'two failed probes open the unreachable host\'s circuit', 15_000);
  assert.equal(state(gone).up, false);
  assert.match(state(gone).lastProbe?.detail ?? '', /not reachable \(ECONNREFUSED\)/);
  assert.equal(state(up.url).up, true);
  assert.equal(state(up.url).breaker, 'closed');
  assert.ok(up.requests.some((r) => r.method === 'GET' && r.path === '/api/tags'));
  // A host that answers without the model is down (ranked last) but its breaker is left to the requests.
  assert.equal(state(modelless.url).up, false);
  assert.match(state(modelless.url).lastProbe?.detail ?? '', /the model "m" is not on this host \(run `ollama pull m` there\)/);
  assert.equal(state(modelless.url).breaker, 'closed');
});

test('OpenAI-compatible endpoints are probed with GET /models and their own key', async () => {
  const api = await startOpenAiStandIn({ apiKey: 'sk-right', models: ['g'] });
  servers.push(api);
  const endpoints = [
    { name: 'right', baseUrl: api.url, model: 'g', apiKeyEnv: 'RIGHT' },
    { name: 'wrong', baseUrl: api.url, model: 'g', apiKeyEnv: 'WRONG' },
  ];
  const p = planner({ 'openai.endpoints': endpoints }, { env: { RIGHT: 'sk-right', WRONG: 'sk-wrong' } });
  await p.endpoints.probeNow();
  const byName = new Map(p.endpointStates().map((s) => [s.name, s]));
  assert.equal(byName.get('right')?.up, true);
  assert.equal(byName.get('wrong')?.up, false);
  assert.match(byName.get('wrong')?.lastProbe?.detail ?? '', /refused the API key \(401\)/);
  assert.ok(api.requests.every((r) => r.method === 'GET' && r.path === '/v1/models'), 'a probe takes no model time');
  assert.deepEqual(api.requests.map((r) => r.headers.authorization).sort(), ['Bearer sk-right', 'Bearer sk-wrong']);
});

test('all Ollama hosts down: the OpenAI-compatible endpoints answer, each with its own key', async () => {
  const [goneA, goneB] = [closedUrl(), closedUrl()];
  const first = await startOpenAiStandIn({ apiKey: 'sk-first', chat: () => ({ status: 503, message: 'overloaded' }) });
  const second = await startOpenAiStandIn({ apiKey: 'sk-second', chat: () => answer('du -sh src') });
  servers.push(first, second);
  const endpoints = [
    { name: 'first', baseUrl: first.url, model: 'g', apiKeyEnv: 'FIRST_KEY' },
    { name: 'second', baseUrl: second.url, model: 'g', apiKeyEnv: 'SECOND_KEY' },
  ];
  const p = planner({ 'ollama.hosts': [goneA, goneB], 'openai.endpoints': endpoints }, { env: { FIRST_KEY: 'sk-first', SECOND_KEY: 'sk-second' } });
  const result = await p.plan({ request: 'how big is the src folder', workspace });
  assert.equal(result.planner, 'openai');
  assert.equal(result.command, 'du -sh src');
  assert.deepEqual(result.skipped.map((s) => s.planner).slice(0, 2), ['ollama', 'ollama']);
  assert.match(result.skipped[0].reason, /^ollama(-2)? \(http:\/\/127\.0\.0\.\d+:\d+\): Ollama is not reachable/);
  assert.equal(second.requests.at(-1)?.headers.authorization, 'Bearer sk-second');
  // Fresh endpoints are tried in the order configured: the first fails over to the second.
  assert.equal(first.requests.length, 1);
  assert.equal(first.requests[0].headers.authorization, 'Bearer sk-first');
  assert.ok(result.skipped.some((s) => s.reason.startsWith(`first (${first.url}): The OpenAI endpoint answered 503`)), JSON.stringify(result.skipped));
});

test('all endpoints down: the embedded planner answers and every endpoint\'s reason is recorded', async () => {
  const [goneA, goneB] = [closedUrl(), closedUrl()];
  const broken = await startOpenAiStandIn({ apiKey: 'k', chat: () => ({ status: 500, message: 'boom' }) });
  servers.push(broken);
  const p = planner({ 'ollama.hosts': [goneA, goneB], 'openai.endpoints': [{ baseUrl: broken.url, model: 'g', apiKeyEnv: 'K' }, { baseUrl: `${closedUrl()}/v1`, model: 'g', apiKeyEnv: 'K' }] }, { env: { K: 'k' } });
  const result = await p.plan({ request: 'list the files here', workspace });
  const seen = JSON.stringify({ planner: result.planner, command: result.command, skipped: result.skipped });
  assert.equal(result.planner, 'embedded', seen);
  assert.notEqual(result.command, '', seen);
  assert.equal(result.skipped.length, 4, seen);
  assert.deepEqual(result.skipped.map((s) => s.planner), ['ollama', 'ollama', 'openai', 'openai'], seen);
  assert.ok(result.skipped.some((s) => /answered 500: boom/.test(s.reason)), seen);
  assert.equal(result.skipped.filter((s) => /not reachable/.test(s.reason)).length, 3, seen);
  assert.deepEqual(result.skipped.map((s) => s.endpoint), ['ollama', 'ollama-2', 'openai', 'openai-2'], `each failure names its endpoint: ${seen}`);
});

test('paladin planner status: each endpoint with its breaker, load and probe; exit 1 when none answers', async () => {
  const up = await ollama({ chat: () => answer('ls') });
  const gone = closedUrl();
  const saved = { ...process.env };
  try {
    Object.assign(process.env, { PALADIN_OLLAMA_HOSTS: `${up.url},${gone}`, PALADIN_OLLAMA_MODEL: 'm', PALADIN_PLANNER_ORDER: 'ollama,embedded' });
    delete process.env.OPENAI_API_KEY;
    const text = await runCli(['planner', 'status']);
    assert.equal(text.code, 0, text.err);
    const lines = text.out.trim().split('\n');
    assert.match(lines[0], new RegExp(`^ollama +ollama +${up.url} +m +up +breaker closed +in flight 0 +latency - +probe \\S+ \\d+ ms: 1 model\\(s\\), m among them`));
    assert.match(lines[1], new RegExp(`^ollama-2 +ollama +${gone} +m +down +breaker closed .*not reachable \\(ECONNREFUSED\\)`));
    assert.match(lines[2], /^openai .*not used: no OpenAI API key/);

    const json = await runCli(['planner', 'status', '--json']);
    const states = JSON.parse(json.out) as { name: string; up?: boolean }[];
    assert.deepEqual(states.map((s) => [s.name, s.up]), [['ollama', true], ['ollama-2', false], ['openai', undefined]]);

    process.env.PALADIN_OLLAMA_HOSTS = gone;
    const down = await runCli(['planner', 'status']);
    assert.equal(down.code, 1);
    assert.match(down.out, /No model endpoint answers: plans come from Paladin's embedded planner/);
    assert.equal((await runCli(['planner', 'stats'])).code, 2);

    // A plan answered by the embedded planner because every host failed: the audit record says why.
    const dbPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-hosts-cli-')), 'paladin.db');
    process.env.PALADIN_OLLAMA_HOSTS = `${gone},${closedUrl()}`;
    const plan = await runCli(['plan', '--json', '--workspace', workspace, 'list the files here'], dbPath);
    assert.equal(plan.code, 0, plan.err);
    assert.equal(JSON.parse(plan.out).planner, 'embedded');
    const rows = JSON.parse((await runCli(['audit', 'export', '--format', 'json'], dbPath)).out) as { action: string; details: { skipped?: { endpoint: string; reason: string }[] } }[];
    const { details } = rows.find((r) => r.action === 'plan')!;
    assert.deepEqual(details.skipped?.map((s) => s.endpoint), ['ollama', 'ollama-2']);
    assert.match(details.skipped?.[0].reason ?? '', /not reachable/);
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
});

test('GET /v1/planner/endpoints: each endpoint\'s state for a key holder, never without a key', async () => {
  const up = await ollama({ chat: () => answer('ls') });
  const fx = recordsFixture({ 'ollama.hosts': [up.url, closedUrl()], 'ollama.model': 'm', 'planner.probeIntervalSeconds': 0 }, { allStages: true });
  const real = new Planner(fx.db, fx.settings, policy);
  planners.push(real);
  const paladin = new Paladin(fx.db, fx.settings, { policy, planner: real, executor: new FakeExecutorStage(), explainer: new FakeExplainerStage(), records: fx.records });
  const api = createApiServer({ paladin, port: 0 });
  try {
    const port = Number(new URL((await api.listen()).url!).port);
    const key = (await createApiKey(fx.db, { name: 'k', userId: fx.userId })).key;
    assert.equal((await call({ port }, 'GET', '/v1/planner/endpoints')).status, 401);
    await real.endpoints.probeNow();
    await real.plan({ request: 'list the files here', workspace });
    const r = await call({ port }, 'GET', '/v1/planner/endpoints', { key });
    assert.equal(r.status, 200);
    const states = r.json.endpoints as { name: string; url: string; up?: boolean; breaker: string; requests: number }[];
    assert.deepEqual(states.map((s) => [s.name, s.up, s.breaker]), [['ollama', true, 'closed'], ['ollama-2', false, 'closed'], ['openai', undefined, 'closed']]);
    assert.equal(states[0].url, up.url);
    assert.equal(states[0].requests, 1, 'the plan went to the host that is up');
  } finally {
    await api.close();
    fx.close();
  }
});
