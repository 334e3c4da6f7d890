// Least-loaded routing over several model endpoints, on a clock the test
// moves: in-flight counts, answer times, round robin, open circuits, and
// health probes that bring an endpoint back (half-open, then closed).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CircuitBreaker } from '../../server/src/planner/circuitBreaker';
import { EndpointPool } from '../../server/src/planner/endpointPool';
import { ModelEndpoint } from '../../server/src/planner/modelEndpoint';
import { ModelEndpoints } from '../../server/src/planner/modelEndpoints';
import type { ModelProvider } from '../../server/src/planner/providers';
import { statusLines } from '../../server/src/cli/commands/planner';
import { normaliseSettings } from '../../server/src/settings/settings';

/** Routing reads only a provider's name, address and whether it is configured; it never calls the model. */
function provider(url: string, configured = true): ModelProvider {
  return {
    name: 'ollama',
    endpoint: url,
    model: 'm',
    notConfigured: () => (configured ? undefined : 'no Ollama model is set (paladin.ollama.model)'),
    complete: () => Promise.reject(new Error('routing tests never ask the model')),
  };
}

function setup(count: number, now: { t: number }) {
  const clock = () => now.t;
  const endpoints = Array.from({ length: count }, (_, i) => new ModelEndpoint(`h${i + 1}`, provider(`http://h${i + 1}:11434`), new CircuitBreaker(2, 60_000, clock), clock));
  return { endpoints, pool: new EndpointPool(endpoints) };
}

const first = (pool: EndpointPool) => pool.ranked()[0]?.name;

test('the endpoint with the fewest requests in flight comes first', () => {
  const now = { t: 0 };
  const { endpoints: [a, b], pool } = setup(3, now);
  a.begin();
  a.begin();
  b.begin();
  assert.deepEqual(pool.ranked().map((e) => e.name), ['h3', 'h2', 'h1']);
});

test('among equally loaded endpoints the faster one comes first; answer times within a tenth count as equal', () => {
  const now = { t: 0 };
  const { endpoints: [a, b], pool } = setup(2, now);
  const doneA = a.begin();
  const doneB = b.begin();
  now.t = 100;
  doneA('ok');
  now.t = 300;
  doneB('ok');
  assert.equal(a.latencyMs, 100);
  assert.equal(b.latencyMs, 300);
  for (let i = 0; i < 4; i++) assert.equal(first(pool), 'h1');
  // A slower answer moves the average (weight 0.3 for the newest): 0.7 × 100 + 0.3 × 800 = 310.
  const again = a.begin();
  now.t += 800;
  again('ok');
  assert.equal(a.latencyMs, 310);
  assert.deepEqual(new Set([first(pool), first(pool)]), new Set(['h1', 'h2']), 'near-equal times take turns');
});

test('equal endpoints take turns (round robin)', () => {
  const { pool } = setup(3, { t: 0 });
  const picks = Array.from({ length: 6 }, () => first(pool));
  assert.deepEqual(picks, ['h1', 'h2', 'h3', 'h1', 'h2', 'h3']);
});

test('a failed or cancelled request frees its slot without counting as an answer time', () => {
  const now = { t: 0 };
  const { endpoints: [a] } = setup(1, now);
  const failed = a.begin();
  const cancelled = a.begin();
  assert.equal(a.inFlight, 2);
  now.t = 5_000;
  failed('failed');
  failed('failed');
  cancelled('cancelled');
  assert.deepEqual({ inFlight: a.inFlight, latencyMs: a.latencyMs, requests: a.requests, failures: a.failures }, { inFlight: 0, latencyMs: 0, requests: 1, failures: 1 });
});

test('an open circuit is not tried; probes bring it back half-open, then closed; a failed probe opens it again', () => {
  const now = { t: 1_000 };
  const { endpoints: [a], pool } = setup(3, now);
  a.breaker.failure('answered 500');
  a.breaker.failure('answered 500');
  assert.equal(a.breaker.state, 'open');
  assert.ok(!pool.ranked().includes(a));

  a.probed(true, 3, 'listed');
  assert.equal(a.breaker.state, 'half-open', 'a host that answers its probe is half-open before its cool-down ends');
  assert.equal(a.up, true);
  assert.ok(pool.ranked().includes(a));
  assert.ok(a.breaker.allow(), 'one trial request may go');
  assert.ok(!pool.ranked().includes(a), 'while its trial is out, no second request goes to it');
  a.breaker.release();

  a.probed(true, 2, 'listed');
  assert.equal(a.breaker.state, 'closed');

  a.breaker.failure('x');
  a.breaker.failure('x');
  a.probed(true, 2, 'listed');
  assert.equal(a.breaker.state, 'half-open');
  a.probed(false, 5_000, 'not reachable (ECONNREFUSED)');
  assert.equal(a.breaker.state, 'open');
  assert.equal(a.up, false);
  assert.match(a.breaker.describe(), /health probe: not reachable/);
  now.t += 60_000;
  assert.equal(a.breaker.state, 'half-open', 'without probes the cool-down still ends');
});

