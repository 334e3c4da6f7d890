// Runs the `paladin` command line in this process with captured output, as
// the CLI tests need it. With `dbPath`, PALADIN_DB points there for the call
// only and is restored afterwards.
import { PassThrough } from 'node:stream';
import { main } from '../../server/src/cli/main';

export interface CliOutcome {
  code: number;
  out: string;
  err: string;
}

export async function runCli(argv: string[], dbPath?: string): Promise<CliOutcome> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: '', err: '' };
  out.on('data', (c: Buffer) => (chunks.out += c.toString()));
  err.on('data', (c: Buffer) => (chunks.err += c.toString()));
  const saved = process.env.PALADIN_DB;
  if (dbPath !== undefined) process.env.PALADIN_DB = dbPath;
  try {
    const code = await main(argv, { out, err });
    return { code, ...chunks };
  } finally {
    if (saved === undefined) delete process.env.PALADIN_DB;
    else process.env.PALADIN_DB = saved;
  }
}
