// Gemini CLI: a BeforeTool hook on run_shell_command. The event carries
// `tool_name`, `tool_input.command` and `cwd`; the answer is `decision`
// (allow / deny) with `reason`, and `hookSpecificOutput.tool_input` to replace
// the command. There is no "ask" answer: leaving the decision out hands the
// call to Gemini CLI's own confirmation, with Paladin's reasons shown.

import * as path from 'node:path';
import { stringField, type HookFormat } from './hookFormat';

export const geminiHook: HookFormat = {
  source: 'gemini',
  describe: 'a BeforeTool event for run_shell_command',
  canRewrite: true,
  hasAsk: false,
  parse(event) {
    const name = stringField(event, 'hook_event_name');
    if (name !== 'BeforeTool') return { kind: 'unknown', reason: `Paladin's Gemini CLI hook judges BeforeTool events, not ${JSON.stringify(name ?? null)}.` };
    const tool = stringField(event, 'tool_name');
    if (tool !== 'run_shell_command') return { kind: 'unknown', reason: `Paladin judges run_shell_command; it cannot vouch for the tool ${JSON.stringify(tool ?? null)}. Match the hook to "run_shell_command" only.` };
    const command = stringField(event, 'tool_input', 'command');
    if (command === undefined) return { kind: 'unknown', reason: 'The run_shell_command event carries no tool_input.command.' };
    const dir = stringField(event, 'tool_input', 'dir_path') ?? stringField(event, 'tool_input', 'directory');
    const cwd = stringField(event, 'cwd');
    return { kind: 'shell', event: { command, cwd: dir && cwd ? path.resolve(cwd, dir) : (cwd ?? dir) } };
  },
  render(answer) {
    if (answer.decision === 'ask') return { systemMessage: `Paladin asks you to confirm: ${answer.reason}` };
    const out: Record<string, unknown> = { decision: answer.decision, reason: answer.reason };
    if (answer.command !== undefined) out.hookSpecificOutput = { tool_input: { command: answer.command } };
    return out;
  },
};
