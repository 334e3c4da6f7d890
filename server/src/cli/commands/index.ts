// The list of `paladin` subcommands, in the order `--help` shows them.
import type { Subcommand } from '../command';
import { auditCommand } from './audit';
import { checkCommand } from './check';
import { explainCommand } from './explain';
import { historyCommand } from './history';
import { hookCommand } from './hook';
import { keysCommand } from './keys';
import { usersCommand } from './users';
import { mcpCommand } from './mcp';
import { planCommand } from './plan';
import { plannerCommand } from './planner';
import { policyCommand } from './policy';
import { runCommand } from './run';
import { sandboxCommand } from './sandbox';
import { serveCommand } from './serve';
import { statsCommand } from './stats';

export const subcommands: Subcommand[] = [
  planCommand,
  plannerCommand,
  checkCommand,
  runCommand,
  explainCommand,
  historyCommand,
  auditCommand,
  serveCommand,
  keysCommand,
  usersCommand,
  statsCommand,
  policyCommand,
  sandboxCommand,
  hookCommand,
  mcpCommand,
];
