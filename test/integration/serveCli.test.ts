// `paladin serve` as a user starts it: the whole composition (real stages),
// loopback only, stopped by SIGTERM.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { test } from 'node:test';
import { call } from '../support/apiClient';
import { paladinArgs } from '../support/nodeArgs';

test('paladin serve --port 0 answers on 127.0.0.1 with the real stages and stops on SIGTERM', { timeout: 120_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-serve-'));
  fs.mkdirSync(path.join(dir, 'ws'));
  const env = { ...process.env, PALADIN_DB: path.join(dir, 'data', 'p.db'), PALADIN_API_WORKSPACES: path.join(dir, 'ws'), PALADIN_SANDBOX_IMAGE: process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox', PALADIN_SANDBOX_POOL_SIZE: '0' };
  const cli = (args: string[]) => spawn(process.execPath, paladinArgs(args), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const keyProc = cli(['keys', 'create', 'serve-test']);
  let key = '';
  keyProc.stdout!.on('data', (c: Buffer) => (key += c.toString()));
  await once(keyProc, 'exit');
  key = key.trim();
  assert.match(key, /^pld_/);

  const server = cli(['serve', '--port', '0', '--json']);
  let stderr = '';
  server.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  try {
    const first = await readline.createInterface({ input: server.stdout! })[Symbol.asyncIterator]().next();
    assert.ok(!first.done, `serve printed nothing: ${stderr}`);
    const { url } = JSON.parse(String(first.value)) as { url: string };
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const port = Number(new URL(url).port);
    assert.equal((await call({ port }, 'GET', '/v1/health')).status, 200);
    assert.equal((await call({ port }, 'POST', '/v1/check', { body: { command: 'ls' } })).status, 401);
    const check = await call({ port }, 'POST', '/v1/check', { key, body: { command: 'ls -la' } });
    assert.equal(check.status, 200, check.text);
    assert.equal(check.json.decision, 'allow');
    const plan = await call({ port }, 'POST', '/v1/plan', { key, body: { request: 'show the current folder', workspace: path.join(dir, 'ws') } });
    assert.equal(plan.status, 200, plan.text);
    assert.equal(typeof plan.json.command, 'string');
    const history = await call({ port }, 'GET', '/v1/history', { key });
    assert.equal(history.json.entries[0].id, plan.json.historyId);
    assert.equal((await call({ port }, 'GET', '/v1/audit/verify', { key })).json.intact, true);
    server.kill('SIGTERM');
    const [code] = (await once(server, 'exit')) as [number | null];
    assert.equal(code, 0, stderr);
  } finally {
    if (server.exitCode === null) server.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
