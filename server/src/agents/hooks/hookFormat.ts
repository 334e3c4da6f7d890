// What each agent CLI's before-shell hook sends and expects back. One adapter
// per agent reads its event and writes Paladin's verdict in that agent's own
// format; `answerHook.ts` holds the logic they share.

import type { AgentSource } from '../../protocol/types';

/** The shell command an agent is about to run. */
export interface ShellEvent {
  command: string;
  /** The folder the agent runs it in; the workspace Paladin judges against. */
  cwd?: string;
  /** The agent's own session or model label, when the event carries one. */
  client?: string;
}

export type ParsedEvent = { kind: 'shell'; event: ShellEvent } | { kind: 'unknown'; reason: string };

export interface HookAnswer {
  decision: 'allow' | 'ask' | 'deny';
  /** Shown to the person (ask) or to the agent (deny). */
  reason: string;
  /** The command to run instead (routed through `paladin run`), where the format allows it. */
  command?: string;
}

export interface HookFormat {
  source: AgentSource;
  /** The event and tool names this hook is meant for, for messages. */
  describe: string;
  /** The agent lets a hook replace the command. */
  canRewrite: boolean;
  /** The agent has its own "ask the person" answer; without one, `ask` falls back to the agent's own confirmation. */
  hasAsk: boolean;
  parse(event: Record<string, unknown>): ParsedEvent;
  render(answer: HookAnswer): Record<string, unknown>;
}

export function stringField(event: Record<string, unknown>, ...keys: string[]): string | undefined {
  let value: unknown = event;
  for (const key of keys) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'string' ? value : undefined;
}
