// `paladin history`, `paladin audit` and `paladin keys` on a real store.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import type { CliContext } from '../../server/src/cli/command';
import { historyCommand } from '../../server/src/cli/commands/history';
import { runCli } from '../support/runCli';
import { Paladin } from '../../server/src/paladin';
import { createRecordsStage, recordsMigrations } from '../../server/src/records';
import type { RunResult } from '../../server/src/protocol/types';
import { openDatabase } from '../../server/src/store/database';
import { FakeExecutorStage, FakeExplainerStage, FakePlannerStage, FakePolicyStage } from '../support/fakeStages';
import { recordsFixture, type RecordsFixture } from '../support/recordsFixture';

const cli = (f: RecordsFixture, ...argv: string[]) => runCli(argv, f.dbPath);

function ran(f: RecordsFixture, query: string, command: string, exitCode: number, output?: string): string {
  const actor = { userId: f.userId, source: 'cli' as const };
  const id = f.records.recordPlan({ actor, query, plannedCommand: command, status: 'planned', workspace: f.dir, policyDecision: 'allow', planner: 'embedded' });
  f.records.recordRunStart(id, actor, command, f.dir);
  const result: RunResult = { runId: 'r', command, exitCode, end: 'exited', durations: { queueMs: 0, startMs: 0, runMs: 5 }, bytes: { stdout: 0, stderr: 0 }, truncated: false, mode: 'ro', image: 'x' };
  f.records.recordRunEnd(id, result, output === undefined ? undefined : Buffer.from(output));
  return id;
}

