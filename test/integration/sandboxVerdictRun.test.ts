// The two verdicts end to end: the real compiled policy, the real executor on
// the real Docker engine (image paladin-test:busybox or PALADIN_SANDBOX_IMAGE),
// the real CLI (in this process) and the real HTTP API. An `ask` runs offline
// in snapshot mode without approval; network and live mode need it; a deny
// never runs; consent moves to Apply, with the consequences in front of it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createExecutorStage } from '../../server/src/executor';
import { createApiKey } from '../../server/src/gateway/apiKeys';
import { createApiServer, type ApiServer } from '../../server/src/gateway/httpApi';
import { Paladin } from '../../server/src/paladin';
import { createPolicyStage } from '../../server/src/policy';
import type { ExecutorStage } from '../../server/src/stages';
import { call, events } from '../support/apiClient';
import { FakeExplainerStage, FakePlannerStage } from '../support/fakeStages';
import { recordsFixture, type RecordsFixture } from '../support/recordsFixture';
import { runCli } from '../support/runCli';

const image = process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox';
let f: RecordsFixture;
let ws: string;
const savedEnv = { image: process.env.PALADIN_SANDBOX_IMAGE, timeout: process.env.PALADIN_SANDBOX_TIMEOUT_SECONDS };

before(() => {
  f = recordsFixture({ 'sandbox.image': image, 'sandbox.poolSize': 0 }, { allStages: true });
  ws = path.join(f.dir, 'ws');
  fs.mkdirSync(path.join(ws, 'src'), { recursive: true });
  fs.writeFileSync(path.join(ws, 'a.txt'), 'hello\n');
  fs.writeFileSync(path.join(ws, 'src', 'old.txt'), 'x'.repeat(1000));
  process.env.PALADIN_SANDBOX_IMAGE = image;
  process.env.PALADIN_SANDBOX_TIMEOUT_SECONDS = '20';
});

