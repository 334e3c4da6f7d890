// What every MCP tool handler of `paladin mcp` shares: the one Paladin, the
// folders the client may name, the approval mode and the client's identity.

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Paladin } from '../paladin';
import type { Actor } from '../protocol/types';
import { agentActor } from './identity';
import type { WorkspaceRoots } from './workspaceRoots';

/**
 * `elicit`: what needs a person (an `ask`, live mode, network, applying files)
 * is put to the person through the client's elicitation, and refused when the
 * client cannot ask. `refuse`: it is always refused, with the reason.
 */
export type ApprovalMode = 'elicit' | 'refuse';

export interface McpContext {
  server: McpServer;
  paladin(): Promise<Paladin>;
  /** The local user, known once the store is open. */
  userId(): string;
  roots: WorkspaceRoots;
  approval: ApprovalMode;
}

export function mcpActor(ctx: McpContext): Actor {
  return agentActor(ctx.userId(), 'mcp', ctx.server.server.getClientVersion()?.name);
}

/**
 * Asks the person through the client. True only for an explicit yes: a
 * client that cannot ask, a declined or cancelled form, or any error is a no.
 */
export async function askPerson(ctx: McpContext, message: string, signal?: AbortSignal): Promise<{ approved: boolean; why: string }> {
  if (ctx.approval === 'refuse') return { approved: false, why: 'this server refuses everything that needs a person (--approval refuse); run it from the editor or the `paladin` command line' };
  if (!ctx.server.server.getClientCapabilities()?.elicitation) return { approved: false, why: 'this MCP client cannot ask its person (no elicitation); run it from the editor or the `paladin` command line' };
  try {
    const answer = await ctx.server.server.elicitInput(
      {
        message,
        requestedSchema: {
          type: 'object',
          properties: { approve: { type: 'boolean', title: 'Approve', description: 'Yes: Paladin goes ahead as described.' } },
          required: ['approve'],
        },
      },
      { signal },
    );
    if (answer.action === 'accept' && answer.content?.approve === true) return { approved: true, why: 'approved by the person through the client' };
    return { approved: false, why: answer.action === 'accept' ? 'the person did not approve' : `the person ${answer.action === 'decline' ? 'declined' : 'cancelled'}` };
  } catch (err) {
    return { approved: false, why: `the client could not ask (${(err as Error).message})` };
  }
}

/** A tool's answer: text for the model plus the structured result. */
export function result<T extends Record<string, unknown>>(text: string, structured: T) {
  return { content: [{ type: 'text' as const, text }], structuredContent: structured };
}

export function refused(text: string) {
  return { content: [{ type: 'text' as const, text }], isError: true };
}
