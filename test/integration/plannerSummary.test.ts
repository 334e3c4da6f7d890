import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import { ConfigurationRequest, InitializedNotification, InitializeRequest, ShutdownRequest } from 'vscode-languageserver-protocol';
import { openStore, stageMigrations } from '../../server/src/compose';
import { present } from '../../server/src/lsp/present';
import { startServer } from '../../server/src/lsp/startServer';
import { Paladin } from '../../server/src/paladin';
import { createPlannerStage, Planner, type PlannerOptions } from '../../server/src/planner';
import { createPolicyStage } from '../../server/src/policy';
import { createRecordsStage } from '../../server/src/records';
import { PresentRequest, RunRequest } from '../../server/src/protocol/protocol';
import { normaliseSettings, type Settings } from '../../server/src/settings/settings';
import type { PolicyStage } from '../../server/src/stages';
import { FakeExecutorStage } from '../support/fakeStages';
import { openDatabase, type Db } from '../../server/src/store/database';
import { startOllamaStandIn, type OllamaChatRequest } from '../support/ollamaStandIn';
import { startOpenAiStandIn, type OpenAiChatRequest } from '../support/openaiStandIn';
import { waitFor } from '../support/waitFor';

let db: Db;
let policy: PolicyStage;
const planners: Planner[] = [];

before(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-planner-summary-'));
  db = openDatabase(path.join(dir, 'paladin.db'), { migrations: stageMigrations });
  policy = await createPolicyStage(db, normaliseSettings({}).settings);
});

after(() => {
  for (const p of planners) p.dispose();
  db.close();
});

function planner(raw: Record<string, unknown>, options: PlannerOptions = {}): Planner {
  const settings: Settings = normaliseSettings({ 'planner.cacheTtlSeconds': 0, ...raw }).settings;
  const p = new Planner(db, settings, policy, options);
  planners.push(p);
  return p;
}

/** Long build-like output: 400 lines, one error and one warning in the middle. */
function longOutput(extra = ''): string {
  const lines: string[] = [];
  for (let i = 0; i < 400; i++) {
    if (i === 150) lines.push('src/app.ts(12,3): error TS2304: Cannot find name "foo".');
    else if (i === 160) lines.push('warning: package.json has no licence');
    else if (i === 200 && extra) lines.push(extra);
    else lines.push(`compiled module ${i} of 400`);
  }
  return lines.join('\n') + '\n';
}

const contentOf = (req: { messages: { content: string }[] }) => req.messages.map((m) => m.content).join('\n');

test('long output: the summary is written by the model that answers, marked with its name, and asked for as plain text', async () => {
  const seen: OllamaChatRequest[] = [];
  const written = 'One error: src/app.ts cannot find name "foo". One warning about the licence. 400 modules compiled.';
  const ollama = await startOllamaStandIn({ models: ['sum-model'], chat: (req) => (seen.push(req), written) });
  try {
    const p = planner({ 'ollama.url': ollama.url, 'ollama.model': 'sum-model' });
    const output = longOutput();
    const presentation = await present('run-1', output, { planner: p, command: 'npm run build' });
    const s = presentation.summary;
    assert.ok(s, 'long output gets a summary');
    assert.equal(s.source, 'model');
    assert.equal(s.text, written);
    assert.equal(s.model, 'sum-model (Ollama)');
    // The extractive facts stay beside the model's text.
    assert.equal(s.lines, 400);
    assert.deepEqual(s.errors, ['src/app.ts(12,3): error TS2304: Cannot find name "foo".']);
    assert.equal(seen.length, 1);
    assert.equal(seen[0].format, undefined, 'a summary is plain text, not the plan schema');
    const prompt = contentOf(seen[0]);
    assert.match(prompt, /npm run build/);
    assert.match(prompt, /errors and warnings first/i);
    assert.match(prompt, /compiled module 0 of 400/);
    assert.match(prompt, /compiled module 399 of 400/);
  } finally {
    await ollama.close();
  }
});

test('short output is not summarised and no model is asked', async () => {
  const ollama = await startOllamaStandIn({ models: ['m'], chat: () => 'never' });
  try {
    const presentation = await present('run-2', 'hello\nworld\n', { planner: planner({ 'ollama.url': ollama.url, 'ollama.model': 'm' }), command: 'echo' });
    assert.equal(presentation.summary, undefined);
    assert.equal(ollama.requests.length, 0);
  } finally {
    await ollama.close();
  }
});

