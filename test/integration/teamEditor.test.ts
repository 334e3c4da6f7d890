// The editor on a team server: a real `paladin serve` (its own SQLite store,
// an organisation policy that denies `printf`, a key) and the real language
// server over two in-memory streams, composed for that server. Plan, check,
// explain, history and audit are answered and recorded by the team server;
// a run executes in the local Docker engine on the local workspace, gated by
// the team server's verdict; with the server gone nothing falls back.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import { ConfigurationRequest, InitializedNotification, InitializeRequest, ShutdownRequest } from 'vscode-languageserver-protocol';
import { startServer } from '../../server/src/lsp/startServer';
import type { ServerStatus } from '../../server/src/protocol/types';
import { waitFor } from '../support/waitFor';
import { paladinArgs } from '../support/nodeArgs';
import { AllowShapeRequest, CheckRequest, ExplainRequest, HistoryRequest, PlanRequest, RunOutputNotification, RunRequest, SetSecretNotification, StatusRequest, VerifyAuditRequest } from '../../server/src/protocol/protocol';

const NO_PRINTF = `package paladin.user.no_printf

import rego.v1

deny contains {"id": "org-no-printf", "reason": "printf is not used in this organisation", "command_index": c.index} if {
	some c in input.commands
	c.program == "printf"
}
`;

let dir: string;
let serverDb: string;
let ws: string;
let key: string;
let serve: ChildProcess;
let serverUrl: string;
let client: MessageConnection;
const statuses: ServerStatus[] = [];
/** Everything the language server said to the editor: messages and its log. */
const messages: string[] = [];

function cli(args: string[]): ChildProcess {
  const env = { ...process.env, PALADIN_DB: serverDb, PALADIN_API_WORKSPACES: path.join(dir, 'server-ws'), PALADIN_SANDBOX_IMAGE: 'paladin-test:busybox', PALADIN_SANDBOX_POOL_SIZE: '0' };
  return spawn(process.execPath, paladinArgs(args), { env, stdio: ['ignore', 'pipe', 'pipe'] });
}

async function cliOut(args: string[]): Promise<string> {
  const p = cli(args);
  let out = '';
  let err = '';
  p.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  p.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const [code] = (await once(p, 'exit')) as [number];
  assert.equal(code, 0, `paladin ${args.join(' ')}: ${err}`);
  return out.trim();
}

/** What the team server's audit log holds, read from its own database. */
function serverAudit(): { action: string; details: string; source: string }[] {
  const db = new Database(serverDb, { readonly: true });
  try {
    return db.prepare('SELECT action, details, source FROM audit_log ORDER BY seq').all() as { action: string; details: string; source: string }[];
  } finally {
    db.close();
  }
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-team-editor-'));
  serverDb = path.join(dir, 'server-data', 'p.db');
  ws = path.join(dir, 'ws');
  fs.mkdirSync(ws);
  fs.mkdirSync(path.join(dir, 'server-ws'));
  // Only on this machine: a run that prints it ran here, not on the server.
  fs.writeFileSync(path.join(ws, 'local-only.txt'), 'written on the editor machine\n');
  fs.writeFileSync(path.join(dir, 'no_printf.rego'), NO_PRINTF);
  await cliOut(['policy', 'add', path.join(dir, 'no_printf.rego')]);
  key = await cliOut(['keys', 'create', 'editor']);
  assert.match(key, /^pld_/);
  serve = cli(['serve', '--port', '0', '--json']);
  const first = await readline.createInterface({ input: serve.stdout! })[Symbol.asyncIterator]().next();
  serverUrl = (JSON.parse(String(first.value)) as { url: string }).url;

  const up = new PassThrough();
  const down = new PassThrough();
  startServer(createConnection(new StreamMessageReader(up), new StreamMessageWriter(down)), { env: { HOME: dir } });
  client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  client.onRequest(ConfigurationRequest.type, (params) =>
    params.items.map(() => ({ server: { url: serverUrl }, database: { path: path.join(dir, 'editor-data', 'paladin.db') }, sandbox: { image: 'paladin-test:busybox', poolSize: 0 } })),
  );
  client.onRequest('client/registerCapability', () => null);
  client.onRequest('window/showMessageRequest', (p: { message: string }) => {
    messages.push(p.message);
    return null;
  });
  client.onNotification('window/showMessage', (p: { message: string }) => messages.push(p.message));
  client.onNotification('window/logMessage', (p: { message: string }) => messages.push(p.message));
  client.onNotification('paladin/status', (s: ServerStatus) => statuses.push(s));
  client.listen();
  await client.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, workspaceFolders: null, capabilities: { workspace: { configuration: true } } });
  await client.sendNotification(InitializedNotification.type, {});
  await client.sendNotification(SetSecretNotification.type, { name: 'team.apiKey', value: key });
});

