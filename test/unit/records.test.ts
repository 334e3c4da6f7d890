import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { auditKeyPath, checkpointFilePath } from '../../server/src/records/auditKey';
import { canonicalJson } from '../../server/src/records/canonicalJson';
import { csvLine } from '../../server/src/records/csv';
import { maskSecrets, maskString, registerSecret } from '../../server/src/records/secretMask';
import { parseSince, parseUntil } from '../../server/src/records/timeSpec';
import type { Actor, RunResult } from '../../server/src/protocol/types';
import { recordsFixture } from '../support/recordsFixture';

function runResult(over: Partial<RunResult> = {}): RunResult {
  return {
    runId: 'run-1',
    command: 'ls',
    exitCode: 0,
    end: 'exited',
    durations: { queueMs: 1, startMs: 2, runMs: 42 },
    bytes: { stdout: 3, stderr: 0 },
    truncated: false,
    mode: 'ro',
    image: 'paladin-test:busybox',
    ...over,
  };
}

test('a plan and its run round-trip through history, with the output kept compressed and found by its hash', () => {
  const f = recordsFixture();
  try {
    const actor: Actor = { userId: f.userId, source: 'cli' };
    const id = f.records.recordPlan({ actor, query: 'list files', plannedCommand: 'ls -la', reasoning: 'ls lists', planner: 'embedded', policyDecision: 'allow', workspace: f.dir, status: 'planned' });
    const same = f.records.recordRunStart(id, actor, 'ls -la', f.dir);
    assert.equal(same, id, 'a plan that has not run becomes the run entry');
    assert.equal(f.records.history.get(id)?.status, 'running');
    const output = Buffer.from('hello world\n'.repeat(1000));
    f.records.recordRunEnd(id, runResult({ exitCode: 0 }), output);
    const entry = f.records.history.get(id)!;
    assert.equal(entry.status, 'succeeded');
    assert.equal(entry.exitCode, 0);
    assert.equal(entry.durationMs, 42);
    assert.equal(entry.query, 'list files');
    assert.equal(entry.outputHash, createHash('sha256').update(output).digest('hex'));
    const stored = f.records.outputs.get(entry.outputHash!)!;
    assert.deepEqual(stored.data, output);
    const row = f.db.prepare('SELECT length(data) AS n FROM command_outputs').get() as { n: number };
    assert.ok(row.n < output.length / 10, `compressed to ${row.n} bytes`);

    // A second run of the same plan gets its own entry carrying the request.
    const again = f.records.recordRunStart(id, actor, 'ls -la', f.dir);
    assert.notEqual(again, id);
    f.records.recordRunEnd(again, runResult({ exitCode: 2 }));
    assert.equal(f.records.history.get(again)?.status, 'failed');
    assert.equal(f.records.history.get(again)?.query, 'list files');
    assert.equal(f.records.history.get(id.slice(0, 8))?.id, id, 'a unique id prefix finds the entry');
  } finally {
    f.close();
  }
});

test('each way a run ends maps to one history status', () => {
  const f = recordsFixture();
  try {
    const actor: Actor = { userId: f.userId, source: 'api', address: '127.0.0.1' };
    const ends: [RunResult['end'], number | null, string][] = [
      ['exited', 0, 'succeeded'], ['exited', 1, 'failed'], ['timeout', null, 'timeout'], ['memory limit', 137, 'memory-limit'],
      ['output limit', null, 'output-limit'], ['cancelled', null, 'cancelled'], ['sandbox error', null, 'sandbox-error'],
    ];
    for (const [end, exitCode, status] of ends) {
      const id = f.records.recordRunStart(undefined, actor, `echo ${end}`, f.dir);
      f.records.recordRunEnd(id, runResult({ end, exitCode }));
      assert.equal(f.records.history.get(id)?.status, status, end);
    }
    assert.equal(f.records.history.list({ status: 'failed' }).length, 1);
    assert.equal(f.records.history.list({ search: 'memory' }).length, 1);
    assert.equal(f.records.history.list({ search: '%' }).length, 0, 'LIKE wildcards in a search are literal');
    assert.equal(f.records.history.list({ limit: 3 }).length, 3);
    assert.equal(f.records.history.list({ since: new Date(Date.now() + 60_000) }).length, 0);
    assert.equal(f.records.history.list({ userId: 'nobody' }).length, 0);
  } finally {
    f.close();
  }
});

