// GNU getopt_long, git's parse-options, argp and npm's option parser all take
// any unambiguous beginning of a long option for the whole of it: `sort
// --out=F` is `sort --output=F`, `cp --tar=D` is `cp --target-directory=D`,
// `make --ev=…` is `make --eval=…`. The describers match options by their
// full names, so a shortened option that writes, runs a command or moves the
// program elsewhere is spelled out in full before anything reads the words.

import { DYNAMIC, type WordValue } from '../shell/words';

interface LongOptions {
  /** The options that write a file, run a command or change the folder. */
  full: string[];
  /** Options of the program that are themselves a beginning of one above (`tar --checkpoint`). */
  exact?: string[];
}

const TARGET_DIRECTORY: LongOptions = { full: ['target-directory'] };

const LONG_OPTIONS: Record<string, LongOptions> = {
  sort: { full: ['output', 'compress-program', 'temporary-directory'] },
  cp: TARGET_DIRECTORY,
  mv: TARGET_DIRECTORY,
  ln: TARGET_DIRECTORY,
  install: TARGET_DIRECTORY,
  sed: { full: ['in-place', 'expression', 'file'] },
  tar: {
    full: ['to-command', 'checkpoint-action', 'use-compress-program', 'rsh-command', 'info-script', 'new-volume-script', 'directory', 'file'],
    exact: ['checkpoint'],
  },
  wget: { full: ['output-document', 'output-file', 'append-output', 'directory-prefix'] },
  make: { full: ['eval', 'file', 'makefile', 'directory'] },
  gmake: { full: ['eval', 'file', 'makefile', 'directory'] },
  env: { full: ['chdir', 'split-string'] },
  time: { full: ['output'] },
  strace: { full: ['output'] },
  ltrace: { full: ['output'] },
  less: { full: ['log-file', 'LOG-FILE'] },
  iconv: { full: ['output'] },
  patch: { full: ['output', 'directory'] },
  split: { full: ['filter'] },
  locate: { full: ['output'] },
  updatedb: { full: ['output', 'database-root-output'] },
  script: { full: ['command', 'log-out', 'log-in', 'log-io', 'log-timing'] },
  git: { full: ['open-files-in-pager', 'output', 'output-directory', 'extcmd', 'exec', 'upload-pack', 'receive-pack'] },
  // Python tools whose parsers (argparse, optparse) take shortened long options too.
  mypy: { full: ['cache-dir', 'config-file', 'html-report', 'linecount-report', 'linecoverage-report', 'lineprecision-report', 'txt-report', 'xml-report', 'xslt-html-report', 'xslt-txt-report', 'cobertura-xml-report', 'any-exprs-report', 'junit-xml', 'memory-xml-report'] },
  flake8: { full: ['output-file', 'config', 'append-config'] },
  bandit: { full: ['output', 'configfile'] },
  coverage: { full: ['data-file', 'directory', 'rcfile'] },
  npm: { full: ['script-shell', 'pack-destination', 'prefix', 'userconfig', 'globalconfig', 'node-options'], exact: ['global'] },
};

/** The full name `name` (after `--`, before any `=`) stands for, or undefined when it stands for none or for several. */
export function fullLongOption(program: string, name: string): string | undefined {
  const table = LONG_OPTIONS[program];
  if (!table || name.length === 0 || table.full.includes(name) || table.exact?.includes(name)) return undefined;
  const matches = table.full.filter((o) => o.startsWith(name));
  return matches.length === 1 ? matches[0] : undefined;
}

/** `args` with each shortened long option of `program` spelled in full (a wrapper passes its own options only). */
export function spellLongOptions(program: string, args: WordValue[]): WordValue[] {
  if (!LONG_OPTIONS[program]) return args;
  const out: WordValue[] = [];
  let ended = false;
  for (const a of args) {
    // Only the name must be known: `--out=$HOME/x` still names --output.
    const name = a.text.slice(2).split('=')[0];
    if (ended || !a.text.startsWith('--') || name.includes(DYNAMIC)) {
      if (a.text === '--') ended = true;
      out.push(a);
      continue;
    }
    const full = fullLongOption(program, name);
    out.push(full ? { ...a, text: `--${full}${a.text.slice(2 + name.length)}` } : a);
  }
  return out;
}
