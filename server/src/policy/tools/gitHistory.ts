// What git destroys for good on this machine: untracked and ignored files
// (`git clean -f`, which no reflog remembers), rewritten history
// (`filter-branch`, `filter-repo`), the reflog and the unreachable objects it
// kept (`reflog expire`, `gc --prune=now`, `prune`), refs deleted by hand
// (`update-ref -d`), and the default branch deleted unmerged. Everyday history work (`rebase`, `branch -D topic`) is left to
// repo.rego, which asks.

import { splitArgs } from '../../shell/argWords';
import type { WordValue } from '../../shell/words';
import { act, type ToolCall } from './toolKit';

/** Branch names that are, by convention, a repository's default or shared branch. */
const DEFAULT_BRANCH = /^(main|master|trunk|develop|development)$/;

export function describeGitHistory(call: ToolCall): void {
  const { fact, args } = call;
  const sub = fact.subcommand;
  const at = args.findIndex((a) => a.text === sub);
  const rest = at >= 0 ? args.slice(at + 1) : [];
  const { flags, positionals } = splitArgs(rest);
  const words = positionals.map((p) => p.text);
  const has = (...f: string[]) => flags.some((x) => f.includes(x));
  const say = (effect: string) => act(call, 'git', 'destroy', effect);
  if (sub === 'clean' && has('f', 'force') && !has('n', 'dry-run', 'i', 'interactive')) {
    const what = has('x') ? 'untracked and ignored files (builds, .env files, local settings)' : has('X') ? 'every ignored file (.env files, local settings, builds)' : 'untracked files';
    say(`git clean -f${has('d') ? 'd' : ''} deletes ${what}${has('d') ? ' and folders' : ''}; git keeps no copy of them`);
  } else if ((sub === 'filter-branch' || sub === 'filter-repo') && !has('analyze', 'dry-run', 'help')) {
    say(`git ${sub} rewrites every commit it touches; the old history survives only until the next gc, and clones no longer match`);
  } else if (sub === 'reflog' && (words[0] === 'expire' || words[0] === 'delete') && !has('n', 'dry-run')) {
    say(`git reflog ${words[0]} drops the record that lets lost commits be found again`);
  } else if ((sub === 'gc' && flags.includes('prune') && prunesNow(rest)) || (sub === 'prune' && !has('n', 'dry-run'))) {
    say(`git ${sub} ${sub === 'gc' ? '--prune=now ' : ''}deletes unreachable commits and objects at once, so lost work cannot be recovered`);
  } else if (sub === 'update-ref' && has('d')) {
    say('git update-ref -d deletes a ref without any check that its commits are merged or kept elsewhere');
  } else if (sub === 'branch' && forceDelete(flags) && positionals.some((p) => p.dynamic || DEFAULT_BRANCH.test(p.text))) {
    say(`git branch -D ${show(positionals)} deletes the default branch even when its commits are nowhere else`);
  }
}

function forceDelete(flags: string[]): boolean {
  return flags.includes('D') || ((flags.includes('d') || flags.includes('delete')) && (flags.includes('f') || flags.includes('force')));
}

/** `--prune=now`, `--prune=all`, `--prune=0`: no grace period for unreachable objects. */
function prunesNow(rest: WordValue[]): boolean {
  return rest.some((a) => a.dynamic ? a.text.startsWith('--prune=') : /^--prune=(now|all|0|0\.seconds|never\.ago)$/i.test(a.text) || /^--prune=\d+\.(seconds?|minutes?|hours?)(\.ago)?$/.test(a.text));
}

const show = (ps: WordValue[]) => ps.map((p) => p.text).join(' ');
