// `paladin hook <agent>`: the before-shell hook of an agent CLI (Claude Code,
// Gemini CLI, Cursor): the event on stdin, the verdict on stdout in that
// agent's format. `paladin hook install <agent>` prints or writes the settings.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { agentActor } from '../../agents/identity';
import { isSystemFolder } from '../../agents/workspaceRoots';
import { dataFolders } from '../../gateway/workspaceGrant';
import { answerHook, MAX_EVENT_BYTES, refusal, shellQuote, type HookOutcome } from '../../agents/hooks/answerHook';
import { claudeCodeHook } from '../../agents/hooks/claudeCode';
import { cursorHook } from '../../agents/hooks/cursor';
import { geminiHook } from '../../agents/hooks/gemini';
import type { HookFormat, ShellEvent } from '../../agents/hooks/hookFormat';
import { installPlan, installTargets, readSettings, writeSettings, type InstallTarget } from '../../agents/hooks/install';
import { Exit, UsageError, type CliContext, type Subcommand } from '../command';

const formats: Record<string, HookFormat> = { 'claude-code': claudeCodeHook, gemini: geminiHook, cursor: cursorHook };

const help = `Usage: paladin hook claude-code|gemini|cursor [--sandbox] [--strict] [--timeout-ms N]
       paladin hook install claude-code|gemini|cursor|mcp [--project DIR] [--sandbox] [--write [--yes]]

Judges the shell command an agent is about to run. Reads the agent's hook
event (JSON) on stdin and answers on stdout in that agent's format:
  claude-code  PreToolUse for the Bash tool (permissionDecision allow/ask/deny)
  gemini       BeforeTool for run_shell_command (decision allow/deny; "ask"
               leaves the call to Gemini CLI's own confirmation)
  cursor       beforeShellExecution (permission allow/ask/deny)
The workspace is the event's cwd. Every decision is recorded in Paladin's
history and audit log under the agent's name. A malformed or unknown event,
a timeout or any error is answered with deny (exit 2), never allow.

Options:
  --sandbox        where the agent lets a hook replace the command (Claude
                   Code, Gemini CLI), run what needs no approval through
                   \`paladin run\`, in the sandbox
  --strict         answer deny where the policy would ask a person
  --timeout-ms N   answer deny when no verdict came within N ms (default 10000)

install prints the settings snippet for the agent (mcp: the MCP server entry)
and the file it belongs in; --write merges it into that file after asking
(--yes: without asking). --project DIR: the project's settings instead of
your user settings.
`;

export const hookCommand: Subcommand = {
  name: 'hook',
  summary: 'answer an agent CLI\'s before-shell hook (Claude Code, Gemini CLI, Cursor); install it',
  help,
  allowPositionals: true,
  compose: 'checking',
  options: {
    sandbox: { type: 'boolean' },
    strict: { type: 'boolean' },
    'timeout-ms': { type: 'string' },
    project: { type: 'string' },
    write: { type: 'boolean' },
    yes: { type: 'boolean', short: 'y' },
  },
  async run(ctx, { values, positionals }) {
    const [agent, target, ...extra] = positionals;
    if (agent === 'install') return install(ctx, target, extra, values);
    const format = agent === undefined ? undefined : formats[agent];
    if (!format) throw new UsageError(`say which agent: paladin hook claude-code|gemini|cursor (got ${JSON.stringify(agent ?? '')})`);
    if (target !== undefined) throw new UsageError(`unexpected argument "${target}"`);
    const timeoutMs = values['timeout-ms'] === undefined ? 10_000 : Number(values['timeout-ms']);
    if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 600_000) throw new UsageError(`--timeout-ms must be a whole number from 100 to 600000, not "${String(values['timeout-ms'])}"`);
    const options = { sandbox: values.sandbox === true, strict: values.strict === true };
    let timer: NodeJS.Timeout | undefined;
    let late = false;
    const deadline = new Promise<HookOutcome>((resolve) => {
      timer = setTimeout(() => {
        late = true;
        resolve(refusal(format, `no verdict within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    const judged = readStdin(MAX_EVENT_BYTES)
      .then((raw) => answerHook(format, raw, { check: (event) => check(ctx, format, event), routed: (event) => routed(format, event) }, options))
      .catch((err: Error) => refusal(format, err.message));
    const outcome = await Promise.race([judged, deadline]);
    clearTimeout(timer);
    ctx.out.write(JSON.stringify(format.render(outcome.answer)) + '\n');
    if (outcome.exitCode !== 0) ctx.err.write(outcome.answer.reason + '\n');
    process.stdin.destroy();
    // The agent has its answer: whatever was still stuck (a locked store, an event never finished) must not hold the hook open.
    if (late) setTimeout(() => process.exit(outcome.exitCode), 1000).unref();
    return outcome.exitCode;
  },
};

async function check(ctx: CliContext, format: HookFormat, event: ShellEvent) {
  const paladin = await ctx.paladin();
  const actor = agentActor(ctx.actor.userId, format.source, event.client);
  const cwd = path.resolve(event.cwd ?? process.cwd());
  // An agent working in a system folder gets no workspace: every path it names counts as outside one.
  const workspace = isSystemFolder(cwd, dataFolders(ctx.settings.database.path)) ? undefined : cwd;
  const policy = await paladin.check(actor, event.command, { workspace });
  paladin.stages.records.recordPlan({ actor, query: '', plannedCommand: event.command, policyDecision: policy.decision, workspace: workspace ?? cwd, status: 'judged' });
  return policy;
}

/** `paladin run` of the same command from the same folder, recorded under the agent's name. */
function routed(format: HookFormat, event: ShellEvent): string {
  const script = process.argv[1] ?? '';
  const self = /\.js$/.test(script) ? `${shellQuote(process.execPath)} ${shellQuote(fs.realpathSync(script))}` : 'paladin';
  const workspace = event.cwd ? ` --workspace ${shellQuote(path.resolve(event.cwd))}` : '';
  return `PALADIN_SOURCE=${format.source} ${self} run${workspace} -- ${shellQuote(event.command)}`;
}

/** The event, or an error past `limit` bytes: a hook never reads without bound. */
function readStdin(limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    process.stdin.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        process.stdin.destroy();
        reject(new Error(`the event is larger than ${limit} bytes`));
      } else chunks.push(chunk);
    });
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

async function install(ctx: CliContext, target: string | undefined, extra: string[], values: Record<string, unknown>): Promise<number> {
  if (!target || !(installTargets as readonly string[]).includes(target)) throw new UsageError(`say what to install: paladin hook install ${installTargets.join('|')}`);
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
  const plan = installPlan(target as InstallTarget, { project: values.project as string | undefined, command: 'paladin', sandbox: values.sandbox === true });
  if (values.write !== true) {
    ctx.out.write(`# Add to ${plan.file}:\n${JSON.stringify(plan.snippet, null, 2)}\n`);
    return Exit.ok;
  }
  const merged = plan.merge(readSettings(plan.file));
  ctx.err.write(`Paladin will write to ${plan.file}:\n${JSON.stringify(plan.snippet, null, 2)}\n`);
  const consent = values.yes === true || (ctx.interactive && (await ctx.ask(`Write ${plan.file}?`)));
  if (!consent) {
    ctx.err.write(ctx.interactive ? 'Nothing written.\n' : 'Nothing written: pass --yes to write without a terminal to ask at.\n');
    return Exit.ask;
  }
  writeSettings(plan.file, merged);
  ctx.err.write(`Wrote ${plan.file}.\n`);
  return Exit.ok;
}
