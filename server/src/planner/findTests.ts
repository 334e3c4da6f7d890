// What a request selects files by, read as find's tests: where to start, the
// kind of entry, its name or path, size, age, permissions, owner, emptiness,
// depth and what to leave out. Each test comes from words the request says,
// so a plan built from them states no condition nobody asked for.

import { keptAt, notBeing, refusing } from './keptOut';
import type { Fact, RequestFacts } from './requestFacts';
import { shellQuote } from './templateFill';
import { ignoresCase, slashedWords } from './requestWords';
import { barePath } from './barePath';
import { specialKindOf, type EntryKind } from './entryKinds';

export interface FindTests {
  /** Where the walk starts, quoted for the shell. */
  start: string;
  /** The tests, in find's order (depth first, then kind, names, the rest). */
  tests: string[];
  /** How many of the tests are conditions the request states (kind aside). */
  stated: number;
  /** The entry kind asked for: f, d, l, a special kind (c, b, p, s) or undefined for any. */
  kind?: EntryKind;
}

// A value as a request writes it: quoted, a shell variable, a path.
export const valueWord = String.raw`(?:'[^']+'|"[^"]+"|\x60[^'\x60]+['\x60]|\$\{?\w+\}?[\w./{}$-]*|~[\w./-]*|\.{0,2}/[\w./*-]*|[\w.-]+/[\w./*-]*)`;

/** A value as written in a request, made a shell word: variables stay expandable, tildes stay outside quotes. */
export function shellValue(raw: string): string {
  const v = raw.replace(/^['"\x60](.*)['"\x60]$/s, '$1');
  if (/\$/.test(v)) return `"${v.replace(/["\\`]/g, '\\$&')}"`;
  return shellQuote(v);
}

