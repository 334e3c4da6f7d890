// Cursor: a beforeShellExecution hook. The event carries `command` and `cwd`
// (and `workspace_roots`); the answer is `permission` (allow / ask / deny)
// with `user_message` for the person and `agent_message` for the agent.
// Cursor does not let a hook replace the command.

import { stringField, type HookFormat } from './hookFormat';

export const cursorHook: HookFormat = {
  source: 'cursor',
  describe: 'a beforeShellExecution event',
  canRewrite: false,
  hasAsk: true,
  parse(event) {
    const name = stringField(event, 'hook_event_name');
    if (name !== 'beforeShellExecution') return { kind: 'unknown', reason: `Paladin's Cursor hook judges beforeShellExecution events, not ${JSON.stringify(name ?? null)}.` };
    const command = stringField(event, 'command');
    if (command === undefined) return { kind: 'unknown', reason: 'The beforeShellExecution event carries no command.' };
    const roots = Array.isArray(event.workspace_roots) ? event.workspace_roots.filter((r): r is string => typeof r === 'string') : [];
    return { kind: 'shell', event: { command, cwd: stringField(event, 'cwd') ?? roots[0], client: stringField(event, 'model') } };
  },
  render(answer) {
    return { permission: answer.decision, user_message: answer.reason, agent_message: answer.reason };
  },
};
