// Programs that run a command they are given, as `sh -c` does, without being
// wrappers the shell tables know: `script -c`, `flock … -c` or `flock FILE
// CMD…`, `parallel CMD ::: ITEMS`, `ssh HOST CMD…` (the words are a command
// line for the remote shell, judged as if it ran here), `runuser … -c`,
// `sg GROUP [-c] CMD`. Their command is parsed and judged like any other.

import type { Context, Walker } from './facts';
import type { CommandFact } from './factsTypes';
import { show } from '../shell/argWords';
import type { WordValue } from '../shell/words';

/** ssh options that take a value (the host is the first word after them). */
const SSH_VALUE = new Set(['-b', '-c', '-D', '-E', '-e', '-F', '-I', '-i', '-J', '-L', '-l', '-m', '-O', '-o', '-p', '-Q', '-R', '-S', '-W', '-w', '-B', '-P']);
const FLOCK_VALUE = new Set(['-w', '--wait', '--timeout', '-E', '--conflict-exit-code']);

export function describeLaunchers(w: Walker, fact: CommandFact, args: WordValue[], ctx: Context): void {
  const code = launchedCode(fact.program, args);
  if (code === undefined || code.length === 0) return;
  const text = code.map((a) => a.text).join(' ');
  fact.runs_code = 'inline';
  fact.inline_code = code.map(show).join(' ');
  fact.code_dynamic = code.some((a) => a.dynamic);
  fact.markers.push(`launches:${fact.program}`);
  if (fact.code_dynamic) w.unknown('hidden-command', `${fact.program} runs a command only known at run time`, fact.index);
  else if (text.trim()) w.reparse(text, fact.index, ctx, 'shell-string');
}

/** The words that make the command line the program runs, or undefined when it runs none. */
function launchedCode(program: string, args: WordValue[]): WordValue[] | undefined {
  const t = args.map((a) => a.text);
  const stringOption = (short: RegExp, long: string): WordValue[] | undefined => {
    for (let i = 0; i < t.length; i++) {
      if (t[i] === long || short.test(t[i])) return args[i + 1] ? [args[i + 1]] : undefined;
      if (t[i].startsWith(long + '=')) return [{ ...args[i], text: t[i].slice(long.length + 1) }];
    }
    return undefined;
  };
  switch (program) {
    case 'script':
      return stringOption(/^-[a-zA-Z]*c$/, '--command');
    case 'runuser':
    case 'sg':
    case 'newgrp': {
      const c = stringOption(/^-[a-zA-Z]*c$/, '--command');
      if (c || program !== 'sg') return c;
      const rest = positionalsFrom(args, 0, new Set());
      return rest.length > 1 ? rest.slice(1) : undefined;
    }
    case 'flock': {
      const c = stringOption(/^-[a-zA-Z]*c$/, '--command');
      if (c) return c;
      const rest = positionalsFrom(args, 0, FLOCK_VALUE);
      return rest.length > 1 ? rest.slice(1) : undefined;
    }
    case 'ssh': {
      const rest = positionalsFrom(args, 0, SSH_VALUE);
      return rest.length > 1 ? rest.slice(1) : undefined;
    }
    case 'parallel':
      return parallelCommands(args);
    default:
      return undefined;
  }
}

/** Words from the first non-option on (options with values skipped); a `--` ends the options. */
function positionalsFrom(args: WordValue[], from: number, valueOptions: Set<string>): WordValue[] {
  for (let i = from; i < args.length; i++) {
    const a = args[i].text;
    if (a === '--') return args.slice(i + 1);
    if (!a.startsWith('-') || a === '-') return args.slice(i);
    if (valueOptions.has(a)) i++;
  }
  return [];
}

/** `parallel CMD ::: A B`: CMD with each item in place of `{}` (or after it), joined as one command line per item. */
function parallelCommands(args: WordValue[]): WordValue[] | undefined {
  const sep = args.findIndex((a) => a.text === ':::' || a.text === '::::');
  const template = positionalsFrom(sep < 0 ? args : args.slice(0, sep), 0, new Set(['-j', '--jobs', '-S', '--sshlogin', '--joblog', '--results', '-a', '--arg-file']));
  if (template.length === 0) return undefined;
  const items = sep < 0 || args[sep].text === '::::' ? [{ ...args[0], text: '"$PALADIN_ITEM"', dynamic: true }] : args.slice(sep + 1).filter((a) => !a.text.startsWith(':::'));
  const line = template.map((a) => a.text).join(' ');
  const lines = items.slice(0, 4).map((item) => (line.includes('{}') ? line.split('{}').join(item.text) : `${line} ${item.text}`));
  const dynamic = template.some((a) => a.dynamic) || items.some((a) => a.dynamic && a.text !== '"$PALADIN_ITEM"');
  return [{ ...template[0], text: lines.join('; '), dynamic }];
}