after(async () => {
  await client?.sendRequest(ShutdownRequest.type).catch(() => undefined);
  client?.dispose();
  if (serve && serve.exitCode === null) serve.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the status names the team server, its version, and that the key works', { timeout: 180_000 }, async () => {
  const status = await client.sendRequest(StatusRequest.type, undefined);
  assert.equal(status.state, 'ready', status.message);
  assert.equal(status.team?.state, 'connected', status.team?.detail);
  assert.equal(status.team?.host, new URL(serverUrl).host);
  assert.equal(status.team?.version, '0.1.0');
});

test('plan, check and explain are answered by the team server with its policies, and its audit log holds them', { timeout: 120_000 }, async () => {
  const before = serverAudit().length;
  const plan = await client.sendRequest(PlanRequest.type, { request: 'list the files here', workspace: ws });
  assert.ok(plan.command, 'a plan came back');
  const check = await client.sendRequest(CheckRequest.type, { command: 'printf hi', workspace: ws });
  assert.equal(check.decision, 'deny', 'the organisation policy on the server denies printf (this machine has no such policy)');
  assert.ok(check.rules.some((r) => r.id === 'user.org-no-printf'), JSON.stringify(check.rules));
  const explained = await client.sendRequest(ExplainRequest.type, { command: 'printf hi', workspace: ws });
  assert.equal(explained.policy.decision, 'deny');
  assert.ok(explained.parts.some((p) => p.text === 'printf'), JSON.stringify(explained.parts));
  const rows = serverAudit().slice(before);
  const actions = rows.map((r) => r.action);
  assert.ok(actions.includes('plan') && actions.includes('check') && actions.includes('explain'), `server audit: ${actions.join(', ')}`);
  assert.ok(rows.every((r) => r.source === 'api'), JSON.stringify(rows));
  assert.ok(rows.some((r) => r.action === 'plan' && JSON.parse(r.details).request === 'list the files here'), JSON.stringify(rows.filter((r) => r.action === 'plan')));

  const history = await client.sendRequest(HistoryRequest.type, { limit: 10 });
  assert.equal(history[0].query, 'list the files here', 'the History view reads the team server\'s history');
  const verify = await client.sendRequest(VerifyAuditRequest.type, undefined);
  assert.equal(verify.intact, true);
  assert.match(verify.message, new RegExp(`Team server ${new URL(serverUrl).host}: The audit log is intact: ${serverAudit().length - 1}|Team server .*: The audit log is intact`));
});

test('a run executes in the local Docker engine on the local workspace, after the team server allowed it', { timeout: 180_000 }, async () => {
  const before = serverAudit().length;
  const chunks: string[] = [];
  const sub = client.onNotification(RunOutputNotification.type, (c) => chunks.push(c.text));
  try {
    const result = await client.sendRequest(RunRequest.type, { command: 'cat local-only.txt', workspace: ws, streamId: 'team-run-1', trusted: true });
    assert.equal(result.exitCode, 0, result.message);
  } finally {
    sub.dispose();
  }
  assert.match(chunks.join(''), /written on the editor machine/);
  const gate = serverAudit().slice(before).filter((r) => r.action === 'check');
  assert.equal(gate.length, 1, 'the team server was asked before the run');
  assert.equal(JSON.parse(gate[0].details).command, 'cat local-only.txt');
  assert.ok(!serverAudit().slice(before).some((r) => r.action.startsWith('run.')), 'the run itself did not run on the team server');
});

