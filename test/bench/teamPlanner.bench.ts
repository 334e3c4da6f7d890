// The planner on a team's PostgreSQL database against the local SQLite file:
// plan time on a cache miss and on a hit (the hit made by another instance),
// and retrieval alone, for the development requests. `npm run bench teamPlanner`;
// skipped when the PostgreSQL binaries are not installed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stageMigrations } from '../../server/src/compose';
import { createPlannerStage, createSharedPlannerStage, type Planner } from '../../server/src/planner';
import { plannerMigrations } from '../../server/src/planner/migrations';
import { createPolicyStage } from '../../server/src/policy';
import { recordsMigrations } from '../../server/src/records';
import { normaliseSettings } from '../../server/src/settings/settings';
import { openDatabase, type Db } from '../../server/src/store/database';
import { openSharedStore } from '../../server/src/store/openSharedStore';
import type { SqlStore } from '../../server/src/store/sqlStore';
import { postgresSkipReason, startPostgres } from '../support/postgres';
import { ms, percentile, type BenchRow } from './row';

const area = 'team';
const settings = normaliseSettings({ 'planner.cacheTtlSeconds': 3600 }).settings;

async function timed(requests: string[], fn: (request: string) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (const request of requests) {
    const t = performance.now();
    await fn(request);
    out.push(performance.now() - t);
  }
  return out;
}

export async function bench(): Promise<BenchRow[]> {
  const skip = postgresSkipReason();
  if (skip) return [{ area, metric: 'planner on PostgreSQL', value: 'skipped', note: skip }];
  const server = await startPostgres();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-team-planner-bench-'));
  const workspace = path.join(dir, 'ws');
  fs.mkdirSync(path.join(workspace, 'src'), { recursive: true });
  const requests = (JSON.parse(fs.readFileSync(path.join(__dirname, 'devset', 'requests.json'), 'utf8')) as { request: string }[]).map((r) => r.request);
  const open: { db: Db; store?: SqlStore; planner: Planner }[] = [];
  const instance = async (name: string, url?: string) => {
    const db = openDatabase(path.join(dir, `${name}.db`), { migrations: stageMigrations });
    const policy = await createPolicyStage(db, settings);
    const store = url ? await openSharedStore({ url, path: '', migrations: [...recordsMigrations, ...plannerMigrations] }) : undefined;
    const planner = (store ? await createSharedPlannerStage(db, settings, policy, store) : createPlannerStage(db, settings, policy)) as Planner;
    open.push({ db, store, planner });
    return planner;
  };
  const rows: BenchRow[] = [];
  try {
    const url = server.createDatabase('bench');
    const loading = performance.now();
    const a = await instance('a', url);
    rows.push({ area, metric: 'PostgreSQL: knowledge corpus loaded (ms)', value: ms(performance.now() - loading), note: `${await a.store.count()} texts, once per database` });
    const b = await instance('b', url);
    const local = await instance('local');
    const plan = (p: Planner) => (request: string) => p.plan({ request, workspace, planner: 'embedded' }, {});
    for (const r of requests.slice(0, 10)) await plan(local)(`${r} warm`);
    const engines: [string, number[], number[], number[]][] = [];
    engines.push(['SQLite', await timed(requests, plan(local)), await timed(requests, plan(local)), await timed(requests, (r) => local.store.search(r, { k: 20 }))]);
    engines.push(['PostgreSQL', await timed(requests, plan(a)), await timed(requests, plan(b)), await timed(requests, (r) => a.store.search(r, { k: 20 }))]);
    for (const [engine, miss, hit, retrieval] of engines) {
      rows.push({ area, metric: `${engine}: embedded plan, cache miss, p50 (ms)`, value: ms(percentile(miss, 50)), note: `p95 ${ms(percentile(miss, 95))}; ${requests.length} development requests` });
      rows.push({ area, metric: `${engine}: plan cache hit p50 (ms)`, value: ms(percentile(hit, 50)), note: `p95 ${ms(percentile(hit, 95))}${engine === 'PostgreSQL' ? '; cached by the other instance' : ''}` });
      rows.push({ area, metric: `${engine}: retrieval p50 (ms)`, value: ms(percentile(retrieval, 50)), note: `p95 ${ms(percentile(retrieval, 95))}` });
    }
  } finally {
    for (const o of open) {
      o.planner.dispose();
      await o.store?.close();
      o.db.close();
    }
    server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
