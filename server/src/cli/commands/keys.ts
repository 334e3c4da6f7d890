import { Exit, type Subcommand } from '../command';

export const keysCommand: Subcommand = {
  name: 'keys',
  summary: '(not built yet)',
  help: 'Usage: paladin keys\n',
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    ctx.err.write('paladin keys: not built yet\n');
    return Exit.failure;
  },
};
