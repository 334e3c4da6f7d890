// The pure parts of metrics, traces and cost: the strict exposition reader
// the integration tests trust, the metrics a registry exposes, trace context
// and endpoint resolution, prices, budget periods and breaker states read
// from a real planner.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { periodBounds } from '../../server/src/gateway/budgets';
import { costOf } from '../../server/src/gateway/costLedger';
import { budgetCommandArgs } from '../../server/src/cli/commands/usersBudget';
import { collectModelUsage, reportModelUsage, type ModelUsage } from '../../server/src/planner/modelUsage';
import { normaliseSettings } from '../../server/src/settings/settings';
import { PaladinMetrics } from '../../server/src/telemetry/metrics';
import { otlpTracesUrl, remoteParent } from '../../server/src/telemetry/tracing';
import { breakerStates } from '../../server/src/telemetry/breakerStates';
import { trace } from '@opentelemetry/api';
import { parsePrometheusText, sampleValue } from '../support/promText';

test('the exposition reader refuses what Prometheus would refuse', () => {
  const good = '# HELP a_total A.\n# TYPE a_total counter\na_total{x="1",y="q\\"uote"} 3\n';
  assert.equal(sampleValue(parsePrometheusText(good), 'a_total', { y: 'q"uote' }), 3);
  const bad = [
    'a_total 1\n', // no TYPE
    '# TYPE a counter\na{x=1} 1\n', // unquoted
    '# TYPE a counter\na{x="1"} one\n', // not a number
    '# TYPE a counter\na{x="1"} 1', // no final newline
    '# TYPE a counter\na{1x="1"} 1\n', // bad label name
    '# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_sum 1\nh_count 1\n', // not cumulative
    '# TYPE h histogram\nh_bucket{le="1"} 1\nh_sum 1\nh_count 1\n', // no +Inf
    '# TYPE h histogram\nh_bucket{le="+Inf"} 2\nh_sum 1\nh_count 1\n', // +Inf differs from count
  ];
  for (const text of bad) assert.throws(() => parsePrometheusText(text), Error, JSON.stringify(text));
});

test('a registry of its own: decisions by rule, tokens by model, histograms with buckets, gauges read at scrape time', async () => {
  const executor = { pool: { counts: () => ({ ready: 2, warming: 1 }) }, queue: { depth: { active: 1, waiting: 4 } } };
  const metrics = new PaladinMetrics({ executor: executor as never });
  metrics.decision({ decision: 'deny', rules: [{ id: 'rm_root', severity: 'deny' }, { id: 'rm_root', severity: 'deny' }, { id: 'x', severity: 'ask' }], policyVersion: 'v' } as never);
  metrics.decision({ decision: 'allow', rules: [], policyVersion: 'v' } as never);
  metrics.modelUsage([{ provider: 'openai', model: 'gpt-x', promptTokens: 10, completionTokens: 2 }]);
  metrics.planned('embedded', 0.02);
  metrics.request('/v1/check', 'POST', 200);
  const families = parsePrometheusText((await metrics.scrape()).text);
  assert.equal(sampleValue(families, 'paladin_policy_decisions_total', { rule: 'rm_root', decision: 'deny' }), 1, 'a rule counts once per decision');
  assert.equal(sampleValue(families, 'paladin_policy_decisions_total', { rule: 'none', decision: 'allow' }), 1);
  assert.equal(sampleValue(families, 'paladin_model_tokens_total', { model: 'gpt-x', kind: 'prompt' }), 10);
  assert.equal(sampleValue(families, 'paladin_plan_duration_seconds_bucket', { planner: 'embedded', le: '0.025' }), 1);
  assert.equal(sampleValue(families, 'paladin_plan_duration_seconds_bucket', { planner: 'embedded', le: '0.01' }), 0);
  assert.equal(sampleValue(families, 'paladin_sandbox_warm_containers'), 2);
  assert.equal(sampleValue(families, 'paladin_sandbox_runs', { state: 'queued' }), 4);
  assert.ok(!families.has('process_cpu_seconds_total'), 'not the global registry');
});

