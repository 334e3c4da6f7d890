// "git restore src", "run git stash", "then git add notes.txt": a request
// that says its git subcommand as the command to run has chosen the act
// itself. A plan of another subcommand is another act, however near its
// words are (`git rebase main` for "git restore src" rewrites the history
// the person asked to keep); a plan with no git at all that changes files
// does the work some other way nobody asked for, and one that only looks
// does none of it. Each is turned away, so the plan keeps to the subcommand
// or the planner abstains. And git is given only the files the request
// names (`git add notes.txt todo.txt` for "git add notes.txt").

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { list, norm } from './effectTerms';
import { isNamed, onlyNamedFiles } from './namedTargets';
import { withoutCourtesy } from './requestCourtesy';
import { programOf } from './selectionChecks';

// The subcommands of git a person says as a command; aliases and plumbing are left out.
const subcommands = 'add|am|apply|archive|bisect|blame|branch|checkout|cherry-pick|clean|clone|commit|config|describe|diff|fetch|gc|grep|init|log|merge|mv|notes|pull|push|rebase|reflog|remote|reset|restore|revert|rm|shortlog|show|stash|status|submodule|switch|tag|worktree';

// Where a clause starts: the request's start, after a comma or semicolon, or after "and", "then", "and then".
const saidAsCommand = new RegExp(String.raw`(?:^|[,;:]\s*|\b(?:and|then|and then|also|to|please|kindly|just)\s+)(?:(?:run|do|try|type|use)\s+(?:a\s+)?)?\x60?git\s+(${subcommands})(?![\w-])(?!\s+(?:command|subcommand)\b)`, 'g');

// Subcommands that do the same act under another name: `git switch` for "git checkout main", `git shortlog` for "git log".
const sameAct: string[][] = [['checkout', 'switch', 'restore'], ['log', 'shortlog', 'whatchanged'], ['rm', 'clean'], ['status', 'diff']];

/** The git subcommands the request says as commands to run, in its words. */
export function gitSaid(words: string): string[] {
  const text = withoutCourtesy(words).trim();
  return [...new Set([...text.matchAll(saidAsCommand)].map((m) => m[1]))];
}

/** `git rebase main` for "git restore src", `cp backup/x x` for "git checkout x": a plan that leaves out the subcommand the request says. */
export function gitSubcommandSwapped(intent: Intent, commands: CommandFact[]): string[] {
  const said = gitSaid(intent.words);
  if (said.length === 0) return [];
  const git = commands.filter((c) => programOf(c) === 'git');
  const kin = (s: string) => sameAct.find((set) => set.includes(s)) ?? [s];
  const missing = said.filter((s) => !git.some((c) => kin(s).includes(c.subcommand)));
  // `git restore git` for "would you mind to git restore docs": the command's own words taken for the path it acts on.
  const ownWord = git.flatMap((c) => c.positionals).find((p) => p === 'git' || said.includes(p));
  if (missing.length === 0) return ownWord ? [`it takes the word "${ownWord}" of the git command said for a path`] : [];
  if (git.length > 0) return [`it runs git ${git[0].subcommand || git[0].positionals[0] || ''}, but the request says git ${missing[0]}`.replace(/\s+,/, ',')];
  const changes = commands.some((c) => c.writes.length + c.deletes.length > 0 || c.redirects.some((r) => r.kind === 'write' || r.kind === 'append'));
  // `cat notes.txt` for "git restore notes.txt": a look is no more the act said than a copy is.
  return [changes ? `it changes files without git, but the request says git ${missing[0]}` : `it does not run git, but the request says git ${missing[0]}`];
}

// Subcommands that act on the paths they are given; of those, the ones whose bare words may be other things (a branch, a message) take paths only after `--`.
const takesPaths = new Set(['add', 'rm', 'restore', 'mv', 'clean', 'checkout', 'reset', 'stash', 'commit']);
const pathsAfterDashes = new Set(['checkout', 'reset', 'stash', 'commit']);
const wholeTree = /^(?:-\w*A\w*|--all|-u|--update|--no-ignore-removal)$/;

/** `git add notes.txt todo.txt` or `git add -A` for "git add notes.txt": git given files beyond those a request names, when it names files and nothing wider. */
export function gitPathsBeyondNamed(intent: Intent, commands: CommandFact[]): string[] {
  const files = onlyNamedFiles(intent);
  if ((intent.actions.length === 0 && gitSaid(intent.words).length === 0) || files.length === 0) return [];
  const beyond: string[] = [];
  for (const c of commands) {
    if (programOf(c) !== 'git' || !takesPaths.has(c.subcommand)) continue;
    const dashes = c.args.indexOf('--');
    const operands = dashes >= 0 ? c.args.slice(dashes + 1) : pathsAfterDashes.has(c.subcommand) ? [] : c.positionals;
    beyond.push(...operands.map(norm).filter((p) => !isNamed(intent, p)));
    if (c.args.slice(0, dashes >= 0 ? dashes : undefined).some((a) => wholeTree.test(a))) beyond.push('every file of the repository');
  }
  return beyond.length > 0 ? [`it gives git ${list([...new Set(beyond)])}, but the request names only ${list(files)}`] : [];
}
