import { Exit, type Subcommand } from '../command';

export const historyCommand: Subcommand = {
  name: 'history',
  summary: '(not built yet)',
  help: 'Usage: paladin history\n',
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    ctx.err.write('paladin history: not built yet\n');
    return Exit.failure;
  },
};
