// What metrics and tracing cost on POST /v1/check: one API server in this
// process over the real policy and records, served three ways in turn
// (no telemetry; metrics only, the default of `paladin serve`; metrics and
// traces exported over OTLP/HTTP to a local receiver), rounds interleaved so
// that the load of a shared machine falls on all three alike.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { createCheckingPaladin } from '../../server/src/composeCheck';
import { createApiKey, userIdByEmail } from '../../server/src/gateway/apiKeys';
import { createApiServer, type ApiServer } from '../../server/src/gateway/httpApi';
import { normaliseSettings } from '../../server/src/settings/settings';
import { instrument } from '../../server/src/telemetry';
import { startOtlpReceiver } from '../support/otlpReceiver';
import { ms, percentile, type BenchRow } from './row';

const AREA = 'telemetry';
const ROUNDS = 5;
const PER_ROUND = 200;

function post(agent: http.Agent, port: number, key: string, command: string): Promise<void> {
  const body = JSON.stringify({ command });
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/check', agent, headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', authorization: `Bearer ${key}`, 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function bench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-bench-telemetry-'));
  const receiver = await startOtlpReceiver();
  const servers: ApiServer[] = [];
  try {
    const { settings } = normaliseSettings({ 'database.path': path.join(dir, 'p.db') });
    const paladin = await createCheckingPaladin(settings);
    const userId = (await userIdByEmail(paladin.db, 'bench@example.org', true))!;
    paladin.db.prepare('UPDATE users SET quota_commands_per_hour = 1000000 WHERE id = ?').run(userId);
    const { key } = await createApiKey(paladin.db, { name: 'bench', userId });
    const metricsOnly = await instrument(paladin, {});
    const traced = await instrument(paladin, { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url });
    const variants = [
      { name: 'no telemetry', options: { paladin } },
      { name: 'metrics (the default)', options: metricsOnly },
      { name: 'metrics + traces (OTLP)', options: traced },
    ];
    const ports: number[] = [];
    for (const v of variants) {
      const server = createApiServer({ ...v.options, port: 0 });
      servers.push(server);
      ports.push(Number(new URL((await server.listen()).url!).port));
    }
    const latencies: number[][] = variants.map(() => []);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    for (let round = -1; round < ROUNDS; round++) {
      for (let v = 0; v < variants.length; v++) {
        for (let i = 0; i < PER_ROUND; i++) {
          const t = performance.now();
          await post(agent, ports[v], key, `ls -la dir${i % 50}`);
          if (round >= 0) latencies[v].push(performance.now() - t);
        }
      }
    }
    agent.destroy();
    await traced.telemetry.tracing?.flush();
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const base = mean(latencies[0]);
    return variants.map((v, i) => ({
      area: AREA,
      metric: `check latency, ${v.name}`,
      value: `${ms(mean(latencies[i]))} ms`,
      note: `p99 ${ms(percentile(latencies[i], 99))} ms; ${i === 0 ? 'baseline' : `${mean(latencies[i]) >= base ? '+' : ''}${ms(mean(latencies[i]) - base)} ms against none`}; ${latencies[i].length} sequential requests${i === 2 ? `, ${receiver.spans.length} spans received` : ''}`,
    }));
  } finally {
    for (const s of servers) await s.close();
    await receiver.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
