// The editor protocol in memory: the real language-server wiring
// (startServer) on one end of two connected streams, a JSON-RPC client on the
// other, no editor. The Paladin behind it has the real store, the real
// policy (OPA WASM) and the real records stage; planner and executor are
// small in-test stages so no model and no Docker are needed here.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import { InitializeRequest, InitializedNotification, ConfigurationRequest, ShutdownRequest, CodeLensRequest, DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol';
import { openStore } from '../../server/src/compose';
import { Paladin } from '../../server/src/paladin';
import { createPolicyStage } from '../../server/src/policy';
import { createRecordsStage } from '../../server/src/records';
import { CheckRequest, HistoryRequest, PlanProgressNotification, PlanRequest, PresentRequest, RunOutputNotification, RunRequest, StatusRequest, type PolicyDecision, type RunResult, type ServerStatus } from '../../server/src/protocol/protocol';
import type { Settings } from '../../server/src/settings/settings';
import type { ExplainerStage, PlannerStage } from '../../server/src/stages';
import { FakeExecutorStage } from '../support/fakeStages';
import { startServer } from '../../server/src/lsp/startServer';

let client: MessageConnection;
let dir: string;
/** The workspace beside the data folder, never holding it. */
let ws: string;
const statuses: ServerStatus[] = [];
const configAsks: unknown[] = [];
const warnings: string[] = [];

function testPlanner(policy: { check(c: string): Promise<import('../../server/src/protocol/types').PolicyDecision> }): PlannerStage {
  return {
    async plan(params, { signal, onProgress }) {
      onProgress?.({ kind: 'retrieved', examples: [{ id: 'e1', command: 'ls -la', description: 'list files', score: 0.9, origin: 'corpus' }] });
      for (const word of ['Listing ', 'the ', 'files']) {
        if (signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
        onProgress?.({ kind: 'token', text: word });
      }
      if (params.request.includes('slow')) {
        await new Promise((_, reject) => signal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }))));
      }
      const command = params.request.includes('delete') ? 'rm -rf /' : 'ls -la';
      return {
        request: params.request, command, reasoning: 'ls lists files', assumptions: [], expectedEffects: [], planner: 'embedded', skipped: [],
        confidence: 0.9, candidates: [], retrieved: [], policy: await policy.check(command), cache: 'miss', timings: {},
      };
    },
    learn() {},
    describe: () => ({ active: 'embedded', detail: 'in-test planner' }),
    dispose() {},
  };
}

const testExecutor = new FakeExecutorStage(() => [
  { stream: 'stdout', text: '{"files": ' },
  { stream: 'stderr', text: 'warn\n' },
  { stream: 'stdout', text: '["a", "b"]}\n' },
]);

const testExplainer: ExplainerStage = { explain: async (command) => ({ command, summary: 'lists', parts: [] }) };

async function createTestPaladin(settings: Settings): Promise<Paladin> {
  const db = openStore(settings);
  const policy = await createPolicyStage(db, settings);
  return new Paladin(db, settings, { policy, planner: testPlanner(policy), executor: testExecutor, explainer: testExplainer, records: createRecordsStage(db, settings) });
}

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'paladin-protocol-'));
  ws = path.join(dir, 'ws');
  mkdirSync(ws);
  const up = new PassThrough();
  const down = new PassThrough();
  startServer(createConnection(new StreamMessageReader(up), new StreamMessageWriter(down)), { create: createTestPaladin, env: { HOME: dir } });
  client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  client.onRequest(ConfigurationRequest.type, (params) => {
    configAsks.push(params);
    return params.items.map(() => ({ database: { path: path.join(dir, 'data', 'paladin.db') }, sandbox: { image: 'paladin-test:busybox', timeoutSeconds: 99999 } }));
  });
  client.onRequest('client/registerCapability', () => null);
  client.onRequest('window/showMessageRequest', (params: { message: string }) => {
    warnings.push(params.message);
    return null;
  });
  client.onNotification('window/showMessage', () => undefined);
  client.onNotification('window/logMessage', () => undefined);
  client.onNotification('paladin/status', (s: ServerStatus) => statuses.push(s));
  client.listen();
  await client.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, workspaceFolders: null, capabilities: { workspace: { configuration: true } } });
  await client.sendNotification(InitializedNotification.type, {});
});

after(async () => {
  await client.sendRequest(ShutdownRequest.type).catch(() => undefined);
  client.dispose();
  rmSync(dir, { recursive: true, force: true });
});

test('status: the server builds its Paladin from pulled settings and reports planner and sandbox', async () => {
  const status = await client.sendRequest(StatusRequest.type, undefined);
  assert.equal(status.state, 'ready');
  assert.deepEqual(status.planner, { active: 'embedded', detail: 'in-test planner' });
  assert.equal(status.sandbox.state, 'ready');
  assert.equal(status.dbPath, path.join(dir, 'data', 'paladin.db'));
  assert.ok(configAsks.length >= 1, 'settings come from workspace/configuration');
  assert.ok(statuses.some((s) => s.state === 'ready'), 'a status notification was sent when it changed');
  assert.ok(warnings.some((w) => /paladin\.sandbox\.timeoutSeconds.*99999/.test(w)), 'an out-of-range setting is reported to the person');
});

