// What git sends to others: pushes that rewrite or delete remote history in
// any spelling (--force-with-lease, +ref, :ref, --delete, --mirror, --prune),
// and staging files that hold secrets, which a later push publishes.

import { splitArgs } from '../../shell/argWords';
import { act, type ToolCall } from './toolKit';

export function describeGitPublishing(call: ToolCall): void {
  const { fact, args } = call;
  const at = args.findIndex((a) => a.text === fact.subcommand);
  const rest = at >= 0 ? args.slice(at + 1) : [];
  const { flags, positionals } = splitArgs(rest);
  if (fact.subcommand === 'push' && !flags.includes('n') && !flags.includes('dry-run')) {
    const force = flags.find((f) => ['f', 'force', 'force-with-lease', 'force-if-includes', 'mirror'].includes(f));
    const del = flags.find((f) => ['d', 'delete', 'prune'].includes(f));
    const refs = positionals.slice(1);
    if (force) act(call, 'git', 'destroy', `git push --${force.length === 1 ? 'force' : force} replaces the remote's history; commits others pushed are lost`);
    else if (del) act(call, 'git', 'destroy', `git push --${del.length === 1 ? 'delete' : del} deletes branches or tags on the remote`);
    else if (refs.some((r) => r.text.startsWith('+'))) act(call, 'git', 'destroy', `git push ${refs.find((r) => r.text.startsWith('+'))?.text} force-updates a remote branch, replacing its history`);
    else if (refs.some((r) => r.text.startsWith(':'))) act(call, 'git', 'destroy', `git push ${refs.find((r) => r.text.startsWith(':'))?.text} deletes a branch or tag on the remote`);
    else if (refs.some((r) => r.dynamic) || (positionals[0]?.dynamic ?? false)) act(call, 'git', 'unknown', 'git push with a remote or ref only known at run time');
  }
  if (fact.subcommand === 'add' || fact.subcommand === 'commit' || fact.subcommand === 'stage') {
    const paths = fact.subcommand === 'commit' ? positionals.filter((_, i) => !isMessage(rest, positionals[i])) : positionals;
    for (const p of paths) {
      const path = call.w.path(p);
      if ((path.classes.includes('secret') || globCouldBeSecret(p.text)) && !path.path.endsWith('.pub')) {
        act(call, 'git', 'publish', `git ${fact.subcommand} ${path.path} puts a file that holds secrets into the history; a push publishes it and removing it later does not take it back`);
      }
    }
  }
}

function isMessage(rest: ReturnType<typeof splitArgs>['positionals'], v: ReturnType<typeof splitArgs>['positionals'][number]): boolean {
  const i = rest.indexOf(v);
  return i > 0 && /^(-m|--message|-F|--file|-C|-c|--author|--date|--fixup|--squash|--trailer)$/.test(rest[i - 1].text) || /^-[a-zA-Z]*m$/.test(rest[i - 1]?.text ?? '');
}

const SECRET_EXAMPLES = ['.env', '.env.local', '.env.production', 'id_rsa', 'id_ed25519', 'credentials.json', 'server.key', 'cert.pem', 'store.p12', 'secrets.yml', 'secret.json'];

/** `.env*`, `*.pem`, `id_*`: a glob whose literal part names a kind of secret file. */
function globCouldBeSecret(text: string): boolean {
  if (!/[*?[]/.test(text)) return false;
  const base = text.split('/').pop() ?? '';
  if (base.replace(/[*?[\]]/g, '').length < 3) return false;
  const re = new RegExp('^' + base.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  return SECRET_EXAMPLES.some((s) => re.test(s));
}
