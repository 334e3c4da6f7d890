import { Exit, type Subcommand } from '../command';

export const sandboxCommand: Subcommand = {
  name: 'sandbox',
  summary: '(not built yet)',
  help: 'Usage: paladin sandbox\n',
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    ctx.err.write('paladin sandbox: not built yet\n');
    return Exit.failure;
  },
};
