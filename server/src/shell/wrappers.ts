// Where a wrapper's own words end and the command it runs begins
// (`sudo -u bob rm x`, `env -i A=1 rm x`, `timeout -s KILL 5 rm x`), and the
// name a word runs as a program (`/usr/bin/rm`, `\rm` → rm). The policy (what
// is judged) and the explainer (what is described) both take wrappers off
// with these functions, so they always name the same program.

import { WRAPPER_LEADING_POSITIONALS, WRAPPER_VALUE_OPTIONS, WRAPPERS } from './programs';

/** A word as far as this file needs it: its value (see words.ts) and whether it is known before running. */
export interface WordText {
  text: string;
  dynamic?: boolean;
}

export type WrapperStep =
  /** Runs the command whose first word is args[at]; args[options..options+assignments) are env's NAME=value words. */
  | { kind: 'runs'; at: number; options: number; assignments: number }
  /** xargs: runs the command at args[at] (echo when there is none) with words read from its input. */
  | { kind: 'xargs'; at: number; options: number }
  /** The wrapper is itself what runs (`command -v x`, `su`, `sudo -l`, bare `exec`). */
  | { kind: 'self'; options: number }
  /** `sudo -e FILE` runs sudoedit on args[at..]; `sudo -i` with no command runs a login shell. */
  | { kind: 'replaced'; program: 'sudoedit' | 'sh'; at: number; options: number }
  /** watch: the words from args[at] on are one command string. */
  | { kind: 'code'; at: number; options: number };

export const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** The program a word names, or '' when it is only known at run time. */
export function programName(word: WordText): string {
  if (word.dynamic) return '';
  return word.text.replace(/\/+$/, '').split('/').pop() ?? '';
}

export function isWrapper(program: string): boolean {
  return WRAPPERS.has(program);
}

/** Index of the first word after a wrapper's own options (and the values they take). */
export function wrapperOptionsEnd(wrapper: string, args: WordText[]): number {
  const valueOptions = WRAPPER_VALUE_OPTIONS[wrapper];
  let i = 0;
  while (i < args.length) {
    const a = args[i].text;
    if (a === '--') return i + 1;
    if (!a.startsWith('-') || a === '-') break;
    // env's short options cluster (`env -iS STRING`): one ending in a value option takes the next word.
    const cluster = wrapper === 'env' && /^-[^-]+$/.test(a) && valueOptions?.has(`-${a[a.length - 1]}`);
    i += valueOptions?.has(a) || cluster ? 2 : 1;
  }
  return Math.min(i, args.length);
}

/** What the wrapper `wrapper` does with the words after its name. */
export function wrapperStep(wrapper: string, args: WordText[]): WrapperStep {
  const options = wrapperOptionsEnd(wrapper, args);
  const opts = args.slice(0, options).map((a) => a.text);
  let at = options;
  let assignments = 0;
  switch (wrapper) {
    case 'env':
      while (at < args.length && ASSIGNMENT.test(args[at].text)) at++;
      assignments = at - options;
      break;
    case 'command':
      if (opts.includes('-v') || opts.includes('-V')) return { kind: 'self', options };
      break;
    case 'sudo':
      if (opts.includes('-e') || opts.includes('--edit')) return { kind: 'replaced', program: 'sudoedit', at, options };
      if (at >= args.length && opts.some((o) => ['-i', '-s', '--login', '--shell'].includes(o))) return { kind: 'replaced', program: 'sh', at, options };
      break;
    case 'su':
      return { kind: 'self', options };
    case 'busybox':
      if (at < args.length && args[at].text.startsWith('-')) return { kind: 'self', options };
      break;
    case 'xargs':
      return { kind: 'xargs', at, options };
    case 'watch':
      return { kind: 'code', at, options };
    case 'flock':
    case 'runuser': {
      // `flock FILE -c CMD`, `flock -c CMD FILE`, `runuser -l USER -c CMD`: the string is a command line for a shell.
      const ci = args.findIndex((a) => /^-[a-zA-Z]*c$/.test(a.text) || a.text === '--command');
      if (ci >= 0 && ci + 1 < args.length && !args.slice(0, ci).some((a) => a.text === '--')) return { kind: 'code', at: ci + 1, options };
      break;
    }
    default:
      break;
  }
  at += WRAPPER_LEADING_POSITIONALS[wrapper] ?? 0;
  if (at >= args.length) return { kind: 'self', options };
  return { kind: 'runs', at, options, assignments };
}

export interface ResolvedCommand {
  /** The program that finally runs ('' when only known at run time). */
  program: string;
  /** Index in the words of the program's name, or -1 when it is not among them (xargs' echo, sudo -i's shell). */
  at: number;
  /** The wrappers taken off, outermost first. */
  wrappers: string[];
}

/** Takes every wrapper off a simple command's words. */
export function resolveCommand(words: WordText[]): ResolvedCommand {
  const wrappers: string[] = [];
  let at = 0;
  for (let guard = 0; guard < 24 && at < words.length; guard++) {
    const name = programName(words[at]);
    if (!isWrapper(name)) return { program: name, at, wrappers };
    const step = wrapperStep(name, words.slice(at + 1));
    if (step.kind === 'self' || step.kind === 'code') return { program: name, at, wrappers };
    wrappers.push(name);
    if (step.kind === 'replaced') return { program: step.program, at: -1, wrappers };
    if (step.kind === 'xargs') {
      // From here on the words are those xargs runs, with its input in them: positions no longer match the line's.
      const cmd = words.slice(at + 1 + step.at);
      if (cmd.length === 0) return { program: 'echo', at: -1, wrappers };
      const fed = resolveCommand(xargsFeed(cmd, xargsToken(words.slice(at + 1), step.options), { text: '\u0000', dynamic: true }));
      return { program: fed.program, at: fed.at < 0 || fed.at >= cmd.length ? -1 : at + 1 + step.at + fed.at, wrappers: [...wrappers, ...fed.wrappers] };
    }
    at += 1 + step.at;
  }
  return { program: at < words.length ? programName(words[at]) : '', at, wrappers };
}

/** The string xargs replaces with each input item (`-I {}`, `-IX`, `-i`, `--replace[=X]`), or null when it appends the items instead. */
export function xargsToken(args: WordText[], options: number): string | null {
  for (let i = 0; i < options; i++) {
    const t = args[i].text;
    if (t === '-I') return args[i + 1]?.text ?? '{}';
    if (t.startsWith('-I')) return t.slice(2);
    if (t === '-i' || t === '--replace') return '{}';
    if (t.startsWith('-i')) return t.slice(2);
    if (t.startsWith('--replace=')) return t.slice('--replace='.length);
  }
  return null;
}

/** The command xargs runs: words holding the token become input, or the input is appended. */
export function xargsFeed<T extends WordText>(cmd: T[], token: string | null, input: T): T[] {
  if (token === null || token === '') return [...cmd, input];
  return cmd.map((a) => (a.text.includes(token) ? { ...a, text: a.text.split(token).join(input.text), dynamic: true } : a));
}
