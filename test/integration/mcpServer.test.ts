// `paladin mcp` over a real stdio pipe: the MCP SDK's own client spawns the
// built command line against a temporary database, the real policy and the
// real Docker engine, and talks to it as an agent would.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';

const image = process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-mcp-'));
const workspace = path.join(tmp, 'ws');
const outside = path.join(tmp, 'outside');
fs.mkdirSync(workspace);
fs.mkdirSync(outside);
fs.writeFileSync(path.join(workspace, 'a.txt'), 'hello\n');
const dbPath = path.join(tmp, 'data', 'paladin.db');
const cli = path.resolve('dist/cli.js');

function env(): Record<string, string> {
  const base = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return { ...base, PALADIN_DB: dbPath, PALADIN_SANDBOX_IMAGE: image, PALADIN_SANDBOX_TIMEOUT_SECONDS: '20', PALADIN_SANDBOX_POOL_SIZE: '0' };
}

async function connect(name: string, options: { elicit?: 'accept' | 'decline'; args?: string[] } = {}): Promise<{ client: Client; asked: string[] }> {
  const client = new Client({ name, version: '1.0.0' }, { capabilities: options.elicit ? { elicitation: {} } : {} });
  const asked: string[] = [];
  if (options.elicit) {
    client.setRequestHandler(ElicitRequestSchema, async (request) => {
      asked.push(String(request.params.message));
      return options.elicit === 'accept' ? { action: 'accept', content: { approve: true } } : { action: 'decline' };
    });
  }
  const transport = new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp', ...(options.args ?? [])], cwd: workspace, env: env(), stderr: 'pipe' });
  await client.connect(transport);
  return { client, asked };
}

type ToolResult = { isError?: boolean; content: { type: string; text?: string }[]; structuredContent?: Record<string, unknown> };
const resourceText = (r: { contents: ({ text: string } | { blob: string })[] }) => ('text' in r.contents[0] ? r.contents[0].text : '');
const text = (r: ToolResult) => r.content.map((c) => c.text ?? '').join('\n');

let plain: Client;