after(() => {
  for (const [name, value] of [['PALADIN_SANDBOX_IMAGE', savedEnv.image], ['PALADIN_SANDBOX_TIMEOUT_SECONDS', savedEnv.timeout]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  f.close();
});

const cli = (...argv: string[]) => runCli([...argv, '--workspace', ws], f.dbPath);
const lastJson = (out: string) => JSON.parse(out.trim().split('\n').pop()!);

describe('paladin run', { timeout: 180_000 }, () => {
  test('an ask command runs offline in snapshot without --yes; its consequences are shown; nothing is applied', async () => {
    const r = await cli('run', 'rm src/old.txt; echo new > src/new.txt; echo more >> a.txt', '--json');
    assert.equal(r.code, 0, r.err);
    const result = lastJson(r.out);
    assert.equal(result.policy.decision, 'ask');
    assert.deepEqual([result.policy.sandbox.needsApproval, result.policy.sandbox.mode, result.mode], [false, 'snapshot', 'snapshot']);
    assert.deepEqual(result.consequences.files, { created: 1, changed: 1, deleted: 1 });
    assert.deepEqual(result.consequences.bytes, { written: 'hello\nmore\n'.length + 'new\n'.length, deleted: 1000 });
    assert.deepEqual(result.consequences.folders[0], { folder: 'src/', created: 1, changed: 0, deleted: 1 });
    assert.ok(fs.existsSync(path.join(ws, 'src', 'old.txt')), 'the workspace is untouched until Apply');

    const human = await cli('run', 'rm src/old.txt');
    assert.equal(human.code, 0, human.err);
    assert.match(human.err, /\[paladin\] Applying would: 1 file deleted \(1000 bytes\); 0 bytes written\./);
    assert.match(human.err, /apply with: paladin run --apply /);

    const apply = await runCli(['run', '--apply', result.runId], f.dbPath);
    assert.equal(apply.code, 0, apply.err);
    assert.match(apply.err, /Applying would: 1 file deleted \(1000 bytes\), 1 file changed, 1 file created/);
    assert.match(apply.out, /applied\s+src\/old.txt/);
    assert.ok(!fs.existsSync(path.join(ws, 'src', 'old.txt')));
    assert.equal(fs.readFileSync(path.join(ws, 'a.txt'), 'utf8'), 'hello\nmore\n');
  });

  test('--network and --mode live exit 3 without --yes and run nothing; --json says why as JSON', async () => {
    const net = await cli('run', 'cat a.txt', '--network', '--json');
    assert.equal(net.code, 3);
    const error = JSON.parse(net.out).error;
    assert.equal(error.code, 'needs-approval');
    assert.equal(error.policy.sandbox.needsApproval, true);
    assert.match(error.policy.sandbox.reasons[0], /^network access/);
    const live = await cli('run', 'echo live > live.txt', '--mode', 'live');
    assert.equal(live.code, 3);
    assert.match(live.err, /live mode mounts the real workspace/);
    assert.ok(!fs.existsSync(path.join(ws, 'live.txt')));
  });

  test('deny exits 4 and never runs, with the offending command underlined', async () => {
    const command = 'echo hi > hi.txt && rm -rf /';
    const denied = await cli('run', command);
    assert.equal(denied.code, 4);
    const lines = denied.err.split('\n');
    const at = lines.findIndex((l) => l.includes('DENY fs.delete-root'));
    assert.ok(at >= 0, denied.err);
    assert.equal(lines[at + 2].indexOf('^') - lines[at + 1].indexOf('e'), command.indexOf('rm -rf /'));
    assert.ok(!fs.existsSync(path.join(ws, 'hi.txt')));
    const json = await cli('run', command, '--json');
    assert.equal(json.code, 4);
    assert.equal(JSON.parse(json.out).error.policy.sandbox.decision, 'deny');
  });
});

describe('POST /v1/run with the real policy', { timeout: 180_000 }, () => {
  let server: ApiServer;
  let executor: ExecutorStage;
  let port: number;
  let key: string;
  before(async () => {
    const policy = await createPolicyStage(f.db, f.settings);
    executor = createExecutorStage(f.db, f.settings);
    const paladin = new Paladin(f.db, f.settings, { policy, planner: new FakePlannerStage(policy), executor, explainer: new FakeExplainerStage(), records: f.records });
    server = createApiServer({ paladin, records: f.records, port: 0, workspaceRoots: [ws] });
    port = Number(new URL((await server.listen()).url!).port);
    key = (await createApiKey(f.db, { name: 'verdicts', userId: f.userId, rights: ['network'] })).key;
  });
  after(async () => {
    await server.close();
    await executor.dispose();
  });

  test('an ask runs in snapshot without approval and returns its consequences; network is 409 until approved; deny is 403', async () => {
    const ok = await call({ port }, 'POST', '/v1/run', { key, body: { command: 'rm a.txt', workspace: ws } });
    assert.equal(ok.status, 200, ok.text);
    const result = events(ok.text).at(-1)!;
    assert.equal(result.event, 'result');
    assert.deepEqual([result.data.policy.decision, result.data.mode, result.data.consequences.files.deleted], ['ask', 'snapshot', 1]);
    assert.ok(result.data.policy.rules.every((r: { source?: unknown; span?: unknown }) => r.source && r.span), 'the API returns rule sources and spans');
    const net = await call({ port }, 'POST', '/v1/run', { key, body: { command: 'rm a.txt', workspace: ws, network: true } });
    assert.equal(net.status, 409);
    assert.equal(net.json.error.policy.sandbox.needsApproval, true);
    // Approved, network reaches only the allow-list: the result carries what was refused.
    const badHost = await call({ port }, 'POST', '/v1/run', { key, body: { command: 'cat a.txt', workspace: ws, network: true, approved: true, allowHosts: ['user@x.example'] } });
    assert.equal(badHost.status, 400, badHost.text);
    assert.match(badHost.json.error.message, /Allow-list entry "user@x\.example": it holds user information/);
    const refused = await call({ port }, 'POST', '/v1/run', { key, body: { command: 'wget -q -O - http://refused.example/; true', workspace: ws, network: true, approved: true, allowHosts: ['extra.example'] } });
    assert.equal(refused.status, 200, refused.text);
    const netResult = events(refused.text).at(-1)!.data;
    assert.deepEqual(netResult.network.refused, ['refused.example:80']);
    assert.ok(netResult.network.allow.includes('extra.example') && netResult.network.allow.includes('pypi.org'));
    const denied = await call({ port }, 'POST', '/v1/run', { key, body: { command: 'rm -rf ~', workspace: ws, approved: true } });
    assert.equal(denied.status, 403);
    assert.equal(denied.json.error.policy.rules[0].id, 'fs.delete-home');
    assert.deepEqual(denied.json.error.policy.rules[0].span, [0, 8]);
    const check = await call({ port }, 'POST', '/v1/check', { key, body: { command: 'git clean -dx', workspace: ws } });
    assert.equal(check.status, 200);
    assert.deepEqual([check.json.decision, check.json.sandbox.needsApproval, check.json.sandbox.mode], ['ask', false, 'snapshot']);
    assert.match(check.json.rules[0].alternative, /git clean -n/);
  });
});
