// Paladin's language-model tools, so that any chat agent in VS Code can check
// a command, have it explained, or run it in Paladin's sandbox. Like the rest
// of the client they never judge anything themselves: every answer comes from
// the language server. Running shows the policy's risk card as the
// confirmation; a denied command is refused with its reasons.

import * as vscode from 'vscode';
import { CheckRequest, ExplainRequest, RunRequest, type PolicyDecision, type RequestVia, type RunResult } from '../../server/src/protocol/protocol';
import { stripEscapes } from '../../server/src/protocol/terminalEscapes';
import { workspaceFolder } from './chatView';
import type { ServerClient } from './serverClient';

interface CommandInput {
  command: string;
}
interface RunInput extends CommandInput {
  mode?: 'ro' | 'snapshot';
}

const OUTPUT_CHARS = 32 * 1024;
const MARK = { deny: '⛔', ask: '⚠️', allow: '✅' } as const;

function via(): RequestVia {
  return { source: 'lm-tool', client: vscode.env.appName };
}

function commandOf(input: unknown): string {
  const command = (input as Partial<CommandInput> | undefined)?.command;
  if (typeof command !== 'string' || command.trim() === '') throw new Error('Give the shell command to Paladin as {"command": "..."}.');
  return command;
}

function code(text: string): string {
  const flat = text.replace(/\n/g, ' ⏎ ');
  return '`` ' + flat.replace(/`/g, 'ˋ') + ' ``';
}

/** The risk card: decision, every rule that fired and why, what the command touches, what the sandbox needs. */
export function riskCard(command: string, policy: PolicyDecision): vscode.MarkdownString {
  const card = new vscode.MarkdownString('', false);
  card.isTrusted = false;
  card.supportHtml = false;
  const lines = [`**Paladin: ${policy.decision.toUpperCase()}** ${code(command)}`, ''];
  if (policy.rules.length === 0) lines.push('- No rule fired: the command only reads, inside the workspace.');
  for (const r of policy.rules) lines.push(`- ${MARK[r.severity]} \`${r.id}\`: ${r.reason.replace(/[\\`*_[\]<>]/g, '\\$&')}`);
  const list = (xs: string[]) => (xs.length === 0 ? '-' : xs.map((x) => x.replace(/[\\`*_[\]<>]/g, '\\$&')).join(', '));
  lines.push('', `Reads: ${list(policy.risk.reads)} · Writes: ${list(policy.risk.writes)} · Deletes: ${list(policy.risk.deletes)} · Network: ${policy.risk.network ? 'yes' : 'no'}`);
  const sandbox = (policy as PolicyDecision & { sandbox?: { needsApproval: boolean; reasons: string[] } }).sandbox;
  if (sandbox) lines.push('', sandbox.needsApproval ? `In the sandbox it needs approval: ${sandbox.reasons.join('; ')}` : 'In the sandbox it runs offline without approval.');
  card.appendMarkdown(lines.join('\n'));
  return card;
}

function text(value: string): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(value)]);
}

function check(server: ServerClient, command: string, token: vscode.CancellationToken): Promise<PolicyDecision> {
  return server.require().sendRequest(CheckRequest.type, { command, workspace: workspaceFolder(), via: via() }, token);
}

function runTool(server: ServerClient): vscode.LanguageModelTool<RunInput> {
  return {
    async prepareInvocation(options, token) {
      const command = commandOf(options.input);
      const policy = await check(server, command, token);
      if (policy.decision === 'deny') return { invocationMessage: `Paladin refuses ${command}: its policy denies it.` };
      return {
        invocationMessage: `Running ${command} in Paladin's sandbox`,
        confirmationMessages: { title: 'Run in Paladin\'s sandbox?', message: riskCard(command, policy) },
      };
    },
    async invoke(options, token) {
      const command = commandOf(options.input);
      const mode = options.input.mode === 'ro' || options.input.mode === 'snapshot' ? options.input.mode : undefined;
      const streamId = `lm-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      let output = '';
      const listening = server.onRunOutput(streamId, (chunk) => {
        if (output.length < OUTPUT_CHARS) output += (chunk.stream === 'stderr' ? '[stderr] ' : '') + chunk.text;
      });
      let result: RunResult;
      try {
        result = await server.require().sendRequest(RunRequest.type, { command, workspace: workspaceFolder(), mode, streamId, trusted: vscode.workspace.isTrusted, via: via() }, token);
      } catch (err) {
        throw new Error(`Paladin did not run ${command}: ${(err as Error).message}`, { cause: err });
      } finally {
        listening.dispose();
      }
      const ending = result.end === 'exited' ? `exited with ${result.exitCode}` : `ended: ${result.end}`;
      const changes = result.changes ?? [];
      const parts = [`Ran in Paladin's sandbox (${result.mode}), ${ending}.`, stripEscapes(output).slice(0, OUTPUT_CHARS)];
      if (changes.length > 0) parts.push(`It changed ${changes.length} file(s) in its copy of the workspace (${changes.map((c) => c.path).slice(0, 20).join(', ')}); the person applies or discards them from Paladin (paladin run --apply ${result.runId}).`);
      return text(parts.filter(Boolean).join('\n'));
    },
  };
}

function checkTool(server: ServerClient): vscode.LanguageModelTool<CommandInput> {
  return {
    prepareInvocation: (options) => ({ invocationMessage: `Checking ${commandOf(options.input)} with Paladin's policy` }),
    async invoke(options, token) {
      const command = commandOf(options.input);
      const policy = await check(server, command, token);
      return text(`${riskCard(command, policy).value}`);
    },
  };
}

function explainTool(server: ServerClient): vscode.LanguageModelTool<CommandInput> {
  return {
    prepareInvocation: (options) => ({ invocationMessage: `Explaining ${commandOf(options.input)}` }),
    async invoke(options, token) {
      const command = commandOf(options.input);
      const explained = await server.require().sendRequest(ExplainRequest.type, { command, workspace: workspaceFolder(), via: via() }, token);
      const lines = [explained.summary, ...explained.parts.map((p) => `- ${p.text}: ${p.explanation}`), '', riskCard(command, explained.policy).value];
      return text(lines.join('\n'));
    },
  };
}

/** Registers the tools where the editor has the API (VS Code 1.95+); older editors simply lack them. */
export function registerLmTools(server: ServerClient): vscode.Disposable[] {
  if (typeof vscode.lm?.registerTool !== 'function') return [];
  return [
    vscode.lm.registerTool('paladin_run', runTool(server)),
    vscode.lm.registerTool('paladin_check', checkTool(server)),
    vscode.lm.registerTool('paladin_explain', explainTool(server)),
  ];
}
