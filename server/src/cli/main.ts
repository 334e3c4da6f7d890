// `paladin`: the command line, a thin front over the same server modules the
// editor uses.

import { createPaladin } from '../compose';
import { createCheckingPaladin } from '../composeCheck';
import { Exit } from './command';
import { subcommands } from './commands';
import { runProgram, type Program } from './program';

const program: Program = {
  subcommands,
  compose: (command, settings) => (command.compose === 'checking' ? createCheckingPaladin(settings) : createPaladin(settings)),
};

export function main(argv: string[], io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream } = { out: process.stdout, err: process.stderr }): Promise<number> {
  return runProgram(program, argv, io);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`paladin: ${(err as Error).stack ?? err}\n`);
      process.exitCode = Exit.failure;
    },
  );
}
