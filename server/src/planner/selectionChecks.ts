// Checks of what a plan picks against what the request picks: the files a
// listing feeds to xargs, folders for files, a text the files hold tested
// against their names.

import type { CommandFact } from '../policy/factsTypes';
import type { PathFact } from '../policy/paths';
import { escapeRegExp } from './corpus';
import { gitChange } from './gitEffects';
import type { Intent } from './intent';
import { asidesStated } from './statedAsides';
import { asksForAKind } from './findTests';
import { brokenLinks, ignoresCase, numberWords, permissionWho } from './requestWords';
import { programName } from '../shell/programs';

/** The program's name without its folder (`/usr/bin/rm` → rm). */
export const programOf = (c: CommandFact): string => programName(c.program);

/**
 * `grep -rlZ a logs | xargs -0 sed -i …`, `find logs … | xargs …`: the files
 * xargs changes are those the step before lists, and it lists only what it
 * looked through. (The policy judges them as unknown paths all the same.)
 */
export function listedInside(commands: CommandFact[], c: CommandFact, p: PathFact, inside: (p: PathFact) => boolean): boolean {
  if (!c.wrappers.includes('xargs') || !p.classes.includes('unknown-location') || c.pipeline < 0) return false;
  // Steps that only pick lines (`| sort | head -n 1`) pass on names the lister gave; `ls` lists only what it read.
  let before = commands.find((b) => b.pipeline === c.pipeline && b.stage === c.stage - 1);
  while (before !== undefined && /^(?:head|tail|sort|uniq)$/.test(programOf(before))) {
    const stage = before.stage;
    before = commands.find((b) => b.pipeline === c.pipeline && b.stage === stage - 1);
  }
  const lister = before;
  if (lister === undefined) return false;
  const lists = programOf(lister) === 'find' || (programOf(lister) === 'ls' && !lister.flags.some((f) => f === 'R' || f === 'recursive')) || (/^(?:grep|egrep|fgrep|rg)$/.test(programOf(lister)) && lister.flags.some((f) => f === 'l' || f === 'files-with-matches'));
  return lists && lister.reads.length > 0 && lister.reads.every(inside);
}

/**
 * `find uploads -name '*.mkv' -exec sh -c 'for f; do mv "$f" "${f%.mkv}.avi"; done'`,
 * `for f in uploads/*.mkv; do mv "$f" "${f%.*}.avi"; done`: a name made from
 * each file found under a folder stays under that folder, when it is the
 * file's own path trimmed only at its end (`${f%.mkv}.avi`, `${f%/*}/…`).
 * Cutting the front (`${f#docs/}`, the bare name), swapping inside the path
 * (`${f/docs/src}`), a command's output, another folder's variable or a `cd`
 * may put it anywhere.
 */