test('a run the team server denies is refused here, though this machine\'s policy would allow it', { timeout: 120_000 }, async () => {
  await assert.rejects(client.sendRequest(RunRequest.type, { command: 'printf hi > out.txt', workspace: ws, trusted: true }), /denies this command[\s\S]*user.org-no-printf/);
  assert.equal(fs.existsSync(path.join(ws, 'out.txt')), false);
});

test('"Allow exactly this shape" is refused: the organisation\'s policies decide, and no local rule is written', { timeout: 60_000 }, async () => {
  await assert.rejects(client.sendRequest(AllowShapeRequest.type, { command: 'printf hi', workspace: ws }), /organisation's policies[\s\S]*Ask its admin/);
  assert.equal(fs.existsSync(path.join(dir, 'editor-data', 'policies')), false);
  const check = await client.sendRequest(CheckRequest.type, { command: 'printf hi', workspace: ws });
  assert.equal(check.decision, 'deny');
});

test('a bad key is refused with 401 in words, and the status says so', { timeout: 60_000 }, async () => {
  await client.sendNotification(SetSecretNotification.type, { name: 'team.apiKey', value: 'pld_' + 'x'.repeat(43) });
  await assert.rejects(client.sendRequest(CheckRequest.type, { command: 'ls', workspace: ws }), /refused the key \(401[\s\S]*Set Team Server Key/);
  const status = await client.sendRequest(StatusRequest.type, undefined);
  assert.equal(status.team?.state, 'unauthorized');
  await client.sendNotification(SetSecretNotification.type, { name: 'team.apiKey', value: key });
  assert.equal((await client.sendRequest(StatusRequest.type, undefined)).team?.state, 'connected', 'the good key works again');
});

test('with the team server down, check, plan and run fail closed saying what to do; nothing falls back to local policies', { timeout: 120_000 }, async () => {
  serve.kill('SIGTERM');
  await once(serve, 'exit');
  const unreachable = /team server 127\.0\.0\.1:\d+ is unreachable \(connection refused\)[\s\S]*does not fall back/;
  const seen = statuses.length;
  await assert.rejects(client.sendRequest(CheckRequest.type, { command: 'ls', workspace: ws }), unreachable);
  // The failed check itself brings the status bar up to date, without waiting for the next periodic look.
  // (Well within the 30 s of the periodic look.)
  await waitFor(() => statuses.slice(seen).some((s) => s.team?.state === 'unreachable'), 'a status notification saying the team server is unreachable', 3_000);
  await assert.rejects(client.sendRequest(PlanRequest.type, { request: 'list the files', workspace: ws }), unreachable);
  await assert.rejects(client.sendRequest(RunRequest.type, { command: 'touch made-while-down.txt', workspace: ws, mode: 'live', approved: true, trusted: true }), unreachable);
  assert.equal(fs.existsSync(path.join(ws, 'made-while-down.txt')), false);
  const status = await client.sendRequest(StatusRequest.type, undefined);
  assert.equal(status.team?.state, 'unreachable');
  assert.match(status.team?.detail ?? '', unreachable);
});

test('the key is in no message or log line the language server sent, and in no file of the editor\'s data', () => {
  assert.ok(messages.length > 0 || statuses.length > 0, 'the server said something');
  const said = [...messages, ...statuses.map((st) => JSON.stringify(st))];
  assert.deepEqual(said.filter((m) => m.includes(key)), []);
  const data = path.join(dir, 'editor-data');
  const files = fs.readdirSync(data, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  assert.ok(files.length > 0);
  assert.deepEqual(files.filter((f) => fs.readFileSync(f).includes(key)), []);
});
