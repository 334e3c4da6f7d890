import { Exit, type Subcommand } from '../command';

export const planCommand: Subcommand = {
  name: 'plan',
  summary: '(not built yet)',
  help: 'Usage: paladin plan\n',
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    ctx.err.write('paladin plan: not built yet\n');
    return Exit.failure;
  },
};