const current = /\b(?:current|working|present|this) (?:directory|folder|dir)(?: tree)?\b|\bcwd\b/;
const wholeSystem = /\b(?:entire|whole|complete) (?:file ?system|system|disk|computer|machine)\b|\b(?:on|in|across|from) (?:the )?(?:file ?system|system)\b|\bsystem[- ]wide\b|\beverywhere\b|\broot (?:directory|folder)\b/;
const home = /\b(?:my|the|your|user'?s?) home(?: directory| folder| dir)?\b|\bhome (?:directory|folder|dir)\b/;
const startAfter = new RegExp(String.raw`\b(?:under|in|from|within|inside|below|beneath|of|at|throughout)\s+(?:the\s+)?(?:(?:directory|folder|dir|path|directories|folders|dirs|paths)(?:\s+tree)?\s+)?(${valueWord}|[\w.-]+(?=\s+(?:directory|folder|dir)\b)|[A-Za-z_][\w.-]*(?![\w./]))`, 'g');

/** Where the walk starts: a folder named after in/under/from, the current folder, home, or the whole system. */
export function readStart(f: RequestFacts): string {
  const text = f.text;
  for (const m of text.matchAll(startAfter)) {
    const before = f.lower.slice(Math.max(0, m.index - 40), m.index);
    // "that aren't in the lib folder": the preposition may itself be part of the exclusion.
    const upTo = f.lower.slice(Math.max(0, m.index - 40), m.index + m[0].lastIndexOf(m[1]));
    if (excludedBefore.test(before) || excludedBefore.test(upTo) || /\b(?:to|into|onto)\s*$/.test(before)) continue;
    const word = m[1];
    if (current.test(f.lower.slice(m.index, m.index + m[0].length + 20))) return '.';
    if (/^(?:the|a|an|and|or|all|their|its|current|working|this|that|which|order|case|size|name|names|it|them|those|these|each|every|any|my|home|entire|whole|last|past|following|sub|another|other|same|new|parent|destination|target|given|specified|some|root|specific|maximum|minimum|max|min)$/i.test(word)) continue;
    if (/^\d+$/.test(word)) continue;
    // "in TXT files", "in python files": a kind of file, not a folder.
    if (!/[/'"\x60$~]/.test(word) && /^\s+files\b/i.test(text.slice(m.index + m[0].length))) continue;
    if (/^(?:workspace|project|repo|repository|here)$/i.test(word)) return '.';
    if (/^(?:regular|normal)\/(?:normal|regular)$/i.test(word)) continue;
    // ... but "the top level of src" is src.
    if (/^(?:of|at|throughout)\b/i.test(m[0]) && !/[/$~]/.test(word) && !/^\s+(?:directory|folder|dir)\b/i.test(text.slice(m.index + m[0].length)) && !/\btop[- ]level\s*$/.test(before)) continue;
    if (!/[/'"\x60$~]/.test(word) && (notAFolder.test(word) || /^\s+(?:(?:\d+|a|an|one|two|three|few|several|the|last|past)\s+)?(?:days?|hours?|minutes?|weeks?|months?|years?|seconds?|bytes?|[kmg]b)\b/i.test(text.slice(m.index + m[0].length)))) continue;
    const first = shellValue(word.replace(/(?<=\w)\.$/, '').replace(/\/+$/, '') || '/');
    return [first, ...moreStarts(text.slice(m.index + m[0].length), /\b(?:folders|directories|dirs)\s+$/i.test(text.slice(0, m.index + m[0].lastIndexOf(word))))].join(' ');
  }
  // "Search the "data" directory tree": a folder named before the word folder.
  const before = new RegExp(String.raw`\bthe\s+(${valueWord})\s+(?:directory|folder|dir)\b`).exec(text);
  if (before) return shellValue(before[1].replace(/\/+$/, '') || '/');
  if (namedAsStart(f.lower, current)) return '.';
  const dir = f.dirs.find((d) => !/^(?:regular|normal|files?|directories|folders|dirs)\//i.test(d.value) && !excludedBefore.test(f.lower.slice(Math.max(0, d.at - 60), d.at)) && !f.targets.some((t) => t.at === d.at) && !/\b(?:to|into|onto)\s+(?:the\s+|my\s+)?$/.test(f.lower.slice(Math.max(0, d.at - 12), d.at)));
  if (dir) return shellValue(dir.value);
  if (namedAsStart(f.lower, wholeSystem)) return '/';
  if (namedAsStart(f.lower, home)) return '~';
  return '.';
}

/**
 * "in /home/ann and /home/bob", "in the folders src, lib and docs": folders named
 * one after another are all places to start; a bare word counts only after
 * "the folders" and only when nothing follows it that makes it a verb.
 */
function moreStarts(rest: string, plural: boolean): string[] {
  const next = new RegExp(String.raw`^(?:\s*,\s*(?:and\s+)?|\s+and\s+)(${valueWord}${plural ? String.raw`|[\w.-]+(?=\s*(?:,|\s+and\s|[.;]|$))` : ''})`, 'i');
  const out: string[] = [];
  for (let m = next.exec(rest); m; m = next.exec(rest)) {
    out.push(shellValue(m[1].replace(/\/+$/, '') || '/'));
    rest = rest.slice(m[0].length);
  }
  return out;
}

/** A place in words that is not where things go ("copy them into the home folder" starts nowhere near home). */
function namedAsStart(lower: string, place: RegExp): boolean {
  for (const m of lower.matchAll(new RegExp(place.source, 'g'))) {
    if (!/\b(?:to|into|onto)\s+(?:the\s+|my\s+|your\s+)?$/.test(lower.slice(Math.max(0, m.index - 12), m.index))) return true;
  }
  return false;
}

// Words after "in" that name no folder: "in order", "in their names", "in the top folder", "in upper case".
const notAFolder = /^(?:tree|hierarchy|upper|lower|mixed|system|filesystem|over|under|about|around|less|more|than|just|only|exactly|total|any|some|both|order|case|size|total|place|use|there|bytes?|parallel|reverse|alphabetical|lines?|contents?|sub-?director\w*|director\w*|folders?|files?|one|two|three|top|project|both|either|addition|general|particular|detail|full|short|long|human|readable|format|turn|front|time|question|mind|fact|short|seconds?|minutes?|hours?|days?|weeks?|months?|years?|\w+ly|\w+ing|\w+ed)$/i;
export const excludedBefore = /(?:\b(?:except|excluding|exclude|but not|other than|ignor\w*|skip\w*|omit\w*|leaving out|not in|outside(?: of)?|apart from|besides|unless|prun\w*|without)|n't in)\b(?!\s+(?:all\s+|the\s+)?hidden\b)(?:\s+[^\s,;]+){0,2}\s*$|\b(?:except(?: for)?|excluding|other than|apart from|save for|besides|unless|but not|omitting|skipping|ignoring|leaving out)\s+(?:the\s+)?(?:ones|those|files|they|it)\s+(?:that\s+|which\s+)?(?:(?:contain|have|include)s?\s+|are\s+|is\s+)?(?:present\s+|located\s+|found\s+|stored\s+|kept\s+)?(?:in|under|inside|within)?\s*(?:the\s+)?(?:path\s+of\s+|(?:folder|directory|dir)\s+)?$/;

// Things a request asks for by kind: "every *.bak", "the python scripts", "each log".
const namedKind = /\*|\.[a-z0-9]{1,5}\b|\b(?:scripts?|logs?|images?|photos?|pictures?|videos?|documents?|ones|items?|things|anything|objects?|archives?|backups?|sources?|pdfs?|csvs?|jsons?)\b/;

/** Whether the request asks for things of a kind; a folder's own name ("the folder archive", "the logs folder") is no kind. */
export function asksForAKind(lower: string): boolean {
  return namedKind.test(lower.replace(/\b(?:folder|directory|dir)\s+(?:called\s+|named\s+)?["'`]?[\w.-]+/g, 'folder').replace(/[\w.-]+\s+(?:folder|directory|dir)\b/g, 'folder'));
}

/** "every *.bak in all folders", "the logs in all subdirectories of logs": with a kind asked for, folders said after "in" are where to look. */
export function foldersAsPlace(lower: string): string {
  if (!asksForAKind(lower)) return lower;
  return lower.replace(/\b(?:in|under|from|across|throughout|within|inside)\s+(?:all\s+|every\s+|each\s+|any\s+)?(?:of\s+)?(?:the\s+|its\s+|their\s+|my\s+)?(?:sub-?)?(?:folders|directories|dirs|sub-?directory|sub-?folder)\b(?!\s+(?:named|called|start\w*|begin\w*))/g, '');
}

/** The entry kind: regular files, folders, links, or any. */
export function readKind(text: string): FindTests['kind'] {
  // A kind left out ("excluding symbolic links") is not the kind asked for.
  const lower = foldersAsPlace(text).replace(/\b(?:exclud\w*|except|without|but not|not including|other than|apart from)\s+(?:all\s+|the\s+|any\s+)?(?:symbolic links?|symlinks?|soft links?|directories|folders|dirs|sub-?directories|hidden files)\b/g, '')
    // "not in sub folders", "in the folders a and b": how deep and where to look, not what kind to find.
    .replace(/\b(?:not|never|without (?:going|descending|looking|recursing)) (?:in|into) (?:the |any )?sub-? ?(?:folders?|director(?:y|ies)|dirs?)\b|\b(?:in|under|from|within|inside|below) (?:the )?(?:folders|directories|dirs)(?= \S+(?:,| and ))/g, '');
  const special = specialKindOf(lower);
  if (special) return special;
  const files = /\bfiles?\b/.test(lower);
  const dirs = /\b(?:directories|folders|dirs|sub-?directories|sub-?folders)\b/.test(lower) && !/\b(?:directories|folders|dirs) (?:called|named|started|starting|beginning)\b/.test(lower);
  if (/\bfiles?\s*(?:\/|and|or|&)\s*(?:directories|folders|dirs)\b|\b(?:directories|folders|dirs)\s*(?:\/|and|or|&)\s*files\b/.test(lower)) return undefined;
  if (/\b(?:regular|normal|plain|ordinary)\b(?:\/\w+)?\s+files?\b/.test(lower)) return 'f';
  if (dirs && !files) return 'd';
  if (!files && /\b(?:every|each|all|any|a|the)\s+(?:the\s+)?(?:sub-?)?(?:directory|folder|dir|directories|folders|dirs)\s+(?:named|called|start\w*|begin\w*)\b/.test(lower)) return 'd';
  if (files && !dirs && /\bfiles\b|\b(?:all|every|each|any)\s+(?:[\w.*]+\s+)?file\b/.test(lower)) return 'f';
  return undefined;
}

/** Name tests: globs, "named X", "with X in their names", beginnings and endings, alternatives. */
export function readNames(f: RequestFacts): string[] {
  const text = spelledOut(f.text);
  const lower = f.lower;
  const test = ignoresCase.test(lower) ? '-iname' : '-name';
  const pathTest = test === '-iname' ? '-ipath' : '-path';
  const out: string[] = [];
  const names: string[] = [];
  // "whose paths start with './sr' and end with 'sc'", "that have 'export' in their pathnames".
  const pathBegin = new RegExp(String.raw`\bpaths?\s+(?:names?\s+)?(?:that\s+)?(?:start|begin)s?\s+with\s+(${valueWord}|\S+)(?:\s+and\s+end\s+with\s+(${valueWord}|\S+))?`, 'i').exec(text);
  if (pathBegin) return [`${pathTest} ${shellValue(`${bare(pathBegin[1])}*${pathBegin[2] ? bare(pathBegin[2]) : ''}`)}`];
  // "that match pathname '*/*/Maildir/new'".
  const pathMatch = new RegExp(String.raw`\bmatch(?:es|ing)?\s+(?:the\s+)?path(?:\s*name)?\s+(?:pattern\s+)?(${valueWord})`, 'i').exec(text);
  if (pathMatch) out.push(`${pathTest} ${shellValue(bare(pathMatch[1]))}`);
  // "whose name doesn't contain 'Music'".
  const notIn = new RegExp(String.raw`\bnames?\s+(?:does not|doesn'?t|do not|don'?t|not)\s+(?:contain|include)s?\s+(${valueWord}|[\w.-]+)`, 'i').exec(text);
  if (notIn) out.push(`! ${test} ${shellValue(`*${bare(notIn[1])}*`)}`);
  // "all hidden files": names that begin with a dot.
  if (/\bhidden (?:\w+ )?(?:files|directories|folders|dirs|entries)\b/.test(lower) && !/\b(?:exclud\w*|except|ignor\w*|skip\w*|without|not including|but not|including|with)\s+(?:all\s+|the\s+)?hidden\b/.test(lower)) names.push('.*');
  // "files containing whitespaces", "names with spaces": a blank somewhere in the name.
  // Not "with white space safety", nor files that only may have them ("including those that may contain spaces").
  const blank = /(?<!\b(?:may|might|can|could)\s+)\b(?:containing|contain|contains|with|having|have|has)\s+(?:a\s+|any\s+)?(?:white ?spaces?|spaces?|blanks?)\b(?!\s+safe)/.exec(lower);
  // "that do not contain a whitespace", "without spaces": names with no blank.
  const noBlank = /\b(?:not|n't|never|no)\s+(?:\w+\s+)?$/.test(lower.slice(Math.max(0, (blank?.index ?? 0) - 16), blank?.index ?? 0)) || /\bwithout\s+(?:any\s+)?(?:white ?spaces?|spaces?|blanks?)\b(?!\s+safe)/.test(lower);
  if (blank || noBlank) out.push(noBlank ? "! -name '* *'" : "-name '* *'");
  // ... or "whose pathnames contain "libstdc++"", "whose full paths include /cache/".
  const inPath = new RegExp(String.raw`(?:having|have|has|with|containing|contain|contains)\s+(${valueWord}|\w+)\s+in\s+(?:their|its|the)\s+path ?names?\b|\b(?:whose|with|their|its)\s+(?:full\s+)?(?:path ?names?|paths|(?<=\b(?:links?|symlinks?)\b[^.;]{0,40}\s)targets?)\s+(?:that\s+)?(?:contains?|containing|includes?|including)\s+(${valueWord}|[\w.+-][\w./+-]*)`, 'i').exec(text);
  if (inPath) out.push(`${pathTest} ${shellValue(`*${bare(inPath[1] ?? inPath[2])}*`)}`);
  // "containing 'farm' in their names", "whose names contain foo", "with foo in the name".
  const inName = new RegExp(String.raw`(?:having|have|has|with|containing|contain|contains|including)\s+(?:the\s+(?:word|string|text)\s+)?(${valueWord}|[\w.-]+)\s+(?:\([^)]*\)\s+)?in\s+(?:their|its|the|his|her)\s+(?:full\s+)?(?:file\s*)?names?\b|(?<!\bpath\s?)\bnames?\s+(?:that\s+)?(?:contains?|containing|including|includes?|with)\s+(${valueWord}|[\w.-]+)`, 'i').exec(text);
  if (inName && !keptByName(text, inName.index) && !/^(?:white ?spaces?|spaces?|blanks?)$/i.test(bare(inName[1] ?? inName[2]))) names.push(`*${bare(inName[1] ?? inName[2])}*`);
  // "whose names begin with my and end with p".
  const begin = new RegExp(String.raw`\b(?:begin|start|starting|beginning|begins|starts|started|prefixed)\s+with\s+(?:the\s+(?:word|string|letters?|text)\s+)?(${valueWord}|[\w.-]+)`, 'i').exec(text);
  const end = new RegExp(String.raw`\b(?:end|ending|ends|ended|suffixed)\s+(?:with|in)\s+(?:the\s+(?:word|string|letters?|text)\s+)?(${valueWord}|[\w.-]+)`, 'i').exec(text);
  const folderBegin = begin && (/\b(?:directories|folders|dirs)\s+(?:\w+\s+)?$/i.test(text.slice(Math.max(0, begin.index - 30), begin.index)) || leftOut(f, begin.index));
  // "not ending in .keep", "that don't start with tmp": a name turned down is left out (findConditions.ts), never picked.
  const turnedDown = (m: RegExpExecArray | null) => m !== null && new RegExp(String.raw`(?:${refusing})\s+(?:\w+\s+)?$`, 'i').test(text.slice(Math.max(0, m.index - 40), m.index));
  if ((begin && !folderBegin && !turnedDown(begin)) || (end && !turnedDown(end))) names.push(`${begin && !folderBegin && !turnedDown(begin) ? bare(begin[1]) : ''}*${end && !turnedDown(end) ? bare(end[1]) : ''}`);
  // "named foo or bar", "called 'x'", "the file `Chapter1'", "matching pattern $2".
  const named = new RegExp(String.raw`(?<!(?:\bnot|n't)\s+)(?<!\bthan\s+(?:the\s+)?)(?<!\b(?:exclud\w*|except|without|ignor\w*|skip\w*|not in)\s+(?:all\s+|the\s+)?(?:director\w*|folders?|dirs?|files?|paths?)\s+)\b(?:(?:named|called)(?:\s+exactly)?|name(?:d)? (?:is|as)|(?:matching|match|matches)(?:\s+(?:the\s+)?(?:pattern|name|glob))?|like|the file|file|files)\s+(${valueWord}|[\w*?.-]*[.*?][\w*?.-]*)((?:\s*(?:,|or|and|\/)\s*(?:${valueWord}|[\w*?.-]*[.*?][\w*?.-]*|[\w-]+(?=\s*(?:,|or|$))))*)`, 'i');
  // "whose names are "Trash"", "whose name is foo.txt".
  const nameIs = new RegExp(String.raw`\bnames?\s+(?:is|are)\s+(?:exactly\s+)?(${valueWord}|[\w.*?-]+)`, 'i').exec(text);
  // ... not "whose name is of length 1", "whose name is constituted by".
  if (nameIs && !/^(?:not|the|a|an|of|in|on|at|by|to|with|like|longer|shorter|\w+ed|\w+ing)$/i.test(nameIs[1])) names.push(bare(nameIs[1]));
  const n0 = pathMatch || notIn ? null : named.exec(text);
  // "save the output to the file out.txt": where the output goes, not a file to select.
  const n = n0 && /^(?:the\s+)?file\b/i.test(n0[0].trimStart()) && /\b(?:to|into)\s*$/i.test(text.slice(0, n0.index)) ? null : n0;
  const plainName = new RegExp(String.raw`(?<!(?:\bnot|n't)\s+)\b(?:named|called)\s+(?:exactly\s+)?(?!pipes?\b)([\w-]+)(?![\w.*?-])(?!\s+(?:files?|director\w*|folders?))`, 'i').exec(text);
  // "the file firefox or thunderbird or seamonkey": plain names given as alternatives.
  const alternatives = new RegExp(String.raw`\b(?:files?|named|called)\s+([\w.-]+)((?:\s*,\s*[\w.-]+)*(?:\s*,?\s+or\s+[\w.-]+)+)`, 'i').exec(text);
  if (!n && alternatives && !/^(?:the|a|an|all|in|under|that|which|with|whose|and|or)$/i.test(alternatives[1])) names.push(alternatives[1], ...alternatives[2].split(/\s*(?:,|\bor\b)\s*/).filter((x) => x.trim()));
  else if (!n && plainName && !/^(?:the|a|an|all|in|under|that|which|with|whose|like|after|by)$/i.test(plainName[1])) names.push(plainName[1]);
  if (n && !names.length && !/^(?:the|a|an|all|in|under|that|which|with|whose)$/i.test(n[1]) && !slashedWords.test(n[1].replace(/[.,;:]+$/, ''))) {
    names.push(bare(n[1]));
    for (const alt of n[2].split(/\s*(?:,|\bor\b|\band\b|\/)\s*/)) if (alt.trim()) names.push(bare(alt.trim()));
  }
  // "the access.log files": files of that name wherever they are.
  const fileNamed = /(?:^|\s)['"\x60]?([\w-]+\.[\w.-]*\w)['"\x60]?\s+files\b/.exec(text);
  if (names.length === 0 && fileNamed && !/^\*/.test(fileNamed[1])) names.push(fileNamed[1]);
  if (names.length === 0) names.push(...nameBeforeNamed(text));
  // 'every ".gz" file': an extension given in quotes.
  // ... or several: "with '.c' and '.h' extension".
  const quotedExt = /((?:['"\x60]\.\w{1,8}['"\x60](?:\s*,\s*|\s+(?:and|or)\s+)?)+)\s+(?:files?|archives?|extensions?)\b/.exec(text);
  if (names.length === 0 && quotedExt && !leftOut(f, quotedExt.index)) names.push(...[...quotedExt[1].matchAll(/\.(\w{1,8})/g)].map((e) => `*.${e[1]}`));
  // "the core files", "core dumps": what a crash leaves, a file named core.
  if (names.length === 0 && /\bcore (?:dump )?files\b|\bcore dumps\b/.test(lower)) names.push('core');
  if (names.length === 0) {
    const globs = f.globs.filter((g) => !/[/]/.test(g.value) && !isValueOfTest(f, g) && !leftOut(f, g.at) && !/^\s*(?:zip|tar|gz|archive)\s+file$/i.test(g.raw) && !/\b(?:to|into|as)(?:\s+\w+)?\s*$/.test(f.lower.slice(Math.max(0, g.at - 16), g.at)));
    const joined = joinBeginEnd(globs);
    for (const g of joined) names.push(g);
  }
  const unique = withKind(f, [...new Set(names.filter((x) => x && x !== '*'))], text, begin && !folderBegin ? begin.index : inName?.index);
  // A name with a slash in it is a path: -name never matches one.
  const one = (x: string) => `${x.includes('/') ? pathTest : test} ${shellValue(x)}`;
  if (unique.length === 1) out.push(one(unique[0]));
  else if (unique.length > 1) out.push(`\\( ${unique.map(one).join(' -o ')} \\)`);
  // "symbolic links to files whose pathnames contain foo": the name said is where the links point (-lname), not their own.
  // ... only when that is the one name said: links also named by their own name keep each test as said.
  return linkTargetNamed.test(lower) && out.length === 1 && !/\\\(/.test(out[0]) && !/\b(?:named|called)\b/.test(lower) ? out.map(toLinkTarget) : out;
}

const linkTargetNamed = /\b(?:symbolic links?|symlinks?|soft links?|links)\b[^.;]{0,60}?\b(?:(?:pointing|that point|which point|leading|that lead|which lead)\s+(?:to|at)|to)\s+(?:the\s+|any\s+)?(?:files?|director(?:y|ies)|folders?|targets?|paths?)\s+(?:whose|named|called|with|that|which|matching|ending|starting|containing)\b|\b(?:symbolic links?|symlinks?|soft links?|links)\b[^.;]{0,40}\bwhose\s+targets?\b/;

/** `-name x` (or `-path '*x*'`) made a test of where a link points: `-lname '*x'`. */
function toLinkTarget(test: string): string {
  return test.replace(/-(i?)(?:name|path|wholename) ('[^']*'|"[^"]*"|\S+)/g, (_m, i: string, value: string) => {
    const bareValue = value.replace(/^(['"])(.*)\1$/, '$2');
    return `-${i}lname ${shellValue(`*${bareValue.replace(/^\*+/, '')}`)}`;
  });
}

/** "omitting those that contain test in their names": names said of what is left out (exclusionTests), not of what is picked. */
function keptByName(text: string, at: number): boolean {
  return /\b(?:except|excluding|exclude|but not|other than|omitting|skipping|ignoring|leaving out)\s+(?:the\s+)?(?:ones|those|files|entries)\s+(?:(?:that|which)\s*)?$/i.test(text.slice(Math.max(0, at - 50), at));
}

/** "a 'foo.scala' named regular file": the name said before "named". */
function nameBeforeNamed(text: string): string[] {
  const m = /['"\x60]([^'"\x60\s]+)['"\x60]\s+named\s+(?:(?:regular|normal|plain|ordinary)\s+)?(?:files?|director(?:y|ies)|folders?|dirs?)\b/i.exec(text);
  return m ? [m[1]] : [];
}

/**
 * "the .sh files whose names begin with new", "python files with test in
 * their names": one name that is of the kind and has the part, `new*.sh`.
 */
function withKind(f: RequestFacts, names: string[], text: string, partAt: number | undefined): string[] {
  if (names.length !== 1 || !/^\*?[^*.?/]+\*$/.test(names[0]) || partAt === undefined) return names;
  const kinds = f.globs.filter((g) => /^\*\.\w+$/.test(g.value) && !leftOut(f, g.at));
  if (kinds.length !== 1) return names;
  // Only a kind that is the noun the part describes: not one after it ("… that are not .txt files"),
  // nor one set apart ("the log files and the files beginning with app", "unless they are .txt files").
  const lower = text.toLowerCase();
  const at = lower.indexOf(kinds[0].raw.toLowerCase());
  const between = at < 0 ? '' : lower.slice(at + kinds[0].raw.length, partAt);
  if (at < 0 || at > partAt || between.length > 60 || /[,;]|\b(?:and|or|not|unless|apart|save|except\w*|but|other|plus|also|as well)\b/.test(between)) return names;
  return [`${names[0]}${kinds[0].value.slice(1)}`];
}

// "start with a dot", "end with a digit": a character said in words.
const characters: Record<string, string> = { dot: '.', period: '.', 'full stop': '.', underscore: '_', hyphen: '-', dash: '-', digit: '[0-9]', number: '[0-9]', 'capital letter': '[A-Z]', 'uppercase letter': '[A-Z]', 'upper-case letter': '[A-Z]', 'lowercase letter': '[a-z]', 'lower-case letter': '[a-z]' };
export function spelledOut(text: string): string {
  return text.replace(/\b(begins?|beginning|starts?|starting|ends?|ending)\s+(with|in)\s+(?:an?\s+)?(full stop|dot|period|underscore|hyphen|dash|digit|number|(?:capital|upper-?case|lower-?case) letter)\b/gi, (_m, verb: string, word: string, what: string) => `${verb} ${word} '${characters[what.toLowerCase()]}'`);
}

/** "begin with my" and "end with p" read as two globs: one name that does both. */
function joinBeginEnd(globs: Fact[]): string[] {
  const begins = globs.filter((g) => /^[^*]+\*$/.test(g.value));
  const ends = globs.filter((g) => /^\*[^*]+$/.test(g.value) && !/^\*\.\w+$/.test(g.value) && /\bend/.test(g.raw));
  if (begins.length === 1 && ends.length === 1) return [`${begins[0].value}${ends[0].value.slice(1)}`, ...globs.filter((g) => g !== begins[0] && g !== ends[0]).map((g) => g.value)];
  return globs.map((g) => g.value);
}

// "not ending in .keep", "that aren't .ts files", "non-log files", "unless they are .md files": what comes before a name turned down.
const turnedDownBefore = new RegExp(String.raw`(?:(?:\bnot|n't|\bnever)\s+(?:be\s+)?(?:(?:\w+\s+)?(?:end\w*|start\w*|begin\w*|named|called|match\w*)(?:\s+(?:in|with))?\s*)?|${notBeing}\s+(?:an?\s+)?|\bnon-\s*)['"\x60]?$`);

/** Said inside an exclusion ("excluding search in the directories share and those starting with 10_"), or kept out, or turned down. */
function leftOut(f: RequestFacts, at: number): boolean {
  if (keptAt(f.kept, at)) return true;
  const lower = f.lower;
  // "everything but the *ddl* files": "but" after "everything" or "all" leaves out.
  if (/(?:\b(?:exclud\w*|except|without|ignor\w*|skip\w*|not in|but not|other than|apart from|save for|(?<=\b(?:everything|all|every)\b.*)but)|n't in)\b[^,;.]{0,70}$/.test(lower.slice(Math.max(0, at - 80), at))) return true;
  // A name turned down.
  return turnedDownBefore.test(lower.slice(Math.max(0, at - 40), at).replace(/\s*$/, ' '));
}

function isValueOfTest(f: RequestFacts, g: Fact): boolean {
  return /\b(?:bigger|larger|smaller|than|size)\s*$/.test(f.lower.slice(Math.max(0, g.at - 12), g.at));
}

/** A name as the request writes it, without the quotes around it or the punctuation after it ("*.log," → *.log). */
function bare(raw: string): string {
  return barePath(raw, { quotes: 'pair', ends: false }).replace(/[,;:]+$/, '').replace(/(?<=\w)\.$/, '');
}
