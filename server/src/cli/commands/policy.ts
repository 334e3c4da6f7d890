import { Exit, type Subcommand } from '../command';

export const policyCommand: Subcommand = {
  name: 'policy',
  summary: '(not built yet)',
  help: 'Usage: paladin policy\n',
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    ctx.err.write('paladin policy: not built yet\n');
    return Exit.failure;
  },
};
