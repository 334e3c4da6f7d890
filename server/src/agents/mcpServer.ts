// `paladin mcp`: Paladin's operations as Model Context Protocol tools over
// stdio, for any agent that speaks MCP. A front like the editor and the CLI:
// every tool goes through the same Paladin composition, and every decision and
// run is recorded under the source `mcp` and the client's name.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { Paladin } from '../paladin';
import { policyPaths, regoSources } from '../policy/policyFiles';
import { listUserPolicies } from '../policy/userPolicies';
import { mcpActor, result, type ApprovalMode, type McpContext } from './mcpContext';
import { registerRunTools } from './mcpRun';
import { checkInput, checkOutput, explainInput, explainOutput, historyInput, historyOutput, planInput, planOutput } from './mcpSchemas';
import { verdictOf } from './verdict';
import type { WorkspaceRoots } from './workspaceRoots';

export interface McpOptions {
  paladin(): Promise<Paladin>;
  userId(): string;
  roots: WorkspaceRoots;
  approval: ApprovalMode;
  version: string;
}

const readOnly = { readOnlyHint: true, openWorldHint: false } as const;

function registerJudgingTools(ctx: McpContext): void {
  ctx.server.registerTool(
    'check',
    { title: 'Check a shell command', description: 'Judges a shell command with Paladin\'s policy over the parsed command, without running it: allow, ask or deny, the rules that fired and why, the risk, and whether running it in the sandbox needs a person.', inputSchema: checkInput, outputSchema: checkOutput, annotations: readOnly },
    async (args) => {
      const paladin = await ctx.paladin();
      const policy = await paladin.check(mcpActor(ctx), args.command, { workspace: ctx.roots.pick(args.workspace), mode: args.mode, network: args.network });
      const verdict = verdictOf(args.command, policy);
      return result(verdict.summary, { decision: policy.decision, rules: policy.rules, reasons: verdict.reasons, risk: policy.risk, sandbox: verdict.sandbox, policyVersion: policy.policyVersion });
    },
  );
  ctx.server.registerTool(
    'explain',
    { title: 'Explain a shell command', description: 'Explains a shell command part by part, each part grounded in a manual, with the policy\'s verdict.', inputSchema: explainInput, outputSchema: explainOutput, annotations: readOnly },
    async (args, extra) => {
      const paladin = await ctx.paladin();
      const explained = await paladin.explain(mcpActor(ctx), args.command, { workspace: ctx.roots.pick(args.workspace), signal: extra.signal });
      const verdict = verdictOf(args.command, explained.policy);
      const text = [explained.summary, ...explained.parts.map((p) => `- ${p.text}: ${p.explanation}`), '', verdict.summary].join('\n');
      return result(text, { summary: explained.summary, parts: explained.parts, decision: explained.policy.decision, reasons: verdict.reasons });
    },
  );
  ctx.server.registerTool(
    'plan',
    { title: 'Plan a shell command', description: 'Turns a request in plain words into one shell command, checked by the policy. Nothing runs.', inputSchema: planInput, outputSchema: planOutput, annotations: readOnly },
    async (args, extra) => {
      const paladin = await ctx.paladin();
      const plan = await paladin.plan(mcpActor(ctx), { request: args.request, workspace: ctx.roots.pick(args.workspace) }, { signal: extra.signal });
      const verdict = verdictOf(plan.command, plan.policy);
      return result(`${plan.command}\n\n${plan.reasoning}\n\n${verdict.summary}`, { command: plan.command, reasoning: plan.reasoning, planner: plan.planner, decision: plan.policy.decision, reasons: verdict.reasons, historyId: plan.historyId });
    },
  );
  ctx.server.registerTool(
    'history',
    { title: 'Paladin history', description: 'What Paladin planned and ran, newest first, from every front (editor, CLI, API, agents).', inputSchema: historyInput, outputSchema: historyOutput, annotations: readOnly },
    async (args) => {
      const paladin = await ctx.paladin();
      const entries = (await paladin.stages.records.listHistory({ limit: args.limit ?? 20, source: args.source, search: args.search })).map((e) => ({ id: e.id, createdAt: e.createdAt, source: e.source, command: e.command, query: e.query, status: e.status, exitCode: e.exitCode, policyDecision: e.policyDecision }));
      const text = entries.length === 0 ? 'No history entries match.' : entries.map((e) => `${e.createdAt}  ${e.source}  ${e.status}  ${e.command}`).join('\n');
      return result(text, { entries });
    },
  );
}

/** Every rule of the built-in policy, read from its sources: id, severity, file and line. */
function builtInRules(): { id: string; severity: string; file: string; line: number }[] {
  const dir = policyPaths().sources;
  const rules: { id: string; severity: string; file: string; line: number }[] = [];
  for (const file of regoSources(dir)) {
    fs.readFileSync(file, 'utf8').split('\n').forEach((text, i) => {
      const m = /^(deny|ask) contains hit\([^,]*, "([\w.-]+)"/.exec(text);
      if (m) rules.push({ id: m[2], severity: m[1], file: path.relative(path.dirname(dir), file), line: i + 1 });
    });
  }
  return rules;
}

function registerResources(ctx: McpContext): void {
  ctx.server.registerResource('policy', 'paladin://policy', { title: 'Paladin policy', description: 'The policy in force: its version, the built-in rules (id, severity, source) and the user policies.', mimeType: 'application/json' }, async (uri) => {
    const paladin = await ctx.paladin();
    const body = { version: paladin.stages.policy.version, rules: builtInRules(), userPolicies: listUserPolicies(paladin.db) };
    return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(body, null, 2) }] };
  });
  ctx.server.registerResource('audit', 'paladin://audit/verify', { title: 'Audit log verification', description: 'Verifies the hash chain of Paladin\'s audit log now and reports whether it is intact.', mimeType: 'application/json' }, async (uri) => {
    const paladin = await ctx.paladin();
    const report = await paladin.stages.records.verifyAudit();
    return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(report, null, 2) }] };
  });
}

export function createMcpServer(options: McpOptions): McpServer {
  const server = new McpServer(
    { name: 'paladin', version: options.version },
    {
      capabilities: { tools: {}, resources: {} },
      instructions: 'Paladin judges shell commands with a policy over the parsed command and runs them in a disposable, offline sandbox. Call check before running anything on the host; prefer run (sandboxed) to running commands yourself; denied commands must not be retried in another spelling.',
    },
  );
  const ctx: McpContext = { server, paladin: options.paladin, userId: options.userId, roots: options.roots, approval: options.approval };
  registerJudgingTools(ctx);
  registerRunTools(ctx);
  registerResources(ctx);
  return server;
}

/** Serves until the transport closes (the client went away, or stdin ended). */
export async function serveMcp(options: McpOptions, transport: Transport): Promise<void> {
  const server = createMcpServer(options);
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
  });
  await server.connect(transport);
  await closed;
}
