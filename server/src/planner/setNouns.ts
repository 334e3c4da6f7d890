// What a delete must keep of the files a request names: a set said by what
// it is for, and a file said by its name.
//
// Nouns that name files by what they are for, not by a name the request
// spells: "backups", "temp files", "build artifacts", "screenshots". A delete
// of such a set that keeps only its age ("older than 30 days") deletes every
// old file in the workspace, so the set must stay in the plan as a name test.
import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { programOf } from './selectionChecks';

// The set said as a plural noun, or as "<what for> files". A word after "in", "from", "under" is a place, not a set,
// and so is a word of a path ("~/backups/db", "/var/logs").
const setNoun = /(?<!\b(?:in|from|under|inside|within|(?<!\brid\s+)of|into|to)\s+(?:the\s+|my\s+|our\s+)?)(?<![/~.*-])\b((?:build\s+)?(?:backups|archives|artifacts|artefacts|caches|screenshots|images|pictures|photos|videos|dumps|reports|logs|builds)|(?:temp|tmp|temporary|cache|cached|scratch|backup|archive|log|image|dump|report|build)\s+(?:files|copies))\b(?![/.-]\w)(?!\s+(?:folders?|director(?:y|ies)|dirs?)\b)/;

// A test that picks files by name: `-name '*.bak'`, `-path '*/cache/*'`, not `! -name …` (what is left out picks nothing).
const nameTest = /^-(?:i?name|i?path|i?wholename|i?regex)$/;

/** The set of files the request names by what they are for, if any: "backups", "temp files". */
export function setNamed(words: string): string | undefined {
  // "everything in conf except the log files": a set kept out is no set deleted.
  return [...words.matchAll(new RegExp(setNoun.source, 'g'))].find((m) => !keptBefore.test(words.slice(0, m.index)))?.[1];
}

const keptBefore = /\b(?:except(?:\s+for)?|excluding|but(?:\s+not)?|other\s+than|(?:apart|aside)\s+from|besides|save(?:\s+for)?|bar|barring|unless|not|keep\w*|leav\w*|spar\w*|skip\w*|without)\s+(?:(?:the|any|all|my|of|those|these)\s+)*(?:\S+\s+)?$/;

/** Whether the find picks files by a name it was given, not by `*` or a slot. */
function picksByName(c: CommandFact, slotted: boolean): boolean {
  const none = slotted ? /^\*?$/ : /^\*?$|^<\w+>$|^__\w+__$/;
  return c.args.some((a, i) => nameTest.test(a) && !/^(?:!|-not)$/.test(c.args[i - 1] ?? '') && !none.test(c.args[i + 1] ?? ''));
}

/** The folders a find starts from: its words before the first test. */
function rootsOf(c: CommandFact): string[] {
  const end = c.args.findIndex((a) => /^[-(!]/.test(a));
  return c.args.slice(0, end < 0 ? c.args.length : end);
}

/**
 * "delete backups older than 30 days" planned as `find . -type f -mtime +30
 * -delete`, "move the temp files older than a week to old" as `find . -mtime
 * +7 -exec mv -t old {} +`: a change with no name test for a request that names a set of
 * files by what they are for. A find that starts in a folder called after the
 * set ("delete logs older than a week" → `find logs …`) is bounded by it.
 */
export function setNounDropped(intent: Intent, commands: CommandFact[], changes: boolean): string[] {
  // A move, a chmod or a sed -i of every old file is as wide as their delete: every act that changes files keeps to the set.
  if (!changes || intent.actions.length === 0) return [];
  const deletes = intent.actions.includes('delete') && !intent.actions.includes('move');
  const set = setNamed(intent.words);
  if (!set) return [];
  const stem = set.split(/\s+/).pop()!.replace(/s$/, '');
  // Facts that keep no words of the find leave nothing to judge.
  const finds = commands.filter((c) => programOf(c) === 'find' && c.args.length > 0);
  // ... and so is one that starts in a folder the request names ("the logs under docs older than 30 days").
  // "old archives" with a folder called old: a word before the set says which, it is no place.
  const places = intent.scope.filter((s) => s !== '.' && !intent.words.includes(`${s.toLowerCase()} ${set}`));
  const inScope = (r: string) => places.some((s) => (r.replace(/^\.\/|\/+$/g, '') === s || r.replace(/^\.\//, '').startsWith(`${s}/`)));
  const bounded = (c: CommandFact) => rootsOf(c).some((r) => inScope(r) || (r.split('/').filter(Boolean).pop() ?? '').toLowerCase().replace(/s$/, '') === stem);
  // A name left to fill (`-name '<glob>'`) is the set's for an act that keeps the files; a delete must say it.
  const loose = finds.filter((c) => !picksByName(c, !deletes) && !bounded(c));
  const acted = (c: CommandFact) => c.deletes.length > 0 || c.writes.length > 0 || commands.some((x) => x !== c && x.deletes.length + x.writes.length > 0);
  return loose.some(acted) ? [`it changes files of every kind, but the request names only ${set}`] : [];
}

/**
 * "clean up blank.txt" planned as `find . -name '<glob>' -exec rm …`, or as a
 * delete of the empty folders inside blank.txt: a delete whose name is left
 * to fill, or that looks into the file as a folder, for a request that names
 * the file it means. The
 * slot could be filled with anything; the file said is the only one asked for.
 */
export function slotForNamedFile(intent: Intent, commands: CommandFact[], deletes: boolean): string[] {
  const file = intent.names.find((n) => /\.\w{1,8}$/.test(n));
  if (!deletes || !file) return [];
  const slotted = commands.some((c) => programOf(c) === 'find' && c.args.some((a, i) => nameTest.test(a) && /^<\w+>$|^__\w+__$/.test(c.args[i + 1] ?? '')));
  if (slotted) return [`it deletes files by a name left to fill in, but the request names ${file}`];
  // `find empty.txt -mindepth 1 -type d -empty -delete` for "clean up empty.txt": folders sought inside a file.
  const inside = commands.some((c) => programOf(c) === 'find' && rootsOf(c).some((r) => r.replace(/^\.\//, '') === file) && c.args.some((a, i) => a === 'd' && c.args[i - 1] === '-type'));
  return inside ? [`it deletes folders inside ${file}, but the request names that file`] : [];
}
