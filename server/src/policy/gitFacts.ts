// git: global options, the subcommand, configuration that makes git run
// programs, network subcommands, and what rm, clean, mv and clone change.

import { HOSTPATH, literal, literalWord, optionValue, show, splitArgs, URLISH } from '../shell/argWords';
import type { Context, Walker } from './facts';
import type { CommandFact } from './factsTypes';
import type { WordValue } from '../shell/words';

/** Configuration keys whose value git runs, loads or hands to a program. */
const EXEC_KEY = /^(core\.(pager|editor|sshcommand|fsmonitor|hookspath|askpass|gitproxy)|alias\..*=\s*!|include(if\..*)?\.path|diff\.external|.*\.(textconv|command|cmd|program|helper|driver|tool|clean|smudge|process|browser|packobjectshook|uploadpack|receivepack|insteadof|pushinsteadof)|pager\.|sequence\.editor|credential\.|protocol\..*\.allow|uploadpack\.|receivepack\.|gpg\.|init\.templatedir|ssh\.variant|remote\..*\.(uploadpack|receivepack|vcs)|sendemail\..*(cmd|command))/i;

// `-c core.pager=cat`, `-c pager.log=false`: paging turned off, or left to a
// plain pager with no options, runs nothing but that pager.
const PLAIN_PAGER = /^(?:core\.pager|pager\.[a-z][\w-]*)=(?:cat|less|more|false|true|)$/i;

/** Whether `setting` (key=value, written in `word`) only names a plain pager or turns paging off. */
function plainPager(word: WordValue, setting: string): boolean {
  return literalWord(word) && PLAIN_PAGER.test(setting);
}

