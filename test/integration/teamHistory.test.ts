// History and stored outputs on a team's shared PostgreSQL database: what one
// instance records, another lists, shows and reads the output of; each person
// sees only their own; the database stopped under a write gives a 503, and
// nothing recorded before (or during) the outage is lost once it is back.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { describeError } from '../../server/src/gateway/httpIo';
import { auditBarrier, openTeamStore, withAuditAppends, type TeamStore } from '../../server/src/gateway/teamStore';
import type { Actor, RunResult } from '../../server/src/protocol/types';
import type { RecordsStage } from '../../server/src/stages';
import { call } from '../support/apiClient';
import { postgresSkipReason, startPostgres, type TestPostgres } from '../support/postgres';
import { recordsFixture, type RecordsFixture } from '../support/recordsFixture';
import { teamServers } from '../support/teamServers';

const skip = postgresSkipReason();
if (skip) console.log(`# PostgreSQL tests skipped: ${skip}`);

function finished(runId: string): RunResult {
  return { runId, end: 'exited', exitCode: 0, truncated: false, durations: { queueMs: 0, startMs: 0, runMs: 12 } } as unknown as RunResult;
}

/** What a request does: its writes, then the answer waits for them (a rejection here is the request's 503). */
function request<T>(fn: () => T): Promise<T> {
  return withAuditAppends(async () => {
    const value = fn();
    await auditBarrier();
    return value;
  });
}

describe('history on the shared store: two team stores on one PostgreSQL database', { skip, timeout: 120_000 }, () => {
  let server: TestPostgres;
  let a: RecordsFixture;
  let b: RecordsFixture;
  let teamA: TeamStore;
  let teamB: TeamStore;
  let viaA: RecordsStage;
  let viaB: RecordsStage;
  const alice: Actor = { userId: 'u-alice', source: 'api' };
  const bob: Actor = { userId: 'u-bob', source: 'api' };
  before(async () => {
    server = await startPostgres();
    const url = server.createDatabase('history');
    a = recordsFixture({ 'database.url': url });
    b = recordsFixture({ 'database.url': url });
    const keyFile = { PALADIN_AUDIT_KEY_FILE: path.join(a.dir, '..', 'team.audit-key') };
    teamA = (await openTeamStore(a.settings, keyFile))!;
    teamB = (await openTeamStore(b.settings, keyFile))!;
    for (const [actor, email] of [[alice, 'alice@example.org'], [bob, 'bob@example.org']] as const) {
      await teamA.store.run('INSERT INTO users (id, email) VALUES (?, ?)', [actor.userId, email]);
      for (const f of [a, b]) teamA.mirrorUser(f.db, actor.userId);
    }
    viaA = teamA.records(a.records, a.db);
    viaB = teamB.records(b.records, b.db);
  });
  after(async () => {
    await teamA?.close().catch(() => undefined);
    await teamB?.close().catch(() => undefined);
    a?.close();
    b?.close();
    server?.stop();
  });

  test('a plan and a run recorded through one instance are listed, shown and their output read through the other, each person seeing their own', async () => {
    const planned = await request(() => viaA.recordPlan({ actor: alice, query: 'list files', plannedCommand: 'ls -la', policyDecision: 'allow', status: 'planned' }));
    const ran = await request(() => viaA.recordRunStart(planned, alice, 'ls -la', '/tmp', 'allow'));
    assert.equal(ran, planned, 'the plan became its run');
    await request(() => viaA.recordRunEnd(ran, finished('run-a1'), Buffer.from('total 0\nfile.txt\n')));
    const bobs = await request(() => viaA.recordPlan({ actor: bob, query: 'show the date', plannedCommand: 'date', policyDecision: 'allow', status: 'planned' }));

    const listed = await viaB.listHistory({ userId: alice.userId });
    assert.deepEqual(listed.map((e) => [e.id, e.query, e.command, e.status]), [[planned, 'list files', 'ls -la', 'succeeded']]);
    assert.deepEqual((await viaB.listHistory({ userId: bob.userId })).map((e) => e.id), [bobs], "Bob sees only his own");
    assert.deepEqual((await viaB.listHistory()).map((e) => e.id).sort(), [planned, bobs].sort());
    const shown = await viaB.historyEntry(planned.slice(0, 8));
    assert.equal(shown?.runId, 'run-a1');
    assert.equal(shown?.exitCode, 0);
    assert.equal(shown?.outputTruncated, false);
    const output = await viaB.storedOutput(shown!.outputHash!);
    assert.equal(output?.data.toString('utf8'), 'total 0\nfile.txt\n');
    const streamed = [];
    for await (const e of viaB.historyEntries({ search: 'date' })) streamed.push(e.id);
    assert.deepEqual(streamed, [bobs]);
    // The other instance's own SQLite file holds none of it: it was read from the shared store.
    assert.equal(await b.records.historyEntry(planned), undefined);
  });

  test('the database stopped under a write: the request fails with a 503, and nothing recorded is lost when it is back', async () => {
    const before = await request(() => viaA.recordPlan({ actor: alice, query: 'before the outage', plannedCommand: 'pwd', status: 'planned' }));
    server.halt();
    let during: string | undefined;
    try {
      const failed = await request(() => (during = viaA.recordPlan({ actor: alice, query: 'during the outage', plannedCommand: 'whoami', status: 'planned' }))).then(
        () => undefined,
        (err: unknown) => err,
      );
      assert.ok(failed, 'the answer did not wait for the history write');
      assert.equal(describeError(failed).status, 503, String(failed));
      const read = await viaB.listHistory({ userId: alice.userId }).then(
        () => undefined,
        (err: unknown) => err,
      );
      assert.equal(describeError(read).status, 503, 'a read with the database away is a 503');
    } finally {
      server.resume();
    }
    const afterIds = (await viaB.listHistory({ userId: alice.userId })).map((e) => e.id);
    assert.ok(afterIds.includes(before), 'an entry written before the outage is still there');
    // The entry written during the outage is sent again with the next write.
    const next = await request(() => viaA.recordPlan({ actor: alice, query: 'after the outage', plannedCommand: 'id', status: 'planned' }));
    const queries = (await viaB.listHistory({ userId: alice.userId })).map((e) => e.query);
    assert.deepEqual(queries.slice(0, 3), ['after the outage', 'during the outage', 'before the outage']);
    assert.ok(during && (await viaB.historyEntry(during)) && (await viaB.historyEntry(next)));
  });

  test('an entry the shared database refuses fails its request but does not hold up later ones', async () => {
    // A user this instance knows but the shared database does not: its entry breaks a foreign key there.
    teamA.mirrorUser(a.db, 'u-stranger');
    const refused = await request(() => viaA.recordPlan({ actor: { userId: 'u-stranger', source: 'api' }, query: 'orphan', plannedCommand: 'true', status: 'planned' })).then(
      () => undefined,
      (err: unknown) => err,
    );
    assert.match(String(refused), /foreign key/);
    const next = await request(() => viaA.recordPlan({ actor: alice, query: 'after a refusal', plannedCommand: 'uptime', status: 'planned' }));
    assert.equal((await viaB.historyEntry(next))?.query, 'after a refusal');
  });
});

