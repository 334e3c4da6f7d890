import { Exit, type Subcommand } from '../command';

export const explainCommand: Subcommand = {
  name: 'explain',
  summary: '(not built yet)',
  help: 'Usage: paladin explain\n',
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    ctx.err.write('paladin explain: not built yet\n');
    return Exit.failure;
  },
};
