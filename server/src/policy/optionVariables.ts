// Programs that read more of their own command line from the environment:
// make takes MAKEFLAGS and MFLAGS, man takes MANOPT, GNU tar TAR_OPTIONS,
// zip ZIPOPT, unzip UNZIP. `MAKEFLAGS='--eval=…' make`, `MANOPT='-P CMD' man
// ls` and `TAR_OPTIONS=--to-command=CMD tar -x …` run what those options
// name, so a value the line sets is read as words of the program's own line.
// A value only known at run time cannot be read and is asked. (less's LESS
// and MORE are judged by the policy's pager rules.)

import type { Context, Walker } from './facts';
import type { CommandFact } from './factsTypes';
import { literal } from '../shell/argWords';
import type { WordValue } from '../shell/words';
import { SHELLS } from '../shell/programs';

const OPTION_VARIABLES: Record<string, string[]> = {
  make: ['MAKEFLAGS', 'MFLAGS'],
  gmake: ['MAKEFLAGS', 'MFLAGS'],
  man: ['MANOPT'],
  tar: ['TAR_OPTIONS'],
  gtar: ['TAR_OPTIONS'],
  zip: ['ZIPOPT'],
  unzip: ['UNZIP', 'UNZIPOPT'],
};

/** Words a variable's value adds: split on blanks not escaped by a backslash. */
export function valueWords(name: string, value: string): WordValue[] {
  const words = value.split(/(?<!\\)\s+/).filter(Boolean).map((t) => t.replace(/\\(\s)/g, '$1'));
  // MAKEFLAGS starts with bare option letters (`k`, `ks`): they are short options.
  if ((name === 'MAKEFLAGS' || name === 'MFLAGS') && words[0] && !words[0].startsWith('-') && !words[0].includes('=')) words[0] = `-${words[0]}`;
  return words.map((t) => literal(t));
}

// pip reads every long option from PIP_<OPTION> (`PIP_LOG=F` is `--log=F`), npm every setting from
// npm_config_<key> in any case (`npm_config_node_options=…` is `--node-options=…`).
const PREFIXED_OPTIONS: Record<string, RegExp> = { pip: /^PIP_(?!CONFIG_FILE$)([A-Z0-9_]+)$/, pip3: /^PIP_(?!CONFIG_FILE$)([A-Z0-9_]+)$/, npm: /^npm_config_(\w+)$/i, npx: /^npm_config_(\w+)$/i };

/** The variables of `fact`'s line whose names say an option of its program, each with the option they are. */
function prefixedOptions(w: Walker, fact: CommandFact): [string, string][] {
  const prefix = PREFIXED_OPTIONS[fact.program];
  if (!prefix) return [];
  const names = new Set([...fact.env.map((e) => e.name), ...w.facts.assignments.map((a) => a.name)]);
  return [...names].flatMap((n) => {
    const key = prefix.exec(n)?.[1];
    return key ? [[n, `--${key.toLowerCase().replace(/_/g, '-')}`] as [string, string]] : [];
  });
}

/** `rest` with the words the program reads from its option variables put after its name. */
export function withOptionVariables(w: Walker, fact: CommandFact, rest: WordValue[]): WordValue[] {
  const names = OPTION_VARIABLES[fact.program];
  const prefixed = rest.length === 0 ? [] : prefixedOptions(w, fact);
  for (const [name, option] of prefixed) {
    const value = lineValue(w, fact, name);
    if (value === null) w.unknown('option-variable', `${fact.program} reads its ${option} option from ${name}, whose value is only known at run time`, fact.index);
    else if (value !== undefined) rest = [rest[0], literal(`${option}=${value}`), ...rest.slice(1)];
  }
  if (!names || rest.length === 0) return rest;
  const added: WordValue[] = [];
  for (const name of names) {
    // A value from outside the line is the user's own setting; only what the line sets is read.
    const value = lineValue(w, fact, name);
    if (value === undefined) continue;
    if (value === null) {
      w.unknown('option-variable', `${fact.program} reads options from ${name}, whose value is only known at run time`, fact.index);
      continue;
    }
    added.push(...valueWords(name, value));
  }
  return added.length ? [rest[0], ...added, ...rest.slice(1)] : rest;
}

/** A variable the command is given on its line, or that the line set earlier: its value, null when only known at run time. */
export function lineValue(w: Walker, fact: CommandFact, name: string): string | null | undefined {
  const given = fact.env.find((e) => e.name === name);
  if (given) return given.dynamic ? null : given.value;
  return w.state.isAssigned(name) ? (w.state.lookup(name) ?? null) : undefined;
}

// Variables naming a file the program writes its trace, log or history into ("-" and /dev/null keep none).
const FILE_VARIABLES: Record<string, RegExp> = {
  git: /^GIT_TRACE\w*$/,
  less: /^LESSHISTFILE$/,
  node: /^NODE_REPL_HISTORY$/,
  sqlite3: /^SQLITE_HISTORY$/,
  python3: /^PYTHON_HISTORY$/,
  python: /^PYTHON_HISTORY$/,
  psql: /^PSQL_HISTORY$/,
  mysql: /^MYSQL_HISTFILE$/,
};

/** `GIT_TRACE=~/.bashrc git status`, `LESSHISTFILE=../x less f`: the file a variable of the line has the program write. */
export function environmentFiles(w: Walker, fact: CommandFact): WordValue[] {
  const pattern = FILE_VARIABLES[fact.program];
  if (!pattern) return [];
  const names = new Set([...fact.env.map((e) => e.name), ...w.facts.assignments.map((a) => a.name)].filter((n) => pattern.test(n)));
  return [...names].flatMap((name) => {
    const value = lineValue(w, fact, name);
    if (value === null) return [{ ...literal(`$${name}`), dynamic: true }];
    // GIT_TRACE=1, =true, =2: the trace goes to standard error, or to a file descriptor.
    if (value === undefined || value === '-' || value === '' || /^\/dev\/(?:null|stderr|stdout)$/.test(value) || (fact.program === 'git' && !/[/~]/.test(value))) return [];
    return [literal(value)];
  });
}

/**
 * An interactive shell (`bash -i`) expands its prompts PS0, PS1 and PS2, running the
 * command substitutions in them, and saves its history into HISTFILE when it ends.
 */
export function interactiveShellEnvironment(w: Walker, fact: CommandFact, args: WordValue[], ctx: Context): WordValue[] {
  if (!SHELLS.has(fact.program) || !args.some((a) => /^-[a-zA-Z]*i/.test(a.text))) return [];
  for (const name of ['PS0', 'PS1', 'PS2']) {
    const value = lineValue(w, fact, name);
    if (value === null) w.unknown('prompt-code', `an interactive shell expands ${name}, whose value is only known at run time`, fact.index);
    else if (value !== undefined && /\$\(|`|<\(|>\(/.test(value)) {
      w.unknown('prompt-code', `an interactive shell runs the commands in ${name} each time it shows the prompt`, fact.index);
      w.reparse(`: ${value}`, fact.index, ctx, 'shell-string');
    }
  }
  const histfile = lineValue(w, fact, 'HISTFILE');
  if (histfile === undefined) return [];
  return [histfile === null ? { ...literal('$HISTFILE'), dynamic: true } : literal(histfile)];
}
