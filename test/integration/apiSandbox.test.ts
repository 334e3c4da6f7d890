// POST /v1/run through the real policy and a real sandbox run (real Docker
// engine, the executor stage, image paladin-test:busybox or
// PALADIN_SANDBOX_IMAGE): output streams as server-sent events while the
// command is still running. Only the planner and explainer, unused here, are
// FAKE stages.
import assert from 'node:assert/strict';
import { EventEmitter, once } from 'node:events';
import * as http from 'node:http';
import { after, before, test } from 'node:test';
import { createExecutorStage } from '../../server/src/executor';
import { createApiKey } from '../../server/src/gateway/apiKeys';
import { createApiServer, type ApiServer } from '../../server/src/gateway/httpApi';
import { Paladin } from '../../server/src/paladin';
import { createPolicyStage } from '../../server/src/policy';
import type { RunResult } from '../../server/src/protocol/types';
import type { ExecutorStage, PolicyStage } from '../../server/src/stages';
import { FakeExplainerStage, FakePlannerStage } from '../support/fakeStages';
import { recordsFixture, type RecordsFixture } from '../support/recordsFixture';

let f: RecordsFixture;
let server: ApiServer;
let executor: ExecutorStage;
let port: number;
let key: string;
const runEnds = new EventEmitter();

before(async () => {
  f = recordsFixture({ 'sandbox.image': process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox', 'sandbox.poolSize': 0 }, { allStages: true });
  const policy: PolicyStage = await createPolicyStage(f.db, f.settings);
  executor = createExecutorStage(f.db, f.settings);
  // The records stage as it is, also telling the test when a run's end is recorded.
  const records = { ...f.records, recordRunEnd: (id: string, result: RunResult, output?: Buffer) => {
    f.records.recordRunEnd(id, result, output);
    runEnds.emit('end', id, result);
  } };
  const paladin = new Paladin(f.db, f.settings, { policy, planner: new FakePlannerStage(policy), executor, explainer: new FakeExplainerStage(), records });
  server = createApiServer({ paladin, port: 0, workspaceRoots: [f.dir] });
  port = Number(new URL((await server.listen()).url!).port);
  key = (await createApiKey(f.db, { name: 'sandbox', userId: f.userId })).key;
});

after(async () => {
  await server.close();
  await executor.dispose();
  f.close();
});

test('a run\'s output arrives as events while it runs, then its result; history keeps the output', { timeout: 120_000 }, async () => {
  const body = JSON.stringify({ command: 'echo first; sleep 1; echo second; echo oops >&2', workspace: f.dir, mode: 'ro', approved: true });
  const seen: { event: string; data: any; at: number }[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  const started = Date.now();
  const status = await new Promise<number>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: '/v1/run', agent: false, headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', authorization: `Bearer ${key}` } },
      (res) => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (text: string) => {
          buffer += text;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const event = /^event: (.*)$/m.exec(block)![1];
            const data = JSON.parse(block.split('\n').find((l) => l.startsWith('data: '))!.slice(6));
            seen.push({ event, data, at: Date.now() - started });
          }
        });
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
  assert.equal(status, 200, JSON.stringify(seen));
  const outputs = seen.filter((e) => e.event === 'output');
  const stdout = outputs.filter((e) => e.data.stream === 'stdout').map((e) => e.data.text).join('');
  const stderr = outputs.filter((e) => e.data.stream === 'stderr').map((e) => e.data.text).join('');
  assert.equal(stdout, 'first\nsecond\n');
  assert.equal(stderr, 'oops\n');
  const result = seen.at(-1)!;
  assert.equal(result.event, 'result');
  assert.equal(result.data.exitCode, 0);
  assert.equal(result.data.end, 'exited');
  const first = outputs.find((e) => e.data.text.includes('first'))!;
  assert.ok(result.at - first.at >= 700, `"first" reached the client ${result.at - first.at} ms before the result: streamed, not buffered`);
  const entry = f.records.history.get(result.data.historyId)!;
  assert.equal(entry.status, 'succeeded');
  assert.equal(entry.source, 'api');
  assert.equal(entry.outputHash, result.data.outputHash, 'the kept output is addressed by the hash the run reported');
  assert.match(f.records.outputs.get(entry.outputHash!)!.data.toString(), /first[\s\S]*second/);
  assert.equal(f.records.auditLog.verify().intact, true);
});

test('the real policy\'s denial is a 403 carrying the policy, audited, and nothing runs', async () => {
  const before = f.records.history.list().length;
  const r = await new Promise<{ status: number; body: any }>((resolve, reject) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/run', agent: false, headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', authorization: `Bearer ${key}` } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ command: 'rm -rf / --no-preserve-root', workspace: f.dir, approved: true }));
  });
  assert.equal(r.status, 403);
  assert.equal(r.body.error.code, 'denied');
  assert.equal(r.body.error.policy.decision, 'deny');
  assert.ok(r.body.error.policy.rules.length > 0);
  assert.equal(f.records.history.list().length, before, 'no run was recorded');
  const last = f.records.auditLog.rows({ last: 1 })[0];
  assert.equal(last.action, 'run.denied');
  assert.equal(last.ip_address, '127.0.0.1');
});

test('a client that disconnects mid-run cancels the run; the server keeps serving', { timeout: 120_000 }, async () => {
  const ended = once(runEnds, 'end') as Promise<[string, RunResult]>;
  await new Promise<void>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/v1/run', agent: false, headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', authorization: `Bearer ${key}` } }, (res) => {
      res.once('data', () => {
        // The run has started and streamed its first line: hang up.
        req.destroy();
        resolve();
      });
    });
    req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
    req.end(JSON.stringify({ command: 'echo started; sleep 60; echo never', workspace: f.dir, mode: 'ro', approved: true }));
  });
  const [id, result] = await ended;
  assert.equal(result.end, 'cancelled');
  assert.equal(f.records.history.get(id)?.status, 'cancelled');
  const health = await new Promise<number>((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: '/v1/health', agent: false, headers: { host: `127.0.0.1:${port}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
  assert.equal(health, 200);
});
