// The HTTP API against a real SQLite store and the real records stage. The
// policy, planner and executor are the FAKE stages of test/support/fakeStages
// (the API's own behaviour is under test here; the real sandbox run is in
// apiSandbox.test.ts).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { createApiKey, revokeApiKey } from '../../server/src/gateway/apiKeys';
import { endpoints } from '../../server/src/gateway/endpoints';
import { createApiServer, type ApiServer } from '../../server/src/gateway/httpApi';
import { Paladin } from '../../server/src/paladin';
import { call, events } from '../support/apiClient';
import { FakeExecutorStage, FakeExplainerStage, FakePlannerStage, FakePolicyStage } from '../support/fakeStages';
import { recordsFixture, type RecordsFixture } from '../support/recordsFixture';
import { clearOfHourTurn } from '../support/waitFor';

let f: RecordsFixture;
let server: ApiServer;
let port: number;
let key: string;
let planner: FakePlannerStage;
/** The planner of the server all tests share (other tests build servers of their own). */
let shared: FakePlannerStage;

function paladinFor(fx: RecordsFixture): Paladin {
  const policy = new FakePolicyStage();
  planner = new FakePlannerStage(policy);
  return new Paladin(fx.db, fx.settings, { policy, planner, executor: new FakeExecutorStage(), explainer: new FakeExplainerStage(), records: fx.records });
}

before(async () => {
  f = recordsFixture({ 'api.maxBodyBytes': 2048, 'audit.checkpointEvery': 10 });
  server = createApiServer({ paladin: paladinFor(f), port: 0 });
  shared = planner;
  const { url } = await server.listen();
  port = Number(new URL(url!).port);
  // A key that may ask for live mode and network, so the approval flow itself is what these tests see.
  key = (await createApiKey(f.db, { name: 'test', userId: f.userId, rights: ['live', 'network'] })).key;
});

after(async () => {
  await server.close();
  f.close();
});

test('the server listens on 127.0.0.1 only, and health and the OpenAPI document need no key', async () => {
  assert.equal((server.server.address() as { address: string }).address, '127.0.0.1');
  const health = await call({ port }, 'GET', '/v1/health');
  assert.equal(health.status, 200);
  assert.equal(health.json.status, 'ok');
  const doc = (await call({ port }, 'GET', '/v1/openapi.json')).json;
  assert.equal(doc.openapi, '3.1.0');
  for (const e of endpoints) {
    const op = doc.paths[e.path]?.[e.method.toLowerCase()];
    assert.ok(op, `${e.method} ${e.path} is described`);
    assert.deepEqual(op.requestBody?.content['application/json'].schema, e.body, `${e.path}: the described body is the validated one`);
    for (const s of e.statuses) assert.ok(op.responses[String(s)], `${e.path} documents ${s}`);
  }
});

test('missing, unknown, malformed, revoked and expired keys are 401, and each refusal is audited', async () => {
  const before = f.records.auditLog.rows().filter((r) => r.action === 'api.refused').length;
  const body = { command: 'ls' };
  assert.equal((await call({ port }, 'POST', '/v1/check', { body })).status, 401);
  assert.equal((await call({ port }, 'POST', '/v1/check', { body, key: 'pld_' + 'A'.repeat(43) })).status, 401);
  assert.equal((await call({ port }, 'POST', '/v1/check', { body, key: 'hello' })).status, 401);
  assert.equal((await call({ port }, 'POST', '/v1/check', { body, headers: { authorization: `Basic ${key}` } })).status, 401);
  const revoked = await createApiKey(f.db, { name: 'to-revoke', userId: f.userId });
  assert.equal((await call({ port }, 'POST', '/v1/check', { body, key: revoked.key })).status, 200);
  await revokeApiKey(f.db, 'to-revoke');
  const r = await call({ port }, 'POST', '/v1/check', { body, key: revoked.key });
  assert.equal(r.status, 401);
  assert.match(r.json.error.message, /revoked/);
  assert.equal(r.headers['www-authenticate'], 'Bearer realm="paladin"');
  const expiring = await createApiKey(f.db, { name: 'expiring', userId: f.userId, expiresAt: new Date(Date.now() + 60_000) });
  f.db.prepare('UPDATE api_keys SET expires_at = ? WHERE id = ?').run(new Date(Date.now() - 1000).toISOString(), expiring.id);
  const e = await call({ port }, 'POST', '/v1/check', { body, key: expiring.key });
  assert.equal(e.status, 401);
  assert.match(e.json.error.message, /expired/);
  const refused = f.records.auditLog.rows().filter((row) => row.action === 'api.refused');
  assert.equal(refused.length - before, 6);
  assert.equal(refused.at(-1)!.ip_address, '127.0.0.1');
  assert.equal(refused.at(-1)!.source, 'api');
  assert.equal(f.records.auditLog.verify().intact, true);
});

