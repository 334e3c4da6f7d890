import { Exit, type Subcommand } from '../command';

export const runCommand: Subcommand = {
  name: 'run',
  summary: '(not built yet)',
  help: 'Usage: paladin run\n',
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    ctx.err.write('paladin run: not built yet\n');
    return Exit.failure;
  },
};
