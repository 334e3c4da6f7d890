// `paladin mcp`: Paladin as a Model Context Protocol server over stdio.

import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { ApprovalMode } from '../../agents/mcpContext';
import { serveMcp } from '../../agents/mcpServer';
import { WorkspaceRoots } from '../../agents/workspaceRoots';
import { dataFolders } from '../../gateway/workspaceGrant';
import { Exit, UsageError, type Subcommand } from '../command';

const help = `Usage: paladin mcp [--workspace DIR]... [--approval elicit|refuse]

Serves Paladin to an agent over the Model Context Protocol on stdin/stdout.
Tools: check, run (sandboxed; output streams as progress notifications),
apply, discard, explain, plan, history. Resources: paladin://policy (the
rules and version in force) and paladin://audit/verify.

The client may name workspaces only under the folder the server was started
in and the folders given with --workspace. What needs a person (a command
the policy asks about, live mode, network, applying a run's changes) is
asked through the client's elicitation, never taken from the client's word:
  --approval elicit   ask the person through the client; refuse when the
                      client cannot ask (default)
  --approval refuse   refuse all of it, with the reasons
Every decision and run is recorded in history and the audit log under the
source "mcp" and the client's name (paladin history --source mcp).
`;

export const mcpCommand: Subcommand = {
  name: 'mcp',
  summary: 'serve Paladin to AI agents over the Model Context Protocol (stdio)',
  help,
  options: { workspace: { type: 'string', multiple: true }, approval: { type: 'string' } },
  async run(ctx, { values, positionals }) {
    if (positionals.length > 0) throw new UsageError(`unexpected arguments: ${positionals.join(' ')}`);
    const approval = (values.approval ?? 'elicit') as string;
    if (approval !== 'elicit' && approval !== 'refuse') throw new UsageError(`--approval must be elicit or refuse, not "${approval}"`);
    const granted = Array.isArray(values.workspace) ? values.workspace : [];
    let roots: WorkspaceRoots;
    try {
      roots = new WorkspaceRoots([process.cwd(), ...granted], dataFolders(ctx.settings.database.path));
    } catch (err) {
      throw new UsageError((err as Error).message.replace(/\.$/, ''));
    }
    // Opened before the first request: a broken store or policy is reported at start, on stderr.
    await ctx.paladin();
    const transport = new StdioServerTransport();
    process.stdin.once('end', () => void transport.close());
    ctx.signal.addEventListener('abort', () => void transport.close());
    await serveMcp({ paladin: ctx.paladin, userId: () => ctx.actor.userId, roots, approval: approval as ApprovalMode, version: '0.1.0' }, transport);
    return Exit.ok;
  },
};