test('outputs are capped and expire', () => {
  const f = recordsFixture({ 'sandbox.historyOutputBytes': 1024, 'history.outputRetentionDays': 1 });
  try {
    const big = Buffer.alloc(5000, 'x');
    const put = f.records.outputs.put(big)!;
    assert.equal(put.truncated, true);
    assert.equal(f.records.outputs.get(put.hash)!.data.length, 1024);
    assert.equal(f.records.outputs.prune(new Date(Date.now() + 2 * 86_400_000)), 1);
    assert.equal(f.records.outputs.get(put.hash), undefined);
  } finally {
    f.close();
  }
});

test('audit rows chain from a genesis hash, and the database refuses to change or delete them', () => {
  const f = recordsFixture({ 'audit.checkpointEvery': 5 });
  try {
    const actor: Actor = { userId: f.userId, source: 'cli' };
    for (let i = 0; i < 12; i++) f.records.audit(actor, 'check', null, { command: `echo ${i}` });
    const rows = f.records.auditLog.rows();
    assert.equal(rows[0].prev_hash, '0'.repeat(64));
    for (let i = 1; i < rows.length; i++) assert.equal(rows[i].prev_hash, rows[i - 1].hash);
    const report = f.records.auditLog.verify();
    assert.equal(report.intact, true);
    assert.equal(report.records, 12);
    assert.equal(report.checkpoints >= 2, true, `checkpoints: ${report.checkpoints}`);
    assert.throws(() => f.db.prepare("UPDATE audit_log SET action = 'x' WHERE seq = 3").run(), /append-only/);
    assert.throws(() => f.db.prepare('DELETE FROM audit_log WHERE seq = 12').run(), /append-only/);
    assert.throws(() => f.db.prepare('DELETE FROM audit_checkpoints').run(), /append-only/);
    const key = fs.statSync(auditKeyPath(f.dbPath));
    assert.equal(key.mode & 0o777, 0o600);
    assert.equal(fs.statSync(checkpointFilePath(f.dbPath)).mode & 0o777, 0o600);
  } finally {
    f.close();
  }
});

test('cutting the tail off is detected through the keyed checkpoint, and a forged checkpoint is refused', () => {
  const f = recordsFixture({ 'audit.checkpointEvery': 1000 });
  try {
    const actor: Actor = { userId: f.userId, source: 'cli' };
    for (let i = 0; i < 20; i++) f.records.audit(actor, 'plan', null, { i });
    f.records.auditLog.checkpoint();
    assert.equal(f.records.auditLog.verify().intact, true);
    f.db.exec('DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_checkpoints_no_delete; DELETE FROM audit_log WHERE seq > 15; DELETE FROM audit_checkpoints; DELETE FROM audit_head;');
    const cut = f.records.auditLog.verify();
    assert.equal(cut.intact, false);
    assert.equal(cut.firstBroken?.kind, 'truncated');
    assert.match(cut.firstBroken!.message, /ends at record #15/);

    // A checkpoint made without the key does not pass.
    const file = checkpointFilePath(f.dbPath);
    const cp = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, JSON.stringify({ ...cp, seq: 15, hash: f.records.auditLog.rows({ last: 1 })[0].hash }));
    const forged = f.records.auditLog.verify();
    assert.equal(forged.firstBroken?.kind, 'checkpoint');
  } finally {
    f.close();
  }
});

test('a missing or loosely-permitted key file is reported, not ignored', () => {
  const f = recordsFixture({ 'audit.checkpointEvery': 2 });
  try {
    for (let i = 0; i < 5; i++) f.records.audit(undefined, 'plan', null, { i });
    fs.chmodSync(auditKeyPath(f.dbPath), 0o644);
    assert.throws(() => f.records.auditLog.verify(), /chmod 600/);
    fs.rmSync(auditKeyPath(f.dbPath));
    const report = f.records.auditLog.verify();
    assert.equal(report.intact, false);
    assert.match(report.firstBroken!.message, /audit key file .* is missing/);
  } finally {
    f.close();
  }
});

test('secrets are masked before an audit row is written', () => {
  const f = recordsFixture();
  try {
    const pem = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----';
    f.records.audit(undefined, 'check', null, {
      command: 'curl -H "Authorization: Bearer abcdef0123456789" https://user:hunter2@example.com && OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuv node x.js --password s3cret',
      password: 'hunter2',
      nested: { apiKey: 'pld_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', note: pem },
      decision: 'allow',
    });
    const details = f.records.auditLog.rows({ last: 1 })[0].details;
    for (const secret of ['abcdef0123456789', 'hunter2', 'sk-proj-abcdefghijklmnopqrstuv', 's3cret', 'pld_AAAA', 'b3BlbnNzaC1rZXktdjEAAAAA']) {
      assert.equal(details.includes(secret), false, `${secret} leaked into ${details}`);
    }
    assert.match(details, /"decision":"allow"/);
    assert.equal(maskString('ls -la /tmp'), 'ls -la /tmp');
    registerSecret('custom-gateway-key-1234');
    assert.equal(maskString('curl -d custom-gateway-key-1234 x'), 'curl -d *** x', 'a known key is masked whatever its shape');
    assert.deepEqual(maskSecrets({ rules: ['a'], token: '' }), { rules: ['a'], token: '' });
  } finally {
    f.close();
  }
});

