// A change to files is not a change to the repository: "delete out/r.txt",
// "append hello to notes.txt" or "make build.sh executable" planned with a
// commit, an amend, a tag, a stash, a reset or a new branch after (or
// before) the change records, hides or throws away work nobody asked to
// touch. Only a request that speaks of the repository or its history may
// change it; `git rm` and `git mv` are the delete and the move themselves.

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { gitChange } from './gitEffects';

// Words by which a request asks for something of git itself.
const gitWords = /\b(?:git|commit\w*|stag(?:e|ed|ing)|unstage|stash\w*|branch\w*|tag(?:s|ged|ging)?|repo(?:sitory|s)?|checkout|check out|merge|rebase|push|pull|fetch|clone|reset|revert|cherry-pick|amend|head|index|working (?:tree|copy)|history|track(?:ed|ing)?|untrack\w*|version(?:ed| control)|discard|undo|restore|recover|uncommitted|upstream|remote|origin|hooks?|config(?:ure)?|bisect|worktree|submodule|blame|throw away)\b|\b(?:my|the|our|local|all|unsaved|pending)\s+(?:local\s+|unsaved\s+|pending\s+)?(?:changes|edits|work)\b/;
// The act itself, done through git: it changes the index only for the file the request names.
const actItself = new Set(['rm', 'mv']);

/** `rm -f out/r.txt; git commit -qam rm` for "delete out/r.txt": a change to the repository that no word of the request asks for. */
export function repoChangeUnasked(intent: Intent, commands: CommandFact[]): string[] {
  if (!intent.allows.write || gitWords.test(intent.words)) return [];
  const sub = commands.map(gitChange).find((s) => s !== undefined && !actItself.has(s));
  return sub ? [`it changes the git repository (git ${sub}), but the request asks ${intent.actions.length > 0 ? `to ${intent.actions.join(', ')}` : 'for no change to it'} and names no git act`] : [];
}