test('at most about 12 kB of a huge output is sent: its head and its tail', async () => {
  const seen: OllamaChatRequest[] = [];
  const ollama = await startOllamaStandIn({ models: ['m'], chat: (req) => (seen.push(req), 'a summary') });
  try {
    const huge = Array.from({ length: 20_000 }, (_, i) => `line ${i}`).join('\n');
    const presentation = await present('run-3', huge, { planner: planner({ 'ollama.url': ollama.url, 'ollama.model': 'm' }), command: 'seq' });
    assert.equal(presentation.summary?.source, 'model');
    const user = seen[0].messages.find((m) => m.role === 'user')?.content ?? '';
    assert.ok(user.length < 12_500, `sent ${user.length} characters`);
    assert.match(user, /^line 0$/m);
    assert.match(user, /^line 19999$/m);
    assert.doesNotMatch(user, /^line 10000$/m);
    assert.match(user, /characters left out/);
  } finally {
    await ollama.close();
  }
});

test('a model that errors or times out falls back to the next, then to the extractive summary', async () => {
  const failing = await startOllamaStandIn({ models: ['m'], chat: () => ({ status: 500, error: 'model crashed' }) });
  const slow = await startOpenAiStandIn({ chat: () => ({ content: 'too late', delayMs: 3_000 }) });
  const good = await startOpenAiStandIn({ chat: () => 'Written by the second model.' });
  try {
    // Ollama fails, OpenAI answers: the summary is OpenAI's.
    const next = await present('run-4', longOutput(), {
      planner: planner({ 'planner.order': 'ollama,openai,embedded', 'ollama.url': failing.url, 'ollama.model': 'm', 'openai.baseUrl': good.url, 'openai.model': 'gpt-sum' }, { apiKey: 'k' }),
      command: 'make',
    });
    assert.equal(next.summary?.source, 'model');
    assert.equal(next.summary?.text, 'Written by the second model.');
    assert.equal(next.summary?.model, 'gpt-sum (OpenAI)');

    // Both fail (error, then no answer in time): extractive, and quickly.
    const started = Date.now();
    const fallback = await present('run-5', longOutput(), {
      planner: planner({ 'planner.order': 'ollama,openai,embedded', 'planner.timeoutMs': 500, 'ollama.url': failing.url, 'ollama.model': 'm', 'openai.baseUrl': slow.url, 'openai.model': 'g' }, { apiKey: 'k' }),
      command: 'make',
    });
    assert.ok(Date.now() - started < 2_500, 'gave up at the timeout, not when the server answered');
    const s = fallback.summary;
    assert.ok(s);
    assert.equal(s.source, 'extractive');
    assert.equal(s.text, undefined);
    assert.equal(s.model, undefined);
    assert.deepEqual(s.warnings, ['warning: package.json has no licence']);
    assert.equal(slow.requests.length, 1, 'the slow model was asked');
  } finally {
    await Promise.all([failing.close(), slow.close(), good.close()]);
  }
});

test('an open circuit is skipped for summaries as for plans; nothing configured means extractive without network', async () => {
  const failing = await startOllamaStandIn({ models: ['m'], chat: () => ({ status: 500, error: 'down' }) });
  try {
    const p = planner({ 'ollama.url': failing.url, 'ollama.model': 'm' }, { breakerThreshold: 2, breakerCoolDownMs: 60_000 });
    for (let i = 0; i < 3; i++) assert.equal((await present(`run-b${i}`, longOutput(), { planner: p })).summary?.source, 'extractive');
    assert.equal(failing.requests.length, 2, 'after two failures in a row the model is not asked');
    assert.match(p.describe().detail, /circuit open/);
  } finally {
    await failing.close();
  }
  const none = planner({ 'ollama.url': 'http://127.0.0.1:9', 'openai.baseUrl': 'http://127.0.0.1:9/v1' });
  assert.equal(await none.summarise(longOutput(), { command: 'x' }), undefined);
});

test('a cancelled presentation does not wait for the model', async () => {
  const slow = await startOllamaStandIn({ models: ['m'], chat: () => ({ content: 'late', delayMs: 5_000 }) });
  try {
    const p = planner({ 'ollama.url': slow.url, 'ollama.model': 'm', 'planner.timeoutMs': 20_000 });
    const controller = new AbortController();
    const started = Date.now();
    const pending = present('run-c', longOutput(), { planner: p, signal: controller.signal });
    await waitFor(() => slow.requests.length > 0, 'the model stand-in has the request', 10_000, 1);
    controller.abort();
    const presentation = await pending;
    assert.equal(presentation.summary?.source, 'extractive');
    assert.ok(Date.now() - started < 5_000, 'answered before the model (5 s late) would have');
    // A cancellation is not the model's failure: its circuit stays closed.
    assert.doesNotMatch(p.describe().detail, /circuit open/);
  } finally {
    await slow.close();
  }
});

