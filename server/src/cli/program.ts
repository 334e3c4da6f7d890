// The `paladin` command line's driver: argument parsing, help, settings, the
// shared context and exit codes. `main.ts` runs it with every subcommand;
// `mainChecking.ts` with the few that only check, so they start fast.

import * as readline from 'node:readline';
import { parseArgs } from 'node:util';
import { sourceFromEnv } from '../agents/identity';
import type { Paladin } from '../paladin';
import { RequestError } from '../paladin';
import { inertForTerminal, inertStream } from '../records/terminalText';
import { settingsFromEnv, type Settings } from '../settings/settings';
import { Exit, UsageError, type CliContext, type Subcommand } from './command';

export interface Program {
  subcommands: Subcommand[];
  /** Builds the Paladin a subcommand works with (the full one, or the checking one it asks for). */
  compose(command: Subcommand, settings: Settings): Promise<Paladin>;
}

const version = '0.1.0';

function topHelp(subcommands: Subcommand[]): string {
  const width = Math.max(...subcommands.map((c) => c.name.length));
  return [
    'paladin: plain words to a shell command you can trust.',
    '',
    'Usage: paladin <command> [options]',
    '',
    'Commands:',
    ...subcommands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `paladin <command> --help` for a command\'s options.',
    'Exit codes: 0 ok, 1 failure, 2 usage error, 3 needs approval (ask), 4 denied, 5 the command failed in the sandbox, 6 no plan (abstained), 7 the plan needs a value, 8 applying or discarding a run\'s changes failed.',
    '',
  ].join('\n');
}

function closest(word: string, words: string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length][b.length];
  };
  const best = words.map((w) => ({ w, d: distance(word, w) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= 2 ? best.w : undefined;
}

export async function runProgram(program: Program, argv: string[], io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream }): Promise<number> {
  const { subcommands } = program;
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out.write(topHelp(subcommands));
    return name === undefined ? Exit.usage : Exit.ok;
  }
  if (name === '--version' || name === '-V') {
    io.out.write(version + '\n');
    return Exit.ok;
  }
  const command = subcommands.find((c) => c.name === name);
  if (!command) {
    const hint = closest(name, subcommands.map((c) => c.name));
    io.err.write(`paladin: unknown command "${name}".${hint ? ` Did you mean "${hint}"?` : ''} Run \`paladin --help\` for the list.\n`);
    return Exit.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out.write(command.help.trimEnd() + '\n');
    return Exit.ok;
  }
  // With --json, a failure is a JSON object on stdout too, so a program reading it always gets JSON.
  const json = 'json' in command.options && rest.includes('--json');
  const fail = (code: string, message: string, exit: number, extra: Record<string, unknown> = {}): number => {
    io.err.write(inertForTerminal(`paladin ${name}: ${message}\n`));
    if (json) io.out.write(inertForTerminal(JSON.stringify({ error: { code, message, exitCode: exit, ...extra } }) + '\n'));
    return exit;
  };
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (err) {
    return fail('usage', `${(err as Error).message}. Run \`paladin ${name} --help\`.`, Exit.usage);
  }

  const { settings, warnings } = settingsFromEnv();
  for (const w of warnings) io.err.write(`paladin: ${w}\n`);
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  let instance: Paladin | undefined;
  const ctx: CliContext = {
    settings,
    actor: { userId: '', source: sourceFromEnv() },
    paladin: async () => {
      if (!instance) {
        instance = await program.compose(command, settings);
        const { localUserId } = await import('../store/database');
        ctx.actor.userId = localUserId(instance.db);
      }
      return instance;
    },
    out: inertStream(io.out),
    err: inertStream(io.err),
    raw: { out: io.out, err: io.err },
    interactive: Boolean(process.stdin.isTTY),
    ask: (question) => askYesNo(question),
    signal: controller.signal,
  };
  try {
    return await command.run(ctx, args as Parameters<Subcommand['run']>[1]);
  } catch (err) {
    if (err instanceof UsageError) return fail('usage', `${err.message}. Run \`paladin ${name} --help\`.`, Exit.usage);
    if (err instanceof RequestError) {
      const exit = err.code === 'denied' ? Exit.deny : err.code === 'needs-approval' ? Exit.ask : err.code === 'invalid' || err.code === 'forbidden' ? Exit.usage : Exit.failure;
      const policy = (err as RequestError & { policy?: unknown }).policy;
      return fail(err.code === 'invalid' ? 'usage' : err.code, err.message, exit, policy ? { policy } : {});
    }
    return fail('failure', (err as Error).message, Exit.failure);
  } finally {
    process.off('SIGINT', onSigint);
    if (instance) {
      await instance.dispose().catch(() => undefined);
      instance.db.close();
    }
  }
}

function askYesNo(question: string): Promise<boolean> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
    rl.question(`${question} [y/N] `, (answer) => {
      rl.close();
      resolve(/^y(es)?$/i.test(answer.trim()));
    });
  });
}