test('breaker states come from a real planner: configured endpoints only, state as the breaker says', async () => {
  const { Planner } = await import('../../server/src/planner/plannerStage');
  const { openDatabase } = await import('../../server/src/store/database');
  const { stageMigrations } = await import('../../server/src/stageMigrations');
  const db = openDatabase(':memory:', { migrations: stageMigrations });
  const { settings } = normaliseSettings({ 'ollama.model': 'm1', 'ollama.url': 'http://127.0.0.1:9' });
  const policy = { version: 'v', check: async () => ({ decision: 'allow', rules: [], policyVersion: 'v' }), reload: async () => undefined };
  const planner = new Planner(db, settings, policy as never, { corpus: { entries: [], problems: [] } as never, breakerThreshold: 1 });
  try {
    assert.deepEqual(breakerStates(planner), [{ planner: 'ollama', endpoint: 'ollama', url: 'http://127.0.0.1:9', state: 'closed' }], 'openai has no key: not listed');
    await planner.plan({ request: 'list the files here', workspace: process.cwd(), planner: 'ollama' }).catch(() => undefined);
    assert.equal(breakerStates(planner)[0].state, 'open', 'one failure opens a breaker whose threshold is 1');
  } finally {
    planner.dispose();
    db.close();
  }
});

test('trace context: a valid traceparent is the remote parent, anything else starts a new trace', () => {
  const ctx = remoteParent('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
  assert.deepEqual({ ...trace.getSpanContext(ctx) }, { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: 1, isRemote: true });
  for (const bad of [undefined, '', '01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', '00-00000000000000000000000000000000-b7ad6b7169203331-01', '00-XYZ-b7ad6b7169203331-01']) {
    assert.equal(trace.getSpanContext(remoteParent(bad)), undefined, String(bad));
  }
});

test('the OTLP endpoint: the setting, else the standard variables, else off; a bad URL says what to set', () => {
  assert.equal(otlpTracesUrl('', {}), undefined);
  assert.equal(otlpTracesUrl('http://c:4318', {}), 'http://c:4318/v1/traces');
  assert.equal(otlpTracesUrl('http://c:4318/v1/traces', {}), 'http://c:4318/v1/traces');
  assert.equal(otlpTracesUrl('', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://o:4318/' }), 'http://o:4318/v1/traces');
  assert.equal(otlpTracesUrl('', { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://t/x' }), 'http://t/x');
  assert.throws(() => otlpTracesUrl('c:4318', {}), /paladin\.telemetry\.otlpEndpoint/);
});

test('prices: per 1M tokens, a model without a price costs 0, bad prices are refused with a warning', () => {
  const { settings, warnings } = normaliseSettings({ 'cost.prices': '{"m": {"prompt": 2, "completion": 10}}' });
  assert.deepEqual(warnings, []);
  const usage: ModelUsage = { provider: 'ollama', model: 'm', promptTokens: 500_000, completionTokens: 100_000 };
  assert.equal(costOf(usage, settings.cost.prices), 2);
  assert.equal(costOf({ ...usage, model: 'other' }, settings.cost.prices), 0);
  for (const bad of ['{', '[]', '{"m": {"prompt": -1, "completion": 1}}', '{"m": {"prompt": 1}}']) {
    const r = normaliseSettings({ 'cost.prices': bad });
    assert.deepEqual(r.settings.cost.prices, {});
    assert.match(r.warnings.join(), /paladin\.cost\.prices/);
  }
});

test('usage is collected per request scope, also when the request fails, and never outside one', async () => {
  const u: ModelUsage = { provider: 'openai', model: 'm', promptTokens: 3, completionTokens: -1 };
  reportModelUsage(u);
  const seen: ModelUsage[][] = [];
  await assert.rejects(collectModelUsage(async () => {
    reportModelUsage(u);
    await Promise.all([collectModelUsage(async () => reportModelUsage(u), (x) => void seen.push(x))]);
    throw new Error('failed after the model answered');
  }, (x) => void seen.push(x)));
  assert.deepEqual(seen, [[{ ...u, completionTokens: 0 }], [{ ...u, completionTokens: 0 }]]);
});

test('budget periods renew at UTC midnight and on the first of the month; bad budget arguments are refused', () => {
  const now = Date.parse('2026-12-31T23:30:00Z');
  assert.deepEqual(periodBounds('day', now), { start: new Date('2026-12-31T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z') });
  assert.deepEqual(periodBounds('month', now), { start: new Date('2026-12-01T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z') });
  assert.deepEqual(budgetCommandArgs('a@b', '12.50', undefined), { email: 'a@b', amount: 12.5, period: 'month' });
  assert.deepEqual(budgetCommandArgs('a@b', 'none', 'day'), { email: 'a@b', amount: null, period: 'day' });
  for (const [amount, per] of [['-1', 'day'], ['1e3', 'day'], ['5', 'week'], [undefined, 'day']]) assert.throws(() => budgetCommandArgs('a@b', amount, per));
});