export function derivedInside(command: string, commands: CommandFact[], c: CommandFact, p: PathFact, inside: (path: string) => boolean): boolean {
  if (!p.classes.includes('unknown-location') || !/^\$\?(?:[^$]|\$\?)*$/.test(p.path) || p.path.includes('..')) return false;
  const statement = command.slice(Math.min(...commands.filter((b) => b.span[0] <= c.span[0] && b.span[1] >= c.span[1]).map((b) => b.span[0]), c.span[0]), c.span[1]);
  const loop = /\bfor\s+(\w+)\s+in\s+([^;\n]+?)\s*[;\n]\s*do\b(?:(?!\bdone\b)[\s\S])*$/.exec(command.slice(0, c.span[0]));
  const body = `${statement} ${loop ? command.slice(loop.index, c.span[1]) : ''}`;
  const own = [...new Set([loop?.[1], ...[...statement.matchAll(/\bfor\s+(\w+)\s*;/g)].map((m) => m[1]), '1', '0'].filter((v): v is string => v !== undefined))];
  // (The bare name kept in another variable, `b=${f##*\/}`, is put back under `${f%/*}/` below.)
  const cutsFront = own.some((v) => new RegExp(`\\$\\{${v}(?:#|%%|/|:)`).test(body.replace(new RegExp(`=\\$\\{${v}##\\*/\\}`, 'g'), '=')));
  // Another variable is only a name inside the folder the file's own path gives (`"${f%/*}/${b//x/y}"`).
  const elsewhere = /\$\(|`|\bcd\b|\$\{?(?:TMPDIR|HOME|PWD|OLDPWD)\b/.test(body) || (!/^\$\?\//.test(p.path) && /\$\?.*\$\?/.test(p.path));
  if (cutsFront || elsewhere) return false;
  const finders = commands.filter((b) => b.span[0] === c.span[0] && b.index < c.index && programOf(b) === 'find');
  if (finders.length > 0) return finders.every((f) => f.reads.length > 0 && f.reads.every((r) => inside(r.resolved || r.path)));
  // Words as the shell splits them: `docs/*' '*` is one.
  const words = [...(loop?.[2].matchAll(/(?:[^\s'"]+|'[^']*'|"[^"]*")+/g) ?? [])].map((w) => w[0].replace(/['"]/g, '').replace(/^\.\//, ''));
  return words.length > 0 && words.every((w) => !w.includes('$') && !w.includes('..') && inside(w));
}

/** Whether a find of the plan keeps only entries of one kind (`-type d`, `-type f`). */
const findPicks = (commands: CommandFact[], kind: 'd' | 'f') => commands.some((c) => programOf(c) === 'find' && c.args.some((a, i) => a === '-type' && c.args[i + 1] === kind));

/** "every file under src" planned with `find src -type d …`: folders picked for a request that speaks only of files. */
export function foldersForFiles(intent: Intent, commands: CommandFact[]): string[] {
  const folders = findPicks(commands, 'd');
  const aboutFiles = /\bfiles?\b/.test(intent.words) && !/\b(?:folders|directories|dirs|sub-?dir\w*|sub-?folders?|(?:every|each|any|all|empty)\s+(?:sub-?)?(?:folder|directory|dir)|trees?)\b/.test(intent.words);
  // `mkdir -p a.txt b.txt` for "create the files a.txt and b.txt".
  const made = commands.filter((c) => programOf(c) === 'mkdir').flatMap((c) => c.positionals);
  // ... and `mkdir -p x.md y.md` for "create x.md and y.md": names written as files are asked for as files when no folder is spoken of.
  const namedAsFiles = made.some((m) => /\.[a-z][a-z0-9]{0,4}$/i.test(m) && intent.words.includes(m.toLowerCase()));
  if (made.length > 0 && (aboutFiles || namedAsFiles) && !/\b(?:folder|director(?:y|ies)|dir|paths?)\b/.test(intent.words)) return [`it makes folders (${made.join(', ')}), but the request asks for files`];
  // ... and a folder made of a name the request calls a file ("all 'text.txt' files"), or for a link ("a symbolic link named latest").
  const calledFile = made.find((m) => new RegExp(String.raw`["'\x60]?${escapeRegExp(m.toLowerCase())}["'\x60]?\s+files?\b|\bfiles?\s+(?:called\s+|named\s+)?["'\x60]?${escapeRegExp(m.toLowerCase())}\b`).test(intent.words));
  if (calledFile) return [`it makes a folder ${calledFile}, but the request calls ${calledFile} a file`];
  if (made.length > 0 && /\b(?:sym(?:bo?lic|bolc)?\s*links?|soft\s+links?|hard\s+links?)\b/.test(intent.words) && !commands.some((c) => programOf(c) === 'ln')) return [`it makes folders (${made.join(', ')}), but the request asks for a link`];
  return folders && aboutFiles ? ['it picks folders (-type d), but the request speaks of files'] : [];
}

/** "the subdirectories of site", "every folder under www": a request about folders, with no word for files. */
export function speaksOnlyOfFolders(text: string): boolean {
  // ("without descending into sub-directories" speaks of where not to look.)
  // ... nor "every *.bak in all folders", "the logs in all subdirectories of logs": folders as the place of what is asked.
  const words = text.toLowerCase()
    .replace(/\b(?:without|not|excluding|ignoring|skipping|skip|exclude)\s+(?:\w+\s+){0,3}?sub-?(?:directories|folders|dirs)\b/g, '')
    .replace(/\b(?:in|under|from|across|throughout|within|inside|into)\s+(?:all\s+|every\s+|each\s+|any\s+)?(?:of\s+)?(?:the\s+|its\s+|their\s+|my\s+)?(?:(?:sub-?)?(?:folders?|directories|directory|dirs?))\b/g, '');
  if (asksForAKind(text.toLowerCase()) || /\b(?:links?|symlinks?|something)\b/.test(words)) return false;
  return /\b(?:sub-?)?(?:folders|directories|dirs)\b|\b(?:every|each|all|any)\s+(?:(?:the|of\s+the)\s+)?(?:sub-?)?(?:folder|directory|dir)\b/.test(words) && !/\b(?:files?|file ?names?|everything|contents?|entries)\b/.test(words);
}

/** "every folder under site" planned with `find site -type f …`, "the subdirectories" listed with `find . -type f`: files picked for a request that speaks only of folders. */
export function filesForFolders(intent: Intent, commands: CommandFact[]): string[] {
  const folders = findPicks(commands, 'd');
  const files = findPicks(commands, 'f') && !folders;
  const aboutFolders = speaksOnlyOfFolders(intent.words);
  if (files && aboutFolders) return ['it picks files (-type f), but the request speaks of folders'];
  // ... or lists a folder whole (`ls site`), files and all.
  const whole = commands.length === 1 && programOf(commands[0]) === 'ls' && !commands[0].flags.some((f) => f === 'd' || f === 'directory') && !commands[0].args.some((a) => /\/$/.test(a));
  if (whole && aboutFolders) return ['it lists the files as well (ls), but the request speaks of folders'];
  // ... or with `chmod -R 775 site`, which changes every file in site as well.
  const deep = commands.find((c) => /^(?:chmod|chown|chgrp)$/.test(programOf(c)) && c.flags.some((f) => f === 'R' || f === 'recursive'));
  return deep && aboutFolders ? [`it changes the files below as well (${programOf(deep)} -R), but the request speaks of folders`] : [];
}

/** "give every folder under www permissions 755" planned as `chmod 755 www`: the folder itself changed, not what is in it. */
export function containerOnly(intent: Intent, commands: CommandFact[]): string[] {
  if (!/\b(?:sub-?(?:folders?|director(?:y|ies)|dirs?)|(?:every|each|all|any)\s+(?:(?:the|of\s+the)\s+)?(?:[\w.*-]+\s+)?(?:files?|folders?|director(?:y|ies)|dirs?)\s+(?:in|under|inside|within|below|beneath|of))\b/.test(intent.words)) return [];
  if (commands.some((c) => programOf(c) === 'find' || c.flags.some((f) => f === 'R' || f === 'recursive'))) return [];
  const setters = commands.filter((c) => /^(?:chmod|chown|chgrp)$/.test(programOf(c)));
  const itself = setters.flatMap((c) => c.positionals.slice(1)).find((p) => intent.scope.includes(p.replace(/^\.\//, '').replace(/\/+$/, '')));
  return itself ? [`it changes only ${itself} itself, but the request asks for what is in it`] : [];
}

// "the files whose names begin with cover.", "files beneath src that start with the letters Foo": how names start or end.
const namePart = /\b(?:whose|with|their|its)\s+(?:full\s+)?(?:names?|file ?names?|path ?names?|paths?|targets?)\s+(?:that\s+)?(?:contains?|containing|includes?|including)\s+(?:the\s+(?:word|string|text)\s+)?["'`]?([\w.+-]*\w)/;
const nameEdge = /\b(?:files?|director(?:y|ies)|folders?|dirs?)\b(?:(?!\blines?\b)[^.;!?]){0,60}?\b(?:start|starts|starting|begin|begins|beginning|end|ends|ending)\s+(?:with|in)\s+(?:the\s+(?:word|string|letters?|text|prefix|suffix)\s+)?["'`]?([\w.-]*[\w-])/;
// ... unless the request also speaks of what the files hold.
// ("directories containing files whose names begin with x" speaks of folders holding files, not of text.)
const aboutContents = /\b(?:contain\w*|mention\w*|say\w*)\s+(?:the\s+)?(?:(?:word|string|text|pattern|phrase)\s+)?["'`$]|\b(?:contents?|lines?|inside|occurrences?|text in|string in)\b|\b(?:for|of)\s+(?:the\s+)?(?:word|string|text|pattern|regex)\b/;

const fileSought = /\b(?:search\w*|look\w*\s+for|find\w*|locat\w*|where\s+is)\b[^.;!?]{0,40}?\b(?:a|the|any|my)\s+(?:regular\s+)?(?:file|folder|directory)\s+(?:called\s+|named\s+)?["'`]?([\w.-]*\w)["'`]?/;

/** "delete the files that begin with Foo" planned as `grep -rl Foo . | xargs rm`: the start of a name searched for inside the files. */
export function nameAsContent(intent: Intent, commands: CommandFact[]): string[] {
  // ... or by what their names, paths or (of links) targets contain: "the symlinks whose target contains foo".
  const edge = nameEdge.exec(intent.words) ?? namePart.exec(intent.words);
  // ... and "search the system for the file 'myfile'" planned as `grep -r myfile .`: the name itself searched for inside the files.
  const sought = fileSought.exec(intent.words);
  if (sought && !aboutContents.test(intent.words) && !/\b(?:referenc\w*|mention\w*|import\w*|us(?:e|es|ed|ing)|load\w*|includ\w*|requir\w*)\b|\b(?:search\w*|grep\w*|look\w*)\s+(?:through\s+|in\s+)?(?:the\s+|my\s+|all\s+)?(?:[\w.-]+\s+)?(?:logs?|scripts?|sources?|code|documents?|texts?|configs?|configuration|history)\s+for\s+(?:the|a)\s+file\b/.test(intent.words) && commands.some((c) => /^(?:grep|egrep|fgrep|rg)$/.test(programOf(c)) && c.reads.length > 0 && c.positionals[0]?.toLowerCase() === sought[1].toLowerCase())) return [`it searches what the files contain for ${sought[1]}, but the request looks for a file of that name`];
  // ("contains 'foo'" said of the names is no question of contents.)
  const contentsAsked = nameEdge.test(intent.words) ? aboutContents.test(intent.words) : /\b(?:contents?|lines?|inside|text in|string in)\b/.test(intent.words);
  if (!edge || contentsAsked) return [];
  const part = edge[1].toLowerCase().replace(/^\./, '');
  const searched = commands.some((c) => /^(?:grep|egrep|fgrep|rg)$/.test(programOf(c)) && c.reads.length > 0 && c.positionals.some((p) => p.toLowerCase().includes(part)));
  const how = /\b(?:start|begin)/.test(edge[0]) ? 'start' : /\bend/.test(edge[0]) ? 'end' : 'are';
  return searched ? [`it searches what the files contain for ${edge[1]}, but the request picks files by ${how === 'are' ? 'what their names are' : `how their names ${how}`}`] : [];
}

export function listsByContent(c: CommandFact): boolean {
  return /^(?:grep|egrep|fgrep|rg)$/.test(programOf(c)) && c.flags.some((f) => f === 'l' || f === 'L' || f === 'files-with-matches' || f === 'files-without-match');
}

// "which have the word "gui" in their content": a text said to be in what the files hold.
const inContents = /\b(?:have|has|having|with|hold|holds|holding|include|includes|including)\s+(?:the\s+(?:text|word|string)\s+)?["'`]?([\w.@-]{2,})["'`]?\s+(?:in|inside|within)\s+(?:their|its|the)\s+(?:file\s+)?(?:contents?|text|body|bodies)\b/;

/** "the files in docs that mention draft" planned as `find docs -regex draft`: a text the files hold, tested against their names. */
export function contentAsName(intent: Intent, commands: CommandFact[]): string[] {
  // ... not "starting with the word top", "ending with the string _old": a part of the name, said with "with".
  const said = /\b(?:contain(?:s|ing)?|mention(?:s|ing)?|say(?:s|ing)?|(?<!\b(?:begin|begins|beginning|start|starts|starting|end|ends|ending|prefixed|suffixed)\s+)with the (?:text|word|string))\s+(?:the\s+(?:text|word|string)\s+)?["'`]?([\w.@-]{2,})["'`]?(?!\S*\s+in\s+(?:their|its|the)\s+(?:file\s*)?(?:path\s*)?names?)/.exec(intent.words) ?? inContents.exec(intent.words);
  // "whose names contain draft", "containing 'x' in their names": the names are what is asked about.
  if (said && /\b(?:names?|paths?|file ?names?|path ?names?|(?<=\b(?:links?|symlinks?)\b[^.;]{0,40}\s)targets?)\b/.test(intent.words.slice(Math.max(0, said.index - 30), said.index + said[0].length + 40))) return [];
  if (!said || commands.some((c) => listsByContent(c) || /^(?:grep|egrep|fgrep|rg|ag|awk|sed)$/.test(programOf(c)))) return [];
  const text = said[1].toLowerCase();
  const named = commands.some((c) => programOf(c) === 'find' && c.args.some((a, i) => /^-(?:i?name|i?path|i?wholename|i?regex)$/.test(a) && (c.args[i + 1] ?? '').toLowerCase().includes(text)));
  return named ? [`it looks for ${said[1]} in file names, but the request asks what the files contain`] : [];
}

// "modified in the last week", "not touched this year", "haven't changed since May", "not touched for a fortnight".
// ... but "modified in more than 25 minutes ago" is older than that.
const recentChange = /\b(?:modified|changed|touched|accessed|edited|updated|used|written|opened)\s+(?:(?:in|within|during|over|since|for)\s+(?:the\s+)?(?:last|past|this)?|this)\b(?!\s*(?:more|over|at least|longer|greater|earlier|before)\b)/;
const negation = /\b(?:not|never|haven'?t|hasn'?t|weren'?t|wasn'?t|aren'?t|isn'?t)\s+(?:been\s+)?(?:\w+\s+)?$/;

/**
 * "files not modified in the last 30 days" planned as `find -mtime -30`: the
 * age turned around. Each of find's age tests keeps either what changed
 * within the span (-N) or what did not (+N, or `! … -N`).
 */
export function invertedAge(intent: Intent, commands: CommandFact[]): string[] {
  const m = recentChange.exec(intent.words);
  if (!m) return [];
  const notChanged = negation.test(intent.words.slice(Math.max(0, m.index - 30), m.index));
  const signs = commands.filter((c) => programOf(c) === 'find').flatMap((c) => c.args.flatMap((a, i) => {
    const value = /^-(?:[acm](?:time|min))$/.test(a) ? /^([+-])\d/.exec(c.args[i + 1] ?? '')?.[1] : undefined;
    if (!value) return [];
    const flipped = /^(?:!|-not)$/.test(c.args[i - 1] ?? '');
    return [(value === '+') !== flipped ? 'older' : 'recent'];
  }));
  const wanted = notChanged ? 'older' : 'recent';
  if (signs.length === 0 || signs.some((s) => s === wanted)) return [];
  return [notChanged ? 'it keeps the files that did change in that time, but the request asks for those that did not' : 'it keeps the files that did not change in that time, but the request asks for those that did'];
}

/**
 * "delete logs older than 30 days" planned as `find . -type f -mtime +30
 * -delete` (or `-name '*'`): files of every kind changed for a request that
 * names one. Only find's name tests choose a kind. A folder the request
 * names bounds where, not which: "truncate every log in backup" as `find
 * backup -exec truncate -s 0 {} +` empties every file in backup.
 */
export function droppedKind(intent: Intent, commands: CommandFact[]): string[] {
  if (intent.kinds.length === 0) return [];
  const finds = commands.filter((c) => programOf(c) === 'find');
  const names = finds.flatMap((c) => c.args.filter((a, i) => /^-(?:i?name|i?path|i?wholename|i?regex)$/.test(c.args[i - 1] ?? '')));
  const anyName = names.length === 0 || names.every((n) => /^\*?$/.test(n) || /\.git/.test(n));
  return finds.length > 0 && anyName ? [`it changes files of every kind, but the request names ${intent.kinds.map((k) => `.${k}`).join(', ')} files`] : [];
}

const matchers = /^(?:grep|egrep|fgrep|rg|ag|ack|find|locate|fd|fdfind)$/;

/** "search case-insensitively for paris" planned as `grep paris`: the search matches case the request says to ignore. */
export function caseKept(intent: Intent, commands: CommandFact[]): string[] {
  if (!ignoresCase.test(intent.words)) return [];
  const searches = commands.filter((c) => matchers.test(programOf(c)));
  const ignores = (c: CommandFact) => c.flags.some((f) => f === 'i' || f === 'ignore-case' || f === 'S' || f === 'smart-case' || /^i(?:name|path|regex|wholename|lname)$/.test(f) || /^-i(?:name|path|regex|wholename)$/.test(f)) || c.args.some((a) => /^-i(?:name|path|regex|wholename|lname)$/.test(a));
  const kept = searches.find((c) => !ignores(c));
  return searches.length > 0 && kept && !searches.some(ignores) ? [`it matches case (${programOf(kept)} without -i), but the request says to ignore case`] : [];
}

// Words by which a request turns a condition around or leaves something out.
const negating = /\b(?:not|non|no|never|un(?:readable|writ\w*|execut\w*)|none|without|except\w*|exclud\w*|other than|but|lack\w*|missing|ignor\w*|skip\w*|apart from|besides|outside|prun\w*|only|else|nor|neither|invert\w*|opposite|before|older|earlier|prior)\b|n't\b|\bnon-/;

/** "the files whose permissions are 644" planned as `find . ! -perm 644`: a test turned around that the request never turns. */
export function madeUpNegation(intent: Intent, commands: CommandFact[]): string[] {
  // ... and a file set aside by what is said of it ("a.log should stay") is left out by a test turned around.
  // ("without descending into sub-directories", "not recursively": how deep to look, nothing turned around.)
  const words = intent.words.replace(/\b(?:without|not|no)\s+(?:descending|going|recursing|recursion|recursive\w*|entering|looking)\b[^,.;]*|\b(?:not|no)\s+(?:in(?:to)?\s+)?sub-?(?:directories|folders|dirs)\b/g, '');
  if (negating.test(words) || intent.kept.length > 0 || asidesStated(intent.words).length > 0) return [];
  for (const c of commands.filter((k) => programOf(k) === 'find')) {
    const at = c.args.findIndex((a, i) => /^(?:!|-not)$/.test(a) && /^-(?!path$|wholename$)\w+/.test(c.args[i + 1] ?? ''));
    if (at >= 0) return [`it keeps what does not match (${c.args.slice(at, at + 3).join(' ')}), but the request turns nothing around`];
  }
  return [];
}

const taking = /\b(?:remove|strip|take away|take off|revoke|drop|unset|clear|disable|delete)\b[^.]{0,40}\b(?:bits?|permissions?|perms|access|rights?)\b|\bno longer (?:executable|writable|readable)\b|\bnot (?:be )?(?:executable|writable|readable) (?:any ?more|by)\b/;

/**
 * "remove the executable bit from run.sh" planned as `chmod +x`, "remove
 * write permission for others" as `chmod a-w`: a mode that grants what the
 * request takes away, or reaches people it does not name.
 */
export function modeBeyondRequest(intent: Intent, commands: CommandFact[]): string[] {
  const modes = commands.filter((c) => programOf(c) === 'chmod').flatMap((c) => c.args.filter((a) => /^[ugoa]*[+=-][rwxXst]+(?:,[ugoa]*[+=-][rwxXst]+)*$/.test(a)));
  if (modes.length === 0) return [];
  if (taking.test(intent.words) && modes.every((m) => !m.includes('-'))) return [`it grants permissions (chmod ${modes[0]}), but the request takes them away`];
  const named = permissionWho.filter(([re]) => re.test(intent.words)).map(([, who]) => who);
  if (named.length === 0 || named.includes('a')) return [];
  const beyond = modes.find((m) => m.split(',').some((part) => { const who = /^[ugoa]*/.exec(part)?.[0] ?? ''; return who === '' || who.includes('a') || [...who].some((w) => !named.includes(w)); }));
  return beyond ? [`it changes permissions for more people (chmod ${beyond}) than the request names`] : [];
}

const belonging = /\b(?:backups?|cop(?:y|ies)|archives?|caches?|lock(?: ?files?)?|logs?|history|snapshots?|duplicates?|versions?|checksums?|hash(?:es)?|links?|symlinks?|swap files?|temp(?:orary)? files?|thumbnails?|\.bak|\.orig)\s+(?:of|for)\s+(?:the\s+)?(?:file\s+)?$/;

/** "delete the backup of notes.txt" planned as `rm notes.txt`: the file named only as whose backup it is. (Called for plans that change files.) */
export function ownerOfTheObject(intent: Intent, commands: CommandFact[]): string[] {
  // Only a path named as it is: what find or a pattern picks under a folder is not the folder.
  const named = (paths: PathFact[]) => paths.filter((p) => !p.dynamic && !p.glob).map((p) => p.path.replace(/^\.\//, ''));
  // (find's start is listed among what it may delete, though its tests pick what goes.)
  const deleted = new Set(named(commands.filter((c) => programOf(c) !== 'find').flatMap((c) => c.deletes)));
  // ... and what find picks by that file's name (`find . -name notes.txt -delete`).
  const picked = commands.filter((c) => programOf(c) === 'find').flatMap((c) => c.args.filter((a, i) => /^-i?name$/.test(c.args[i - 1] ?? '') && !/[*?[]/.test(a)));
  for (const p of [...named(commands.flatMap((c) => [...c.deletes, ...c.writes])), ...picked]) {
    const base = p.split('/').pop() ?? p;
    // "the backup copy of notes.txt": a folder's copy, named by the folder (sameNames.ts), is the file asked for.
    if (intent.places?.files.some((f) => f.path === p || (f.path !== undefined && picked.includes(p) && f.name === p))) continue;
    const said = [...intent.words.matchAll(new RegExp(String.raw`(?<![\w.-])(?:[\w./-]*/)?${escapeRegExp(base.toLowerCase())}(?![\w-])`, 'g'))];
    const before = (m: RegExpMatchArray) => intent.words.slice(Math.max(0, (m.index ?? 0) - 40), m.index);
    if (said.length > 0 && said.every((m) => belonging.test(before(m)))) {
      return [`it changes ${p} itself, but the request asks for its ${belonging.exec(before(said[0]))?.[0].split(/\s+/)[0]}`];
    }
    // "remove the broken links from /srv/pkgs" planned as `rmdir /srv/pkgs`: the folder they are in.
    if (deleted.has(p) && !intent.everything && said.length > 0 && said.every((m) => /\b(?:from|in|under|inside|within)\s+(?:the\s+)?(?:folder\s+|directory\s+)?$/.test(before(m)))) {
      return [`it changes ${p} itself, but the request asks for some of what is in it`];
    }
  }
  return [];
}

const archivers = /^(?:gzip|bzip2|xz|zstd|zip|7z|7za|compress|pigz|lz4)$/;
const packing = /\b(?:compress\w*|gzip\w*|bzip\w*|zip\w*|xz|zstd|archiv\w*|pack\w*|bundle|tar\w*|back ?up|backups?|shrink|squeeze|smaller|rotate|space|room|disk)\b/;

/** "clear the log file" planned as `gzip *.log`: files compressed for a request that asks for no archive. */
export function compressesUnasked(intent: Intent, commands: CommandFact[]): string[] {
  if (intent.actions.length === 0 || packing.test(ownWords(intent))) return [];
  const packer = commands.find((c) => archivers.test(programOf(c)) && !c.flags.some((f) => /^(?:d|decompress|l|list|t|test|c|stdout)$/.test(f)));
  const tar = commands.find((c) => programOf(c) === 'tar' && c.flags.some((f) => f === 'c' || f === 'create'));
  const found = packer ?? tar;
  return found ? [`it compresses files (${programOf(found)}), but the request asks for no archive`] : [];
}

/** The request without the files and folders it names ("delete backup/notes.txt" says nothing of a backup to make); an archive named is packing said. */
function ownWords(intent: Intent): string {
  const named = [...intent.names, ...intent.scope].filter((n) => n.length > 1 && !/\.(?:zip|tar|tgz|tbz2?|txz|gz|bz2|xz|zst|7z)$/i.test(n)).sort((a, b) => b.length - a.length);
  // "backup's notes.txt": a word that owns a file is a folder's name too.
  // ... and so is one that says which copy ("the backup version of notes.txt").
  const words = intent.words.replace(/[\w.-]+'s\b/g, ' ').replace(/\b[\w.-]+\s+(?:version|copy)\s+of\b/g, ' ');
  return named.reduce((left, n) => left.replace(new RegExp(`(?<![\\w./-])${escapeRegExp(n.toLowerCase())}(?![\\w/-])`, 'g'), ' '), words);
}

/** "remove the broken symlinks" planned as `find -type l -delete`: every link, working ones too. */
export function brokenDropped(intent: Intent, commands: CommandFact[]): string[] {
  if (!brokenLinks.test(intent.words)) return [];
  const finds = commands.filter((c) => programOf(c) === 'find');
  const checks = (c: CommandFact) => c.args.includes('-xtype') || (c.args.includes('-L') && c.args.includes('-type')) || c.args.some((a) => /^!?\s*-e\b|test\s+-e/.test(a));
  return finds.length > 0 && !finds.some(checks) ? ['it changes every link, but the request asks for the broken ones only'] : [];
}

const count = String.raw`(?:\d+|${numberWords((n) => n >= 2 && n <= 10)}|few|couple of)`;
const byOrder = new RegExp(String.raw`\bthe\s+(?:(?:single|one|very|${count})\s+)?(?:oldest|newest|latest|most recent(?:ly \w+)?|least recent\w*|largest|biggest|smallest|last (?:modified|changed|edited)|first|last)\s+(?:${count}\s+)?(?:[\w.*-]+\s+){0,2}?(?:files?|logs?|backups?|archives?|folders?|director(?:y|ies)|ones?|scripts?|images?|csvs?|pdfs?|entries|entry)\b`);
/** "delete the oldest log", "the 3 largest files" planned as a delete of every log: files picked by an order, all changed. */
export function manyForOne(intent: Intent, commands: CommandFact[]): string[] {
  if (!byOrder.test(intent.words)) return [];
  const picksOne = commands.some((c) => /^(?:head|tail|sed|awk)$/.test(programOf(c)) || c.args.includes('-quit'));
  const many = commands.some((c) => (programOf(c) === 'find' && c.deletes.length + c.writes.length > 0) || c.wrappers.includes('xargs') || c.deletes.some((p) => p.glob || p.dynamic));
  return many && !picksOne ? ['it changes every file that matches, but the request asks for some, picked by their order'] : [];
}

/** "modified in the last hour" planned as `-mtime -1`: a span in hours or minutes counted in whole days. */
export function spanInDays(intent: Intent, commands: CommandFact[]): string[] {
  const said = /\b(?:(\d+)|an?|one)\s*(hours?|hrs?|minutes?|mins?)\b|\blast\s+(hour|minute)\b/.exec(intent.words);
  if (!said || /\b(?:days?|weeks?|months?|years?)\b/.test(intent.words)) return [];
  const minutes = Number(said[1] ?? 1) * (/^h/.test(said[2] ?? said[3] ?? '') ? 60 : 1);
  // "in the last 24 hours" is one whole day: -mtime -1 says it exactly.
  const whole = (a: string) => minutes % 1440 === 0 && Math.abs(Number(a)) === minutes / 1440;
  const days = commands.filter((c) => programOf(c) === 'find').flatMap((c) => c.args.filter((a, i) => /^-[acm]time$/.test(c.args[i - 1] ?? '') && /^[+-]?\d+$/.test(a) && !whole(a)));
  return days.length > 0 ? [`it counts whole days (${days[0]}), but the request says ${said[0].trim()}`] : [];
}

/** "revert notes.txt to the last commit" planned as `git revert HEAD`, "discard the uncommitted changes in docs" as `git restore .`: the whole repository changed for a file or folder the request names. */
export function gitBeyondFile(intent: Intent, commands: CommandFact[]): string[] {
  const files = [...intent.names.filter((n) => /\.\w{1,8}$/.test(n)), ...intent.scope.filter((s) => s !== '.' && !s.startsWith('/') && !s.startsWith('~'))];
  const git = commands.filter((c) => programOf(c) === 'git' && gitChange(c) !== undefined);
  if (files.length === 0 || git.length === 0) return [];
  const mentions = (c: CommandFact) => c.args.map((a) => a.replace(/^\.\/|\/+$/g, '')).some((a) => files.some((f) => a === f || a.endsWith(`/${f}`) || f.endsWith(`/${a}`) || a.startsWith(`${f}/`)));
  return commands.some(mentions) ? [] : [`it changes the repository as a whole (git ${git[0].args.find((a) => !a.startsWith('-')) ?? ''}), but the request names ${files.join(', ')}`];
}

/**
 * "remove the package curl" planned as `rm package.json`: a file the
 * request never names, filled in because a word of it sounds like one.
 * What find or a pattern picks is judged by the other checks.
 */
export function unnamedDelete(intent: Intent, commands: CommandFact[]): string[] {
  const inScope = (p: string) => intent.scope.some((s) => p === s || p.startsWith(`${s}/`));
  const named = (p: string) => {
    const base = (p.split('/').pop() ?? p).toLowerCase();
    // "delete the readme": a file by its stem, said on its own ("the package curl" names curl, not package.json).
    const stem = base.replace(/\.[^.]*$/, '');
    const byStem = new RegExp(String.raw`\b${escapeRegExp(stem)}\b(?!\s+(?!(?:file|and|then|too|please|now|from|in|under|at|for|of|as|to|if|with)\b)[a-z][\w.-]*)`).test(intent.words);
    return intent.names.some((n) => n === p || n.split('/').pop()?.toLowerCase() === base) || inScope(p) || intent.words.includes(base) || intent.words.includes(p.toLowerCase()) || byStem;
  };
  const unnamed = commands.filter((c) => programOf(c) !== 'find').flatMap((c) => c.deletes).filter((p) => !p.dynamic && !p.glob && /\.\w{1,8}$/.test(p.path)).map((p) => p.path.replace(/^\.\//, '')).filter((p) => !named(p));
  return unnamed.length > 0 ? [`it deletes ${unnamed[0]}, which the request does not name`] : [];
}

// Words that say a place is still to be chosen: never the name of one.
const placeWords = /^(?:another|elsewhere|somewhere|different)$/;

/** `mv src another` for "move the files in src to another folder": a word of the request taken as the folder. */
export function placeWordsAsNames(commands: CommandFact[]): string[] {
  const paths = commands.flatMap((c) => [...c.reads, ...c.writes, ...c.deletes]).map((p) => p.path.replace(/^(?:\.\/)+/, '').split('/')[0]);
  const taken = [...new Set(paths.filter((p) => placeWords.test(p)))];
  return taken.length > 0 ? [`it works on ${taken.join(', ')}, a word of the request rather than a folder it names; say which folder`] : [];
}

// "all files but the 5 newest", "except the largest", "keeping the 3 most recent": some kept by their rank.
const keptByRank = new RegExp(String.raw`\b(?:but|except(?: for)?|other than|apart from|save for|keep(?:ing)?|leav(?:e|ing)|spar(?:e|ing))\s+(?:the\s+)?(?:(?:\d+|\$\{?\w+\}?|${numberWords((n) => n <= 10)}|a few)\s+)?(?:newest|latest|most recent(?:ly \w+)?|recent|oldest|largest|biggest|smallest|last|first)\b`);

/** "remove all files but the 5 newest" planned as `find . -type f -delete`: the ones to keep are known only by an order nothing in the plan makes. */
export function rankUnkept(intent: Intent, commands: CommandFact[]): string[] {
  const m = keptByRank.exec(intent.words);
  if (!m) return [];
  const orders = commands.some((c) => /^(?:sort|head|tail)$/.test(programOf(c)) || (programOf(c) === 'ls' && c.flags.some((f) => /^[tSUcu]$/.test(f))));
  return orders ? [] : [`it changes every file it picks, but the request keeps some by their order (${m[0]})`];
}

const findAgeFlags = new Set(['mtime', 'mmin', 'atime', 'amin', 'ctime', 'cmin', 'newer', 'newermt', 'newerct', 'newerat', 'anewer', 'cnewer', 'used']);

/** "show the files changed in the last 5*24 hours" planned as a find with no age test: it selects more than asked. */
export function ageLeftOut(intent: Intent, commands: CommandFact[]): string[] {
  if (!intent.stated?.age || !commands.some((c) => programOf(c) === 'find')) return [];
  return commands.some((c) => c.flags.some((f) => findAgeFlags.has(f))) ? [] : ['it leaves out the age the request states, so it selects more than asked'];
}

// "… which have at least execute permission for their owner and set …", "the files that are writable by others, chmod them": files picked by their modes.
const pickedByMode = /\b(?:which|that|whose|with|having)\s+(?:[\w-]+\s+){0,5}?(?:permissions?|perms|executable|writable|writeable|readable|modes?)\b/;
const modeTests = new Set(['perm', 'executable', 'writable', 'readable']);

/**
 * "find the files which have execute permission for their owner and set
 * execute permission for group for them" planned as a chmod of every file:
 * the files the request picks by their modes before it changes them, changed
 * with no test of their modes.
 */
export function modeLeftOut(intent: Intent, commands: CommandFact[]): string[] {
  const verb = intent.cues.change ?? intent.cues.delete ?? intent.cues.move;
  const at = verb === undefined ? -1 : intent.words.search(new RegExp(`\\b${escapeRegExp(verb)}\\b`));
  const picked = at > 0 ? pickedByMode.exec(intent.words.slice(0, at)) : null;
  if (!picked || commands.some((c) => programOf(c) === 'find' && c.flags.some((f) => modeTests.has(f)))) return [];
  return [`it leaves out the modes the request picks files by ("${picked[0]}"), so it changes more than asked`];
}
