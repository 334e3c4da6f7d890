// What every `paladin` subcommand is made of, and the exit codes they share.

import type { ParseArgsConfig } from 'node:util';
import type { Paladin } from '../paladin';
import type { Actor } from '../protocol/types';
import type { Settings } from '../settings/settings';

/** Exit codes, documented in the README and docs/user/cli.md. */
export const Exit = {
  ok: 0,
  /** Paladin could not do what was asked (Docker down, store unreadable, ...). */
  failure: 1,
  usage: 2,
  /** The policy says ask (check), or a run needs approval that was not given. */
  ask: 3,
  deny: 4,
  /** The command ran in the sandbox and exited non-zero or hit a limit. */
  commandFailed: 5,
  /** `plan`: Paladin does not know a command for the request (abstained). */
  abstained: 6,
  /** `plan`: the plan still needs a value (an unfilled `<slot>`), so it cannot run. */
  incomplete: 7,
  /** A snapshot run's changes could not be applied or discarded (nothing was applied). */
  applyFailed: 8,
} as const;

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CliContext {
  settings: Settings;
  /** Warnings from settings normalisation, already printed to stderr. */
  actor: Actor;
  /** Opens the store and builds the stages on first use. */
  paladin(): Promise<Paladin>;
  /** Terminal controls in anything written here are shown as visible escapes (records/terminalText). */
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  /** The streams as they are, for a command's own bytes when the person asks for them (`run --raw`). */
  raw?: { out: NodeJS.WritableStream; err: NodeJS.WritableStream };
  /** Stdin is a terminal a person can answer at. */
  interactive: boolean;
  ask(question: string): Promise<boolean>;
  signal: AbortSignal;
}

export interface Subcommand {
  name: string;
  /** One line for `paladin --help`. */
  summary: string;
  /** Full help text: usage line, description, options. */
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Sub-subcommands such as `policy add`; the first positional picks one. */
  allowPositionals?: boolean;
  /** `checking`: needs only the policy and the records (no Docker, models or manuals), so it starts fast. */
  compose?: 'checking';
  run(ctx: CliContext, args: { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] }): Promise<number>;
}

export function printJson(ctx: CliContext, value: unknown): void {
  ctx.out.write(JSON.stringify(value, null, 2) + '\n');
}
