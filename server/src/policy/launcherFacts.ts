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
const SCREEN_VALUE = new Set(['-S', '-c', '-e', '-h', '-p', '-T', '-Logfile']);
const SYSTEMD_RUN_VALUE = new Set(['-u', '--unit', '-p', '--property', '--description', '--slice', '-E', '--setenv', '-M', '--machine', '-H', '--host', '--uid', '--gid', '--nice', '--working-directory', '-D', '--on-active', '--on-boot', '--on-startup', '--on-unit-active', '--on-unit-inactive', '--on-calendar', '--timer-property', '--path-property', '--socket-property', '--service-type']);
/** tmux subcommands whose last word is a shell command line. */
const TMUX_SHELL = new Set(['new', 'new-session', 'new-window', 'neww', 'split-window', 'splitw', 'respawn-pane', 'respawnp', 'respawn-window', 'respawnw', 'run-shell', 'run', 'display-popup', 'popup']);
const TMUX_VALUE = new Set(['-s', '-n', '-t', '-c', '-x', '-y', '-F', '-e', '-l', '-f', '-L', '-S', '-d', '-w', '-h', '-T', '-b']);
const ARGV_LAUNCHERS = new Set(['screen', 'systemd-run', 'flock']);
const quote = (t: string) => (/^[\w./~=:@%+,-]+$/.test(t) ? t : `'${t.replace(/'/g, `'\\''`)}'`);
const FLOCK_VALUE = new Set(['-w', '--wait', '--timeout', '-E', '--conflict-exit-code']);

export function describeLaunchers(w: Walker, fact: CommandFact, args: WordValue[], ctx: Context): void {
  const code = launchedCode(fact.program, args);
  if (code === undefined || code.length === 0) return;
  // ssh, sg and tmux hand one joined string to a shell; the others run their words as argv, so each word is quoted back.
  const argv = ARGV_LAUNCHERS.has(fact.program) && !(fact.program === 'flock' && args.some((a) => /^-[a-zA-Z]*c$|^--command$/.test(a.text)));
  const text = code.map((a) => (argv ? quote(a.text) : a.text)).join(' ');
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
      const cmd = rest.slice(rest[1]?.text === '--' ? 2 : 1);
      return cmd.length > 0 ? cmd : undefined;
    }
    case 'screen': {
      const rest = positionalsFrom(args, 0, SCREEN_VALUE, /^-[a-zA-Z]*[ScephT]$/);
      return rest.length > 0 ? rest : undefined;
    }
    case 'systemd-run': {
      const rest = positionalsFrom(args, 0, SYSTEMD_RUN_VALUE);
      return rest.length > 0 ? rest : undefined;
    }
    case 'tmux':
      return tmuxCommand(args);
    case 'parallel':
      return parallelCommands(args);
    default:
      return undefined;
  }
}

/** Words from the first non-option on (options with values skipped); a `--` ends the options. */
function positionalsFrom(args: WordValue[], from: number, valueOptions: Set<string>, clusterWithValue?: RegExp): WordValue[] {
  for (let i = from; i < args.length; i++) {
    const a = args[i].text;
    if (a === '--') return args.slice(i + 1);
    if (!a.startsWith('-') || a === '-') return args.slice(i);
    if (valueOptions.has(a) || clusterWithValue?.test(a)) i++;
  }
  return [];
}

/** `tmux new -d 'CMD'`, `tmux send-keys -t x 'CMD' Enter`: the command line tmux hands to a shell. */
function tmuxCommand(args: WordValue[]): WordValue[] | undefined {
  const sub = args.findIndex((a) => !a.text.startsWith('-'));
  if (sub < 0) return undefined;
  const name = args[sub].text;
  const rest = args.slice(sub + 1);
  if (name === 'send-keys' || name === 'send') {
    const keys = positionalsFrom(rest, 0, new Set(['-t', '-N'])).filter((a) => !/^(Enter|C-m|KPEnter|C-j)$/.test(a.text));
    return keys.length > 0 ? keys : undefined;
  }
  if (!TMUX_SHELL.has(name)) return undefined;
  // -d, -h, -b and -w take no value in new/split; only the value options named by their subcommand skip a word.
  const words = positionalsFrom(rest, 0, new Set([...TMUX_VALUE].filter((o) => !['-d', '-h', '-b', '-w'].includes(o))));
  return words.length > 0 ? words : undefined;
}

/** `parallel CMD ::: A B`: CMD with each item in place of `{}` (or after it), joined as one command line per item. */
function parallelCommands(args: WordValue[]): WordValue[] | undefined {
  const sep = args.findIndex((a) => a.text === ':::' || a.text === '::::');
  const template = positionalsFrom(sep < 0 ? args : args.slice(0, sep), 0, new Set(['-j', '--jobs', '-S', '--sshlogin', '--joblog', '--results', '-a', '--arg-file']));
  // `parallel ::: 'CMD' …`: with no command of its own, each item is a command line.
  if (template.length === 0) return sep >= 0 && args.length > sep + 1 ? [{ ...args[sep + 1], text: args.slice(sep + 1, sep + 5).map((a) => a.text).join('; '), dynamic: args.slice(sep + 1).some((a) => a.dynamic) }] : undefined;
  const items = sep < 0 || args[sep].text === '::::' ? [{ ...args[0], text: '"$PALADIN_ITEM"', dynamic: true }] : args.slice(sep + 1).filter((a) => !a.text.startsWith(':::'));
  const line = template.map((a) => a.text).join(' ');
  const lines = items.slice(0, 4).map((item) => (line.includes('{}') ? line.split('{}').join(item.text) : `${line} ${item.text}`));
  const dynamic = template.some((a) => a.dynamic) || items.some((a) => a.dynamic && a.text !== '"$PALADIN_ITEM"');
  return [{ ...template[0], text: lines.join('; '), dynamic }];
}