test('canonical JSON sorts keys and is stable; CSV quotes and defuses formulas; time specs parse', () => {
  assert.equal(canonicalJson({ b: 1, a: [true, null, { d: 'x', c: undefined }] }), '{"a":[true,null,{"d":"x"}],"b":1}');
  assert.equal(csvLine(['a,b', 'say "hi"', '=1+1', null, 3]), '"a,b","say ""hi""",\'=1+1,,3\r\n');
  const now = Date.UTC(2026, 0, 10);
  assert.equal(parseSince('2d', now).toISOString(), '2026-01-08T00:00:00.000Z');
  assert.equal(parseUntil('12h', now).toISOString(), '2026-01-10T12:00:00.000Z');
  assert.equal(parseSince('2026-01-01', now).toISOString(), '2026-01-01T00:00:00.000Z');
  assert.throws(() => parseSince('yesterday'), /span such as 90m/);
});

test('the hand-written row serialisation is the canonical JSON of the row', async () => {
  const { rowHash } = await import('../../server/src/records/audit');
  const row = { id: 'i"d', user_id: null, action: 'plan', resource: 'r\n', details: '{"a":1}', ip_address: '127.0.0.1', source: 'api', timestamp: '2026-01-01T00:00:00.000Z' };
  const expected = createHash('sha256').update('0'.repeat(64)).update(canonicalJson(row)).digest('hex');
  assert.equal(rowHash('0'.repeat(64), row), expected);
});

test('a run left "running" by a killed process is closed, and audited, when the records stage starts again', async () => {
  const f = recordsFixture();
  try {
    const actor: Actor = { userId: f.userId, source: 'cli' };
    const stale = f.records.recordRunStart(undefined, actor, 'sleep 10', f.dir);
    const fresh = f.records.recordRunStart(undefined, actor, 'sleep 1', f.dir);
    f.db.prepare('UPDATE command_history SET started_at = ? WHERE id = ?').run(new Date(Date.now() - 3 * 3_600_000).toISOString(), stale);
    const { createRecordsStage } = await import('../../server/src/records');
    const again = createRecordsStage(f.db, f.settings);
    assert.equal(again.history.get(stale)?.status, 'sandbox-error');
    assert.match(again.history.get(stale)!.message!, /stopped before this run ended/);
    assert.equal(again.history.get(fresh)?.status, 'running', 'a run that may still be going is left alone');
    const last = again.auditLog.rows({ last: 1 })[0];
    assert.equal(last.action, 'run.abandoned');
    assert.equal(last.resource, stale);
  } finally {
    f.close();
  }
});

test('the paged verify agrees with the one-pass verify, intact and broken', async () => {
  const f = recordsFixture({ 'audit.checkpointEvery': 7 });
  try {
    for (let i = 0; i < 50; i++) f.records.audit(undefined, 'plan', null, { i });
    const whole = f.records.auditLog.verify();
    const paged = await f.records.auditLog.verifyAsync({ pageSize: 8 });
    assert.deepEqual({ ...paged, ms: 0 }, { ...whole, ms: 0 });
    f.db.exec("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 17");
    const broken = await f.records.auditLog.verifyAsync({ pageSize: 8 });
    assert.deepEqual(broken.firstBroken, f.records.auditLog.verify().firstBroken);
    assert.equal(broken.firstBroken?.kind, 'deleted');
    await assert.rejects(f.records.auditLog.verifyAsync({ signal: AbortSignal.abort() }), { name: 'AbortError' });
  } finally {
    f.close();
  }
});

test('the OpenAI key the editor passes in settings is masked in the audit log', async () => {
  const { createRecordsStage } = await import('../../server/src/records');
  const f = recordsFixture();
  try {
    const settings = { ...f.settings, openai: { ...f.settings.openai, apiKey: 'gateway-secret-value-42' } };
    const records = createRecordsStage(f.db, settings);
    records.audit(undefined, 'plan', null, { note: 'key is gateway-secret-value-42' });
    assert.equal(records.auditLog.rows({ last: 1 })[0].details, '{"note":"key is ***"}');
  } finally {
    f.close();
  }
});
