// A change lands where the request says, and the workspace is where it says
// unless it names another place: `mkdir -p ../tmp2` for "make a folder
// called tmp2", `touch ~/new.txt` for "create new.txt", `ls > /tmp/list.txt`
// for "save the list of files to out/list.txt", `unzip x.zip -d ..` for
// "extract todo.txt from x.zip" change files outside it that nobody named.
// The policy asks before such a change; the plan should not be one.

import type { CommandFact } from '../policy/factsTypes';
import type { PathFact } from '../policy/paths';
import type { Intent } from './intent';
import { list, uniq } from './effectTerms';

// Classes of a path outside the workspace (paths.ts).
const outside = /^(?:outside|parent|home|own-home|tmp|system|system-data|workspace-ancestor|root)$/;
// Places said in words: the home folder, the parent, a temporary folder, the root, "outside".
const placeWords: [RegExp, RegExp][] = [
  [/^(?:home|own-home)$/, /\bhome\b|~|\$home\b|\bmy (?:user )?(?:folder|directory)\b/],
  [/^(?:parent|workspace-ancestor|outside)$/, /\.\.|\bparent\b|\b(?:one|a) (?:level|folder|directory|dir) up\b|\bup (?:one|a) (?:level|folder|directory)\b|\babove\b|\boutside\b|\bsibling\b/],
  [/^tmp$/, /\/tmp\b|\btemp(?:orary)?\b|\btmp\b/],
];

/** Whether the request names the place of `p`: its path as written, the place in words, a dot-file of the home folder by its name ("my bashrc"), a system folder by its first part. */
function named(intent: Intent, p: PathFact): boolean {
  const text = p.path.toLowerCase();
  if (text.includes('$') || /^[\w.-]+@|^[\w.-]+:(?!\/\/)/.test(text) || intent.words.includes(text)) return true;
  if (placeWords.some(([cls, words]) => p.classes.some((c) => cls.test(c)) && words.test(intent.words))) return true;
  const parts = text.split('/').map((x) => x.replace(/^\./, '')).filter((x) => x.length > 1 && x !== '~');
  const said = (x: string) => new RegExp(String.raw`(?<![\w-])\.?${x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\w-])`).test(intent.words);
  // In the home folder, a dot-file or a folder on the way is named by its name; the file made there is not ("create new.txt" is no place).
  const home = text.split('/').filter((x, i, all) => (i < all.length - 1 || x.startsWith('.')) && x !== '~').map((x) => x.replace(/^\./, '')).filter((x) => x.length > 1);
  if (p.classes.some((c) => /^(?:home|own-home)$/.test(c))) return home.some((x) => said(x) || said(x.replace(/\.\w+$/, '')));
  return /^\/(?!tmp\b)/.test(text) && parts.length > 0 && said(parts[0]);
}

/** A change to files outside the workspace, in a place the request does not name. */
export function outsideUnnamed(intent: Intent, commands: CommandFact[]): string[] {
  if (intent.actions.includes('network') || intent.actions.includes('run')) return [];
  const changed = commands.flatMap((c) => [...c.deletes, ...c.writes, ...c.redirects.filter((r) => r.kind !== 'read').map((r) => ({ path: r.target, resolved: r.target, classes: r.classes ?? [], dynamic: r.dynamic, glob: false }) as PathFact)]);
  const away = changed.filter((p) => !p.dynamic && !p.classes.includes('workspace') && !p.classes.includes('pseudo-device') && p.classes.some((c) => outside.test(c)) && !named(intent, p));
  return away.length > 0 ? [`it changes ${list(uniq(away.map((p) => p.path)))}, outside the workspace, a place the request does not name`] : [];
}
