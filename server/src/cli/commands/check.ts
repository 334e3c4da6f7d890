import { Exit, type Subcommand } from '../command';

export const checkCommand: Subcommand = {
  name: 'check',
  summary: '(not built yet)',
  help: 'Usage: paladin check\n',
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    ctx.err.write('paladin check: not built yet\n');
    return Exit.failure;
  },
};
