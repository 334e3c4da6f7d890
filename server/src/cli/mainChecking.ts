// The command line for the subcommands that only judge (`check`, `hook`):
// agents call them on every command, so this bundle holds the policy, the
// store and the records and nothing else; the launcher picks it by name.

import { createCheckingPaladin } from '../composeCheck';
import { checkCommand } from './commands/check';
import { hookCommand } from './commands/hook';
import { runProgram, type Program } from './program';

export const checkingSubcommands = [checkCommand, hookCommand];

const program: Program = {
  subcommands: checkingSubcommands,
  compose: (_command, settings) => createCheckingPaladin(settings),
};

export function main(argv: string[], io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream } = { out: process.stdout, err: process.stderr }): Promise<number> {
  return runProgram(program, argv, io);
}
