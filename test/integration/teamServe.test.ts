// Two real `paladin serve` processes, each with its own local SQLite file (as
// on two hosts), sharing one real PostgreSQL database: a key made by the CLI
// works on both, a session opened on one is good on the other, a quota is
// exact across both, concurrent checks land in one audit chain that verifies
// on either, a plan made on one is a cache hit on the other, and one instance
// drained by SIGTERM leaves the other serving.
import { strict as assert } from 'node:assert';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { call } from '../support/apiClient';
import { teamServers } from '../support/teamServers';
import { postgresSkipReason, startPostgres, type TestPostgres } from '../support/postgres';
import { clearOfHourTurn } from '../support/waitFor';

const skip = postgresSkipReason();
if (skip) console.log(`# PostgreSQL tests skipped: ${skip}`);

describe('two paladin serve instances on one PostgreSQL database', { skip, timeout: 240_000 }, () => {
  let server: TestPostgres;
  let dir: string;
  let url: string;
  before(async () => {
    server = await startPostgres();
    url = server.createDatabase('team');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-team-serve-'));
    fs.mkdirSync(path.join(dir, 'ws'));
  });
  after(() => {
    killAll();
    server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const { cli, serve, killAll } = teamServers({ get url() { return url; }, get dir() { return dir; }, get workspace() { return path.join(dir, 'ws'); } });

  test('a key, a session, a quota and one audit chain shared by both; SIGTERM drains one and the other serves on', async () => {
    const keyProc = cli('a', ['keys', 'create', 'shared', '--user', 'alice@example.org', '--quota', '30']);
    let out = '';
    let err = '';
    keyProc.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    keyProc.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    await once(keyProc, 'exit');
    const key = out.trim();
    assert.match(key, /^pld_/, err);

    const [a, b] = await Promise.all([serve('a'), serve('b')]);
    for (const { port } of [a, b]) {
      assert.equal((await call({ port }, 'GET', '/healthz')).status, 200);
      const ready = await call({ port }, 'GET', '/readyz');
      assert.equal(ready.status, 200, ready.text);
      assert.equal(ready.json.status, 'ready');
    }

    // A session opened on one instance is good on the other (one quota unit).
    await clearOfHourTurn();
    const session = await call({ port: a.port }, 'POST', '/v1/sessions', { key });
    assert.equal(session.status, 200, session.text);
    const viaB = await call({ port: b.port }, 'POST', '/v1/check', { key: session.json.token, body: { command: 'ls -la' } });
    assert.equal(viaB.status, 200, viaB.text);

    // 40 concurrent checks over both instances: exactly the 29 units left succeed.
    const replies = await Promise.all(Array.from({ length: 40 }, (_, i) => call({ port: (i % 2 ? a : b).port }, 'POST', '/v1/check', { key, body: { command: `ls -la dir${i}` } })));
    const statuses = replies.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 200).length, 29, JSON.stringify(statuses));
    assert.equal(statuses.filter((s) => s === 429).length, 11);

    const db = new pg.Client(url);
    await db.connect();
    try {
      const checks = await db.query("SELECT count(*)::int AS n, count(DISTINCT seq)::int AS seqs FROM audit_log WHERE action = 'check'");
      assert.deepEqual(checks.rows[0], { n: 30, seqs: 30 }, 'every allowed check is in the shared chain once');
      assert.equal((await db.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'key.create'")).rows[0].n, 1);
    } finally {
      await db.end();
    }
    for (const { port } of [a, b]) {
      const verify = await call({ port }, 'GET', '/v1/audit/verify', { key });
      assert.equal(verify.status, 200, verify.text);
      assert.equal(verify.json.intact, true, verify.text);
      assert.ok(verify.json.records >= 32, verify.text);
    }

    a.child.kill('SIGTERM');
    const [code] = (await once(a.child, 'exit')) as [number | null];
    assert.equal(code, 0, a.stderr());
    assert.equal((await call({ port: b.port }, 'GET', '/readyz')).status, 200);
    const later = await call({ port: b.port }, 'GET', '/v1/audit/verify', { key: session.json.token });
    assert.equal(later.json.intact, true, later.text);
  });

  test('PostgreSQL stopped under an instance: clear 503s and not ready, then it recovers without a restart', async () => {
    const keyProc = cli('c', ['keys', 'create', 'restart', '--user', 'bob@example.org', '--quota', '1000']);
    let out = '';
    keyProc.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    await once(keyProc, 'exit');
    const key = out.trim();
    const [c, d] = await Promise.all([serve('c'), serve('d')]);
    assert.equal((await call({ port: c.port }, 'POST', '/v1/check', { key, body: { command: 'ls' } })).status, 200);
    // A plan made on one instance is served from the shared cache by the other.
    const planned = await call({ port: c.port }, 'POST', '/v1/plan', { key, body: { request: 'list the files here', planner: 'embedded' } });
    assert.equal(planned.status, 200, planned.text);
    assert.equal(planned.json.cache, 'miss');
    const cached = await call({ port: d.port }, 'POST', '/v1/plan', { key, body: { request: 'list the files here', planner: 'embedded' } });
    assert.equal(cached.status, 200, cached.text);
    assert.equal(cached.json.cache, 'hit', 'the other instance answers from the shared plan cache');
    assert.equal(cached.json.command, planned.json.command);
    server.halt();
    try {
      const down = await call({ port: c.port }, 'POST', '/v1/check', { key, body: { command: 'ls' } });
      assert.equal(down.status, 503, down.text);
      assert.match(down.json.error.message, /shared database cannot be reached/);
      assert.equal(down.headers['retry-after'], '2');
      const noPlan = await call({ port: c.port }, 'POST', '/v1/plan', { key, body: { request: 'count the lines of every file here', planner: 'embedded' } });
      assert.equal(noPlan.status, 503, noPlan.text);
      assert.equal(noPlan.json.error.code, 'unavailable');
      const notReady = await call({ port: c.port }, 'GET', '/readyz');
      assert.equal(notReady.status, 503);
      assert.match(notReady.json.problems.join(' '), /database unreachable/);
      assert.equal((await call({ port: c.port }, 'GET', '/healthz')).status, 200, 'alive while the database is away');
    } finally {
      server.resume();
    }
    assert.equal((await call({ port: c.port }, 'GET', '/readyz')).status, 200);
    const back = await call({ port: c.port }, 'POST', '/v1/check', { key, body: { command: 'ls' } });
    assert.equal(back.status, 200, back.text);
    const verify = await call({ port: c.port }, 'GET', '/v1/audit/verify', { key });
    assert.equal(verify.json.intact, true, verify.text);
  });
});
