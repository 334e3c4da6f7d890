// "replace spaces with underscores in the file names in docs", "rename the
// files in docs to lowercase": a request about the names of the files in a
// folder. Editing what the files hold (`sed -i 's|spaces|underscores|g'`)
// changes their text, which nobody asked for, and renaming the folder
// (`mv -n docs lowercase`) changes another name than theirs. A plan that
// renames the files one by one is the only fit; anything else is turned
// away, so the planner abstains rather than plan another act.

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { barePath } from './barePath';
import { programOf } from './selectionChecks';

// "the file names in docs", "the names of the files in logs", "every filename", "rename the files in docs", "rename every .log file", "… renaming them".
const aboutNames = /\b(?:file ?names?|names? of (?:the |all (?:the )?|every |each )?(?:[\w.*-]+ )?files|(?:rename|renaming)\s+(?:the |all (?:the |of the )?|every |each )?(?:[\w.*-]+\s+)?files?\b(?!\s+(?:called|named)\b)|renam(?:e|es|ing)\s+(?:them|those|these|each of them)\b)/;

const editors = /^(?:sed|gsed|perl|awk|gawk|ex|tr)$/;
const renamers = /^(?:mv|rename|prename|file-rename|mmv)$/;

/** Whether the request asks about the names of files (not what they hold). */
export function aboutFileNames(words: string): boolean {
  return aboutNames.test(words);
}

/**
 * `sed -i 's|spaces|underscores|g'` for "replace spaces with underscores in
 * the file names in docs", `mv -n docs lowercase` for "rename the files in
 * docs to lowercase": what the files hold, or their folder, changed for
 * their names.
 */
export function namesForContents(intent: Intent, commands: CommandFact[]): string[] {
  if (!aboutFileNames(intent.words)) return [];
  const edits = commands.find((c) => editors.test(programOf(c)) && (c.writes.length > 0 || c.flags.includes('i') || c.flags.includes('in-place')));
  if (edits && !commands.some((c) => renamers.test(programOf(c)))) return [`it edits what the files hold (${programOf(edits)}), but the request asks about their names`];
  const folders = intent.scope.map((s) => barePath(s).toLowerCase()).filter((s) => s !== '' && s !== '.');
  const renamed = commands.filter((c) => renamers.test(programOf(c))).flatMap((c) => c.deletes).map((p) => barePath(p.path).toLowerCase()).find((p) => folders.includes(p));
  return renamed ? [`it renames the folder ${renamed}, but the request asks to rename the files in it`] : [];
}