describe('GET /v1/history on two paladin serve instances', { skip, timeout: 240_000 }, () => {
  let server: TestPostgres;
  let dir: string;
  let url: string;
  const { run, serve, createKey, killAll } = teamServers({ get url() { return url; }, get dir() { return dir; }, get workspace() { return path.join(dir, 'ws'); } });
  before(async () => {
    server = await startPostgres();
    url = server.createDatabase('historyserve');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-team-history-'));
    fs.mkdirSync(path.join(dir, 'ws'));
  });
  after(() => {
    killAll();
    server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const keyFor = (email: string): Promise<string> => createKey('a', email.split('@')[0], email);

  test('a plan made through one instance is in its author\'s history on the other, and only in theirs; run through the other, it becomes that run', async () => {
    const alice = await keyFor('alice@example.org');
    const bob = await keyFor('bob@example.org');
    const [{ port: portA }, { port: portB }] = await Promise.all([serve('a'), serve('b')]);
    const planned = await call({ port: portA }, 'POST', '/v1/plan', { key: alice, body: { request: 'list the files here', planner: 'embedded' } });
    assert.equal(planned.status, 200, planned.text);
    const onB = await call({ port: portB }, 'GET', '/v1/history', { key: alice });
    assert.equal(onB.status, 200, onB.text);
    assert.deepEqual(onB.json.entries.map((e: { id: string }) => e.id), [planned.json.historyId]);
    assert.equal(onB.json.entries[0].query, 'list the files here');
    const bobsView = await call({ port: portB }, 'GET', '/v1/history', { key: bob });
    assert.deepEqual(bobsView.json.entries, [], 'another member does not see it');

    // Run through the other instance, the plan becomes its run (in the real Docker engine).
    const ran = await call({ port: portB }, 'POST', '/v1/run', { key: alice, body: { command: 'echo shared-run', historyId: planned.json.historyId } });
    assert.equal(ran.status, 200, ran.text);
    assert.match(ran.text, /event: result/, ran.text);
    const afterRun = await call({ port: portA }, 'GET', '/v1/history', { key: alice });
    assert.deepEqual(
      afterRun.json.entries.map((e: { id: string; query: string; command: string; status: string }) => [e.id, e.query, e.command, e.status]),
      [[planned.json.historyId, 'list the files here', 'echo shared-run', 'succeeded']],
      afterRun.text,
    );

    // `paladin audit verify` with the URL walks the shared chain the instances append to.
    const viaApi = await call({ port: portB }, 'GET', '/v1/audit/verify', { key: alice });
    assert.equal(viaApi.json.intact, true, viaApi.text);
    const { code, out } = await run('c', ['audit', 'verify', '--json']);
    assert.equal(code, 0, out);
    const report = JSON.parse(out) as { intact: boolean; records: number };
    assert.equal(report.intact, true);
    assert.ok(report.records >= viaApi.json.records && report.records > 2, `the CLI verified ${report.records} records, the shared chain holds ${viaApi.json.records}`);
  });
});
