// The terms the effect checks (effectCheck.ts) read a command's facts in and
// give their reasons in: a path as the request would name it, a path as a
// person reads it, a short list, the value after a flag.

import type { CommandFact } from '../policy/factsTypes';
import type { PathFact } from '../policy/paths';
import { barePath } from './barePath';

// A path the policy read, as a request names it: `./build/$?` (a name in build known only when it runs) is build, `./` the workspace.
export const norm = (p: string): string => barePath(p.replace(/\/\$\?.*$/, ''), { quotes: 'none' }) || '.';

// A value left as a slot (`<mode>`, judged as its stand-in `__mode__`): asked for, not made up.
export const slotValue = /^(?:<\w+>|__\w+__)$/;

// The name of an archive a packing command writes (`docs.tar.gz`, `notes.zip`).
export const archiveName = /\.(?:zip|tar|tgz|tbz2?|txz|gz|bz2|xz|zst|7z)$/i;

/** A path as a reason shows it: a name known only when the command runs is left off, and the workspace said in words. */
export function shown(p: PathFact): string {
  const v = p.path.replace(/\/?\$\?$/, '');
  return v === '' || v === '.' ? 'files across the workspace' : v;
}

/** At most three of `xs`, and how many more: a reason stays one line. */
export function list(xs: string[]): string {
  const shownList = xs.slice(0, 3).join(', ');
  return xs.length > 3 ? `${shownList} and ${xs.length - 3} more` : shownList;
}

export const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];

/** The word after `flag` (`-mtime +30` → +30), "" when the command has no such flag. */
export function argAfter(c: CommandFact, flag: string): string {
  const i = c.args.findIndex((a) => a.replace(/^-+/, '') === flag);
  return i >= 0 ? c.args[i + 1] ?? '' : '';
}