/** Subcommands that run a command they are given. */
function subcommandCode(sub: string, rest: WordValue[]): string[] {
  const t = rest.map((a) => (a.dynamic ? '\u0000' : a.text));
  if (sub === 'submodule' && t[0] === 'foreach') return [t.slice(1).filter((a) => !a.startsWith('--')).join(' ')];
  if (sub === 'bisect' && t[0] === 'run') return [t.slice(1).map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')];
  const out: string[] = [];
  t.forEach((a, i) => {
    // `-x` runs a command only for rebase (--exec) and difftool (--extcmd); `cherry-pick -x` and `clean -x` are plain flags.
    if (a === '-x' && sub !== 'rebase' && sub !== 'difftool') return;
    // `-u` is --upload-pack only for clone and ls-remote; `push -u`, `add -u`, `fetch -u` are plain flags.
    if (a === '-u' && sub !== 'clone' && sub !== 'ls-remote') return;
    if (['--exec', '-x', '--extcmd', '--open-files-in-pager', '-O', '--upload-pack', '-u', '--receive-pack', '--exec-path'].includes(a) && t[i + 1] !== undefined && (sub !== 'rebase' || a === '--exec' || a === '-x')) out.push(t[i + 1]);
    const eq = /^--(exec|extcmd|open-files-in-pager|upload-pack|receive-pack)=([\s\S]*)$/.exec(a);
    if (eq) out.push(eq[2]);
    if (/^-O./.test(a)) out.push(a.slice(2));
  });
  return out;
}

export function describeGit(w: Walker, fact: CommandFact, args: WordValue[], ctx?: Context): void {
  let i = 0;
  const config: string[] = [];
  while (i < args.length && args[i].text.startsWith('-')) {
    const t = args[i].text;
    if (t === '-c' && args[i + 1]) {
      if (!plainPager(args[i + 1], args[i + 1].text)) config.push(args[i + 1].text);
      i += 2;
    } else if (/^-c./.test(t)) {
      // `-ckey=value` is read exactly as `-c key=value`.
      if (!plainPager(args[i], t.slice(2))) config.push(t.slice(2));
      i += 1;
    } else if (t.startsWith('--config-env=')) {
      config.push(t.slice('--config-env='.length));
      i += 1;
    } else if (['-C', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env'].includes(t)) {
      if (t === '--config-env' && args[i + 1]) config.push(args[i + 1].text);
      if (t === '--exec-path' && args[i + 1]) fact.runs_command.push('git-option-command');
      i += 2;
    } else {
      if (t.startsWith('--exec-path=')) fact.runs_command.push('git-option-command');
      i += 1;
    }
  }
  const sub = args[i]?.text ?? '';
  fact.subcommand = sub;
  const rest = args.slice(i + 1);
  const { flags, positionals } = splitArgs(rest);
  fact.flags = flags;
  fact.positionals = positionals.map(show);
  fact.args = args.map(show);
  for (const c of config) if (EXEC_KEY.test(c)) fact.runs_command.push('git-config:' + c.split('=')[0]);
  if (rest.some((a) => /^--(upload-pack|receive-pack|extcmd|ext-diff|open-files-in-pager)/.test(a.text) || (sub === 'grep' && /^-O/.test(a.text)) || /^ext::/.test(a.text))) fact.runs_command.push('git-option-command');
  // `git config KEY VALUE` stores a program to run later.
  if (sub === 'config' && positionals.length >= 2 && EXEC_KEY.test(positionals[0].text + '=' + positionals[1].text) && !plainPager(positionals[1], positionals[0].text + '=' + positionals[1].text)) fact.runs_command.push('git-config:' + positionals[0].text);
  if (sub === 'config' && (flags.includes('global') || flags.includes('system')) && positionals.length >= 2) fact.markers.push('git-config-global');
  const code = subcommandCode(sub, rest);
  for (const c of code) {
    fact.runs_command.push(`git-${sub}-command`);
    if (c.includes('\u0000')) w.unknown('hidden-command', `git ${sub} runs a command only known at run time`, fact.index);
    else if (ctx && c.trim()) w.reparse(c, fact.index, ctx, 'shell-string');
  }
  // `git diff --no-index A B` and `git hash-object`/`git blame --contents` read files anywhere.
  if ((sub === 'diff' && flags.includes('no-index')) || sub === 'hash-object') positionals.forEach((v) => fact.reads.push(w.path(v)));
  if (sub === 'show') for (const a of positionals) if (/^[^:]*:./.test(a.text) && !a.dynamic) fact.reads.push(w.path(literal(a.text.slice(a.text.indexOf(':') + 1))));
  for (const out of optionValue(rest, [], ['--output'])) fact.writes.push(w.path(out));
  if (['clone', 'fetch', 'pull', 'push', 'ls-remote', 'submodule', 'send-email', 'archive'].includes(sub) && (sub !== 'archive' || rest.some((a) => a.text.startsWith('--remote')))) {
    fact.network = true;
    fact.targets = rest.filter((a) => URLISH.test(a.text) || HOSTPATH.test(a.text)).map(show);
  }
  // `-n`/`--dry-run` only says what rm, clean and mv would do.
  const dryRun = flags.includes('n') || flags.includes('dry-run');
  if (sub === 'rm' && !dryRun) positionals.forEach((v) => fact.deletes.push(w.path(v)));
  if (sub === 'clean' && (flags.includes('f') || flags.includes('force')) && !dryRun) fact.deletes.push(w.path(literal('.')));
  if (sub === 'mv' && positionals.length >= 2 && !dryRun) {
    positionals.slice(0, -1).forEach((v) => fact.deletes.push(w.path(v)));
    fact.writes.push(w.path(positionals[positionals.length - 1]));
  }
  if (sub === 'clone') fact.writes.push(w.path(positionals[1] ?? literal('.')));
  // `git init` makes its folder (the current one by default) and a repository wherever `--separate-git-dir` says.
  if (sub === 'init') fact.writes.push(w.path(positionals[0] ?? literal('.')));
  if (sub === 'init' || sub === 'clone') optionValue(rest, [], ['--separate-git-dir']).forEach((v) => fact.writes.push(w.path(v)));
}