test('foreign Host and Origin headers are refused with 403 (DNS rebinding)', async () => {
  for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, `localhost.evil.example:${port}`, `127.0.0.1.evil.example:${port}`]) {
    const r = await call({ port }, 'GET', '/v1/health', { headers: { host } });
    assert.equal(r.status, 403, `Host ${host}`);
  }
  for (const origin of ['http://evil.example', `http://evil.example:${port}`, 'null', `https://127.0.0.1:${port}`]) {
    const r = await call({ port }, 'POST', '/v1/check', { key, body: { command: 'ls' }, headers: { origin } });
    assert.equal(r.status, 403, `Origin ${origin}`);
  }
  assert.equal((await call({ port }, 'GET', '/v1/health', { headers: { host: `localhost:${port}`, origin: `http://localhost:${port}` } })).status, 200);
});

test('malformed requests are 400 saying what is wrong; too large 413; not JSON 415; unknown 404/405', async () => {
  const bad = async (body: unknown, pattern: RegExp, raw?: string) => {
    const r = await call({ port }, 'POST', '/v1/check', { key, body, raw });
    assert.equal(r.status, 400, JSON.stringify(body ?? raw));
    assert.match(r.json.error.message, pattern);
  };
  await bad(undefined, /not valid JSON/, '{"command": ');
  await bad({}, /body\.command is missing/);
  await bad({ command: 42 }, /body\.command must be a string, not number 42/);
  await bad({ command: 'ls', force: true }, /body\.force is not a known field/);
  await bad([1], /body must be a JSON object, not an array/);
  await bad({ command: '' }, /body\.command must not be empty/);
  const run = await call({ port }, 'POST', '/v1/run', { key, body: { command: 'ls', mode: 'rw', timeoutSeconds: 1.5 } });
  assert.equal(run.status, 400);
  assert.deepEqual(run.json.error.problems, ['body.mode must be one of "ro", "snapshot", "live", not "rw"', 'body.timeoutSeconds must be a whole number, not number 1.5']);
  const q = await call({ port }, 'GET', '/v1/history?status=great&limit=x', { key });
  assert.equal(q.status, 400);
  assert.equal(q.json.error.problems.length, 2);
  const big = await call({ port }, 'POST', '/v1/check', { key, body: { command: 'x'.repeat(4000) } });
  assert.equal(big.status, 413);
  const text = await call({ port }, 'POST', '/v1/check', { key, raw: 'command=ls', headers: { 'content-type': 'text/plain' } });
  assert.equal(text.status, 415);
  assert.equal((await call({ port }, 'GET', '/v1/nothing', { key })).status, 404);
  const wrong = await call({ port }, 'GET', '/v1/check', { key });
  assert.equal(wrong.status, 405);
  assert.equal(wrong.headers.allow, 'POST');
});

