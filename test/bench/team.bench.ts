// Shared-store figures: audit appends per second with one writer process and
// with four at once (one chain, serialised appends), and how exact a quota
// stays when four processes race for it, on PostgreSQL (a throwaway server,
// when its binaries are installed) and on SQLite.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { recordsMigrations } from '../../server/src/records';
import { SharedAuditLog } from '../../server/src/records/sharedAudit';
import { openSharedStore } from '../../server/src/store/openSharedStore';
import { postgresSkipReason, startPostgres } from '../support/postgres';
import { runWriters } from '../support/teamWriters';
import type { BenchRow } from './row';

const AREA = 'team';
const PER_WRITER = 300;

async function prepared(target: string, quota: number): Promise<void> {
  const store = await openSharedStore({ url: target.startsWith('postgres') ? target : undefined, path: target, migrations: recordsMigrations });
  await store.run('INSERT INTO users (id, email, quota_commands_per_hour) VALUES (?, ?, ?)', ['shared', 'shared@example.org', quota]);
  await store.close();
}

async function figures(engine: string, fresh: () => string, dir: string, rows: BenchRow[]): Promise<void> {
  for (const writers of [1, 4]) {
    const target = fresh();
    await prepared(target, 1);
    const keyFile = path.join(dir, `${engine}-${writers}.audit-key`);
    const { results, wallMs } = await runWriters(target, 'audit', writers, PER_WRITER, keyFile);
    const total = results.reduce((sum, r) => sum + r.done, 0);
    const store = await openSharedStore({ url: target.startsWith('postgres') ? target : undefined, path: target, migrations: recordsMigrations });
    const report = await (await SharedAuditLog.open(store, keyFile)).verify();
    await store.close();
    rows.push({ area: AREA, metric: `${engine} audit appends/s, ${writers} writer process${writers > 1 ? 'es' : ''}`, value: Math.round(total / (wallMs / 1000)), note: `${total} rows, chain ${report.intact ? 'intact' : 'BROKEN'} (${report.records} records)` });
  }
  const target = fresh();
  const quota = 500;
  await prepared(target, quota);
  const { results } = await runWriters(target, 'quota', 4, 200);
  const taken = results.reduce((sum, r) => sum + r.done, 0);
  rows.push({ area: AREA, metric: `${engine} quota units taken by 4 racing processes`, value: taken, note: `quota ${quota}, 800 attempts: ${taken === quota ? 'exact' : 'NOT exact'}` });
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-team-bench-'));
  let n = 0;
  try {
    const skip = postgresSkipReason();
    if (skip) rows.push({ area: AREA, metric: 'PostgreSQL', value: 'skipped', note: skip });
    else {
      const server = await startPostgres();
      try {
        await figures('PostgreSQL', () => server.createDatabase(`b${++n}`), dir, rows);
      } finally {
        server.stop();
      }
    }
    await figures('SQLite', () => path.join(dir, `b${++n}.db`), dir, rows);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