test('plan: progress streams under the client\'s streamId before the answer', async () => {
  const progress: PlanProgressNotification.Params[] = [];
  const sub = client.onNotification(PlanProgressNotification.type, (p) => progress.push(p));
  const plan = await client.sendRequest(PlanRequest.type, { request: 'list the files', streamId: 's-1', workspace: ws });
  sub.dispose();
  assert.equal(plan.command, 'ls -la');
  assert.equal(plan.policy.decision, 'allow');
  assert.ok(plan.historyId);
  assert.deepEqual(progress.map((p) => p.kind), ['retrieved', 'token', 'token', 'token']);
  assert.ok(progress.every((p) => p.streamId === 's-1'));
  const history = await client.sendRequest(HistoryRequest.type, { limit: 5 });
  assert.equal(history[0].query, 'list the files');
});

test('plan: bad input and cancellation answer in words', async () => {
  await assert.rejects(client.sendRequest(PlanRequest.type, { request: '   ' }), /The request is empty/);
  const { CancellationTokenSource } = await import('vscode-jsonrpc/node');
  const source = new CancellationTokenSource();
  const pending = client.sendRequest(PlanRequest.type, { request: 'slow please', workspace: ws }, source.token);
  source.cancel();
  await assert.rejects(pending, /cancelled/i);
});

test('check: the real policy answers; deny carries rules', async () => {
  const allow = await client.sendRequest(CheckRequest.type, { command: 'ls -la' });
  assert.equal(allow.decision, 'allow');
  const deny = await client.sendRequest(CheckRequest.type, { command: 'rm -rf /' });
  assert.equal(deny.decision, 'deny');
  assert.ok(deny.rules.length > 0 && deny.rules.every((r) => r.id && r.reason));
});

test('run: refused when untrusted or denied; otherwise output streams, then presents as highlighted JSON', async () => {
  await assert.rejects(client.sendRequest(RunRequest.type, { command: 'ls', workspace: ws, streamId: 'r-0' }), (err: { message: string; data?: { kind: string } }) => {
    assert.match(err.message, /not trusted/);
    assert.equal(err.data?.kind, 'untrusted');
    return true;
  });
  await assert.rejects(client.sendRequest(RunRequest.type, { command: 'rm -rf /', workspace: ws, trusted: true }), (err: { data?: { kind: string; policy?: { decision: string } } }) => {
    assert.equal(err.data?.kind, 'denied');
    assert.equal(err.data?.policy?.decision, 'deny');
    return true;
  });
  const chunks: string[] = [];
  const sub = client.onNotification(RunOutputNotification.type, (c) => {
    assert.equal(c.runId, 'r-1');
    chunks.push(`${c.stream}:${c.text}`);
  });
  const result = await client.sendRequest(RunRequest.type, { command: 'ls', workspace: ws, streamId: 'r-1', trusted: true });
  sub.dispose();
  assert.equal(result.end, 'exited');
  assert.ok(chunks.join('').includes('stderr:warn'), 'stderr arrives marked');
  assert.ok(chunks.filter((c) => c.startsWith('stdout:')).join('').includes('["a", "b"]'));
  const presentation = await client.sendRequest(PresentRequest.type, { runId: 'r-1' });
  assert.equal(presentation.format, 'json');
  assert.equal(presentation.lines?.flat().map((t) => t.t).join(''), '{"files": ["a", "b"]}');
});

test('run: the sandbox verdict is the gate: an ask runs offline in snapshot without approval; network and live mode ask first', async () => {
  const ask = (await client.sendRequest(RunRequest.type, { command: 'rm -f notes.txt', workspace: ws, trusted: true })) as RunResult & { policy: PolicyDecision };
  assert.deepEqual([ask.end, ask.mode, ask.policy.decision, ask.policy.sandbox?.needsApproval], ['exited', 'snapshot', 'ask', false]);
  for (const extra of [{ network: true }, { mode: 'live' as const }]) {
    await assert.rejects(client.sendRequest(RunRequest.type, { command: 'rm -f notes.txt', workspace: ws, trusted: true, ...extra }), (err: { data?: { kind: string; policy?: PolicyDecision } }) => {
      assert.equal(err.data?.kind, 'needs-approval');
      assert.equal(err.data?.policy?.sandbox?.needsApproval, true);
      return true;
    });
  }
  const approved = await client.sendRequest(RunRequest.type, { command: 'rm -f notes.txt', workspace: ws, trusted: true, network: true, approved: true });
  assert.equal(approved.end, 'exited');
  const checked = await client.sendRequest(CheckRequest.type, { command: 'ls && rm -rf /', workspace: ws });
  assert.deepEqual(checked.rules[0].span, [6, 14], 'the editor gets the span of the offending command');
  assert.match(checked.rules[0].source?.file ?? '', /^policies\/paladin\/fs\.rego$/);
});

test('code lenses come from the open document', async () => {
  await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: 'file:///t/README.md', languageId: 'markdown', version: 1, text: '# x\n\n```bash\necho hi\n```\n' } });
  const lenses = await client.sendRequest(CodeLensRequest.type, { textDocument: { uri: 'file:///t/README.md' } });
  assert.deepEqual(lenses?.map((l) => [l.range.start.line, l.command?.title]), [[2, '▶ Run in sandbox'], [2, 'Explain'], [2, 'Check']]);
});
