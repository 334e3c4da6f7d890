// Attacks on what an API client may touch, against the real HTTP API, real
// SQLite and the real policy: folders it was not granted, system folders,
// Paladin's own data, another user's folder, self-approved live mode and
// network, sessions that outlive their key, prototype-named body fields, and
// settling runs that are not the caller's. The executor and planner are
// FAKE stages that count their calls: the claim under test is that a refused
// request never reaches them.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { createApiKey, revokeApiKey } from '../../server/src/gateway/apiKeys';
import { createApiServer, type ApiServer } from '../../server/src/gateway/httpApi';
import { Paladin, RequestError } from '../../server/src/paladin';
import { createPolicyStage } from '../../server/src/policy';
import type { ExecutorStage, RunParams } from '../../server/src/stages';
import { call, events } from '../support/apiClient';
import { runCli } from '../support/runCli';
import { FakeExecutorStage, FakeExplainerStage, FakePlannerStage } from '../support/fakeStages';
import { recordsFixture, type RecordsFixture } from '../support/recordsFixture';

/** FAKE executor that counts runs and settles, and fails an apply when told to. */
class CountingExecutor implements ExecutorStage {
  private readonly inner = new FakeExecutorStage();
  runs: string[] = [];
  settled: string[] = [];
  failApply = false;
  async run(params: RunParams, options: { runId?: string }) {
    this.runs.push(params.workspace);
    return this.inner.run(params, options);
  }
  async apply(runId: string) {
    if (this.failApply) throw new RequestError(`No pending changes for run ${runId}.`);
    this.settled.push(`apply ${runId}`);
    return { applied: ['a.txt'], skipped: [] };
  }
  async discard(runId: string) {
    this.settled.push(`discard ${runId}`);
  }
  async undo(runId: string) {
    this.settled.push(`undo ${runId}`);
    return { restored: ['a.txt'], skipped: [] };
  }
  status() {
    return this.inner.status();
  }
  async dispose() {}
}

let f: RecordsFixture;
let server: ApiServer;
let port: number;
let executor: CountingExecutor;
let planner: FakePlannerStage;
let root: string;
let key: string;

before(async () => {
  f = recordsFixture({}, { allStages: true });
  root = fs.mkdtempSync(path.join(path.dirname(f.dir), 'paladin-granted-'));
  const policy = await createPolicyStage(f.db, f.settings);
  executor = new CountingExecutor();
  planner = new FakePlannerStage(policy);
  const paladin = new Paladin(f.db, f.settings, { policy, planner, executor, explainer: new FakeExplainerStage(), records: f.records });
  server = createApiServer({ paladin, port: 0, workspaceRoots: [root] });
  port = Number(new URL((await server.listen()).url!).port);
  key = (await createApiKey(f.db, { name: 'plain', userId: f.userId })).key;
});

after(async () => {
  await server.close();
  f.close();
  fs.rmSync(root, { recursive: true, force: true });
});

async function refusedRun(body: Record<string, unknown>, withKey = key): Promise<string> {
  const before = executor.runs.length;
  const r = await call({ port }, 'POST', '/v1/run', { key: withKey, body: { command: 'ls', ...body } });
  assert.equal(r.status, 403, `${JSON.stringify(body)}: ${r.text}`);
  assert.equal(r.json.error.code, 'forbidden');
  assert.equal(executor.runs.length, before, 'a refused run never reaches the executor');
  return r.json.error.message as string;
}

