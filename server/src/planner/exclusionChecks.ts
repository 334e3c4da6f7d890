// "display all the files in /etc excluding those in the path of
// /etc/mtab", "find the .c files, ignoring the test folder": a look that
// leaves something out. A find that keeps nothing out (no `!`, `-not`,
// `-prune`, no `grep -v` after it) lists what the request excludes, so it
// answers another question; it is set aside, a model's plan as well.
// Words after "excluding" that leave no entry out are not read as such:
// "ignoring case", "ignoring errors", "excluding other partitions", "not
// descending into sub directories", "excluding hidden files" (a name test).

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { programName } from '../shell/programs';
import { belowTopLevel, otherFileSystems } from './requestWords';

const excluding = /\b(?:exclud(?:e|es|ing)|except(?:\s+for)?|but not|other than|apart from|omitting|leaving out|ignoring|skipping|not including)\s+/g;
// What follows the word and leaves no entry out of a listing: the case of letters, errors, a depth, the output's form.
const keepsNothing = /^(?:the\s+)?(?:case|errors?|warnings?|messages?|permission|the output|output|whitespace|white space|blank lines?|lines?|comments?|duplicates?|(?:the\s+|any\s+|all\s+)?(?:sub-?\s?director(?:y|ies)|sub-?\s?folders?|subdirs?|descend\w*|recurs\w*)|those (?:that are |which are )?(?:present )?in (?:the |all the |any )?sub-?\s?(?:director(?:y|ies)|folders?))\b/;

const kindWords = /^(?:all\s+|the\s+|any\s+)?(?:director(?:y|ies)|folders?|dirs?|sub-?director(?:y|ies)|sub-?folders?|symbolic links?|symlinks?|soft links?|links?|regular files|files|devices?|sockets?|pipes?)\b(?!\s+(?:named|called|with|whose|that|which|in|under|inside|like|starting|ending|matching|containing)\b)/;

/** "display all files excluding those in the test folder" planned as `find . -type f`: nothing the request excludes is kept out. */
export function exclusionLeftOut(intent: Intent, commands: CommandFact[]): string[] {
  const finds = commands.filter((c) => programName(c.program) === 'find');
  // Only a plan that lists what a find gives: an act is held to what it keeps out by the act checks.
  if (finds.length === 0 || intent.actions.length > 0) return [];
  const said = [...intent.words.matchAll(excluding)].map((m) => ({ word: m[0].trim(), rest: intent.words.slice(m.index + m[0].length) }))
    .filter(({ rest }) => !keepsNothing.test(rest) && !otherFileSystems.test(rest));
  if (said.length === 0) return [];
  // "excluding directories", "but not symbolic links": a kind kept out by the kind the find picks (-type f).
  const kinds = said.every(({ rest }) => kindWords.test(rest)) && finds.some((c) => c.args.some((a) => a === '-type' || a === '-xtype'));
  const keepsOut = kinds || finds.some((c) => c.args.some((a) => a === '!' || a === '-not' || a === '-prune'))
    || commands.some((c) => /^(?:grep|egrep|fgrep)$/.test(programName(c.program)) && c.flags.some((f) => f === 'v' || f === 'invert-match'));
  return keepsOut ? [] : [`it keeps out nothing, but the request leaves something out ("${said[0].word} ${said[0].rest.split(/\s+/).slice(0, 4).join(' ')}")`];
}

// "delete the hard links to notes.txt": the other names of notes.txt, never notes.txt itself.
const linkedFile = /\bhard[- ]?links?\s+(?:to|of|for|pointing\s+to|that\s+point\s+to)\s+(?:the\s+file\s+)?["'`]?([\w.@+/-]*\w)/;

/**
 * "delete the hard links to notes.txt" planned as `rm -- notes.txt`, or
 * `find . -samefile notes.txt -delete` (which finds notes.txt as well): the
 * file whose links the request names is deleted with them, and its data with it.
 */
export function linkedFileDeleted(intent: Intent, commands: CommandFact[]): string[] {
  const file = linkedFile.exec(intent.words)?.[1]?.replace(/^\.\//, '');
  if (!file) return [];
  const base = file.replace(/^.*\//, '');
  if (commands.some((c) => c.deletes.some((p) => p.path.replace(/^\.\//, '') === file))) return [`it deletes ${file} itself, but the request asks about its other names (hard links)`];
  for (const c of commands) {
    if (programName(c.program) !== 'find') continue;
    const same = c.args.findIndex((a) => a === '-samefile');
    const deletes = c.args.includes('-delete') || c.args.some((a, i) => /^-(?:exec|execdir|ok|okdir)$/.test(a) && /^(?:rm|unlink|shred)$/.test(c.args[i + 1] ?? ''));
    // ... unless the file itself is kept out (`! -path ./notes.txt`, `-not -name notes.txt`).
    const kept = c.args.some((a, i) => (a === '!' || a === '-not') && /^-(?:path|wholename|name)$/.test(c.args[i + 1] ?? '') && (c.args[i + 2] ?? '').replace(/^\.\//, '').endsWith(base));
    if (same >= 0 && deletes && !kept) return [`it deletes ${c.args[same + 1]} itself as well (-samefile finds the file too), but the request asks about its other names`];
    // ... or a find that starts at the file and deletes what it finds there.
    if (deletes && c.positionals.some((p) => p.replace(/^\.\//, '') === file)) return [`it deletes ${file} itself, but the request asks about its other names (hard links)`];
  }
  return [];
}

/** `find . -name '*.txt' -delete` for "delete all .txt files below the top level": the top level, which the request leaves out, is reached too. */
export function topLevelReached(intent: Intent, commands: CommandFact[]): string[] {
  if (!belowTopLevel.test(intent.words)) return [];
  const reaches = commands.find((c) => programName(c.program) === 'find' && !c.args.some((a, i) => a === '-mindepth' && Number(c.args[i + 1]) >= 2));
  return reaches ? ['it reaches the top level too (no -mindepth 2), which the request leaves out'] : [];
}
