// Takes wrappers off a command (sudo, env, timeout, nice, nohup, xargs, ...)
// so that the program that finally runs is the one described and judged.
// Where each wrapper's command begins is shell/wrappers.ts's rule, shared
// with the explainer; this file writes down what each wrapper does to the facts.

import type { Context, Walker } from './facts';
import type { CommandFact } from './factsTypes';
import { literal, show } from '../shell/argWords';
import { PRIVILEGE_WRAPPERS } from '../shell/programs';
import { spellLongOptions } from './longOptions';
import { ASSIGNMENT, isWrapper, programName, wrapperStep, xargsToken, type WrapperStep } from '../shell/wrappers';
import { DYNAMIC, showDynamic, type WordValue } from '../shell/words';
import {
  COMPRESSORS, COPIERS, DELETERS, EVAL_LIKE, INTERPRETERS, NETWORK_TOOLS, NO_PATH_ARGS, SHELLS, SOURCE_LIKE, SYSTEM_CONTROL, WRAPPERS, WRITE_ALL,
} from '../shell/programs';
import { changeDirectory, partRegex } from './paths';
import { TOOL_PROGRAMS } from './tools';

/** What xargs reads: the known text of the stage before it, split as xargs splits; the paths find prints; else something unknown. */
function xargsInput(w: Walker, ctx: Context, lines: boolean): WordValue[] {
  const unknown: WordValue = { ...literal(DYNAMIC), dynamic: true, glob: false };
  if (ctx.stdinText !== undefined) {
    const items = lines ? ctx.stdinText.split('\n').filter((l) => l.trim() !== '') : splitXargs(ctx.stdinText);
    if (items && items.length > 0) return items.slice(0, 64).map((t) => literal(t));
    if (items) return [literal('')];
  }
  const before = w.facts.commands.find((c) => ctx.pipeline >= 0 && c.pipeline === ctx.pipeline && c.stage === ctx.stage - 1 && c.parent === ctx.parent);
  if (before?.program === 'find') {
    const i = before.args.findIndex((a) => a === '-name' || a === '-iname');
    const nameGlob = i >= 0 ? before.args[i + 1] : undefined;
    const roots = before.positionals.length ? before.positionals : ['.'];
    return roots.map((r) => ({ ...literal(r.replace(/\/+$/, '') + '/' + DYNAMIC), dynamic: true, glob: false, pick: true, nameGlob }));
  }
  // Output not known here: the names printed are those the stage before was given (`echo ~/.ssh/id_rs? | xargs cat`) or looked at.
  // (Only where the words join one command: with -I each would be a command of its own.)
  if (lines) return [unknown];
  const named = before && ['echo', 'printf'].includes(before.program) ? before.args.filter((a) => !a.startsWith('-')) : (before?.reads.map((p) => p.path) ?? []);
  const items = named.filter((t) => !t.includes('$?')).slice(0, 8).map((t) => ({ ...literal(t), glob: /[*?[]/.test(t) }));
  return [unknown, ...items];
}

/** xargs splits on blanks and honours quotes and backslashes; null when its quoting is not balanced. */
function splitXargs(text: string): string[] | null {
  const out: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return null;
      cur += text.slice(i + 1, close);
      has = true;
      i = close;
    } else if (c === '\\') {
      cur += text[++i] ?? '';
      has = true;
    } else if (/\s/.test(c)) {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}



export function setName(fact: CommandFact, word: WordValue): void {
  fact.name = show(word);
  fact.name_dynamic = fact.name_dynamic || word.dynamic;
  fact.name_from_substitution = fact.name_from_substitution || word.fromSubstitution;
  fact.name_obfuscated = fact.name_obfuscated || word.quoted || word.ansiC;
  fact.program = programName(word);
  if (!word.dynamic) fact.path_given = word.text.includes('/');
}

/**
 * `/???/r?`: a program named by a pattern could be any program it matches.
 * The command is described as the first known match, and as up to five more
 * beside it, so the policy judges every program it could be.
 */
function globName(w: Walker, fact: CommandFact, rest: WordValue[], ctx: Context): void {
  const word = rest[0];
  if (word.dynamic || !word.glob || !/[*?[]/.test(fact.program)) return;
  fact.name_obfuscated = true;
  fact.markers.push('glob-name');
  // Only a pattern with a letter of its own, in a folder that could be a system bin folder, names a known program.
  const dir = word.text.includes('/') ? word.text.slice(0, word.text.lastIndexOf('/')) : '';
  const dirRe = new RegExp('^' + dir.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
  if (dir !== '' && !['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'].some((d) => dirRe.test(d))) return;
  if (fact.program.replace(/\[[^\]]*\]|[*?]/g, '') === '') return;
  const re = partRegex(fact.program);
  const matches = programNames().filter((n) => re.test(n));
  if (matches.length === 0) return;
  for (const m of matches.slice(1, 6)) {
    const sibling = w.newCommand({ ...ctx, parent: fact.index, via: 'exec' });
    w.command(sibling, [{ ...word, text: '/usr/bin/' + m, glob: false }, ...rest.slice(1)], { ...ctx, parent: fact.index, via: 'exec' });
  }
  fact.program = matches[0];
  fact.name = '/usr/bin/' + matches[0];
}

let names: string[] | undefined;
function programNames(): string[] {
  names ??= [...new Set([...SHELLS, ...Object.keys(INTERPRETERS), ...WRAPPERS, ...NETWORK_TOOLS, ...NO_PATH_ARGS, ...DELETERS, ...WRITE_ALL, ...COPIERS, ...COMPRESSORS, ...SYSTEM_CONTROL, ...EVAL_LIKE, ...SOURCE_LIKE, ...MORE_PROGRAMS, ...TOOL_PROGRAMS])].sort();
  return names;
}

/** Programs the tables above do not list but a pattern may well mean. */
const MORE_PROGRAMS = ['killall5', 'kubectl', 'helm', 'nerdctl', 'aa-disable', 'aa-teardown', 'aa-complain', 'apparmor_parser', 'loginctl', 'dbus-send', 'busctl', 'nft', 'ip6tables', 'auditctl', 'csrutil', 'spctl', 'service', 'mkfs.ext4', 'mkfs.xfs', 'fdisk', 'parted', 'sfdisk', 'useradd', 'usermod', 'passwd', 'chpasswd', 'visudo', 'insmod', 'modprobe', 'setcap', 'capsh', 'killall', 'pkexec', 'doas', 'rsync', 'scp', 'socat', 'nc', 'ncat', 'sqlite3', 'psql', 'mysql', 'redis-cli', 'mongo', 'mongosh', 'terraform', 'aws', 'gcloud', 'az', 'npm', 'pip', 'make', 'cargo', 'go', 'cat', 'ls', 'git', 'find', 'sed', 'awk', 'gawk', 'grep', 'tar', 'dd', 'chmod', 'chown', 'mkfs', 'docker', 'podman', 'pkill', 'crontab', 'at', 'systemctl', 'less', 'more', 'head', 'tail', 'vi', 'vim', 'nano', 'base64', 'xxd', 'strings', 'od', 'python3', 'perl', 'iptables', 'ufw', 'setenforce', 'auditctl', 'journalctl', 'history', 'nsenter', 'unshare', 'chroot', 'mount', 'wipefs', 'shred', 'truncate', 'jq', 'yq', 'security', 'secret-tool', 'gpg', 'gpg2', 'compgen', 'sg', 'runuser', 'script', 'flock', 'parallel', 'ssh', 'sftp', 'ftp', 'telnet', 'openssl', 'rev', 'zcat', 'gzip', 'unzip', 'rsync', 'cp', 'install', 'ed', 'ex', 'view', 'man', 'node', 'ruby', 'php', 'trap', 'source', 'systemd-run', 'tmux', 'screen'];

/** Take wrappers off; returns the words from the real program on, or null when nothing is left to describe. */
export function unwrap(w: Walker, fact: CommandFact, words: WordValue[], ctx: Context): WordValue[] | null {
  let rest = words;
  for (let guard = 0; guard < 24; guard++) {
    setName(fact, rest[0]);
    globName(w, fact, rest, ctx);
    const prog = fact.program;
    if (!isWrapper(prog)) return [rest[0], ...spellLongOptions(prog, rest.slice(1))];
    const own = wrapperStep(prog, rest.slice(1)).options;
    const args = [...spellLongOptions(prog, rest.slice(1, own + 1)), ...rest.slice(own + 1)];
    rest = [rest[0], ...args];
    const step = wrapperStep(prog, args);
    if (PRIVILEGE_WRAPPERS.has(prog)) fact.privileged = true;
    if (prog === 'env' || prog === 'sudo') chdirOption(w, prog, args, step.options);
    if (prog === 'env') envWords(w, fact, args, step, ctx);
    if (prog === 'su') suCommand(w, fact, args, ctx);
    if (prog === 'strace' || prog === 'ltrace' || prog === 'time') traceOutputCommand(w, fact, args.slice(0, step.options).map((a) => a.text), args, ctx);
    switch (step.kind) {
      case 'self':
        return rest;
      case 'code':
        // watch joins all its words into one command line; flock and runuser run the one string after -c.
        watchCode(w, fact, prog === 'watch' ? args.slice(step.at) : args.slice(step.at, step.at + 1), ctx);
        return null;
      case 'replaced': {
        fact.wrappers.push(prog);
        const replaced = step.program === 'sudoedit' ? [literal('sudoedit'), ...args.slice(step.at)] : [literal('sh')];
        setName(fact, replaced[0]);
        return replaced;
      }
      case 'xargs':
        fact.markers.push('xargs');
        fact.wrappers.push('xargs');
        rest = xargsCommand(w, fact, args, step.options, step.at, ctx);
        continue;
      case 'runs':
        fact.wrappers.push(prog);
        rest = args.slice(step.at);
    }
  }
  return rest;
}

/** env's own words: `-S 'cmd'` is a command line, NAME=value words set the environment. */
function envWords(w: Walker, fact: CommandFact, args: WordValue[], step: WrapperStep, ctx: Context): void {
  for (let k = 0; k < step.options; k++) {
    const split = splitString(args[k], args[k + 1]);
    if (split) splitStringCommand(w, fact, split, args.slice(step.kind === 'runs' ? step.at : step.options), ctx);
  }
  if (step.kind !== 'runs' && step.kind !== 'self') return;
  for (let i = step.options; i < args.length && ASSIGNMENT.test(args[i].text); i++) {
    const [name, ...value] = args[i].text.split('=');
    fact.env.push({ name, value: showDynamic(value.join('=')), dynamic: args[i].dynamic });
    w.facts.assignments.push({ name, value: value.join('='), dynamic: args[i].dynamic, scope: 'command', command_index: fact.index });
  }
}

/** su runs a command string (-c), never a program from its argv. */
function suCommand(w: Walker, fact: CommandFact, args: WordValue[], ctx: Context): void {
  const ci = args.findIndex((a) => a.text === '-c' || a.text === '--command');
  if (ci < 0 || !args[ci + 1]) return;
  fact.runs_code = 'inline';
  fact.inline_code = show(args[ci + 1]);
  fact.code_dynamic = args[ci + 1].dynamic;
  if (!args[ci + 1].dynamic) w.reparse(args[ci + 1].text, fact.index, { ...ctx, privileged: true }, 'shell-string');
}

function watchCode(w: Walker, fact: CommandFact, words: WordValue[], ctx: Context): void {
  const code = words.map((a) => a.text).join(' ');
  fact.runs_code = 'inline';
  fact.inline_code = showDynamic(code);
  fact.code_dynamic = words.some((a) => a.dynamic);
  if (!fact.code_dynamic && code.trim()) w.reparse(code, fact.index, ctx, 'shell-string');
}

/** The command xargs runs (echo when none), with the words it reads from its input: known ones when the line makes them known. */
function xargsCommand(w: Walker, fact: CommandFact, args: WordValue[], options: number, at: number, ctx: Context): WordValue[] {
  const cmd = args.slice(at).length === 0 ? [literal('echo')] : args.slice(at);
  const token = xargsToken(args, options);
  const argFile = xargsArgFile(args.slice(0, options));
  if (argFile) fact.reads.push(w.path(argFile));
  // A here-string or here-document is xargs' input as much as a pipe is (`xargs rm -rf <<< ~`).
  const fed = (fact.stdin === 'herestring' || fact.stdin === 'heredoc') && !fact.inline_code.includes('$?') ? { ...ctx, stdinText: fact.inline_code } : ctx;
  const items = argFile ? [{ ...literal(DYNAMIC), dynamic: true, glob: false }] : xargsInput(w, fed, token !== null);
  if (token === null && shellWithoutString(cmd)) w.unknown('hidden-command', `xargs gives ${cmd[0].text} the command string it reads from its input`, fact.index);
  if (token === null) return [...cmd, ...items];
  const fill = (item: WordValue) => cmd.map((a) => (a.text.includes(token) ? { ...a, text: a.text.split(token).join(item.text), dynamic: a.dynamic || item.dynamic, pick: item.pick, nameGlob: item.nameGlob } : a));
  // One command per input line: the first is this fact, the next few are described beside it.
  for (const item of items.slice(1, 4)) {
    const sibling = w.newCommand({ ...ctx, parent: fact.index, via: 'exec' });
    w.command(sibling, fill(item), { ...ctx, parent: fact.index, via: 'exec' });
  }
  return fill(items[0]);
}

/** `env -C DIR` and `sudo -D DIR` run the command in another folder. */
function chdirOption(w: Walker, prog: string, args: WordValue[], options: number): void {
  const names = prog === 'env' ? ['-C', '--chdir'] : ['-D', '--chdir'];
  for (let k = 0; k < options; k++) {
    const t = args[k].text;
    if (names.includes(t)) w.commandCwd = changeDirectory(w.cwd, args[k + 1]?.dynamic ? null : (args[k + 1]?.text ?? null), w.workspace);
    else if (t.startsWith('--chdir=')) w.commandCwd = changeDirectory(w.cwd, args[k].dynamic ? null : t.slice(8), w.workspace);
  }
}

/** `env -S STRING`, `-SSTRING`, `-iS STRING`, `--split-string=STRING`: the string is split into a command line. */
function splitString(word: WordValue, next: WordValue | undefined): WordValue | undefined {
  const opt = word.text;
  if (opt === '-S' || opt === '--split-string' || /^-[^-]+S$/.test(opt)) return next ?? literal('');
  if (/^-[^-]*S./.test(opt)) return { ...literal(opt.slice(opt.indexOf('S') + 1)), dynamic: word.dynamic };
  if (opt.startsWith('--split-string=')) return { ...literal(opt.slice('--split-string='.length)), dynamic: word.dynamic };
  return undefined;
}

/** The split string and the words after it make one command line, as env runs it. */
function splitStringCommand(w: Walker, fact: CommandFact, split: WordValue, after: WordValue[], ctx: Context): void {
  if (split.dynamic || after.some((a) => a.dynamic)) {
    w.unknown('hidden-command', 'env -S runs a command line only known at run time', fact.index);
    return;
  }
  fact.runs_command.push('env-split-string');
  const line = [split.text, ...after.map((a) => `'${a.text.replace(/'/g, `'\\''`)}'`)].join(' ');
  if (line.trim()) w.reparse(line, fact.index, ctx, 'shell-string');
}

/** strace/ltrace `-o |CMD` or `-o !CMD` pipe the trace into a command; their `-o FILE`, and time's, writes FILE. */
function traceOutputCommand(w: Walker, fact: CommandFact, opts: string[], args: WordValue[], ctx: Context): void {
  for (let k = 0; k < opts.length; k++) {
    const o = opts[k];
    const value = o === '-o' || o === '--output' ? args[k + 1] : /^-o./.test(o) ? literal(o.slice(2)) : o.startsWith('--output=') ? literal(o.slice(9)) : undefined;
    if (!value) continue;
    if (value.dynamic) w.unknown('hidden-command', `${fact.program} writes its trace to a place only known at run time`, fact.index);
    else if (/^[|!]/.test(value.text)) {
      fact.runs_command.push(`${fact.program}-output-command`);
      w.reparse(value.text.slice(1), fact.index, ctx, 'shell-string');
    } else fact.writes.push(w.path(value));
  }
}

/** `xargs -a FILE`: the items come from FILE, which is read. */
function xargsArgFile(opts: WordValue[]): WordValue | undefined {
  for (let k = 0; k < opts.length; k++) {
    const o = opts[k].text;
    if (o === '-a' || o === '--arg-file') return opts[k + 1];
    if (o.startsWith('--arg-file=')) return { ...opts[k], text: o.slice(11) };
    if (/^-a./.test(o)) return { ...opts[k], text: o.slice(2) };
  }
  return undefined;
}

/** `sh -c` with no command string after it: xargs's items become the code run. */
function shellWithoutString(cmd: WordValue[]): boolean {
  if (cmd.length === 0 || !SHELLS.has(cmd[0].text.split('/').pop() ?? '')) return false;
  const c = cmd.findIndex((a, k) => k > 0 && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(a.text));
  if (c < 0) return cmd.length === 1 || cmd.slice(1).every((a) => a.text.startsWith('-'));
  return c === cmd.length - 1;
}
