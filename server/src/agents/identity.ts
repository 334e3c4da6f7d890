// Who an agent is, as Paladin records it: the front it came through (`mcp`,
// a hook for one agent CLI, the editor's language-model tools) and, when it
// named itself, the client's own name. History and audit carry both.

import type { Actor, AgentSource, Source } from '../protocol/types';

export const agentSources: readonly AgentSource[] = ['mcp', 'claude-code', 'gemini', 'cursor', 'lm-tool'];
const allSources: readonly Source[] = ['editor', 'cli', 'api', ...agentSources];

export function isSource(value: unknown): value is Source {
  return typeof value === 'string' && (allSources as readonly string[]).includes(value);
}

/** A client's self-given name, reduced to printable words: it is a label, never trusted for anything. */
export function clientName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value.replace(/[^\w .@/+-]/g, '').trim().slice(0, 64);
  return name === '' ? undefined : name;
}

export function agentActor(userId: string, source: AgentSource, client?: unknown): Actor {
  const name = clientName(client);
  return name ? { userId, source, client: name } : { userId, source };
}

/**
 * The source a `paladin` process records: `cli`, unless it was started by a
 * hook that routed an agent's command through `paladin run` (PALADIN_SOURCE).
 * Only agent names are accepted, so the label can never pose as the editor or the API.
 */
export function sourceFromEnv(env: NodeJS.ProcessEnv = process.env): Source {
  const value = env.PALADIN_SOURCE;
  return typeof value === 'string' && (agentSources as readonly string[]).includes(value) ? (value as AgentSource) : 'cli';
}
