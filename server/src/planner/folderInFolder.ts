// "the src folder in backup": a folder named by the folder that holds it. The
// outer folder bounds the change: the top-level src, or backup as a whole, is
// not the folder asked for, and where backup holds no src there is nothing to
// delete (the plan is turned away rather than moved to another src).
import type { CommandFact } from '../policy/factsTypes';
import type { PathFact } from '../policy/paths';
import type { Intent } from './intent';
import { pathsChanged } from './copyNamed';
import { programOf } from './selectionChecks';

const copiers = /^(?:cp|rsync|tar|zip|ditto)$/;

// "the docs folder in backup", "the my docs directory inside the out": the inner name may hold a space.
const innerFolder = /\bthe\s+((?:[\w.@+-]+\s)?[\w.@+-]+)\s+(?:folder|directory|dir)\s+(?:that\s+is\s+|which\s+is\s+)?(?:in|inside|within|under)\s+(?:the\s+|my\s+|our\s+)?(?:folder\s+|directory\s+)?([\w.@+-][\w.@+/-]*)/;
// Words after "in" that name no folder: "the src folder in this project", "in the workspace".
const noFolder = /^(?:this|that|here|there|it|workspace|project|repo|repository|root|current|same|home|case|order|place)$/;

function innerPhrase(words: string): string {
  return innerFolder.exec(words)?.[0] ?? '';
}

/** The path the request names as "the X folder in Y": `Y/X`, as written. */
export function folderInFolder(words: string): string | undefined {
  const m = innerFolder.exec(words);
  if (!m || noFolder.test(m[2]) || /^(?:same|other|whole|entire|current|parent|new)$/.test(m[1])) return undefined;
  return `${m[2].replace(/\/+$/, '')}/${m[1]}`;
}

function bare(p: PathFact): string {
  return (p.resolved || p.path).replace(/^["'`]|["'`]$/g, '').replace(/^(?:\.\/)+/, '').replace(/\/+$/, '');
}

/**
 * `rm -r src` or `rsync -a --delete src/ backup/` for "delete the src folder
 * in backup", `chmod a-w src` for "make the src folder in backup read-only",
 * `cp -r docs out` for "copy the docs folder in backup to out": a change (or
 * the copy's source) outside the folder the request names by its place.
 */
export function outsideInnerFolder(intent: Intent, commands: CommandFact[]): string[] {
  const inner = folderInFolder(intent.words);
  if (!inner) return [];
  // "copy the docs folder in backup to out": what a copy reads is the folder asked for, unless the folder is where it goes ("into the docs folder in backup").
  const source = !/\b(?:to|into|onto|in to)\s+$/.test(intent.words.slice(0, intent.words.indexOf(innerPhrase(intent.words))));
  const copied = source ? commands.filter((c) => copiers.test(programOf(c))).flatMap((c) => c.reads) : [];
  const outside = [...pathsChanged(commands), ...copied].map(bare).find((p) => p !== inner && !p.startsWith(`${inner}/`));
  return outside === undefined ? [] : [`it changes ${outside}, but the request names only the folder ${inner}`];
}
