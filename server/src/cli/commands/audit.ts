import { Exit, type Subcommand } from '../command';

export const auditCommand: Subcommand = {
  name: 'audit',
  summary: '(not built yet)',
  help: 'Usage: paladin audit\n',
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    ctx.err.write('paladin audit: not built yet\n');
    return Exit.failure;
  },
};
