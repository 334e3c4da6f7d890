import { Exit, type Subcommand } from '../command';

export const serveCommand: Subcommand = {
  name: 'serve',
  summary: '(not built yet)',
  help: 'Usage: paladin serve\n',
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    ctx.err.write('paladin serve: not built yet\n');
    return Exit.failure;
  },
};