test('system folders, other folders and Paladin\'s data are refused as workspaces, by real path', async () => {
  for (const dir of ['/', '/proc', '/proc/self', '/root', '/etc', '/run', '/dev', '/sys', '/var', '/usr/bin', '/boot'].filter((d) => fs.existsSync(d))) {
    assert.match(await refusedRun({ workspace: dir }), /never|root of the file system/, dir);
  }
  const data = path.dirname(f.dbPath);
  assert.match(await refusedRun({ workspace: data }), /data folder/, 'the folder of the database and the audit key');
  assert.match(await refusedRun({ workspace: path.dirname(f.dir) }), /holds Paladin's data folder/);
  const elsewhere = fs.mkdtempSync(path.join(path.dirname(f.dir), 'paladin-elsewhere-'));
  try {
    assert.match(await refusedRun({ workspace: elsewhere }), /outside the folders granted to this client .*paladin keys create NAME --workspace DIR/);
  } finally {
    fs.rmSync(elsewhere, { recursive: true });
  }
  // A link inside the granted folder that leads out of it is judged by where it leads.
  fs.symlinkSync('/etc', path.join(root, 'etc-link'));
  fs.symlinkSync(path.dirname(f.dbPath), path.join(root, 'data-link'));
  assert.match(await refusedRun({ workspace: path.join(root, 'etc-link') }), /system folder/);
  assert.match(await refusedRun({ workspace: path.join(root, 'data-link') }), /data folder/);
  assert.match(await refusedRun({ workspace: `${root}${'/..'.repeat(root.split('/').length)}/proc` }), /system folder/);
  assert.match(await refusedRun({ workspace: 'relative/dir' }), /absolute path/);
});

test('plan and check refuse the same folders before the planner or policy sees them', async () => {
  const plan = await call({ port }, 'POST', '/v1/plan', { key, body: { request: 'list files', workspace: '/root' } });
  assert.equal(plan.status, 403);
  assert.equal(planner.learned.length, 0);
  const check = await call({ port }, 'POST', '/v1/check', { key, body: { command: 'ls', workspace: '/proc' } });
  assert.equal(check.status, 403);
  const refused = f.records.auditLog.rows().filter((r) => r.action === 'api.refused' && r.resource === '/v1/plan');
  assert.ok(refused.length >= 1, 'the refusal is audited');
});

test('a folder owned by another user is refused even inside a granted root (no run adopts another uid)', { skip: process.getuid?.() !== 0 && 'needs root to make a folder owned by someone else' }, async () => {
  const theirs = path.join(root, 'theirs');
  fs.mkdirSync(theirs);
  fs.chownSync(theirs, 4321, 4321);
  assert.match(await refusedRun({ workspace: theirs }), /belongs to uid 4321/);
  assert.match(await refusedRun({ workspace: theirs, mode: 'live', approved: true }), /live|4321/);
});

test('the granted folder and its subfolders work; "approved" alone never grants live mode or network', async () => {
  fs.mkdirSync(path.join(root, 'sub'), { recursive: true });
  const ok = await call({ port }, 'POST', '/v1/run', { key, body: { command: 'ls', workspace: path.join(root, 'sub') } });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(executor.runs.at(-1), fs.realpathSync(path.join(root, 'sub')));
  const byDefault = await call({ port }, 'POST', '/v1/run', { key, body: { command: 'ls' } });
  assert.equal(byDefault.status, 200);
  assert.equal(executor.runs.at(-1), fs.realpathSync(root), 'no workspace named: the first granted folder');
  assert.match(await refusedRun({ workspace: root, mode: 'live', approved: true }), /may not run with mode "live"/);
  assert.match(await refusedRun({ workspace: root, network: true, approved: true }), /network access/);
  const rights = (await createApiKey(f.db, { name: 'live', userId: f.userId, rights: ['live'] })).key;
  const live = await call({ port }, 'POST', '/v1/run', { key: rights, body: { command: 'ls', workspace: root, mode: 'live', approved: true } });
  assert.equal(live.status, 200, live.text);
  assert.match(await refusedRun({ workspace: root, network: true, approved: true }, rights), /network access/);
  const unapproved = await call({ port }, 'POST', '/v1/run', { key: rights, body: { command: 'ls', workspace: root, mode: 'live' } });
  assert.equal(unapproved.status, 409, 'the right does not replace the person\'s approval');
});

test('a key granted its own folder may use only that one, not the server\'s list', async () => {
  const own = fs.mkdtempSync(path.join(path.dirname(f.dir), 'paladin-own-'));
  try {
    const k = (await createApiKey(f.db, { name: 'own', userId: f.userId, workspaces: [fs.realpathSync(own)] })).key;
    assert.equal((await call({ port }, 'POST', '/v1/run', { key: k, body: { command: 'ls', workspace: own } })).status, 200);
    assert.match(await refusedRun({ workspace: root }, k), /granted: /);
  } finally {
    fs.rmSync(own, { recursive: true });
  }
});

test('a session ends with its key: expiry and revocation are checked on every request', async () => {
  const expiring = await createApiKey(f.db, { name: 'expiring', userId: f.userId, expiresAt: new Date(Date.now() + 60_000) });
  const opened = await call({ port }, 'POST', '/v1/sessions', { key: expiring.key });
  assert.equal(opened.status, 200);
  assert.ok(Date.parse(opened.json.expiresAt) <= Date.parse(expiring.expiresAt!), 'a session never outlives its key on paper either');
  const token = opened.json.token as string;
  assert.equal((await call({ port }, 'GET', '/v1/history', { key: token })).status, 200);
  f.db.prepare('UPDATE api_keys SET expires_at = ? WHERE id = ?').run(new Date(Date.now() - 1000).toISOString(), expiring.id);
  const after = await call({ port }, 'GET', '/v1/history', { key: token });
  assert.equal(after.status, 401);
  assert.match(after.json.error.message, /expired.*session ended/i);

  const revoked = await createApiKey(f.db, { name: 'revoked', userId: f.userId });
  const second = (await call({ port }, 'POST', '/v1/sessions', { key: revoked.key })).json.token as string;
  // Revocation marks the key; even a session row left open (an old version, a restore) ends with it.
  f.db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ?').run(new Date().toISOString(), revoked.id);
  const r = await call({ port }, 'POST', '/v1/run', { key: second, body: { command: 'ls', workspace: root } });
  assert.equal(r.status, 401);
  assert.match(r.json.error.message, /revoked/);
  await revokeApiKey(f.db, (await createApiKey(f.db, { name: 'gone', userId: f.userId })).id);
});

test('body fields named __proto__, constructor or prototype are unknown fields, and nothing is polluted', async () => {
  for (const name of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']) {
    const raw = `{"command":"ls","workspace":${JSON.stringify(root)},${JSON.stringify(name)}:{"approved":true,"polluted":1}}`;
    const r = await call({ port }, 'POST', '/v1/run', { key, raw });
    assert.equal(r.status, 400, `${name}: ${r.text}`);
    assert.match(r.json.error.message, new RegExp(`body\\.${name} is not a known field`));
  }
  const q = await call({ port }, 'GET', '/v1/history?__proto__=x&constructor=y', { key });
  assert.equal(q.status, 400);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(({} as Record<string, unknown>).approved, undefined);
});

test('apply, undo and discard over the API, only for the caller\'s own runs; a failed apply is 422', async () => {
  const run = await call({ port }, 'POST', '/v1/run', { key, body: { command: 'touch a.txt', workspace: root, mode: 'snapshot', approved: true } });
  assert.equal(run.status, 200, run.text);
  const runId = events(run.text).at(-1)!.data.runId as string;
  f.db.prepare("INSERT OR IGNORE INTO users (id, email, role) VALUES ('someone-else', 'else@localhost', 'user')").run();
  const other = (await createApiKey(f.db, { name: 'other-user', userId: 'someone-else' })).key;
  assert.equal((await call({ port }, 'POST', `/v1/runs/${runId}/apply`, { key: other, body: {} })).status, 404, 'another user\'s run is not found');
  assert.equal((await call({ port }, 'POST', '/v1/runs/no-such-run/discard', { key })).status, 404);
  assert.equal((await call({ port }, 'POST', '/v1/runs/..%2F..%2Fetc/apply', { key, body: {} })).status, 400);
  assert.deepEqual(executor.settled, []);
  const applied = await call({ port }, 'POST', `/v1/runs/${runId}/apply`, { key, body: {} });
  assert.equal(applied.status, 200, applied.text);
  assert.deepEqual(applied.json, { runId, applied: ['a.txt'], skipped: [] });
  executor.failApply = true;
  const failed = await call({ port }, 'POST', `/v1/runs/${runId}/apply`, { key, body: {} });
  assert.equal(failed.status, 422);
  assert.equal(failed.json.error.code, 'apply-failed');
  assert.equal((await call({ port }, 'POST', `/v1/runs/${runId}/undo`, { key: other })).status, 404, 'another user\'s apply cannot be undone');
  const undone = await call({ port }, 'POST', `/v1/runs/${runId}/undo`, { key });
  assert.equal(undone.status, 200, undone.text);
  assert.deepEqual(undone.json, { runId, restored: ['a.txt'], skipped: [] });
  assert.equal((await call({ port }, 'POST', `/v1/runs/${runId}/discard`, { key })).status, 200);
  assert.deepEqual(executor.settled, [`apply ${runId}`, `undo ${runId}`, `discard ${runId}`]);
  assert.ok(f.records.auditLog.rows().some((r) => r.action === 'apply' && r.resource === runId));
  assert.ok(f.records.auditLog.rows().some((r) => r.action === 'undo' && r.resource === runId), 'the undo is audited');
});

test('the command line refuses the same folders, and never grants them to a key', async () => {
  const check = await runCli(['check', 'ls', '--workspace', '/etc'], f.dbPath);
  assert.equal(check.code, 2, check.err);
  assert.match(check.err, /\/etc is a system folder, which is never a workspace/);
  const data = await runCli(['plan', '--workspace', path.dirname(f.dbPath), 'list files'], f.dbPath);
  assert.equal(data.code, 2);
  assert.match(data.err, /data folder/);
  const key = await runCli(['keys', 'create', 'wide', '--workspace', '/'], f.dbPath);
  assert.equal(key.code, 2);
  assert.match(key.err, /root of the file system/);
  const rights = await runCli(['keys', 'create', 'bad', '--allow', 'root'], f.dbPath);
  assert.equal(rights.code, 2);
  const good = await runCli(['keys', 'create', 'granted', '--workspace', root, '--allow', 'live', '--json'], f.dbPath);
  assert.equal(good.code, 0, good.err);
  assert.deepEqual(JSON.parse(good.out).workspaces, [fs.realpathSync(root)]);
  assert.deepEqual(JSON.parse(good.out).rights, ['live']);
});
