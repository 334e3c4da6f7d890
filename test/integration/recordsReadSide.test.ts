// The records stage's read side, as every front reads it: on the local
// SQLite store, and through the team wrapper whose audit log is the shared
// chain on a real PostgreSQL server (history and outputs there too).
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { auditBarrier, openTeamStore, withAuditAppends, type TeamStore } from '../../server/src/gateway/teamStore';
import type { Actor, RunResult } from '../../server/src/protocol/types';
import type { RecordsStage } from '../../server/src/stages';
import { postgresSkipReason, startPostgres, type TestPostgres } from '../support/postgres';
import { recordsFixture, type RecordsFixture } from '../support/recordsFixture';

const skip = postgresSkipReason();

function finished(runId: string): RunResult {
  return { runId, end: 'exited', exitCode: 0, truncated: false, durations: { queueMs: 0, startMs: 0, runMs: 12 } } as unknown as RunResult;
}

/** Two entries (a plan, and a run with output) and three audit records, through the stage's write side. */
async function write(records: RecordsStage, actor: Actor): Promise<{ planned: string; ran: string }> {
  const planned = records.recordPlan({ actor, query: 'list files', plannedCommand: 'ls -la', policyDecision: 'allow', status: 'planned' });
  const ran = records.recordRunStart(undefined, actor, 'echo hello', '/tmp', 'allow');
  records.recordRunEnd(ran, finished('run-1'), Buffer.from('hello\n'));
  await withAuditAppends(async () => {
    for (const action of ['plan', 'run.start', 'run.end']) records.audit(actor, action, ran, { command: 'echo hello' });
    await auditBarrier();
  });
  return { planned, ran };
}

async function assertHistoryReads(records: RecordsStage, ids: { planned: string; ran: string }): Promise<void> {
  const all = await records.listHistory();
  assert.deepEqual(all.map((e) => e.id).sort(), [ids.planned, ids.ran].sort());
  assert.deepEqual((await records.listHistory({ search: 'hello' })).map((e) => e.id), [ids.ran]);
  assert.deepEqual((await records.listHistory({ status: 'planned' })).map((e) => e.id), [ids.planned]);
  assert.equal((await records.listHistory({ limit: 1 })).length, 1);
  const streamed = [];
  for await (const e of records.historyEntries({ search: 'ls' })) streamed.push(e.id);
  assert.deepEqual(streamed, [ids.planned]);
  const entry = await records.historyEntry(ids.ran.slice(0, 8));
  assert.equal(entry?.command, 'echo hello');
  assert.equal(await records.historyEntry('ffffffff'), undefined);
  const output = await records.storedOutput(entry!.outputHash!);
  assert.equal(output?.data.toString('utf8'), 'hello\n');
  assert.equal(await records.storedOutput('0'.repeat(64)), undefined);
}

async function assertAuditReads(records: RecordsStage, expected: number): Promise<void> {
  const report = await records.verifyAudit();
  assert.equal(report.intact, true, report.firstBroken?.message);
  assert.equal(report.records, expected);
  assert.deepEqual(report.warnings, []);
  const last = await records.auditRows({ last: 2 });
  assert.deepEqual(last.map((r) => r.action), ['run.start', 'run.end']);
  const after = await records.auditRows({ afterSeq: last[0].seq - 1, limit: 1 });
  assert.deepEqual(after.map((r) => r.seq), [last[0].seq]);
  assert.equal((await records.auditRows()).length, expected);
  assert.deepEqual(JSON.parse(last[1].details), { command: 'echo hello' });
}

test('the local records stage reads history, outputs and the audit chain it wrote', async () => {
  const f = recordsFixture();
  try {
    const ids = await write(f.records, { userId: f.userId, source: 'cli' });
    await assertHistoryReads(f.records, ids);
    await assertAuditReads(f.records, 3);
  } finally {
    f.close();
  }
});

describe('the team records stage (PostgreSQL)', { skip }, () => {
  let server: TestPostgres;
  let f: RecordsFixture;
  let team: TeamStore;
  before(async () => {
    server = await startPostgres();
    f = recordsFixture();
    const url = server.createDatabase('readside');
    const shared = recordsFixture({ 'database.url': url, 'database.path': f.dbPath });
    shared.close();
    team = (await openTeamStore(shared.settings, { PALADIN_AUDIT_KEY_FILE: path.join(f.dir, '..', 'team.audit-key') }))!;
  });
  after(async () => {
    await team?.close();
    f?.close();
    server?.stop();
  });

  test('history, outputs and the audit log are read from the shared store', async () => {
    const actor = { userId: f.userId, source: 'api' as const };
    await team.store.run('INSERT INTO users (id, email) VALUES (?, ?)', [f.userId, 'someone@example.com']);
    // One record in the local chain only: the team stage must not read it.
    f.records.audit(actor, 'local.only', null, {});
    const records = team.records(f.records, f.db);
    const ids = await write(records, actor);
    await assertHistoryReads(records, ids);
    await assertAuditReads(records, 3);
    assert.equal((await f.records.verifyAudit()).records, 1, 'the local chain kept only its own record');
    const shared = await team.store.all<{ action: string }>('SELECT action FROM audit_log ORDER BY seq');
    assert.deepEqual(shared.map((r) => r.action), ['plan', 'run.start', 'run.end']);
  });
});
