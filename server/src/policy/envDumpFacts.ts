// Printing the environment: programs that dump every variable (env, printenv,
// set, export -p, declare -p, jq's env, awk's ENVIRON) or print one by name.
// Variables hold tokens, and what is printed leaves the machine with the output.

import { SECRET_VARIABLE } from './behaviourFacts';
import { DYNAMIC } from '../shell/words';

/** `dumps-env` for the whole environment, `prints-secret-env:NAME` for a secret-looking variable printed by name. */
export function environmentPrints(prog: string, args: string[]): string[] {
  const names = NAMED[prog]?.(args);
  if (names === undefined) return [];
  if (names === 'all') return ['dumps-env'];
  return names.filter((n) => SECRET_VARIABLE.test(n)).map((n) => `prints-secret-env:${n}`);
}

type Printed = string[] | 'all' | undefined;

/** env with nothing left to run prints the environment (after -u NAME, -C DIR and NAME=VALUE). */
function envPrints(args: string[]): Printed {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (['-u', '--unset', '-C', '--chdir'].includes(a)) i++;
    else if (a === '-S' || a === '--split-string' || a.startsWith('--split-string=') || /^-[^-]*S/.test(a)) return undefined;
    else if (!a.startsWith('-') && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) return undefined;
  }
  return 'all';
}

function printenvPrints(args: string[]): Printed {
  const names = args.filter((a) => !a.startsWith('-'));
  // A name only known at run time may be any variable.
  return names.length === 0 || names.some((n) => n.includes(DYNAMIC)) ? 'all' : names;
}

/** declare/typeset/export/readonly: -p or no arguments at all prints; names after -p print those. */
function declarePrints(args: string[]): Printed {
  const flags = args.filter((a) => a.startsWith('-') || a.startsWith('+'));
  const names = args.filter((a) => !a.startsWith('-') && !a.startsWith('+') && !a.includes('='));
  if (args.length === 0) return 'all';
  if (!flags.some((f) => /^-[a-zA-Z]*p/.test(f))) return flags.length > 0 && names.length === 0 && args.every((a) => /^-[xaAirltu]+$/.test(a)) ? 'all' : undefined;
  return names.length === 0 || names.some((n) => n.includes(DYNAMIC)) ? 'all' : names;
}

function setPrints(args: string[]): Printed {
  return args.length === 0 ? 'all' : undefined;
}

/** jq's `env` and `$ENV`: by name (`$ENV.X`, `env["X"]`) or whole. */
function jqPrints(args: string[]): Printed {
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (['--arg', '--argjson', '--slurpfile', '--rawfile'].includes(a)) {
      i += 2;
      continue;
    }
    if (['-f', '--from-file', '-L', '--indent'].includes(a)) {
      i++;
      continue;
    }
    if (a.startsWith('-')) continue;
    for (const m of a.matchAll(/(\$ENV|(?<![.\w$])env)(?!\w)/g)) {
      const name = nameAfter(a.slice((m.index ?? 0) + m[0].length));
      if (name === undefined) return 'all';
      names.push(name);
    }
  }
  return names.length ? names : undefined;
}

/** awk's ENVIRON array: `ENVIRON["X"]` names one; anything else may walk them all. */
function awkPrints(args: string[]): Printed {
  const names: string[] = [];
  for (const a of args) {
    for (const m of a.matchAll(/(?<![\w])ENVIRON(?!\w)/g)) {
      const rest = a.slice((m.index ?? 0) + m[0].length);
      const named = /^\s*\[\s*"([^"]*)"\s*\]/.exec(rest);
      if (!named) return 'all';
      names.push(named[1]);
    }
  }
  return names.length ? names : undefined;
}

function nameAfter(rest: string): string | undefined {
  const m = /^\s*(?:\.\s*([A-Za-z_]\w*)|\.?\s*\[\s*"([^"]*)"\s*\]|\.\s*"([^"]*)")/.exec(rest);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** yq's env(NAME) and strenv(NAME). */
function yqPrints(args: string[]): Printed {
  const names: string[] = [];
  for (const a of args) {
    for (const m of a.matchAll(/(?<![\w.])(str)?env\s*\(\s*([^)]*?)\s*\)/g)) {
      if (!/^[A-Za-z_]\w*$/.test(m[2])) return 'all';
      names.push(m[2]);
    }
  }
  return names.length ? names : undefined;
}

const NAMED: Record<string, (args: string[]) => Printed> = {
  env: envPrints,
  printenv: printenvPrints,
  set: setPrints,
  export: declarePrints,
  declare: declarePrints,
  typeset: declarePrints,
  readonly: declarePrints,
  local: declarePrints,
  jq: jqPrints,
  gojq: jqPrints,
  jaq: jqPrints,
  awk: awkPrints,
  gawk: awkPrints,
  mawk: awkPrints,
  nawk: awkPrints,
  yq: yqPrints,
};