test('policy outcomes map to statuses: deny 403 with the policy; an ask runs offline in snapshot without approval; network and live mode 409 until approved', async () => {
  const denied = await call({ port }, 'POST', '/v1/run', { key, body: { command: 'rm -rf /' } });
  assert.equal(denied.status, 403);
  assert.equal(denied.json.error.code, 'denied');
  assert.equal(denied.json.error.policy.rules[0].id, 'fake.delete-root');
  assert.equal(denied.json.error.policy.sandbox.decision, 'deny', 'a host deny is a sandbox deny too');
  for (const body of [{ command: 'rm notes.txt', network: true }, { command: 'rm notes.txt', mode: 'live' }, { command: 'ls', network: true }]) {
    const refused = await call({ port }, 'POST', '/v1/run', { key, body });
    assert.equal(refused.status, 409, JSON.stringify(body));
    assert.match(refused.json.error.message, /needs your approval/);
    assert.equal(refused.json.error.policy.sandbox.needsApproval, true);
    assert.ok(refused.json.error.policy.sandbox.reasons.some((r: string) => /network|live mode/.test(r)));
  }
  const offline = await call({ port }, 'POST', '/v1/run', { key, body: { command: 'rm notes.txt' } });
  assert.equal(offline.status, 200, 'an ask command runs offline in snapshot mode without approval');
  const offlineResult = events(offline.text).at(-1)!.data;
  assert.equal(offlineResult.mode, 'snapshot');
  assert.deepEqual([offlineResult.policy.decision, offlineResult.policy.sandbox.needsApproval, offlineResult.policy.sandbox.mode], ['ask', false, 'snapshot']);
  assert.deepEqual(f.records.auditLog.rows({ last: 2 }).map((r) => r.action), ['run.start', 'run.end'], 'no approval was needed, none is recorded');
  const approved = await call({ port }, 'POST', '/v1/run', { key, body: { command: 'rm notes.txt', approved: true, network: true } });
  assert.equal(approved.status, 200);
  assert.match(approved.headers['content-type']!, /text\/event-stream/);
  const evs = events(approved.text);
  assert.deepEqual(evs.map((e) => e.event), ['output', 'output', 'result']);
  assert.equal(evs[0].data.text, 'rm\n');
  assert.equal(evs[2].data.exitCode, 0);
  const entry = f.records.history.get(evs[2].data.historyId)!;
  assert.equal(entry.status, 'succeeded');
  assert.equal(entry.source, 'api');
  assert.equal(entry.policyDecision, 'ask', 'history keeps what the policy said about the command as run');
  assert.equal(f.records.outputs.get(entry.outputHash!)!.data.toString(), 'rm\nnotes.txt\n');
  assert.deepEqual(planner.learned.at(-1), { command: 'rm notes.txt', succeeded: true }, 'a succeeded history entry is learned as a success');
  const actions = f.records.auditLog.rows({ last: 3 }).map((r) => r.action);
  assert.deepEqual(actions, ['run.approved', 'run.start', 'run.end']);
  assert.ok(f.records.auditLog.rows().some((r) => r.action === 'run.needs-approval'));
  assert.ok(f.records.auditLog.rows().some((r) => r.action === 'run.denied'));
});

test('plan, check and history go through Paladin as the key\'s user', async () => {
  const plan = await call({ port }, 'POST', '/v1/plan', { key, body: { request: 'say hi' } });
  assert.equal(plan.status, 200);
  assert.equal(plan.json.command, 'echo "say hi"');
  const check = await call({ port }, 'POST', '/v1/check', { key, body: { command: 'ls -la' } });
  assert.equal(check.json.decision, 'allow');
  const history = await call({ port }, 'GET', '/v1/history?search=say%20hi&limit=5', { key });
  assert.equal(history.status, 200);
  assert.equal(history.json.entries.length, 1);
  assert.equal(history.json.entries[0].id, plan.json.historyId);
  const verify = await call({ port }, 'GET', '/v1/audit/verify', { key });
  assert.equal(verify.json.intact, true);
  const planRow = f.records.auditLog.rows().find((r) => r.action === 'plan' && r.resource === plan.json.historyId)!;
  assert.equal(planRow.user_id, f.userId);
  assert.equal(planRow.source, 'api');
});

