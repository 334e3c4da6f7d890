// What routing over several model endpoints costs a request: the decision
// alone (rank the endpoints, claim one, count it in flight and out), and a
// whole model request through the router to one stand-in Ollama host against
// the same through a pool of three (the prompt, the HTTP exchange and the
// answer's parse are in both; the difference is the routing).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildContext } from '../../server/src/planner/context';
import { ModelEndpoints } from '../../server/src/planner/modelEndpoints';
import { routeToModels } from '../../server/src/planner/router';
import { normaliseSettings } from '../../server/src/settings/settings';
import { startOllamaStandIn } from '../support/ollamaStandIn';
import { ms, percentile, type BenchRow } from './row';

const answer = JSON.stringify({ command: 'ls -la', reasoning: 'r', assumptions: [], expected_effects: [] });

function endpointsFor(hosts: string[]): ModelEndpoints {
  return new ModelEndpoints(normaliseSettings({ 'ollama.model': 'm', 'ollama.hosts': hosts, 'planner.probeIntervalSeconds': 0 }).settings);
}

function decisionMicros(count: number): number {
  const endpoints = endpointsFor(Array.from({ length: count }, (_, i) => `http://10.0.0.${i + 1}:11434`));
  const pool = endpoints.pools.get('ollama')!;
  const rounds = 20_000;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) {
    const chosen = pool.ranked().find((e) => e.breaker.allow());
    chosen?.begin()('ok');
    chosen?.breaker.success();
  }
  endpoints.dispose();
  return ((performance.now() - started) / rounds) * 1000;
}

async function requestTimes(hosts: string[], workspace: string, rounds: number): Promise<number[]> {
  const endpoints = endpointsFor(hosts);
  const context = buildContext(workspace);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    const routed = await routeToModels(['ollama'], endpoints.pools, { request: `list the files ${i}`, context, examples: [] }, {});
    if (!routed.answer) throw new Error(`no answer: ${JSON.stringify(routed.skipped)}`);
    times.push(performance.now() - started);
  }
  endpoints.dispose();
  return times;
}

export async function bench(): Promise<BenchRow[]> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-bench-routing-'));
  const servers = await Promise.all([0, 1, 2].map(() => startOllamaStandIn({ models: ['m'], chat: () => answer })));
  try {
    const rows: BenchRow[] = [];
    for (const n of [1, 3, 16]) rows.push({ area: 'planner routing', metric: `decision per request, ${n} endpoint(s)`, value: `${decisionMicros(n).toFixed(2)} µs`, note: 'rank, claim, count in flight and out' });
    await requestTimes([servers[0].url], workspace, 20); // warm up
    const one = await requestTimes([servers[0].url], workspace, 200);
    const three = await requestTimes(servers.map((s) => s.url), workspace, 200);
    rows.push({ area: 'planner routing', metric: 'model request p50, 1 host', value: `${ms(percentile(one, 50))} ms`, note: `p95 ${ms(percentile(one, 95))} ms; stand-in Ollama answering at once, 200 requests` });
    rows.push({ area: 'planner routing', metric: 'model request p50, 3 hosts', value: `${ms(percentile(three, 50))} ms`, note: `p95 ${ms(percentile(three, 95))} ms; the same, spread over three stand-ins` });
    return rows;
  } finally {
    await Promise.all(servers.map((s) => s.close()));
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}
