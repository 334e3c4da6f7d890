// What every program describer gets: the command's fact, its words split into
// flags and positionals, and short ways to record what it reads, writes and
// deletes (paths are classified by the walker).

import type { Context, Walker } from './facts';
import type { CommandFact } from './factsTypes';
import { splitArgs } from '../shell/argWords';
import type { WordValue } from '../shell/words';

export interface ProgramArgs {
  w: Walker;
  fact: CommandFact;
  ctx: Context;
  prog: string;
  /** The words after the program name. */
  args: WordValue[];
  flags: string[];
  positionals: WordValue[];
  p(v: WordValue): ReturnType<Walker['path']>;
  reads(vs: WordValue[]): void;
  writes(vs: WordValue[]): void;
  deletes(vs: WordValue[]): void;
  /** Whether any of these flags (without dashes) was given. */
  has(...names: string[]): boolean;
}

export function programArgs(w: Walker, fact: CommandFact, args: WordValue[], ctx: Context): ProgramArgs {
  const { flags, positionals } = splitArgs(args);
  const p = (v: WordValue) => w.path(v);
  return {
    w, fact, ctx, args, flags, positionals, p,
    prog: fact.program,
    reads: (vs) => vs.forEach((v) => fact.reads.push(p(v))),
    writes: (vs) => vs.forEach((v) => fact.writes.push(p(v))),
    deletes: (vs) => vs.forEach((v) => fact.deletes.push(p(v))),
    has: (...names) => names.some((n) => flags.includes(n)),
  };
}