before(async () => {
  if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run `node esbuild.mjs` first');
  plain = (await connect('plain-agent')).client;
});
after(async () => {
  await plain?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('paladin mcp (stdio, SDK client)', () => {
  test('lists its tools, each with an input and an output schema', async () => {
    const { tools } = await plain.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), ['apply', 'check', 'discard', 'explain', 'history', 'plan', 'run']);
    for (const t of tools) {
      assert.equal(t.inputSchema.type, 'object', t.name);
      assert.equal(t.outputSchema?.type, 'object', t.name);
    }
    const check = tools.find((t) => t.name === 'check')!;
    assert.deepEqual(check.inputSchema.required, ['command']);
  });

  test('check of rm -rf ~ is deny, with the rule and its reason', async () => {
    const r = (await plain.callTool({ name: 'check', arguments: { command: 'rm -rf ~' } })) as ToolResult;
    assert.notEqual(r.isError, true, text(r));
    assert.equal(r.structuredContent?.decision, 'deny');
    const rules = r.structuredContent?.rules as { id: string; severity: string }[];
    assert.ok(rules.some((x) => x.id === 'fs.delete-home' && x.severity === 'deny'), JSON.stringify(rules));
    assert.match(text(r), /denies/);
    const ok = (await plain.callTool({ name: 'check', arguments: { command: 'ls -la' } })) as ToolResult;
    assert.equal(ok.structuredContent?.decision, 'allow');
  });

  test('run of echo hi streams progress and returns the result', async () => {
    const progress: string[] = [];
    const r = (await plain.callTool({ name: 'run', arguments: { command: 'echo hi; cat a.txt' } }, undefined, { onprogress: (p) => progress.push(String(p.message ?? '')), timeout: 60_000 })) as ToolResult;
    assert.notEqual(r.isError, true, text(r));
    assert.equal(r.structuredContent?.end, 'exited');
    assert.equal(r.structuredContent?.exitCode, 0);
    assert.equal(r.structuredContent?.stdout, 'hi\nhello\n');
    assert.match(progress.join(''), /hi\n/);
  });

  test('malformed arguments are a tool error, and the server keeps answering', async () => {
    const bad = (await plain.callTool({ name: 'check', arguments: { command: 42 } })) as ToolResult;
    assert.equal(bad.isError, true);
    assert.match(text(bad), /Invalid arguments|expected string/i);
    const empty = (await plain.callTool({ name: 'run', arguments: {} })) as ToolResult;
    assert.equal(empty.isError, true);
    const huge = (await plain.callTool({ name: 'check', arguments: { command: 'x'.repeat(20_000) } })) as ToolResult;
    assert.equal(huge.isError, true);
    const { tools } = await plain.listTools();
    assert.equal(tools.length, 7);
  });

  test('a denied run is refused with its reasons; nothing runs', async () => {
    const r = (await plain.callTool({ name: 'run', arguments: { command: 'rm -rf ~' } })) as ToolResult;
    assert.equal(r.isError, true);
    assert.match(text(r), /fs\.delete-home/);
  });

  test('network needs a person: refused when the client cannot ask, never self-approved', async () => {
    const r = (await plain.callTool({ name: 'run', arguments: { command: 'echo hi', network: true } })) as ToolResult;
    assert.equal(r.isError, true);
    assert.match(text(r), /cannot ask its person/);
    const live = (await plain.callTool({ name: 'run', arguments: { command: 'ls', mode: 'live' } })) as ToolResult;
    assert.equal(live.isError, true);
    assert.match(text(live), /approval/);
  });

  test('a workspace outside the granted folders is refused', async () => {
    const r = (await plain.callTool({ name: 'check', arguments: { command: 'ls', workspace: outside } })) as ToolResult;
    assert.equal(r.isError, true);
    assert.match(text(r), /outside the folders granted/);
    const up = (await plain.callTool({ name: 'run', arguments: { command: 'ls', workspace: '..' } })) as ToolResult;
    assert.equal(up.isError, true);
  });

  test('with elicitation, the person approves a network run and a snapshot apply; a decline refuses', async () => {
    const { client, asked } = await connect('asking-agent', { elicit: 'accept' });
    try {
      const net = (await client.callTool({ name: 'run', arguments: { command: 'echo online', network: true } }, undefined, { timeout: 60_000 })) as ToolResult;
      assert.notEqual(net.isError, true, text(net));
      assert.equal(net.structuredContent?.stdout, 'online\n');
      assert.match(asked[0], /echo online/);
      const snap = (await client.callTool({ name: 'run', arguments: { command: 'echo new > made.txt', mode: 'snapshot' } }, undefined, { timeout: 60_000 })) as ToolResult;
      assert.notEqual(snap.isError, true, text(snap));
      const runId = String(snap.structuredContent?.runId);
      assert.deepEqual((snap.structuredContent?.changes as { path: string }[]).map((c) => c.path), ['made.txt']);
      assert.equal(fs.existsSync(path.join(workspace, 'made.txt')), false);
      const applied = (await client.callTool({ name: 'apply', arguments: { runId } })) as ToolResult;
      assert.notEqual(applied.isError, true, text(applied));
      assert.equal(fs.readFileSync(path.join(workspace, 'made.txt'), 'utf8'), 'new\n');
      assert.match(asked[asked.length - 1], /made\.txt/);
    } finally {
      await client.close();
    }
    const declining = await connect('declining-agent', { elicit: 'decline' });
    try {
      const r = (await declining.client.callTool({ name: 'run', arguments: { command: 'echo hi', network: true } })) as ToolResult;
      assert.equal(r.isError, true);
      assert.match(text(r), /declined/);
      const foreign = (await declining.client.callTool({ name: 'apply', arguments: { runId: 'not-a-run-of-mine' } })) as ToolResult;
      assert.equal(foreign.isError, true);
    } finally {
      await declining.client.close();
    }
  });

  test('cancelling a run through the request signal stops it', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const call = plain.callTool({ name: 'run', arguments: { command: 'echo started; sleep 15' } }, undefined, {
      signal: controller.signal,
      timeout: 60_000,
      onprogress: () => controller.abort(),
    });
    await assert.rejects(call);
    let status = '';
    for (let i = 0; i < 40 && status !== 'cancelled'; i++) {
      const h = (await plain.callTool({ name: 'history', arguments: { limit: 1, search: 'sleep 15' } })) as ToolResult;
      status = String((h.structuredContent?.entries as { status: string }[])[0]?.status ?? '');
      if (status !== 'cancelled') await new Promise((r) => setTimeout(r, 250));
    }
    assert.equal(status, 'cancelled');
    assert.ok(Date.now() - started < 14_000, 'the run was stopped before its sleep ended');
  });

  test('resources: the policy and the audit verification', async () => {
    const { resources } = await plain.listResources();
    assert.deepEqual(resources.map((r) => r.uri).sort(), ['paladin://audit/verify', 'paladin://policy']);
    const policy = JSON.parse(resourceText(await plain.readResource({ uri: 'paladin://policy' })));
    assert.match(policy.version, /^builtin-/);
    assert.ok(policy.rules.some((r: { id: string; file: string }) => r.id === 'fs.delete-home' && r.file.endsWith('fs.rego')));
    const audit = JSON.parse(resourceText(await plain.readResource({ uri: 'paladin://audit/verify' })));
    assert.equal(audit.intact, true);
    assert.ok(audit.records > 0);
  });

  test('every decision and run is recorded under mcp and the client\'s name', () => {
    const out = spawnSync(process.execPath, [cli, 'history', '--source', 'mcp', '--json', '--limit', '100'], { env: env(), encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    const entries = JSON.parse(out.stdout) as { source: string; command: string }[];
    assert.ok(entries.length >= 3);
    assert.ok(entries.every((e) => e.source.startsWith('mcp:')));
    assert.ok(entries.some((e) => e.source === 'mcp:plain-agent' && e.command === 'echo hi; cat a.txt'));
    const cliOnly = spawnSync(process.execPath, [cli, 'history', '--source', 'cli', '--json'], { env: env(), encoding: 'utf8' });
    assert.deepEqual(JSON.parse(cliOnly.stdout), []);
    const audit = spawnSync(process.execPath, [cli, 'audit', 'export', '--format', 'json'], { env: env(), encoding: 'utf8' });
    assert.equal(audit.status, 0, audit.stderr);
    const rows = JSON.parse(audit.stdout) as { action: string; source: string | null; details: string | Record<string, unknown> }[];
    const checks = rows.filter((r) => r.action === 'check' && r.source === 'mcp');
    assert.ok(checks.length >= 2);
    assert.ok(checks.every((r) => JSON.stringify(r.details).includes('plain-agent') || JSON.stringify(r.details).includes('asking-agent') || JSON.stringify(r.details).includes('declining-agent')));
  });
});
