import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { stageMigrations } from '../../server/src/compose';
import { Planner, type PlannerOptions } from '../../server/src/planner';
import { createPolicyStage } from '../../server/src/policy';
import type { PlanProgress, PolicyStage } from '../../server/src/stages';
import { normaliseSettings, type Settings } from '../../server/src/settings/settings';
import { openDatabase, type Db } from '../../server/src/store/database';
import { startOllamaStandIn, type OllamaChatRequest } from '../support/ollamaStandIn';
import { startOpenAiStandIn } from '../support/openaiStandIn';
import { closedUrl } from '../support/closedAddress';

let workspace: string;
let db: Db;
let policy: PolicyStage;
const planners: Planner[] = [];

before(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-planner-models-'));
  workspace = path.join(dir, 'ws');
  fs.mkdirSync(path.join(workspace, 'src'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'src', 'main.py'), 'print(1)\n');
  fs.writeFileSync(path.join(workspace, 'notes.txt'), 'hello\n');
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

const answer = (command: string, reasoning = 'because') => JSON.stringify({ command, reasoning, assumptions: ['a file exists'], expected_effects: ['prints lines'] });

test('Ollama: streamed structured answer becomes the plan, tokens stream, the prompt carries context and examples', async () => {
  let seen: OllamaChatRequest | undefined;
  const ollama = await startOllamaStandIn({
    models: ['planner-model'],
    chat: (req) => {
      seen = req;
      return answer('wc -l notes.txt', 'wc -l counts lines');
    },
  });
  try {
    const p = planner({ 'ollama.url': ollama.url, 'ollama.model': 'planner-model' });
    const progress: PlanProgress[] = [];
    const result = await p.plan({ request: 'count the lines in notes.txt', workspace }, { onProgress: (x) => progress.push(x) });
    assert.equal(result.planner, 'ollama');
    assert.equal(result.command, 'wc -l notes.txt');
    assert.equal(result.reasoning, 'wc -l counts lines');
    assert.deepEqual(result.assumptions, ['a file exists']);
    assert.deepEqual(result.expectedEffects, ['prints lines']);
    assert.equal(result.policy.decision, 'allow');
    assert.equal(progress[0].kind, 'retrieved');
    const tokens = progress.filter((x): x is Extract<PlanProgress, { kind: 'token' }> => x.kind === 'token').map((x) => x.text);
    assert.ok(tokens.length > 1, 'the answer arrives in several tokens');
    assert.equal(tokens.join(''), answer('wc -l notes.txt', 'wc -l counts lines'));
    assert.ok(seen);
    assert.equal(seen.stream, true);
    assert.deepEqual((seen.format as { required: string[] }).required, ['command', 'reasoning', 'assumptions', 'expected_effects']);
    const prompt = seen.messages.map((m) => m.content).join('\n');
    assert.match(prompt, /count the lines in notes\.txt/);
    assert.match(prompt, /src\/main\.py/, 'workspace names are in the context');
    assert.match(prompt, /Git repository: no/);
    assert.ok(result.retrieved.length > 0 && prompt.includes(result.retrieved[0].command), 'retrieved examples are in the prompt');
  } finally {
    await ollama.close();
  }
});

test('Ollama: an unknown model, invalid JSON and an empty command fall back to the embedded planner with the reason', async () => {
  const ollama = await startOllamaStandIn({ models: ['other-model'] });
  const bad = await startOllamaStandIn({ chat: (req) => (/Request: .*notes/.test(req.messages.at(-1)?.content ?? '') ? 'I think you want wc' : answer('   ')) });
  try {
    const missing = await planner({ 'ollama.url': ollama.url, 'ollama.model': 'llama-missing' }).plan({ request: 'count the lines in notes.txt', workspace });
    assert.equal(missing.planner, 'embedded');
    assert.match(missing.skipped.find((s) => s.planner === 'ollama')?.reason ?? '', /no model "llama-missing".*ollama pull llama-missing/);

    const invalid = await planner({ 'ollama.url': bad.url, 'ollama.model': 'm' }).plan({ request: 'count the lines in notes.txt', workspace });
    assert.equal(invalid.planner, 'embedded');
    assert.match(invalid.skipped[0].reason, /not JSON/);

    const empty = await planner({ 'ollama.url': bad.url, 'ollama.model': 'm' }).plan({ request: 'list the files here', workspace });
    assert.equal(empty.planner, 'embedded');
    assert.match(empty.skipped[0].reason, /empty command/);
    assert.notEqual(empty.command, '');
  } finally {
    await ollama.close();
    await bad.close();
  }
});

test('a command that does not parse is sent back once with the parse error', async () => {
  const replies = [answer("grep 'unterminated notes.txt"), answer('grep -c hello notes.txt')];
  const ollama = await startOllamaStandIn({ chat: () => replies.shift() ?? answer("echo 'still broken") });
  try {
    const result = await planner({ 'ollama.url': ollama.url, 'ollama.model': 'm' }).plan({ request: 'how many lines say hello in notes.txt', workspace });
    assert.equal(result.planner, 'ollama');
    assert.equal(result.command, 'grep -c hello notes.txt');
    assert.equal(ollama.requests.length, 2);
    const second = (ollama.requests[1].body as OllamaChatRequest).messages.at(-1)?.content ?? '';
    assert.match(second, /does not parse as bash/);
    assert.match(second, /quote/);

    const broken = await startOllamaStandIn({ chat: () => answer("echo 'never closed") });
    try {
      const fallback = await planner({ 'ollama.url': broken.url, 'ollama.model': 'm' }).plan({ request: 'list the files here', workspace });
      assert.equal(fallback.planner, 'embedded');
      assert.match(fallback.skipped[0].reason, /twice answered a command that does not parse/);
      assert.equal(broken.requests.length, 2);
    } finally {
      await broken.close();
    }
  } finally {
    await ollama.close();
  }
});

test('a slow model times out and a connection dropped mid-stream is reported, both without crashing', async () => {
  const slow = await startOllamaStandIn({ chat: () => ({ content: answer('ls'), delayMs: 5_000 }) });
  const dropping = await startOllamaStandIn({ chat: () => ({ content: answer('ls -la'), dropAfterChunks: 2 }) });
  try {
    const started = Date.now();
    const timedOut = await planner({ 'ollama.url': slow.url, 'ollama.model': 'm', 'planner.timeoutMs': 600 }).plan({ request: 'list the files here', workspace });
    assert.equal(timedOut.planner, 'embedded');
    assert.match(timedOut.skipped[0].reason, /no complete answer in time/);
    assert.ok(Date.now() - started < 4_000, 'gave up at the timeout, not when the server answered');

    const dropped = await planner({ 'ollama.url': dropping.url, 'ollama.model': 'm' }).plan({ request: 'list the files here', workspace });
    assert.equal(dropped.planner, 'embedded');
    assert.match(dropped.skipped[0].reason, /dropped|without finishing|stopped answering/);
  } finally {
    await slow.close();
    await dropping.close();
  }
});

test('OpenAI: SSE streaming answer with the key; Ollama unreachable is skipped first, in order', async () => {
  const api = await startOpenAiStandIn({ apiKey: 'sk-test-key', models: ['gpt-test'], chat: () => answer('du -sh src') });
  try {
    const p = planner({ 'ollama.url': closedUrl(), 'ollama.model': 'm', 'openai.baseUrl': api.url, 'openai.model': 'gpt-test' }, { apiKey: 'sk-test-key' });
    const tokens: string[] = [];
    const result = await p.plan({ request: 'how big is the src folder', workspace }, { onProgress: (x) => x.kind === 'token' && tokens.push(x.text) });
    assert.equal(result.planner, 'openai');
    assert.equal(result.command, 'du -sh src');
    assert.deepEqual(result.skipped.map((s) => s.planner), ['ollama']);
    assert.match(result.skipped[0].reason, /not reachable/);
    assert.ok(tokens.length > 1);
    const body = api.requests[0].body as { stream: boolean; response_format: { type: string } };
    assert.equal(body.stream, true);
    assert.equal(body.response_format.type, 'json_schema');
    assert.equal(api.requests[0].headers.authorization, 'Bearer sk-test-key');
  } finally {
    await api.close();
  }
});

test('OpenAI: 429 with Retry-After, 401, 500 and an invalid JSON chunk are reported and fall back', async () => {
  const cases: { reply: object; key?: string; expect: RegExp }[] = [
    { reply: { status: 429, message: 'Rate limit reached', retryAfter: 7 }, expect: /rate limiting \(429\); retry after 7 s/ },
    { reply: { content: answer('ls') }, key: 'sk-wrong', expect: /refused the API key \(401\)/ },
    { reply: { status: 500, message: 'boom' }, expect: /answered 500/ },
    { reply: { rawData: '{not json', content: answer('ls') }, expect: /./ },
  ];
  for (const c of cases) {
    const api = await startOpenAiStandIn({ apiKey: 'sk-right', chat: () => c.reply });
    try {
      const result = await planner({ 'planner.order': 'openai,embedded', 'openai.baseUrl': api.url, 'openai.model': 'gpt-test' }, { apiKey: c.key ?? 'sk-right' }).plan({ request: 'list the files here', workspace });
      assert.equal(result.planner, 'embedded', JSON.stringify(c.reply));
      assert.match(result.skipped[0].reason, c.expect);
    } finally {
      await api.close();
    }
  }
});

test('the circuit breaker skips a failing provider after repeated failures, then probes and closes again', async () => {
  let healthy = false;
  const ollama = await startOllamaStandIn({ chat: () => (healthy ? answer('ls -la') : { status: 500, error: 'out of memory' }) });
  let clock = 1_000_000;
  try {
    const p = planner({ 'ollama.url': ollama.url, 'ollama.model': 'm' }, { breakerThreshold: 2, breakerCoolDownMs: 60_000, now: () => clock });
    const ask = () => p.plan({ request: 'list the files here', workspace });
    for (let i = 0; i < 2; i++) assert.match((await ask()).skipped[0].reason, /answered 500: out of memory/);
    assert.equal(ollama.requests.length, 2);
    const open = await ask();
    assert.equal(open.planner, 'embedded');
    assert.match(open.skipped[0].reason, /circuit open after 2 failures/);
    assert.equal(ollama.requests.length, 2, 'an open circuit sends nothing');
    assert.equal(p.describe().active, 'embedded');

    clock += 61_000;
    healthy = true;
    const probe = await ask();
    assert.equal(probe.planner, 'ollama', 'the half-open probe went through and succeeded');
    assert.equal(ollama.requests.length, 3);
    assert.equal(p.describe().active, 'ollama');

    healthy = false;
    await ask();
    assert.equal((await ask()).planner, 'embedded');
    clock += 61_000;
    await ask(); // probe fails: open again at once
    const reopened = await ask();
    assert.match(reopened.skipped[0].reason, /circuit open/);
  } finally {
    await ollama.close();
  }
});

test('with no model configured the router goes straight to the embedded planner, without network', async () => {
  // Both model URLs point at a listener that counts connections: none is made.
  let connections = 0;
  const listener = net.createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(listener.address() as net.AddressInfo).port}`;
  try {
    const p = planner({ 'ollama.url': url, 'openai.baseUrl': `${url}/v1` });
    const result = await p.plan({ request: 'list the 3 biggest files in src', workspace }, {});
    assert.equal(result.planner, 'embedded');
    assert.deepEqual(result.skipped.map((s) => s.planner), ['ollama', 'openai']);
    assert.match(result.skipped[0].reason, /no Ollama model/);
    assert.match(result.skipped[1].reason, /no OpenAI API key/);
    assert.equal(connections, 0);
  } finally {
    await new Promise((resolve) => listener.close(resolve));
  }
});

test('an explicitly chosen planner that cannot answer is a clear error', async () => {
  const p = planner({});
  await assert.rejects(p.plan({ request: 'list files', workspace, planner: 'ollama' }, {}), /The ollama planner could not answer: no Ollama model is set/);
});

test('secrets are redacted from prompts sent to a non-loopback endpoint, kept for loopback', async () => {
  const seen: string[] = [];
  const api = await startOpenAiStandIn({ chat: (req) => (seen.push(req.messages.map((m) => m.content).join('\n')), answer('ls')) });
  try {
    const request = 'list files, my token is ghp_abcdefghijklmnopqrstuvwxyz0123456789 and password=hunter22';
    // The same server through an IPv4-mapped IPv6 address: still this machine, but not a loopback name.
    const remoteLooking = api.url.replace('127.0.0.1', '[::ffff:127.0.0.1]');
    await planner({ 'planner.order': 'openai,embedded', 'openai.baseUrl': remoteLooking, 'openai.model': 'g' }, { apiKey: 'k' }).plan({ request, workspace });
    await planner({ 'planner.order': 'openai,embedded', 'openai.baseUrl': api.url, 'openai.model': 'g' }, { apiKey: 'k' }).plan({ request, workspace });
    assert.equal(seen.length, 2);
    assert.doesNotMatch(seen[0], /ghp_abcdef|hunter22/);
    assert.match(seen[0], /REDACTED/);
    assert.match(seen[1], /ghp_abcdef/);
  } finally {
    await api.close();
  }
});