test('a session opened with a key works in its place, ends on logout and when the key is revoked', async () => {
  const own = await createApiKey(f.db, { name: 'session-key', userId: f.userId });
  const opened = await call({ port }, 'POST', '/v1/sessions', { key: own.key });
  assert.equal(opened.status, 200);
  const token = opened.json.token as string;
  assert.match(token, /^pls_[A-Za-z0-9_-]{43}$/);
  assert.equal((await call({ port }, 'POST', '/v1/sessions', { key: token })).status, 401, 'a session cannot open sessions');
  assert.equal((await call({ port }, 'POST', '/v1/check', { key: token, body: { command: 'ls' } })).status, 200);
  const row = f.db.prepare('SELECT ip_address, user_agent, token_hash FROM sessions WHERE api_key_id = ?').get(own.id) as { ip_address: string; token_hash: string };
  assert.equal(row.ip_address, '127.0.0.1');
  assert.notEqual(row.token_hash, token, 'only the hash is stored');
  assert.equal((await call({ port }, 'DELETE', '/v1/sessions', { key: token })).status, 200);
  assert.equal((await call({ port }, 'POST', '/v1/check', { key: token, body: { command: 'ls' } })).status, 401);
  const second = (await call({ port }, 'POST', '/v1/sessions', { key: own.key })).json.token as string;
  await revokeApiKey(f.db, own.id);
  assert.equal((await call({ port }, 'GET', '/v1/history', { key: second })).status, 401);
});

test('the quota holds under 20 concurrent clients (exactly the quota succeeds), answers 429 with Retry-After, and survives a restart', async () => {
  const fx = recordsFixture();
  const user = 'quota-user';
  fx.db.prepare("INSERT INTO users (id, email, quota_commands_per_hour) VALUES (?, 'q@localhost', 7)").run(user);
  const qkey = (await createApiKey(fx.db, { name: 'q', userId: user })).key;
  await clearOfHourTurn();
  let api = createApiServer({ paladin: paladinFor(fx), port: 0 });
  let p = Number(new URL((await api.listen()).url!).port);
  try {
    const agents = Array.from({ length: 20 }, () => new http.Agent({ keepAlive: true }));
    const replies = await Promise.all(agents.map((agent) => call({ port: p }, 'POST', '/v1/check', { key: qkey, body: { command: 'ls' }, agent })));
    for (const a of agents) a.destroy();
    const statuses = replies.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 200).length, 7, statuses.join(','));
    assert.equal(statuses.filter((s) => s === 429).length, 13);
    const limited = replies.find((r) => r.status === 429)!;
    const retry = Number(limited.headers['retry-after']);
    assert.ok(retry >= 1 && retry <= 3600, `Retry-After ${retry}`);
    assert.match(limited.json.error.message, /quota of 7 commands per hour/);

    await api.close();
    fx.db.close();
    const { openDatabase } = await import('../../server/src/store/database');
    const { recordsMigrations, createRecordsStage } = await import('../../server/src/records');
    const db = openDatabase(fx.dbPath, { migrations: recordsMigrations });
    const reopened = { ...fx, db, records: createRecordsStage(db, fx.settings) };
    api = createApiServer({ paladin: paladinFor(reopened), port: 0 });
    p = Number(new URL((await api.listen()).url!).port);
    assert.equal((await call({ port: p }, 'POST', '/v1/check', { key: qkey, body: { command: 'ls' } })).status, 429, 'the count survived the restart');
    assert.equal((await call({ port: p }, 'GET', '/v1/history', { key: qkey })).status, 200, 'reading history does not count');
    fx.db = db;
  } finally {
    await api.close();
    fx.close();
  }
});

test('a unix socket server is made readable by its owner only and accepts Host: localhost', async () => {
  const fx = recordsFixture();
  const socketPath = path.join(fx.dir, 'api.sock');
  const api = createApiServer({ paladin: paladinFor(fx), socket: socketPath });
  await api.listen();
  try {
    assert.equal(fs.statSync(socketPath).mode & 0o777, 0o600);
    assert.equal((await call({ socketPath }, 'GET', '/v1/health')).status, 200);
    assert.equal((await call({ socketPath }, 'GET', '/v1/health', { headers: { host: 'evil.example' } })).status, 403);
  } finally {
    await api.close();
    fx.close();
  }
});

