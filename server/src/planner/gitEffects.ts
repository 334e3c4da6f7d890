// Git subcommands that change the repository (its refs, index, history or
// configuration) even though they write no file the policy lists: a request
// to look must not be planned with `git tag -a`, `git reset` or `git stash`.

import type { CommandFact } from '../policy/factsTypes';
import { programName } from '../shell/programs';

// Always a change, whatever the options.
const changing = new Set([
  'add', 'am', 'apply', 'checkout', 'cherry-pick', 'clean', 'clone', 'commit', 'fetch', 'gc', 'init', 'merge', 'mv', 'prune', 'pull', 'push',
  'rebase', 'reset', 'restore', 'revert', 'rm', 'switch', 'update-ref', 'update-index', 'replace', 'filter-branch', 'repack', 'bisect',
]);
// Options that only say what the subcommand would do: `git clean -n`, `git add --dry-run`, `git apply --check`.
const dryRun: Record<string, string[]> = {
  clean: ['n', 'dry-run'], add: ['n', 'dry-run'], rm: ['n', 'dry-run'], mv: ['n', 'dry-run'], commit: ['dry-run'],
  apply: ['check', 'stat', 'numstat', 'summary'], prune: ['n', 'dry-run'], push: ['n', 'dry-run'], fetch: ['dry-run'],
};
// Options that only read: `git tag -l`, `git branch --list`, `git stash list`, `git apply --check`.
const readOnlyForms: Record<string, (c: CommandFact, rest: string[]) => boolean> = {
  tag: (c, rest) => !c.flags.some((f) => ['a', 'd', 's', 'f', 'u', 'delete', 'annotate', 'sign', 'force'].includes(f)) && (rest.filter((a) => !a.startsWith('-')).length === 0 || c.flags.some((f) => ['l', 'list', 'contains', 'points-at', 'merged', 'no-merged'].includes(f))),
  branch: (c, rest) => !c.flags.some((f) => ['d', 'D', 'm', 'M', 'c', 'C', 'f', 'delete', 'move', 'copy', 'force', 'u', 'set-upstream-to', 'unset-upstream', 'edit-description'].includes(f)) && (rest.filter((a) => !a.startsWith('-')).length === 0 || c.flags.some((f) => ['l', 'list', 'contains', 'merged', 'no-merged', 'points-at', 'show-current', 'a', 'r', 'v', 'vv'].includes(f))),
  stash: (_c, rest) => ['list', 'show'].includes(rest[0] ?? ''),
  remote: (_c, rest) => rest.length === 0 || ['-v', 'show', 'get-url'].includes(rest[0]),
  config: (c, rest) => c.flags.some((f) => ['l', 'list', 'get', 'get-all', 'get-regexp', 'show-origin'].includes(f)) || rest.filter((a) => !a.startsWith('-')).length <= 1,
  worktree: (_c, rest) => rest[0] === 'list',
  notes: (_c, rest) => rest.length === 0 || ['list', 'show'].includes(rest[0]),
  submodule: (_c, rest) => rest.length === 0 || ['status', 'summary'].includes(rest[0]),
};

/** The git subcommand of `c` when it changes the repository, else undefined. */
export function gitChange(c: CommandFact): string | undefined {
  if (programName(c.program) !== 'git' || !c.subcommand) return undefined;
  const sub = c.subcommand;
  if (changing.has(sub)) return dryRun[sub]?.some((f) => c.flags.includes(f)) ? undefined : sub;
  const readOnly = readOnlyForms[sub];
  if (!readOnly) return undefined;
  const rest = c.args.slice(c.args.indexOf(sub) + 1);
  return readOnly(c, rest) ? undefined : sub;
}
