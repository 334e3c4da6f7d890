// Records and gateway figures: `check` through the HTTP API (server in its
// own process, keep-alive clients in this one, bounded load on loopback)
// against the same check called in process, and audit-log verify time.
import { spawn } from 'node:child_process';
import * as http from 'node:http';
import * as readline from 'node:readline';
import { createApiKey } from '../../server/src/gateway/apiKeys';
import { Paladin } from '../../server/src/paladin';
import { createPolicyStage } from '../../server/src/policy';
import type { PolicyStage } from '../../server/src/stages';
import { FakeExecutorStage, FakeExplainerStage, FakePlannerStage, FakePolicyStage } from '../support/fakeStages';
import { checkpointMac, loadAuditKey, writeCheckpointFile } from '../../server/src/records/auditKey';
import { recordsFixture } from '../support/recordsFixture';
import { ms, percentile, type BenchRow } from './row';

const AREA = 'records';

function post(agent: http.Agent, port: number, key: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/check', agent, headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', authorization: `Bearer ${key}`, 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function apiCheck(rows: BenchRow[]): Promise<void> {
  const f = recordsFixture({}, { allStages: true });
  f.db.prepare('UPDATE users SET quota_commands_per_hour = 10000000 WHERE id = ?').run(f.userId);
  const key = (await createApiKey(f.db, { name: 'bench', userId: f.userId })).key;
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/benchApiServer.ts', f.dbPath], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const first = await readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next();
    const { url, policy } = JSON.parse(String(first.value)) as { url: string; policy: string };
    const port = Number(new URL(url).port);
    const commands = ['ls -la src', 'grep -rn TODO .', 'find . -name "*.ts" | xargs wc -l', 'rm -rf build', 'git status'];
    for (const clients of [1, 8]) {
      const total = 3000;
      const agents = Array.from({ length: clients }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
      // Warm-up: connections open, policy loaded.
      await Promise.all(agents.map((a) => post(a, port, key, JSON.stringify({ command: 'true' }))));
      const latencies: number[] = [];
      let next = 0;
      let failures = 0;
      const started = performance.now();
      await Promise.all(
        agents.map(async (agent) => {
          while (next < total) {
            const i = next++;
            const t = performance.now();
            const status = await post(agent, port, key, JSON.stringify({ command: commands[i % commands.length] }));
            latencies.push(performance.now() - t);
            if (status !== 200) failures++;
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      for (const a of agents) a.destroy();
      const note = `${total} POST /v1/check, ${clients} keep-alive client(s), server in its own process, ${policy}; each request: key check, quota transaction, policy, audit row (synchronous=FULL)${failures ? `; ${failures} non-200` : ''}`;
      rows.push({ area: AREA, metric: `API check req/s (${clients} clients)`, value: Math.round(total / seconds), note });
      rows.push({ area: AREA, metric: `API check p50 ms (${clients} clients)`, value: ms(percentile(latencies, 50)) });
      rows.push({ area: AREA, metric: `API check p99 ms (${clients} clients)`, value: ms(percentile(latencies, 99)) });
    }
  } finally {
    child.kill('SIGTERM');
    f.close();
  }

  // Baseline: the same check through Paladin in process, no HTTP, no key, no quota.
  const g = recordsFixture({}, { allStages: true });
  try {
    let policy: PolicyStage;
    try {
      policy = await createPolicyStage(g.db, g.settings);
    } catch {
      policy = new FakePolicyStage();
    }
    const paladin = new Paladin(g.db, g.settings, { policy, planner: new FakePlannerStage(policy), executor: new FakeExecutorStage(), explainer: new FakeExplainerStage(), records: g.records });
    const actor = { userId: g.userId, source: 'cli' as const };
    const latencies: number[] = [];
    const started = performance.now();
    for (let i = 0; i < 3000; i++) {
      const t = performance.now();
      await paladin.check(actor, ['ls -la src', 'git status', 'rm -rf build'][i % 3]);
      latencies.push(performance.now() - t);
    }
    const perSecond = 3000 / ((performance.now() - started) / 1000);
    rows.push({ area: AREA, metric: 'in-process check req/s (baseline)', value: Math.round(perSecond), note: 'Paladin.check called directly: policy + audit row, no HTTP, key or quota' });
    rows.push({ area: AREA, metric: 'in-process check p99 ms (baseline)', value: ms(percentile(latencies, 99)) });
  } finally {
    g.close();
  }
}

async function auditVerify(rows: BenchRow[]): Promise<void> {
  for (const count of [10_000, 100_000]) {
    const f = recordsFixture({ 'audit.checkpointEvery': 1000 });
    try {
      f.db.pragma('synchronous = OFF'); // only to build the log quickly
      const actor = { userId: f.userId, source: 'api' as const, address: '127.0.0.1' };
      const appendStart = performance.now();
      for (let i = 0; i < count; i++) f.records.auditLog.append(actor, i % 2 ? 'check' : 'run.end', `h-${i}`, { command: `ls -la dir${i}`, decision: 'allow', rules: ['a.b'], policyVersion: 'v1' });
      const appendMs = performance.now() - appendStart;
      f.records.auditLog.checkpoint();
      const times: number[] = [];
      let records = 0;
      for (let run = 0; run < 3; run++) {
        const report = f.records.auditLog.verify();
        if (!report.intact) throw new Error(report.firstBroken?.message);
        records = report.records;
        times.push(report.ms);
      }
      const median = percentile(times, 50);
      rows.push({ area: AREA, metric: `audit verify ms (${count.toLocaleString('en')} rows)`, value: ms(median), note: `median of 3; ${Math.round(records / (median / 1000)).toLocaleString('en')} rows/s; ${(f.db.prepare('SELECT count(*) AS n FROM audit_checkpoints').get() as { n: number }).n} checkpoints` });
      if (count === 10_000) rows.push({ area: AREA, metric: 'audit append µs/row (synchronous=OFF)', value: ms((appendMs * 1000) / count), note: 'hashing, masking, the IMMEDIATE transaction and the signed head (row + file), without fsync' });
    } finally {
      f.close();
    }
  }
  // Appends as the product makes them: one fsync'ed transaction each.
  const f = recordsFixture();
  try {
    const t = performance.now();
    for (let i = 0; i < 500; i++) f.records.audit({ userId: f.userId, source: 'cli' }, 'check', null, { command: 'ls', i });
    rows.push({ area: AREA, metric: 'audit append ms/row (synchronous=FULL)', value: ms((performance.now() - t) / 500), note: '500 appends, each its own durable transaction' });
  } finally {
    f.close();
  }
}

// What signing the head at every append costs: its parts timed alone (the
// HMAC, the head row written in the append's transaction, the file written
// after the commit), and appends as a whole at both sync levels.
function headSigningCost(rows: BenchRow[]): void {
  const f = recordsFixture();
  try {
    const n = 5_000;
    f.records.audit(undefined, 'check', null, {});
    const key = loadAuditKey(f.dbPath, false)!;
    const base = { seq: 1, hash: 'a'.repeat(64), createdAt: new Date().toISOString() };
    let t = performance.now();
    for (let i = 0; i < n; i++) checkpointMac(key, { ...base, seq: i });
    const macUs = ((performance.now() - t) * 1000) / n;
    const upsert = f.db.prepare('INSERT INTO audit_head (id, seq, hash, created_at, mac) VALUES (1, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, created_at = excluded.created_at, mac = excluded.mac');
    f.db.pragma('synchronous = OFF');
    const inTx = f.db.transaction((i: number) => upsert.run(i, base.hash, base.createdAt, 'm'));
    t = performance.now();
    for (let i = 0; i < n; i++) inTx(i);
    const rowUs = ((performance.now() - t) * 1000) / n;
    t = performance.now();
    for (let i = 0; i < n; i++) writeCheckpointFile(f.dbPath, { ...base, seq: i, mac: 'm' });
    const fileUs = ((performance.now() - t) * 1000) / n;
    rows.push({ area: AREA, metric: 'audit head signing µs/append', value: ms(macUs + fileUs), note: `HMAC ${ms(macUs)} µs + head file (write, rename, no fsync) ${ms(fileUs)} µs; the head row alone in a transaction ${ms(rowUs)} µs (the append's own transaction carries it)` });
  } finally {
    f.close();
  }
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  headSigningCost(rows);
  await auditVerify(rows);
  await apiCheck(rows);
  return rows;
}
