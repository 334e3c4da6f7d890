// Faults under load, with two real `paladin serve` instances on one real
// PostgreSQL database: one instance killed (SIGKILL, no drain) while requests
// are in flight, and PostgreSQL stopped and started again while both take
// requests. After each, the other instance (or both) serve on without a
// restart, and the one audit chain verifies with no record lost, duplicated
// or half-written: every answered check has its record.
import { strict as assert } from 'node:assert';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { call, type Reply } from '../support/apiClient';
import { postgresSkipReason, startPostgres, type TestPostgres } from '../support/postgres';
import { teamServers } from '../support/teamServers';

const skip = postgresSkipReason();
if (skip) console.log(`# PostgreSQL tests skipped: ${skip}`);

/** Checks sent one after another to each port in turn until `stop()` says so; every reply kept. */
function steadyLoad(ports: number[], key: string, tag: string) {
  const replies: { port: number; reply: Reply | Error }[] = [];
  let running = true;
  const loops = ports.map(async (port) => {
    for (let i = 0; running; i++) {
      const reply = await Promise.race([
        call({ port }, 'POST', '/v1/check', { key, body: { command: `ls -la ${tag}${port}-${i}` } }),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer within 15 s')), 15_000).unref()),
      ]).catch((err: Error) => err);
      replies.push({ port, reply });
      if (reply instanceof Error) await new Promise((r) => setTimeout(r, 20));
    }
  });
  return {
    replies,
    count: () => replies.length,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

const ok = (r: Reply | Error): r is Reply => !(r instanceof Error) && r.status === 200;

/** Waits until `done()`, failing with `what` after 60 s. */
async function until(done: () => boolean, what: string | (() => string)): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!done()) {
    if (Date.now() >= deadline) assert.fail(`gave up waiting: ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('faults under load on two instances and one PostgreSQL database', { skip, timeout: 240_000 }, () => {
  let server: TestPostgres;
  let dir: string;
  let url: string;
  const team = teamServers({ get url() { return url; }, get dir() { return dir; }, get workspace() { return path.join(dir, 'ws'); } });

  before(async () => {
    server = await startPostgres();
    url = server.createDatabase('faults');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-team-faults-'));
    fs.mkdirSync(path.join(dir, 'ws'));
  });
  after(() => {
    team.killAll();
    server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Rows of checks in the shared chain whose command carries `tag`, and whether they are all distinct. */
  async function checkRows(tag: string): Promise<{ n: number; distinct: number }> {
    const db = new pg.Client(url);
    await db.connect();
    try {
      const r = await db.query("SELECT count(*)::int AS n, count(DISTINCT seq)::int AS distinct FROM audit_log WHERE action = 'check' AND details::text LIKE $1", [`%${tag}%`]);
      return r.rows[0] as { n: number; distinct: number };
    } finally {
      await db.end();
    }
  }

  test('an instance killed mid-load: the other serves on, and every answered check is in one intact chain', async () => {
    const key = await team.createKey('k', 'faults', 'kim@example.org', 100_000);
    const [a, b] = await Promise.all([team.serve('a'), team.serve('b')]);
    const load = steadyLoad([a.port, b.port], key, 'kill-');
    await until(() => load.count() >= 30, 'the first 30 replies');
    a.child.kill('SIGKILL');
    await once(a.child, 'exit');
    const afterKill = load.count();
    await until(() => load.count() >= afterKill + 30, '30 replies after the kill');
    await load.stop();

    assert.ok(load.replies.some((r) => r.port === a.port && r.reply instanceof Error), 'requests to the killed instance fail');
    const onB = load.replies.filter((r) => r.port === b.port).map((r) => r.reply);
    assert.ok(onB.every(ok), `every request to the surviving instance is answered: ${onB.filter((r) => !ok(r)).map((r) => (r instanceof Error ? r.message : r.status)).join(', ')}`);
    const answered = load.replies.filter((r) => ok(r.reply)).length;
    const rows = await checkRows('kill-');
    assert.equal(rows.distinct, rows.n, 'no record twice');
    // An answer waits for its record; the killed instance may have committed records it never answered.
    assert.ok(rows.n >= answered && rows.n <= load.replies.length, `${rows.n} records for ${answered} answered of ${load.replies.length} sent`);
    const verify = await call({ port: b.port }, 'GET', '/v1/audit/verify', { key });
    assert.equal(verify.status, 200, verify.text);
    assert.equal(verify.json.intact, true, verify.text);
    b.child.kill('SIGTERM');
    await once(b.child, 'exit');
  });

  test('PostgreSQL stopped and started mid-load: clear 503s while it is away, then both serve again without a restart', async () => {
    const key = await team.createKey('k', 'restart', 'rob@example.org', 100_000);
    const [c, d] = await Promise.all([team.serve('c'), team.serve('d')]);
    const load = steadyLoad([c.port, d.port], key, 'restart-');
    await until(() => load.count() >= 20, 'the first 20 replies');
    server.halt();
    const during = load.count();
    await until(() => load.count() >= during + 10, '10 replies while PostgreSQL is stopped');
    server.resume();
    const resumed = load.count();
    // Both instances answer 200 again on their own.
    await until(() => {
      const recent = load.replies.slice(resumed);
      return [c.port, d.port].every((p) => {
        const last = recent.filter((r) => r.port === p).slice(-3);
        return last.length === 3 && last.every((r) => ok(r.reply));
      });
    }, () => `both instances answering again after PostgreSQL came back; the last replies: ${JSON.stringify(load.replies.slice(-8).map((r) => [r.port, r.reply instanceof Error ? r.reply.message : `${r.reply.status} ${r.reply.json?.error?.message ?? ''}`]))}; instance c: ${c.child.exitCode ?? c.child.signalCode ?? 'running'} ${c.stderr().slice(-1500)}; instance d: ${d.child.exitCode ?? d.child.signalCode ?? 'running'} ${d.stderr().slice(-1500)}`);
    await load.stop();

    const statuses = load.replies.map((r) => (r.reply instanceof Error ? `error ${r.reply.message}` : r.reply.status));
    assert.ok(statuses.every((s) => s === 200 || s === 503), `only answers or clear 503s: ${[...new Set(statuses)].join(', ')}`);
    const unavailable = load.replies.map((r) => r.reply).filter((r): r is Reply => !(r instanceof Error) && r.status === 503);
    assert.ok(unavailable.length > 0, 'the outage was seen');
    for (const r of unavailable) assert.match(r.json.error.message, /database/i);
    const answered = load.replies.filter((r) => ok(r.reply)).length;
    const rows = await checkRows('restart-');
    assert.equal(rows.distinct, rows.n, 'no record twice');
    assert.ok(rows.n >= answered, `every answered check has its record (${rows.n} records, ${answered} answered)`);
    for (const { port } of [c, d]) {
      const verify = await call({ port }, 'GET', '/v1/audit/verify', { key });
      assert.equal(verify.json.intact, true, verify.text);
    }
  });
});