test('secrets in the output never reach a non-loopback endpoint verbatim; a loopback one sees the output as it is', async () => {
  const seen: OpenAiChatRequest[] = [];
  const api = await startOpenAiStandIn({ chat: (req) => (seen.push(req), 'summary') });
  const secret = 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  const key = ['-----BEGIN PRIVATE KEY-----', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB', '-----END PRIVATE KEY-----'].join('\n');
  try {
    const output = longOutput(`${secret}\n${key}`);
    // The same server through an IPv4-mapped IPv6 address: still this machine, but not a loopback name.
    const remoteLooking = api.url.replace('127.0.0.1', '[::ffff:127.0.0.1]');
    const remote = await present('run-r', output, { planner: planner({ 'planner.order': 'openai,embedded', 'openai.baseUrl': remoteLooking, 'openai.model': 'g' }, { apiKey: 'k' }), command: `export ${secret}; ./deploy.sh` });
    assert.equal(remote.summary?.source, 'model');
    const local = await present('run-l', output, { planner: planner({ 'planner.order': 'openai,embedded', 'openai.baseUrl': api.url, 'openai.model': 'g' }, { apiKey: 'k' }), command: './deploy.sh' });
    assert.equal(local.summary?.source, 'model');
    assert.equal(seen.length, 2);
    const sentRemote = contentOf(seen[0]);
    assert.doesNotMatch(sentRemote, /wJalrXUtnFEMI/);
    assert.doesNotMatch(sentRemote, /MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7|b3BlbnNzaC1rZXkt/);
    assert.match(sentRemote, /AWS_SECRET_ACCESS_KEY=\[REDACTED\]/);
    assert.match(sentRemote, /\[REDACTED PRIVATE KEY\]/);
    assert.match(sentRemote, /compiled module 150|error TS2304/, 'the rest of the output is still sent');
    assert.match(contentOf(seen[1]), /wJalrXUtnFEMI/);
  } finally {
    await api.close();
  }
});

test('over the editor protocol: paladin/present carries the model\'s summary of the run, asked with the command that ran', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-summary-lsp-'));
  const ws = path.join(dir, 'ws');
  fs.mkdirSync(ws);
  const seen: OllamaChatRequest[] = [];
  const ollama = await startOllamaStandIn({ models: ['lsp-model'], chat: (req) => (seen.push(req), 'The build failed on one missing name.') });
  // The executor is the only stand-in here: it prints long output without Docker.
  const executor = new FakeExecutorStage(() => [{ stream: 'stdout', text: longOutput() }]);
  const create = async (settings: Settings) => {
    const store = openStore(settings);
    const stagePolicy = await createPolicyStage(store, settings);
    return new Paladin(store, settings, { policy: stagePolicy, planner: createPlannerStage(store, settings, stagePolicy), executor, explainer: { explain: async (command) => ({ command, summary: '', parts: [] }) }, records: createRecordsStage(store, settings) });
  };
  const up = new PassThrough();
  const down = new PassThrough();
  startServer(createConnection(new StreamMessageReader(up), new StreamMessageWriter(down)), { create, env: { HOME: dir } });
  const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  client.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({ database: { path: path.join(dir, 'data', 'paladin.db') }, ollama: { url: ollama.url, model: 'lsp-model' } })));
  client.onRequest('client/registerCapability', () => null);
  client.onRequest('window/showMessageRequest', () => null);
  client.onNotification('window/showMessage', () => undefined);
  client.onNotification('window/logMessage', () => undefined);
  client.onNotification('paladin/status', () => undefined);
  client.listen();
  try {
    await client.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, workspaceFolders: null, capabilities: { workspace: { configuration: true } } });
    await client.sendNotification(InitializedNotification.type, {});
    const result = await client.sendRequest(RunRequest.type, { command: 'ls -la', workspace: ws, streamId: 'lsp-1', trusted: true });
    assert.equal(result.end, 'exited');
    const presentation = await client.sendRequest(PresentRequest.type, { runId: 'lsp-1' });
    assert.equal(presentation.summary?.source, 'model');
    assert.equal(presentation.summary?.text, 'The build failed on one missing name.');
    assert.equal(presentation.summary?.model, 'lsp-model (Ollama)');
    assert.equal(presentation.summary?.lines, 400);
    assert.equal(seen.length, 1);
    assert.match(contentOf(seen[0]), /Command: ls -la/);
  } finally {
    await client.sendRequest(ShutdownRequest.type).catch(() => undefined);
    client.dispose();
    await ollama.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
