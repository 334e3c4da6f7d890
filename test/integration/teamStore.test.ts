// The shared store on a real PostgreSQL server started for these tests (and
// on SQLite, for the same assertions): migrations applied once by instances
// racing on a new database, one dialect with one meaning on both engines, one
// audit chain written by several processes at once, and exact quotas across
// processes.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { consumeSharedQuota, sharedUsage } from '../../server/src/gateway/sharedQuota';
import { recordsMigrations } from '../../server/src/records';
import { rowHash } from '../../server/src/records/audit';
import { SharedAuditLog } from '../../server/src/records/sharedAudit';
import { stageMigrations } from '../../server/src/stageMigrations';
import { migrations as coreMigrations } from '../../server/src/store/migrations';
import { openSharedStore } from '../../server/src/store/openSharedStore';
import type { SqlStore } from '../../server/src/store/sqlStore';
import { postgresSkipReason, startPostgres, type TestPostgres } from '../support/postgres';
import { runWriters } from '../support/teamWriters';
import { clearOfHourTurn } from '../support/waitFor';

const skip = postgresSkipReason();
if (skip) console.log(`# PostgreSQL tests skipped: ${skip}`);

describe('shared store', { skip }, () => {
  let server: TestPostgres;
  let dir: string;
  let n = 0;
  before(async () => {
    server = await startPostgres();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-team-'));
  });
  after(() => {
    server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const newPostgres = () => server.createDatabase(`t${++n}`);
  const newSqlite = () => path.join(dir, `s${++n}.db`);
  const engines: [string, () => string][] = [
    ['PostgreSQL', () => newPostgres()],
    ['SQLite', () => newSqlite()],
  ];
  const open = (target: string, migrations = recordsMigrations) => openSharedStore({ url: target.startsWith('postgres') ? target : undefined, path: target, migrations });

  test('four instances opening a new PostgreSQL database at once apply every migration exactly once', async () => {
    const url = newPostgres();
    const stores = await Promise.all([1, 2, 3, 4].map(() => open(url, stageMigrations)));
    try {
      const ids = (await stores[0].all<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id')).map((r) => r.id);
      assert.deepEqual(ids, [...coreMigrations, ...stageMigrations].map((m) => m.id).sort((a, b) => a - b));
      // Opening again applies nothing and fails nothing.
      const again = await open(url, stageMigrations);
      await again.close();
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  for (const [engine, target] of engines) {
    test(`${engine}: one query text means the same thing`, async () => {
      const store = await open(target());
      try {
        await dialectChecks(store);
      } finally {
        await store.close();
      }
    });

    test(`${engine}: audit appends from four processes form one chain that verifies from another instance`, async () => {
      const where = target();
      const keyFile = path.join(dir, `k${n}.audit-key`);
      const setup = await open(where);
      await setup.run("INSERT INTO users (id, email) VALUES ('shared', 'shared@example.org')");
      await setup.close();
      const store = await open(where);
      try {
        // Verified again and again while the writers append: each walk is intact.
        const writing = runWriters(where, 'audit', 4, 40, keyFile);
        let walks = 0;
        for (let done = false; !done; walks++) {
          done = await Promise.race([writing.then(() => true), new Promise<boolean>((resolve) => setImmediate(() => resolve(false)))]);
          if (!fs.existsSync(keyFile)) continue;
          const during = await (await SharedAuditLog.open(store, keyFile)).verify({ pageSize: 7 });
          assert.equal(during.intact, true, during.firstBroken?.message);
        }
        const { results } = await writing;
        assert.deepEqual(results.map((r) => r.done), [40, 40, 40, 40]);
        assert.ok(walks > 1);
        const report = await (await SharedAuditLog.open(store, keyFile)).verify({ pageSize: 50 });
        assert.equal(report.intact, true, report.firstBroken?.message);
        assert.equal(report.records, 160);
        assert.equal(report.headSeq, 160);
        const writers = await store.all<{ ip_address: string }>('SELECT DISTINCT ip_address FROM audit_log');
        assert.equal(writers.length, 4, 'every process wrote into the one chain');
      } finally {
        await store.close();
      }
    });

    test(`${engine}: 60 appends started at once in one process, with reads between them, form one chain`, async () => {
      const where = target();
      const keyFile = path.join(dir, `k${n}.audit-key`);
      const store = await open(where);
      try {
        const log = await SharedAuditLog.open(store, keyFile, 5);
        const work: Promise<unknown>[] = [];
        for (let i = 0; i < 60; i++) {
          work.push(log.append(undefined, 'check', `c-${i}`, { i }));
          work.push(store.get('SELECT count(*) AS n FROM audit_log'));
        }
        await Promise.all(work);
        const report = await log.verify();
        assert.equal(report.intact, true, report.firstBroken?.message);
        assert.equal(report.records, 60);
        // A failed transaction leaves the store usable for the next one.
        await assert.rejects(store.transaction(async (tx) => {
          await tx.run("INSERT INTO users (id, email) VALUES ('x', 'x@example.org')");
          await tx.run("INSERT INTO users (id, email) VALUES ('x', 'x@example.org')");
        }));
        await log.append(undefined, 'check', 'after', {});
        assert.equal((await log.verify()).records, 61);
      } finally {
        await store.close();
      }
    });

    test(`${engine}: a quota is exact when four processes race for it`, async () => {
      const where = target();
      const setup = await open(where);
      await setup.run("INSERT INTO users (id, email, quota_commands_per_hour) VALUES ('shared', 'shared@example.org', 37)");
      await clearOfHourTurn();
      const { results } = await runWriters(where, 'quota', 4, 20);
      try {
        assert.equal(results.reduce((sum, r) => sum + r.done, 0), 37);
        assert.equal(await sharedUsage(setup, 'shared'), 37);
        const refused = await consumeSharedQuota(setup, 'shared');
        assert.equal(refused.ok, false);
        assert.ok(!refused.ok && refused.retryAfterSeconds >= 1);
      } finally {
        await setup.close();
      }
    });
  }

  test('PostgreSQL: a record changed behind the log\'s back is found by any instance', async () => {
    const url = newPostgres();
    const keyFile = path.join(dir, `k${n}.audit-key`);
    const store = await open(url);
    try {
      const log = await SharedAuditLog.open(store, keyFile, 8);
      for (let i = 0; i < 30; i++) await log.append(undefined, 'check', `c-${i}`, { i });
      assert.equal((await log.verify()).intact, true);
      // The append-only trigger refuses a plain UPDATE...
      await assert.rejects(store.run("UPDATE audit_log SET details = '{}' WHERE seq = 12"), /append-only/);
      // ...so the owner of the tables switches it off first.
      const admin = new pg.Client(url);
      await admin.connect();
      await admin.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await admin.query(`UPDATE audit_log SET details = '{"i":999}' WHERE seq = 12`);
      await admin.end();
      const report = await (await SharedAuditLog.open(store, keyFile)).verify();
      assert.equal(report.intact, false);
      assert.equal(report.firstBroken?.seq, 12);
      assert.equal(report.firstBroken?.kind, 'modified');
      await asOwner(url, async (c) => {
        // Put record 12 back, then add a well-chained record without the key.
        await c.query(`UPDATE audit_log SET details = '{"i":11}' WHERE seq = 12`);
      });
      assert.equal((await log.verify()).intact, true, 'restored');
      const last = (await store.get<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = 30'))!;
      const forged = { id: 'forged', user_id: null, action: 'check', resource: null, details: '{}', ip_address: null, source: null, timestamp: new Date().toISOString() };
      await store.run('INSERT INTO audit_log (seq, id, action, details, timestamp, prev_hash, hash) VALUES (31, ?, ?, ?, ?, ?, ?)', [forged.id, forged.action, forged.details, forged.timestamp, last.hash, rowHash(last.hash, forged)]);
      const unsigned = await log.verify();
      assert.equal(unsigned.firstBroken?.kind, 'unsigned', JSON.stringify(unsigned));
      assert.equal(unsigned.firstBroken?.seq, 31);
      // Cutting the tail off is found by the signed head.
      await asOwner(url, async (c) => {
        await c.query('DELETE FROM audit_log WHERE seq >= 29');
      });
      const cut = await log.verify();
      assert.equal(cut.intact, false);
      assert.equal(cut.firstBroken?.kind, 'truncated', JSON.stringify(cut));
    } finally {
      await store.close();
    }
  });

  test('PostgreSQL: a wrong URL fails with a message that says what to set', async () => {
    await assert.rejects(openSharedStore({ url: 'mysql://x@localhost/db', path: '' }), /PALADIN_DATABASE_URL.*postgres:\/\//);
    const closed = `postgres://paladin@127.0.0.1:1/none`;
    await assert.rejects(openSharedStore({ url: closed, path: '' }), /Cannot use the PostgreSQL database postgres:\/\/paladin@127\.0\.0\.1:1\/none.*server is running/);
  });
});

async function asOwner(url: string, fn: (c: pg.Client) => Promise<void>): Promise<void> {
  const c = new pg.Client(url);
  await c.connect();
  try {
    await fn(c);
  } finally {
    await c.end();
  }
}

async function dialectChecks(store: SqlStore): Promise<void> {
  // INSERT OR IGNORE keeps the first row.
  await store.run("INSERT OR IGNORE INTO users (id, email) VALUES (?, 'a@example.org')", ['a']);
  assert.equal(await store.run("INSERT OR IGNORE INTO users (id, email) VALUES (?, 'a@example.org')", ['a']), 0);
  // Milliseconds since 1970 do not fit 32 bits; they come back as numbers.
  const window = 1_764_000_000_000;
  await store.run('INSERT INTO api_usage (user_id, window_start, count) VALUES (?, ?, 1) ON CONFLICT (user_id, window_start) DO UPDATE SET count = api_usage.count + 1', ['a', window]);
  await store.run('INSERT INTO api_usage (user_id, window_start, count) VALUES (?, ?, 1) ON CONFLICT (user_id, window_start) DO UPDATE SET count = api_usage.count + 1', ['a', window]);
  assert.deepEqual(await store.get('SELECT window_start, count FROM api_usage WHERE user_id = ?', ['a']), { window_start: window, count: 2 });
  // Time defaults are ISO-8601 UTC strings on both.
  const user = await store.get<{ created_at: string }>('SELECT created_at FROM users WHERE id = ?', ['a']);
  assert.match(user!.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  // JSON columns refuse what is not JSON; the audit log refuses change.
  await assert.rejects(store.run("INSERT INTO audit_log (seq, id, action, details, prev_hash, hash) VALUES (1, 'x', 'a', 'not json', '', '')"), /CHECK|check constraint/i);
  await store.run("INSERT INTO audit_log (seq, id, action, details, prev_hash, hash) VALUES (1, 'x', 'a', '{}', '', '')");
  await assert.rejects(store.run("DELETE FROM audit_log WHERE seq = 1"), /append-only/);
  // A transaction that throws leaves nothing behind.
  await assert.rejects(store.transaction(async (tx) => {
    await tx.run("INSERT INTO users (id, email) VALUES ('b', 'b@example.org')");
    throw new Error('stop');
  }), /stop/);
  assert.equal(await store.get("SELECT id FROM users WHERE id = 'b'"), undefined);
  // Bytes round-trip.
  await store.run("INSERT INTO command_outputs (hash, encoding, size, stored_size, data, created_at) VALUES (?, 'br', 3, 3, ?, 'now')", ['f'.repeat(64), Buffer.from([0, 255, 7])]);
  const out = await store.get<{ data: Buffer }>('SELECT data FROM command_outputs');
  assert.deepEqual([...out!.data], [0, 255, 7]);
}