test('history lists, filters, shows with output, and exports JSON and CSV that round-trip', async () => {
  const f = recordsFixture();
  try {
    const a = ran(f, 'count lines', 'wc -l *.ts', 0, 'x\x1b]8;;command:evil\x07 12 total\n');
    ran(f, 'break things', '=cmd|calc', 1);
    ran(f, 'say, "hi"', 'echo "hi, there"', 0);
    const list = await cli(f, 'history', '--json');
    assert.equal(list.code, 0, list.err);
    assert.equal(JSON.parse(list.out).length, 3);
    const failed = await cli(f, 'history', '--status', 'failed', '--json');
    assert.deepEqual(JSON.parse(failed.out).map((e: { command: string }) => e.command), ['=cmd|calc']);
    assert.match((await cli(f, 'history', '--search', 'lines')).out, /wc -l \*\.ts {3}# count lines/);
    assert.equal((await cli(f, 'history', '--status', 'nope')).code, 2);
    assert.equal((await cli(f, 'history', '--since', 'last tuesday')).code, 2);
    assert.match((await cli(f, 'history', '--since', '1h')).out, /echo "hi, there"/);

    const show = await cli(f, 'history', 'show', a.slice(0, 8));
    assert.equal(show.code, 0, show.err);
    assert.match(show.out, /status\s+succeeded/);
    assert.match(show.out, /--- output \(\d+ bytes/);
    assert.ok(!show.out.includes('\x1b'), 'terminal escapes in output are shown inert');
    assert.match(show.out, /␛\]8;;command:evil\\x07 12 total/);
    assert.equal((await cli(f, 'history', 'show', 'ffffffff')).code, 1);

    const file = path.join(f.dir, 'h.json');
    const exported = await cli(f, 'history', 'export', '--output', file);
    assert.equal(exported.code, 0, exported.err);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { id: string; query: string; command: string }[];
    assert.deepEqual(json.map((e) => e.query).sort(), ['break things', 'count lines', 'say, "hi"']);
    assert.deepEqual(json, JSON.parse(list.out), 'export and list agree');

    const csv = (await cli(f, 'history', 'export', '--format', 'csv')).out;
    const lines = csv.trimEnd().split('\r\n');
    assert.equal(lines.length, 4);
    assert.ok(lines[0].startsWith('id,createdAt,userId,source,query,command,status'));
    assert.ok(csv.includes('"echo ""hi, there"""'), csv);
    assert.ok(csv.includes(",'=cmd|calc,"), 'a formula-looking cell is defused');
  } finally {
    f.close();
  }
});

test('audit verify exits 0 when intact and 1 naming the first broken link; export and tail read the log', async () => {
  const f = recordsFixture({ 'audit.checkpointEvery': 3 });
  try {
    for (let i = 0; i < 10; i++) f.records.audit({ userId: f.userId, source: 'cli' }, 'check', null, { command: `echo ${i}`, password: 'hunter2' });
    const ok = await cli(f, 'audit', 'verify');
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /^intact, 10 records/);
    const json = JSON.parse((await cli(f, 'audit', 'verify', '--json')).out);
    assert.equal(json.intact, true);
    const exported = JSON.parse((await cli(f, 'audit', 'export')).out) as { seq: number; details: { password: string } }[];
    assert.equal(exported.length, 10);
    assert.equal(exported[0].details.password, '***');
    assert.equal((await cli(f, 'audit', 'export', '--format', 'csv')).out.trimEnd().split('\r\n').length, 11);
    assert.equal((await cli(f, 'audit', 'tail', '-n', '2')).out.trimEnd().split('\n').length, 2);
    assert.equal((await cli(f, 'audit', 'checkpoint')).code, 0);

    f.db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET details = '{\"command\":\"echo 99\"}' WHERE seq = 4");
    const broken = await cli(f, 'audit', 'verify');
    assert.equal(broken.code, 1);
    assert.match(broken.out, /BROKEN at record #4 \(modified\)/);
  } finally {
    f.close();
  }
});

test('keys: create prints the key once and stores only its hash; list; revoke by name', async () => {
  const f = recordsFixture();
  try {
    const created = await cli(f, 'keys', 'create', 'ci', '--expires', '30d', '--user', 'ci@example.com', '--quota', '50');
    assert.equal(created.code, 0, created.err);
    const key = created.out.trim();
    assert.match(key, /^pld_[A-Za-z0-9_-]{43}$/);
    assert.match(created.err, /only time it is shown/);
    const db = openDatabase(f.dbPath, { migrations: recordsMigrations });
    const stored = db.prepare("SELECT k.key_hash, u.quota_commands_per_hour AS quota FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.name = 'ci'").get() as { key_hash: string; quota: number };
    db.close();
    assert.notEqual(stored.key_hash, key);
    assert.equal(stored.key_hash.length, 64);
    assert.equal(stored.quota, 50);
    assert.ok(!fs.readFileSync(f.dbPath).includes(Buffer.from(key)), 'the key itself is nowhere in the database file');
    const list = JSON.parse((await cli(f, 'keys', 'list', '--json')).out);
    assert.equal(list[0].email, 'ci@example.com');
    assert.equal(list[0].state, 'active');
    assert.equal((await cli(f, 'keys', 'create', 'ci')).code, 1, 'a second active key of the same name is refused');
    assert.equal((await cli(f, 'keys', 'create', 'bad name')).code, 1);
    assert.equal((await cli(f, 'keys', 'create', 'old', '--expires', 'soon')).code, 2);
    assert.equal((await cli(f, 'keys', 'revoke', 'ci')).code, 0);
    assert.equal(JSON.parse((await cli(f, 'keys', 'list', '--json')).out)[0].state, 'revoked');
    assert.equal((await cli(f, 'keys', 'revoke', 'ci')).code, 1);
    const audit = JSON.parse((await cli(f, 'audit', 'export')).out) as { action: string }[];
    assert.deepEqual(audit.map((r) => r.action), ['key.create', 'key.revoke']);
  } finally {
    f.close();
  }
});

test('history rerun plans the request again and checks it under the current policy (FAKE planner and policy)', async () => {
  const f = recordsFixture();
  try {
    const policy = new FakePolicyStage();
    const planner = new FakePlannerStage(policy);
    const paladin = new Paladin(f.db, f.settings, { policy, planner, executor: new FakeExecutorStage(), explainer: new FakeExplainerStage(), records: createRecordsStage(f.db, f.settings) });
    const old = ran(f, 'greet', 'rm -rf / # once allowed', 0);
    const out = new PassThrough();
    const err = new PassThrough();
    let text = '';
    let errText = '';
    out.on('data', (c: Buffer) => (text += c.toString()));
    err.on('data', (c: Buffer) => (errText += c.toString()));
    const ctx: CliContext = { settings: f.settings, actor: { userId: f.userId, source: 'cli' }, paladin: async () => paladin, out, err, interactive: false, ask: async () => false, signal: new AbortController().signal };
    const code = await historyCommand.run(ctx, { values: { yes: false }, positionals: ['rerun', old] });
    assert.equal(code, 0, errText);
    assert.match(errText, /Planned again: echo "greet"/);
    assert.equal(text, 'echo\n"greet"\n');
    assert.ok(policy.checks >= 2, 'checked again');
    // --same re-checks the recorded command: today's policy denies it.
    const same = await historyCommand.run(ctx, { values: { same: true }, positionals: ['rerun', old] });
    assert.equal(same, 4);
    assert.match(errText, /now denies/);
  } finally {
    f.close();
  }
});

test('audit tail --follow prints records as another connection commits them, until interrupted', async () => {
  const f = recordsFixture();
  try {
    const { auditCommand } = await import('../../server/src/cli/commands/audit');
    f.records.audit({ userId: f.userId, source: 'cli' }, 'first', null, {});
    const out = new PassThrough();
    let text = '';
    const controller = new AbortController();
    const printed = (pattern: RegExp) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (pattern.test(text)) {
            out.off('data', onData);
            resolve();
          }
        };
        const onData = (c: Buffer) => {
          text += c.toString();
          check();
        };
        out.on('data', onData);
        check();
      });
    const ctx: CliContext = { settings: f.settings, actor: { userId: f.userId, source: 'cli' }, paladin: async () => { throw new Error('not needed'); }, out, err: new PassThrough(), interactive: false, ask: async () => false, signal: controller.signal };
    const running = auditCommand.run(ctx, { values: { follow: true, n: '5' }, positionals: ['tail'] });
    await printed(/#1 .* first/);
    const other = openDatabase(f.dbPath, { migrations: recordsMigrations });
    createRecordsStage(other, f.settings).audit({ userId: f.userId, source: 'api' }, 'from.elsewhere', null, { n: 1 });
    other.close();
    await printed(/#2 .* from\.elsewhere/);
    controller.abort();
    assert.equal(await running, 0);
  } finally {
    f.close();
  }
});
