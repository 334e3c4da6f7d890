// What a manual's option list cannot say: which programs take a subcommand
// (`git log`), which options take a value when no manual says so, and the
// shell builtins that have no manual page of their own. Where a wrapper's
// command begins (`sudo -u bob rm x`) is the policy's rule, shell/wrappers.ts.

import { WRAPPER_VALUE_OPTIONS, WRAPPERS } from '../shell/programs';
import { programName as runsAs } from '../shell/wrappers';

export interface Shape {
  /** The first positional names a subcommand with its own options. */
  subcommands?: boolean;
  /** Options that take a value, for when no manual says so. */
  valued?: string[];
  /** The first word may be a bundle of short options without a dash (`tar xzf a.tgz`, `ps aux`). */
  dashlessBundle?: boolean;
}

/** Wrappers (`sudo`, `env`, `timeout`, ...): their value options come from the policy's table, shell/programs.ts. */
const wrapperShapes: Record<string, Shape> = Object.fromEntries([...WRAPPERS].map((name) => [name, { valued: [...(WRAPPER_VALUE_OPTIONS[name] ?? [])] }]));

export const shapes: Record<string, Shape> = {
  ...wrapperShapes,
  git: { subcommands: true, valued: ['-C', '-c', '--git-dir', '--work-tree'] },
  docker: { subcommands: true, valued: ['-H', '--host', '--context', '-c', '--config', '-l', '--log-level'] },
  podman: { subcommands: true },
  apt: { subcommands: true, valued: ['-o', '-c', '-t'] },
  'apt-get': { subcommands: true, valued: ['-o', '-c', '-t'] },
  'apt-cache': { subcommands: true },
  npm: { subcommands: true },
  yarn: { subcommands: true },
  pnpm: { subcommands: true },
  cargo: { subcommands: true },
  go: { subcommands: true },
  kubectl: { subcommands: true, valued: ['-n', '--namespace', '--context', '-o', '--output'] },
  systemctl: { subcommands: true },
  pip: { subcommands: true },
  pip3: { subcommands: true },
  dnf: { subcommands: true },
  yum: { subcommands: true },
  brew: { subcommands: true },
  gh: { subcommands: true },
  ip: { subcommands: true },
  snap: { subcommands: true },
  conda: { subcommands: true },
  helm: { subcommands: true },
  gem: { subcommands: true },
  openssl: { subcommands: true },
  tar: { dashlessBundle: true },
  ps: { dashlessBundle: true },
  ar: { dashlessBundle: true },
};

/** Shell builtins (and keywords used like commands) with no manual page of their own. */
export const builtins: Record<string, string> = {
  cd: 'shell builtin: changes the current directory',
  export: 'shell builtin: marks variables to be passed to the commands this shell runs',
  source: 'shell builtin: reads and runs the commands of a file in the current shell',
  '.': 'shell builtin: reads and runs the commands of a file in the current shell',
  eval: 'shell builtin: joins its arguments and runs them as a shell command',
  set: 'shell builtin: sets shell options or the positional parameters',
  unset: 'shell builtin: removes variables or functions',
  alias: 'shell builtin: defines a short name for a command',
  unalias: 'shell builtin: removes an alias',
  read: 'shell builtin: reads a line from standard input into variables',
  exit: 'shell builtin: ends the shell with an exit status',
  return: 'shell builtin: returns from a function',
  shift: 'shell builtin: drops the first positional parameters',
  trap: 'shell builtin: runs a command when the shell receives a signal',
  local: 'shell builtin: declares variables local to a function',
  declare: 'shell builtin: declares variables and their attributes',
  typeset: 'shell builtin: declares variables and their attributes',
  readonly: 'shell builtin: makes variables read-only',
  type: 'shell builtin: tells how a name would be interpreted as a command',
  hash: 'shell builtin: remembers or shows the full paths of commands',
  umask: 'shell builtin: sets the file mode creation mask',
  ulimit: 'shell builtin: sets resource limits of the shell and its children',
  wait: 'shell builtin: waits for background jobs to finish',
  jobs: 'shell builtin: lists background jobs',
  fg: 'shell builtin: brings a job to the foreground',
  bg: 'shell builtin: resumes a job in the background',
  history: 'shell builtin: shows the command history',
  pushd: 'shell builtin: changes directory, remembering the old one on a stack',
  popd: 'shell builtin: returns to the directory on top of the stack',
  dirs: 'shell builtin: shows the directory stack',
  let: 'shell builtin: evaluates arithmetic expressions',
  shopt: 'shell builtin: sets bash-specific shell options',
  getopts: 'shell builtin: parses positional parameters as options',
  command: 'shell builtin: runs a command, bypassing shell functions',
  builtin: 'shell builtin: runs a shell builtin, bypassing functions',
  exec: 'shell builtin: replaces the shell with the command',
  time: 'shell keyword: reports how long the command took',
  ':': 'shell builtin: does nothing and succeeds',
};

/** Names a program may be written as: `/usr/bin/rm` and `\rm` both run `rm`. */
export function programName(word: string): string {
  return runsAs({ text: word.replace(/\\/g, '') });
}

/** A program name safe to pass to `man` or to run with `--help`. */
export function isLookupName(name: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9_.+-]{0,63}$/.test(name);
}
