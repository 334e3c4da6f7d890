// API figures for team mode: POST /v1/check through real `paladin serve`
// processes, one instance and two (requests spread over both), on one SQLite
// file and on one PostgreSQL database (a throwaway server, when installed).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { postgresSkipReason, startPostgres } from '../support/postgres';
import { ms, percentile, type BenchRow } from './row';

const AREA = 'team-api';
const REQUESTS = 600;
const CLIENTS = 8;

function post(agent: http.Agent, port: number, key: string, command: string): Promise<number> {
  const body = JSON.stringify({ command });
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/check', agent, headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', authorization: `Bearer ${key}`, 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function serve(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', 'serve', '--port', '0', '--json'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next();
  return { child, port: Number(new URL((JSON.parse(String(first.value)) as { url: string }).url).port) };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  return exited;
}

async function load(ports: number[], key: string): Promise<{ rps: number; p99: number; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    for (let i = next++; i < REQUESTS; i = next++) {
      const t = performance.now();
      if ((await post(agent, ports[i % ports.length], key, `ls -la dir${i}`)) !== 200) errors++;
      latencies.push(performance.now() - t);
    }
  }));
  agent.destroy();
  return { rps: Math.round(REQUESTS / ((performance.now() - started) / 1000)), p99: percentile(latencies, 99), errors };
}

async function figures(engine: string, base: NodeJS.ProcessEnv, dir: string, rows: BenchRow[]): Promise<void> {
  const envFor = (instance: string) => ({ ...base, PALADIN_DB: base.PALADIN_DB ?? path.join(dir, engine, instance, 'p.db') });
  const made = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', 'keys', 'create', 'bench', '--user', 'bench@example.org', '--quota', '1000000'], { env: envFor('a'), encoding: 'utf8' });
  const key = made.stdout.trim();
  if (!key.startsWith('pld_')) throw new Error(`keys create failed: ${made.stderr}`);
  const a = await serve(envFor('a'));
  try {
    await load([a.port], key); // warm-up
    const one = await load([a.port], key);
    rows.push({ area: AREA, metric: `${engine}: 1 instance, check req/s`, value: one.rps, note: `p99 ${ms(one.p99)} ms, ${CLIENTS} keep-alive clients, ${one.errors} errors` });
    const b = await serve(envFor('b'));
    try {
      await load([b.port], key);
      const two = await load([a.port, b.port], key);
      rows.push({ area: AREA, metric: `${engine}: 2 instances, check req/s`, value: two.rps, note: `p99 ${ms(two.p99)} ms, ${CLIENTS} keep-alive clients, ${two.errors} errors` });
    } finally {
      await stop(b.child);
    }
  } finally {
    await stop(a.child);
  }
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-team-api-'));
  const base: NodeJS.ProcessEnv = { ...process.env, PALADIN_API_WORKSPACES: dir, PALADIN_SANDBOX_POOL_SIZE: '0', PALADIN_AUDIT_KEY_FILE: path.join(dir, 'team.audit-key') };
  delete base.PALADIN_DATABASE_URL;
  delete base.PALADIN_DB;
  try {
    await figures('SQLite', { ...base, PALADIN_DB: path.join(dir, 'shared.db') }, dir, rows);
    const skip = postgresSkipReason();
    if (skip) rows.push({ area: AREA, metric: 'PostgreSQL', value: 'skipped', note: skip });
    else {
      const server = await startPostgres();
      try {
        await figures('PostgreSQL', { ...base, PALADIN_DATABASE_URL: server.createDatabase('bench') }, dir, rows);
      } finally {
        server.stop();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
