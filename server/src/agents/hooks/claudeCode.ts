// Claude Code: a PreToolUse hook on the Bash tool. The event carries
// `tool_name`, `tool_input.command` and `cwd`; the answer is
// `hookSpecificOutput.permissionDecision` (allow / ask / deny) with
// `permissionDecisionReason`, and `updatedInput` to replace the command.

import { stringField, type HookFormat } from './hookFormat';

export const claudeCodeHook: HookFormat = {
  source: 'claude-code',
  describe: 'a PreToolUse event for the Bash tool',
  canRewrite: true,
  hasAsk: true,
  parse(event) {
    const name = stringField(event, 'hook_event_name');
    if (name !== 'PreToolUse') return { kind: 'unknown', reason: `Paladin's Claude Code hook judges PreToolUse events, not ${JSON.stringify(name ?? null)}.` };
    const tool = stringField(event, 'tool_name');
    if (tool !== 'Bash') return { kind: 'unknown', reason: `Paladin judges the Bash tool; it cannot vouch for the tool ${JSON.stringify(tool ?? null)}. Match the hook to "Bash" only.` };
    const command = stringField(event, 'tool_input', 'command');
    if (command === undefined) return { kind: 'unknown', reason: 'The Bash event carries no tool_input.command.' };
    return { kind: 'shell', event: { command, cwd: stringField(event, 'cwd') } };
  },
  render(answer) {
    const out: Record<string, unknown> = { hookEventName: 'PreToolUse', permissionDecision: answer.decision, permissionDecisionReason: answer.reason };
    if (answer.command !== undefined) out.updatedInput = { command: answer.command };
    return { hookSpecificOutput: out };
  },
};
