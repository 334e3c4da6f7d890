// git: global options, the subcommand, configuration that makes git run
// programs, network subcommands, and what rm, clean, mv and clone change.

import { HOSTPATH, literal, optionValue, show, splitArgs, URLISH } from '../shell/argWords';
import type { Walker } from './facts';
import type { CommandFact } from './factsTypes';
import type { WordValue } from '../shell/words';

export function describeGit(w: Walker, fact: CommandFact, args: WordValue[]): void {
  let i = 0;
  const config: string[] = [];
  while (i < args.length && args[i].text.startsWith('-')) {
    const t = args[i].text;
    if (t === '-c' && args[i + 1]) {
      config.push(args[i + 1].text);
      i += 2;
    } else if (['-C', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env'].includes(t)) {
      if (t === '--config-env' && args[i + 1]) config.push(args[i + 1].text);
      i += 2;
    } else i += 1;
  }
  const sub = args[i]?.text ?? '';
  fact.subcommand = sub;
  const rest = args.slice(i + 1);
  const { flags, positionals } = splitArgs(rest);
  fact.flags = flags;
  fact.positionals = positionals.map(show);
  fact.args = args.map(show);
  for (const c of config) if (/^(core\.(pager|editor|sshCommand|fsmonitor|hooksPath|askPass|gitProxy)|alias\..*=\s*!|diff\..*\.(textconv|command)|filter\..*\.(clean|smudge|process)|protocol\..*\.allow|credential\.helper|sequence\.editor|uploadpack\.|receivepack\.|gpg\.program|merge\..*\.driver)/i.test(c)) fact.runs_command.push('git-config:' + c.split('=')[0]);
  if (rest.some((a) => /^--(upload-pack|receive-pack|exec|extcmd|ext-diff|open-files-in-pager)/.test(a.text) || /^-O/.test(a.text) || /^ext::/.test(a.text))) fact.runs_command.push('git-option-command');
  for (const out of optionValue(rest, [], ['--output'])) fact.writes.push(w.path(out));
  if (['clone', 'fetch', 'pull', 'push', 'ls-remote', 'submodule', 'send-email', 'archive'].includes(sub) && (sub !== 'archive' || rest.some((a) => a.text.startsWith('--remote')))) {
    fact.network = true;
    fact.targets = rest.filter((a) => URLISH.test(a.text) || HOSTPATH.test(a.text)).map(show);
  }
  if (sub === 'rm') positionals.forEach((v) => fact.deletes.push(w.path(v)));
  if (sub === 'clean' && (flags.includes('f') || flags.includes('force')) && !flags.includes('n') && !flags.includes('dry-run')) fact.deletes.push(w.path(literal('.')));
  if (sub === 'mv' && positionals.length >= 2) {
    positionals.slice(0, -1).forEach((v) => fact.deletes.push(w.path(v)));
    fact.writes.push(w.path(positionals[positionals.length - 1]));
  }
  if (sub === 'clone') fact.writes.push(w.path(positionals[1] ?? literal('.')));
}