test('a chunked body that grows past the limit is cut off with 413 without reading the rest', async () => {
  const status = await new Promise<number>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/check', agent: false, headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', authorization: `Bearer ${key}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' || (err as NodeJS.ErrnoException).code === 'EPIPE' ? undefined : reject(err)));
    req.write('{"command": "');
    // No Content-Length: the server only learns the size while reading.
    const chunk = 'x'.repeat(1024);
    let sent = 0;
    const pump = () => {
      while (sent < 64 && req.write(chunk)) sent++;
      if (sent < 64) req.once('drain', pump);
    };
    pump();
  });
  assert.equal(status, 413);
});

test('a flood of refused requests is audited up to a budget per minute, the rest counted into the next record', async () => {
  const fx = recordsFixture();
  let now = Date.UTC(2026, 0, 1, 12, 0, 0);
  const api = createApiServer({ paladin: paladinFor(fx), port: 0, refusalAuditsPerMinute: 5, clock: () => now });
  const p = Number(new URL((await api.listen()).url!).port);
  try {
    for (let i = 0; i < 12; i++) assert.equal((await call({ port: p }, 'POST', '/v1/check', { body: { command: 'ls' }, key: 'pld_guess' + i })).status, 401);
    const refused = () => fx.records.auditLog.rows().filter((r) => r.action === 'api.refused');
    assert.equal(refused().length, 5);
    now += 60_000;
    await call({ port: p }, 'GET', '/v1/history');
    const last = refused().at(-1)!;
    assert.equal(refused().length, 6);
    assert.equal(JSON.parse(last.details).suppressedBefore, 7, 'the 7 unwritten refusals are counted in the next record');
  } finally {
    await api.close();
    fx.close();
  }
});

test('plan with refine: the earlier plan is found in the key user\'s history and handed to the planner with the follow-up', async () => {
  const first = await call({ port }, 'POST', '/v1/plan', { key, body: { request: 'list the files under src' } });
  assert.equal(first.status, 200);
  const refined = await call({ port }, 'POST', '/v1/plan', { key, body: { request: 'only .ts files', refine: first.json.historyId } });
  assert.equal(refined.status, 200);
  assert.equal(shared.lastParams?.request, 'only .ts files');
  assert.deepEqual(shared.lastParams?.refine, { request: 'list the files under src', command: 'echo "list the files under src"', historyId: first.json.historyId });
  await call({ port }, 'POST', '/v1/plan', { key, body: { request: 'not recursive', refine: 'last' } });
  assert.equal(shared.lastParams?.refine?.historyId, refined.json.historyId);
  await call({ port }, 'POST', '/v1/plan', { key, body: { request: 'only .ts files', refine: 'list the files under lib' } });
  assert.deepEqual(shared.lastParams?.refine, { request: 'list the files under lib' });
  const bad = await call({ port }, 'POST', '/v1/plan', { key, body: { request: 'only .ts files', refine: 7 } });
  assert.equal(bad.status, 400);
  assert.match(JSON.stringify(bad.json), /refine/);
  const dry = await call({ port }, 'POST', '/v1/plan', { key, body: { request: 'say hi', dryRun: true } });
  assert.equal(dry.status, 200);
  assert.equal(typeof dry.json.dryRun?.checked, 'boolean');
});

test('POST /v1/explain explains a command with the policy\'s verdict, as the key\'s user, audited and counted', async () => {
  const before = f.records.auditLog.rows().length;
  const explained = await call({ port }, 'POST', '/v1/explain', { key, body: { command: 'rm -r build' } });
  assert.equal(explained.status, 200, explained.text);
  assert.deepEqual(explained.json.parts.map((p: { text: string }) => p.text), ['rm', '-r', 'build']);
  assert.equal(explained.json.policy.decision, 'ask');
  assert.equal(explained.json.policy.rules[0].id, 'fake.delete');
  assert.ok(explained.headers['ratelimit-limit'], 'an explanation counts against the quota');
  const row = f.records.auditLog.rows().slice(before).find((r) => r.action === 'explain')!;
  assert.ok(row, 'the explanation is in the audit log');
  assert.equal(row.user_id, f.userId);
  assert.equal(row.source, 'api');
  assert.equal((await call({ port }, 'POST', '/v1/explain', { body: { command: 'ls' } })).status, 401);
  const bad = await call({ port }, 'POST', '/v1/explain', { key, body: { command: 'ls', why: 1 } });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /why/);
});