test('an endpoint its probe found down is tried last, even when idle', () => {
  const now = { t: 0 };
  const { endpoints: [a, b], pool } = setup(2, now);
  a.probed(false, 1, 'not reachable (ECONNREFUSED)');
  b.begin();
  b.begin();
  assert.equal(a.breaker.state, 'closed', 'one failed probe is below the threshold');
  assert.deepEqual(pool.ranked().map((e) => e.name), ['h2', 'h1']);
  a.begin()('ok');
  assert.equal(a.up, true, 'a good answer marks it up again before the next probe');
});

test('unconfigured endpoints are never ranked', () => {
  const clock = () => 0;
  const pool = new EndpointPool([new ModelEndpoint('x', provider('http://x', false), new CircuitBreaker(2, 1, clock), clock)]);
  assert.deepEqual(pool.ranked(), []);
});

test('settings: a list of Ollama hosts, the single host as a list of one, OpenAI endpoints with their key variables', () => {
  const one = new ModelEndpoints(normaliseSettings({ 'ollama.model': 'm', 'planner.probeIntervalSeconds': 0 }).settings);
  assert.deepEqual(one.states().map((s) => [s.name, s.kind, s.url]), [['ollama', 'ollama', 'http://127.0.0.1:11434'], ['openai', 'openai', 'https://api.openai.com/v1']]);
  one.dispose();

  const { settings, warnings } = normaliseSettings({
    'planner.probeIntervalSeconds': 0,
    'ollama.model': 'm',
    'ollama.hosts': 'http://gpu-1:11434, http://gpu-2:11434/, ftp://nope',
    'openai.endpoints': JSON.stringify([{ name: 'vllm', baseUrl: 'http://vllm:8000/v1', model: 'qwen', apiKeyEnv: 'VLLM_KEY' }, { baseUrl: 'https://api.openai.com/v1' }, { baseUrl: 'x', apiKey: 'sk-pasted-by-mistake' }]),
  });
  assert.equal(warnings.length, 2);
  assert.match(warnings[0], /ollama\.hosts.*ftp:\/\/nope.*http\(s\) URL/);
  assert.match(warnings[1], /openai\.endpoints.*apiKeyEnv/);
  assert.doesNotMatch(warnings[1], /sk-pasted/, 'a key pasted into settings is not repeated');
  const many = new ModelEndpoints(settings, { apiKey: 'sk-default', env: { VLLM_KEY: 'sk-vllm' } });
  const states = many.states();
  assert.deepEqual(states.map((s) => [s.name, s.url, s.model]), [
    ['ollama', 'http://gpu-1:11434', 'm'],
    ['ollama-2', 'http://gpu-2:11434', 'm'],
    ['vllm', 'http://vllm:8000/v1', 'qwen'],
    ['openai', 'https://api.openai.com/v1', 'gpt-4o-mini'],
  ]);
  assert.ok(states.every((s) => s.notConfigured === undefined && s.breaker === 'closed' && s.inFlight === 0));
  many.dispose();

  const noKey = new ModelEndpoints(settings, { env: {} });
  assert.match(noKey.states()[2].notConfigured ?? '', /set the environment variable VLLM_KEY/);
  noKey.dispose();
});

test('the status lines show each endpoint and say when none answers', () => {
  const lines = statusLines([
    { name: 'gpu-1', kind: 'ollama', url: 'http://gpu-1:11434', model: 'm', breaker: 'open', up: false, inFlight: 0, latencyMs: 0, requests: 3, failures: 3, tokens: 0, lastProbe: { at: '2026-01-01T00:00:00.000Z', ok: false, ms: 4, detail: 'not reachable (ECONNREFUSED)' } },
    { name: 'openai', kind: 'openai', url: 'https://api.openai.com/v1', model: 'g', notConfigured: 'no OpenAI API key', breaker: 'closed', inFlight: 0, latencyMs: 0, requests: 0, failures: 0, tokens: 0 },
  ]);
  assert.match(lines[0], /^gpu-1 +ollama +http:\/\/gpu-1:11434 +m +down +breaker open +in flight 0 +latency - +probe .* 4 ms: not reachable/);
  assert.match(lines[1], /not used: no OpenAI API key/);
  assert.match(lines[2], /No model endpoint answers/);
});
