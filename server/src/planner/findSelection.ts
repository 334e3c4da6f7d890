// Requests that select files by what they are ("the .c files under $HOME
// modified in the last day", "files with wide open permissions", "every
// directory 2 levels deep") and maybe act on them (copy, move, delete, count,
// archive, change mode or owner, search in them, save the list). The selection
// is read as find's tests (findTests.ts, findConditions.ts), the act as find's
// -exec or a pipe after it. The candidate is held to the request's intent like
// every other: a request to look never gets a change.

import { eitherSize } from './statedSizes';
import { withoutGitInternals, type EmbeddedCandidate } from './embeddedPlanner';
import { readRequest, type RequestFacts } from './requestFacts';
import { placeInWords } from './requestPlaces';
import { exclusionTests, ownerTests, permissionTests, shapeTests, sizeTests, timeTests } from './findConditions';
import { readKind, readNames, readStart, shellValue, valueWord } from './findTests';
import { bareValue, perFileAct, permissionAct, type Act } from './perFileActs';
import { preferLookProgram } from './lookPrograms';
import { programAct, programOrdered, programVerb, withoutScriptName } from './findPrograms';
import { belowStart } from './compose';
import { lineEdit } from './lineEdits';
import { linkAct, linkEach } from './linkActs';
import { timeWord } from './keptOut';
import { brokenLinks, ignoresCase } from './requestWords';
import { specialKindNoun, type EntryKind } from './entryKinds';
import { confirmsEach } from './confirmedDeletes';

export interface Selection {
  start: string;
  depth: string[];
  tests: string[];
  kind?: EntryKind;
  /** Links whose target is gone ("broken symlinks"): `-xtype l`. */
  broken?: boolean;
  /** Links followed to what they point to ("following symlinks"): `find -L`. */
  follow?: boolean;
  /** Conditions the request states, kind aside. */
  stated: number;
}

const changing = /\b(?:delet\w*|remov\w*|rm|eras\w*|mov\w*|renam\w*|chmod|chown|chgrp|chang\w*|compress\w*|gzip|truncat\w*|overwrit\w*|replac\w*|edit\w*|modif\w*)\b/;
const followsLinks = /\bfollow\w*\s+(?:all\s+|the\s+|any\s+)?(?:sym(?:bolic)?\s*links?|soft links?|links)\b|\bdereferenc\w*\s+(?:all\s+|the\s+|any\s+)?(?:sym(?:bolic)?\s*links?|soft links?|links)\b/;
const notFollowing = /\b(?:not|without|never|no|n't|don't|do not)\s+(?:\w+\s+){0,3}?(?:follow|dereferenc)\w*/;

const selectingVerb = /\b(find|finds|search\w*|locate\w*|look(?:ing)? for|list\w*|display\w*|show\w*|print\w*|get|fetch|return\w*|count\w*|how many|number of|calculat\w*|comput\w*|replac\w*|unzip|gunzip|decompress\w*|uncompress\w*|unpack\w*|delete\w*|remov\w*|eras(?:e|es|ing)|get rid of|clean(?:ing)? up|purge|copy|copies|move\w*|compress\w*|gzip|archive|tar|tar ?ball|creat\w*|pack|bundle|zip|chang\w*|updat(?:e|es|ing)|chmod|chown|chgrp|give|set|make|which|what|truncat\w*|convert\w*|strip\w*|trim\w*|renam\w*)\b/;
// Verbs that only edit what is inside files: without an act read for them, the files are not the answer.
const editVerb = /^(?:truncat|convert|strip|trim|renam)/;
const selectionNoun = new RegExp(String.raw`\b(everything|files|file list\w*|file|director(?:y|ies)|folders|dirs|sub-?director(?:y|ies)|sub-?folders?|symlinks?|symbolic links?|${specialKindNoun.source}|(?:pdf|jpe?g|png|gif|text|log|php|python|java|html?|css|xml|json|shell|perl|c|c\+\+|header|source|mp3|wav|txt|sh|pl|py|js|ts) files)\b|\*\.\w+`);
// Words that say the walk goes down the tree, or the whole request is a find.
const recursive = /\b(tree|recursive\w*|below|beneath|sub-?director\w*|sub-?folders?|anywhere|entire|whole|system|hierarchy|all levels|under)\b/;
const findVerb = /\b(find|search\w*|locate|look(?:ing)? for)\b/;
// Inside files, not about them: lines, words and such are read by other programs.
// An order (the biggest, the newest first) is a question find alone does not answer.
const ordering = /\b(largest|biggest|smallest|newest|oldest|latest|most recent|sorted|order(?:ed)? by|in order)\b/;
// "create a gzip of all the files": each file compressed, not a new file.
const compressedCopy = /\b(?:creat\w*|mak\w*)\s+(?:a|an)\s+(?:gzip|bzip2|xz|compressed (?:copy|version))\s+of\b/;
// ("character devices" are entries of a kind, not text.)
const aboutText = /\b(lines?|words?|characters?(?!\s+(?:special\s+)?(?:devices?|files?)\b)|columns?|fields?|rows?|occurrences?)\b/;

/** The selection a request describes, or undefined when it is not a request about a set of files. */
export function readSelection(f: RequestFacts): Selection | undefined {
  const lower = f.lower;
  // Names of files ("file.tar.gz") hold no verbs; "including hidden files" qualifies a listing, it selects nothing.
  const words = lower.replace(/[\w-]*\.[\w.-]+/g, (m) => '_'.repeat(m.length)).replace(/\bfile ?systems?\b/g, 'filesystem').replace(/\b(?:including|excluding|with|without|plus)\s+(?:the\s+)?hidden files\b/g, '').replace(/\b(?:zip|tar|archive|output|log) file\b/g, 'archive');
  const noun = selectionNoun.exec(words);
  const verb = selectingVerb.exec(words) ?? programVerb(f, words);
  if (!noun && f.globs.length === 0) return undefined;
  // "json files anywhere in the tree", "files bigger than 1MB": a request that is only the selection.
  if (!verb && !(noun && /^(?:all\s+|the\s+|any\s+|every\s+)?(?:(?![\w-]+(?:es|ed|ing)\s)[\w.*+-]+\s+){0,2}$/.test(words.slice(0, noun.index)) && /^(?:files|directories|folders|dirs|[\w+]+ files)$/.test(noun[1] ?? noun[0]))) return undefined;
  // The request is about the selection: it begins by selecting, and a single file is a selection only when it is looked for.
  const at = verb?.index ?? 0;
  if (lower.slice(0, at).split(/\s+/).length > 4) return undefined;
  // "move all lines starting with Ca", "finds strings in files": the object is text inside files.
  const object = aboutText.exec(words.slice(at));
  if (object && (!noun || at + object.index < noun.index) && !/^(?:replac|count|how many|number)/.test(verb?.[1] ?? '')) return undefined;
  // "create a file", "make a folder": a new thing, not a selection, unless what is made is an archive of files.
  if (verb && /^(?:creat|make|pack|bundle)/.test(verb[1]) && !archiveName(f) && !compressedCopy.test(lower)) return undefined;
  const kind = readKind(lower);
  const names = readNames(withoutScriptName(f));
  const { depth, tests: shape } = shapeTests(f);
  const found = [...sizeTests(f), ...timeTests(f), ...permissionTests(f), ...ownerTests(f), ...shape];
  const conditions = [...names, ...found, ...exclusionTests(f)];
  const every = noun !== null && /\b(?:every|each|all|any)\s+(?:\S+\s+){0,2}$/.test(words.slice(0, noun.index));
  // "the empty file tmp/empty.txt": one file named by its path is no selection.
  if (!every && new RegExp(String.raw`\bthe\s+(?:\w+\s+)?file\s+(?:${valueWord}|[\w-]+\.\w+)`).test(f.text) && !findVerb.test(lower)) return undefined;
  if (noun && /^(?:file|directory|folder)$/.test(noun[1] ?? '') && !every && !findVerb.test(lower) && !/[*?]/.test(f.text) && found.length === 0) return undefined;
  // "files excluding symbolic links": the kind asked for already leaves the other out.
  const tests = kind ? conditions.filter((t) => !/^! -type [ldf]$/.test(t)) : conditions;
  const broken = kind === 'l' && brokenLinks.test(lower);
  // Only a look follows links: a change through a link to a folder reaches wherever it points.
  const follow = followsLinks.test(lower) && !notFollowing.test(lower) && !changing.test(lower);
  return { start: readStart(f), depth, tests, kind, broken, follow, stated: tests.length + depth.length + (broken ? 1 : 0) + (follow ? 1 : 0) };
}

export function findOf(s: Selection): string {
  // "broken symlinks": links whose target is gone are of no type once followed.
  return ['find', ...(s.follow ? ['-L'] : []), s.start, ...s.depth, ...(s.kind ? [`-${s.kind === 'l' && s.broken ? 'xtype' : 'type'} ${s.kind}`] : []), ...s.tests].join(' ');
}


const dest = String.raw`(?:to|into)\s+(?:the\s+)?(?:(?:directory|folder|dir)\s+)?(${valueWord}|[\w.-]+)`;
const them = String.raw`(?:them|those|these|it|all|every|each|files?|director\w*|folders?|(?:symbolic |soft )?links|symlinks?|devices|pipes|sockets|fifos|\S*\*\S*|[\w.'-]+\s+files)`;

function destination(text: string, verb: RegExp): string | undefined {
  const m = new RegExp(String.raw`\b${verb.source}\b.*?\s${dest}`, 'i').exec(text);
  // "into the current directory": a place in words, not a folder called current.
  const to = m ? new RegExp(String.raw`\s${dest}$`, 'i').exec(m[0]) : null;
  const inWords = m && to ? placeInWords(text.slice(m.index + to.index).replace(/^\s*(?:to|into)\s+/i, '')) : undefined;
  if (inWords) return inWords;
  if (!m || /^(?:another|other|some|a|an|its|their|each|every)$/i.test(m[m.length - 1])) return undefined;
  return shellValue(bareValue(m[m.length - 1].replace(/[.,;]$/, '')).replace(/\/+$/, '') || '/');
}

const createsFolder = /(?<![/.\w])(?:create|make|new)\b[^.]{0,40}\b(?:folder|directory|dir)\b|\bif (?:it does(?:n'?t| not) exist|(?:it'?s|it is) missing|needed|necessary)\b/;

/** Links, devices, pipes or sockets: kinds only find's -type picks out of a folder, so asking for them is a selection. */
const special = (s: Pick<Selection, 'kind'>) => s.kind !== undefined && s.kind !== 'f' && s.kind !== 'd';

/** Every entry of the folder, of any kind, with no test: what is in it. */
function everything(s: Pick<Selection, 'depth' | 'kind' | 'tests'>): boolean {
  return !s.kind && s.tests.length === 0 && s.depth.length === 0;
}

/** "move all files and folders in src": entries of any kind, with no test, are the folder's own entries; a folder moves with what is in it. */
// ... and so are those with names only left out ("everything in out except build.js"): find's first result, the folder itself, passes `! -name`.
function topLevel(find: string, s: Pick<Selection, 'start' | 'depth' | 'kind' | 'tests'>): string {
  const leftOutOnly = !s.kind && s.depth.length === 0 && s.tests.length > 0 && s.tests.every((t) => /^(?:!|-not) -(?:name|path) /.test(t));
  if (!everything(s) && !leftOutOnly) return find;
  return find.replace(`find ${s.start}`, `find ${s.start} -mindepth 1 -maxdepth 1`);
}

const saving = String.raw`\b(?:save|write|store|redirect|output|put|send|append)\w*\b[^.]{0,90}?\b`;
// "save the output to a file": a file nobody named is asked for.
const unnamedFile = new RegExp(String.raw`${saving}(?:to|into|in)\s+(?:a|an(?:other)?|some)\s+(?:new\s+|text\s+|log\s+)?file\b(?!\s*(?:called|named|system))`, 'i');

/** Where the request saves what the act prints: ` > name`, ` >> name` to append, a `<file>` slot when it names no file, or nothing. */
function savedOutput(f: RequestFacts): { into: string; missing?: string[] } {
  const saved = new RegExp(String.raw`${saving}(?:to|into|in|as)\s+(?:a\s+)?(?:file\s+)?(?:(?:called|named)\s+)?(${valueWord}|[\w.-]+\.\w+)|(?:\binto|${saving}to)\s+(?:the\s+)?file\s+(?:(?:called|named)\s+)?(?!system\b)(${valueWord}|[\w.-]+)|\b(?:into|to)\s+([\w.-]+\.(?:txt|log|lst|list|out))\b`, 'i').exec(f.text);
  const redirect = /\bappend/.test(f.lower) ? '>>' : '>';
  // "rename them to README.txt", "copy them to list.txt": a new name or a destination, not where a listing goes.
  if (saved && !(saved[3] && /\b(?:renam\w*|mov\w*|cop\w*|cp|mv)\b/.test(f.lower))) return { into: ` ${redirect} ${shellValue(saved[1] ?? saved[2] ?? saved[3])}` };
  return unnamedFile.test(f.text) ? { into: ` ${redirect} '<file>'`, missing: ['file'] } : { into: '' };
}

/** The one act on the selection the request orders, if any, with the file its output goes to asked for when unnamed. */
function readAct(f: RequestFacts): Act | undefined {
  const { into, missing } = savedOutput(f);
  const act = actOn(f, into);
  if (!act || !missing || !act.command('find .', { start: '.', depth: [], tests: [] }).includes("'<file>'")) return act;
  return { ...act, missing: [...(act.missing ?? []), ...missing] };
}

function actOn(f: RequestFacts, into: string): Act | undefined {
  const lower = f.lower;
  const text = f.text;
  // A program the request names is the act; what else it says of the files is a condition or is left unread.
  const program = programAct(f, into);
  if (program) return program;
  const edit = perFileAct(f, into);
  if (edit) return edit;
  const archive = archiveName(f);
  if (archive) {
    const name = shellValue(archive[1]);
    if (/\.zip['"]?$/i.test(archive[1])) return { command: (find) => `${find} -print | zip ${name} -@`, label: 'Archives the files it finds' };
    const z = /\.(?:tar\.gz|tgz)['"]?$/i.test(archive[1]) ? 'z' : /\.(?:tar\.bz2|tbz2?)['"]?$/i.test(archive[1]) ? 'j' : /\.tar\.xz['"]?$/i.test(archive[1]) ? 'J' : '';
    return { command: (find, s) => `${find} -print0 | tar --null${s.kind === 'd' ? ' --no-recursion' : ''} -c${z}f ${name} -T -`, label: 'Archives the files it finds' };
  }
  const link = linkAct(f);
  if (link) return { command: (find, s) => linkEach(find, s, link.into), label: `Links each file it finds into ${link.into}` };
  const copying = /\b(?:copy|copies|cp)\b/.test(lower);
  const moving = /\b(?:move|moves|mv)\b/.test(lower);
  // "to another folder": a place nobody named is asked for.
  const unnamed = (copying || moving) && /\b(?:to|into)\s+(?:an?other|a different|some other|a new|some)\s+(?:folder|directory|dir|place|location)\b|\belsewhere\b/.test(lower);
  const copy = copying ? destination(text, /(?:copy|copies|cp)/) ?? (unnamed ? "'<dest>'" : undefined) : undefined;
  const mkdir = (to: string) => (createsFolder.test(lower) && !to.includes('<') ? `mkdir -p ${to} && ` : '');
  const missing = unnamed ? ['dest'] : undefined;
  if (copy) return { command: (find, s) => `${mkdir(copy)}${topLevel(find, s)} -exec cp ${s.kind === 'f' ? '' : '-r '}-t ${copy} {} +`, label: `Copies the files it finds to ${copy}`, missing };
  const move = moving ? destination(text, /(?:move|moves|mv)/) ?? (unnamed ? "'<dest>'" : undefined) : undefined;
  if (move) return { command: (find, s) => `${mkdir(move)}${topLevel(find, s)} -exec mv -t ${move} {} +`, label: `Moves the files it finds to ${move}`, missing };
  const permissions = permissionAct(f);
  if (permissions) return permissions;
  // "get rid of the zero-byte .log files", "clean up the blank ones": a word of the selection may be hyphened.
  if (new RegExp(String.raw`\b(?:delete|remove|erase|rm|get rid of|clean up|purge)s?(?:,\s+[\w\s-]{1,30},)?\s+(?:(?!containing|trailing|leading|suffix|prefix|extension|lines?)[\w-]+\s+){0,3}?${them}|\b(?:and|then)\s+(?:delete|remove)s?\b(?!\s+(?:the\s+)?(?:last|first|final|trailing|leading|extra|duplicate|empty|blank)\b|\s+(?:the\s+)?["'\x60]?[^\w\s"'\x60])`).test(lower) && !/\bremov\w* (?:the )?duplicat/.test(lower)) {
    // "remove everything in tmp": what is in the folder, not the folder; "delete, without asking, the folders …": the words between commas say how.
    return { command: (find, s) => deleteFound(find, s, confirmsEach(lower)), label: 'Deletes the files it finds' };
  }
  // "compress them", not "the non-compressed files": only the verb orders a compression.
  if (/(?<!\bnon[- ]?|\bun|\bnot |\balready )\b(?:gzip|bzip2|xz|compress(?:es|ing)?)\b|\barchiv\w* (?:them|each|every|those)\b.*\.(?:bz2|gz|xz)\b/.test(lower)) {
    const program = /\bbz(?:ip)?2\b/.test(lower) ? 'bzip2' : /\bxz\b/.test(lower) ? 'xz' : 'gzip';
    return { command: (find) => `${find} -exec ${program} {} +`, label: 'Compresses each file it finds' };
  }
  // A change ordered above comes first: what the files contain then picks them (selectionCandidates).
  const contents = contentSearch(f);
  if (contents) return { command: (find) => `${find} -exec grep ${contents.flags} ${contents.text} {} +${into}`, label: 'Searches the files it finds for the text' };
  if (/\b(md5|md5sums?|checksums?)\b/.test(lower)) return { command: (find) => `${find} -exec md5sum {} +${into}`, label: 'Prints the checksum of each file it finds' };
  if (/\b(?:total|sum of|combined|overall)\b[^.]{0,30}\b(?:size|disk|space|usage)\b|\bdisk (?:space |usage )?used by\b/.test(lower)) return { command: (find) => `${find} -exec du -ch {} + | tail -n 1`, label: 'Adds up the size of the files it finds' };
  // ... and "the file sizes along with their paths for all *.txt files".
  if (/\b(?:sizes?|disk usage|space used)\s+(?:of|by)\s+(?:all|each|every|the|these|those)\b|\b(?:file\s+)?sizes\b(?:\s+(?:along\s+)?with\s+(?:their|the)\s+(?:paths?|names?))?\s+(?:of|for)\s+(?:all|each|every)\b/.test(lower)) return { command: (find) => `${find} -exec du -h {} +${into}`, label: 'Prints the size of each file it finds' };
  // "count the words in each md file": what is in each file is counted, not the files.
  const unit = /\b(?:count|number of|how many)\s+(?:the\s+)?(lines|words|characters|chars|bytes)\s+(?:are\s+)?(?:in|of)\b(?!\s+(?:the\s+|their\s+|its\s+)?(?:file\s*)?names?\b)/.exec(lower)?.[1];
  if (unit) return { command: (find) => `${find} -exec wc -${{ lines: 'l', words: 'w', characters: 'm', chars: 'm', bytes: 'c' }[unit]} {} +${into}`, label: `Counts the ${unit} of each file it finds` };
  // ... not "where day count starts from today", "counting days from today": how an age is measured.
  if (/\b(?:how many|count|number of)\b/.test(lower.replace(/\b(?:days?\s+)?count\w*\s+(?:the\s+)?(?:days?\s+)?(?:(?:starts?|starting|begins?|beginning)\s+)?from\b/g, ''))) return { command: (find) => `${find} | wc -l${into}`, label: 'Counts the files it finds' };
  if (/\blong (?:list\w*|format)\b|\bls -l\b|\bwith (?:their )?(?:details|sizes|permissions|owners?|dates?)\b|\bdetails\b/.test(lower)) {
    const order = /\b(?:order of size|by size|sorted by size|decreasing (?:order of )?size|largest first)\b/.test(lower) ? 'S' : '';
    return { command: (find) => `${find} -exec ls -l${order} {} +${into}`, label: 'Lists the files it finds with their details' };
  }
  // "print their sorted and unique parent directory paths": the folder of each file found, each once when asked.
  const parents = /\b(?:their|its|the)\s+(?:(?:\w+\s+){0,3}?)(?:(paths?)\s+and\s+(?:their\s+)?)?parent\s+(?:director(?:y|ies)|folders?|dirs?)(?:\s+(?:paths?|names?))?\b/.exec(lower);
  if (parents) return { command: (find) => `${find} -printf '${parents[1] ? '%p %h' : '%h'}\\n'${!parents[1] && /\b(?:unique|distinct|sorted|sort)\b/.test(lower) ? ' | sort -u' : ''}${into}`, label: 'Prints the folder of each file it finds' };
  if (/\bsort(?:s|ing)?\b(?! (?:files|lists?))|\bsorted (?:by|in|alphabetically|numerically)\b/.test(lower)) return { command: (find) => `${find} | sort${sortFlags(lower)}${into}`, label: 'Lists the files it finds, sorted' };
  if (into) return { command: (find) => `${find}${into}`, label: 'Saves the list of files it finds' };
  if (/\bnull[- ](?:separated|delimited|terminated)\b|\bnul[- ]separated\b|\b(?:separated|delimited|terminated|ended|followed) by (?:a )?nul(?:l)?\b|\bnul(?:l)? (?:characters?|bytes?|chars?|delimiters?)\b(?:[^.;]{0,30}\b(?:end|after|between)\b)|\bprint0\b/.test(lower)) return { command: (find) => `${find} -print0`, label: 'Prints the paths of the files it finds, each ended by a null character' };
  return undefined;
}

/** The options of a sort said in words: "numerically" -n, "in reverse" -r, "unique" -u. */
function sortFlags(lower: string): string {
  // Only words said with the sort ("reverse sort them", "sort them numerically"), and none when it sorts by another key ("by size").
  const near = /(?:\b[\w-]+\s+){0,2}\bsort\w*\b[^.;,]{0,30}/.exec(lower)?.[0] ?? '';
  if (/\bby\s+(?:size|time|date|age|name|length)\b/.test(near)) return /\bduplicat|\bunique\b/.test(lower) ? ' -u' : '';
  const flags = `${/\bnumeric\w*/.test(near) ? 'n' : ''}${/\brevers(?:e|ed|ely|ing)?\b|\bdescending\b/.test(near) ? 'r' : ''}${/\bduplicat|\bunique\b/.test(lower) ? 'u' : ''}`;
  return flags ? ` -${flags}` : '';
}

/**
 * A delete of what a find selects. The folder it starts from is never among
 * them ("delete all folders in build" keeps build), and a folder kept out
 * ("except lib") is kept itself, not only what is in it: `-not -path '*\/lib/*'`
 * alone still matches lib. A folder goes with what is in it, once (`-prune`).
 */
function deleteFound(find: string, s: Pick<Selection, 'start' | 'depth' | 'kind' | 'tests'>, confirm: boolean): string {
  const kept = find.replace(/ -not -path '\*\/([^'*/]+)\/\*'/g, " -not -path '*/$1' -not -path '*/$1/*'");
  const folders = s.kind !== 'f' && s.kind !== 'l' && (kept !== find || s.kind === 'd' || everything(s));
  const inside = folders ? belowStart(kept) : kept;
  if (s.kind === 'd' && !s.tests.includes('-empty')) return `${inside} -prune -exec rm -r {} +`;
  return `${inside}${confirm ? ' -ok rm {} \\;' : ' -delete'}`;
}

/** The archive a request makes of its selection: named ("into 2009.tar"), or said by kind ("a tarball"). */
function archiveName(f: RequestFacts): [string, string] | undefined {
  if (!/\b(archiv\w*|tar\w*|pack|bundle|zip)\b/.test(f.lower) || /\b(?:unzip|extract|unpack|untar)\w*/.test(f.lower)) return undefined;
  for (const m of f.text.matchAll(new RegExp(String.raw`(${valueWord}|[\w.-]+)`, 'g'))) {
    // "delete everything except backup.tar.gz": an archive left out is not one to make.
    if (/\b(?:except|excluding|exclude|but not|other than|apart from|save for|keep\w*|preserv\w*)\b(?:[^.;]|\.(?=\w))*$/i.test(f.text.slice(0, m.index))) continue;
    if (/\.(?:tar(?:\.gz|\.bz2|\.xz)?|tgz|tbz2?|zip)['"\x60]?$/i.test(m[1])) return [m[0], m[1]];
  }
  // An archive nobody named is named after what goes in it: the folder, or the kind of file.
  const source = /^[\w.-]+$/.test(readStart(f).replace(/^\.\/?/, '').split('/').pop() ?? '') ? readStart(f).replace(/\/+$/, '').split('/').pop() : undefined;
  const kind = f.exts[0]?.value.replace(/\W/g, '');
  const base = source && source !== '.' ? source : kind ? `${kind}-files` : 'files';
  if (/\btar ?ball\b|\btar (?:archive|file)\b/.test(f.lower)) return ['', `${base}.tar.gz`];
  if (/\bzip (?:archive|file)\b|\ba zip\b|\bzip (?:them|those|these|it|all)\b/.test(f.lower)) return ['', `${base}.zip`];
  if (/\barchiv\w* (?:them|those|these|it|all of them)\b/.test(f.lower) && !/\.(?:bz2|gz|xz)\b/.test(f.lower)) return ['', `${base}.tar.gz`];
  return undefined;
}

/** "containing the string X", "search them for X": the text to look for in the files, with grep's flags. */
function contentSearch(f: RequestFacts): { text: string; flags: string } | undefined {
  const text = f.text;
  const m = new RegExp(String.raw`\b(?:contain(?:s|ing)?|match(?:es|ing)?|mention(?:s|ing)?)\s+(?:the\s+)?(?:case[- ]?(?:in)?sensitive\s+)?(?:(?:string|text|word|pattern|line|regex|regular expression)\s+)?(${valueWord}|\S+)(?!\s+in\s+(?:their|its|the)\s+(?:full\s+)?(?:file\s*)?(?:path\s*)?names?)|\b(?:with|having|have|has)\s+(${valueWord}|\S+)\s+in\s+(?:their|its|the)\s+contents?|\bsearch\w*\s+(?:them|those(?: files)?|these(?: files)?|it|the files)?\s*for\s+(?:the\s+)?(?:(?:string|text|word|pattern)\s+)?(${valueWord}|\S+)|\bsearch\w*\s+for\s+(?:the\s+)?(?:(?:string|text|word|pattern)\s+)?(${valueWord})\s+in\s+(?:them|those|these|it|the|all)|\bsearch\w*\b[^.]{0,80}?\bfor\s+(?:the\s+)?(?:(?:string|text|word|pattern)\s+)?(${valueWord})`, 'i').exec(text);
  // ("whose pathnames contain", "links whose target contains": names, not contents.)
  if (!m || /\b(?:names?|paths?|path ?names?|targets?)\s+(?:\S+\s+){0,2}$/.test(text.slice(Math.max(0, m.index - 25), m.index))) return undefined;
  const raw = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5];
  // "search for text in all files": a word that only links the sentence is no text to look for.
  if (/^(?:in|on|at|of|from|for|to|into|inside|within|across|under|all|every|each|the|a|an|any|some|files?|them|it)$/i.test(raw)) return undefined;
  // "search for MP3 files": a kind of file, not text.
  if (/^\s+files?\b/i.test(text.slice(m.index + m[0].length))) return undefined;
  // A pattern with wildcards is a file name pattern, not text.
  if (/[*?]/.test(raw) && /\bmatch/i.test(m[0])) return undefined;
  // Only a value written as such (quoted, a variable) or said to be a string is text to look for.
  const codeLike = /^[A-Za-z_$][\w$]*(?:[.(_][\w$().]*)+$/.test(raw) && !/\.$/.test(raw) || /^[A-Z][A-Z0-9_]{2,}$/.test(raw);
  if (!/^['"\x60$]/.test(raw) && !codeLike && !/\b(?:string|text|word|pattern|regex|expression)\s+\S+$/.test(m[0])) return undefined;
  if (/\bnames?\b|\bpath ?names?\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 25))) return undefined;
  const listing = /\b(?:files|which|list|find|return|print|display|show)\b/i.test(text.slice(0, m.index)) && !/\bsearch\w* (?:them|those|these|it|for)\b/i.test(text);
  const never = /\b(?:not|never|don'?t|doesn'?t|do not|does not|without)\s+(?:\w+\s+)?$/.test(f.lower.slice(Math.max(0, m.index - 20), m.index));
  const flags = `${never ? '-L' : listing ? '-l' : '-Hn'}${ignoresCase.test(f.lower) ? 'i' : ''}`;
  return { text: shellValue(raw), flags: `-${flags.replace(/^-/, '')}` };
}

/**
 * A request about names ("containing 'farm' in their names", "called foo or bar")
 * is not answered by a search of the files' contents for that name.
 */
export function preferSelection(candidates: EmbeddedCandidate[], request: string, facts?: RequestFacts): void {
  // Which looking program the words call for (contents, differences, disk usage, names) comes first.
  if (facts) preferLookProgram(candidates, facts);
  const selection = candidates.find((c) => c.source === 'find.selection');
  if (!selection) return;
  const searches = /-exec grep\b/.test(selection.command);
  // ... nor, when the files to search are selected by name, size or age, by a search of every file.
  const selects = searches ? /\s-(?:i?name|i?path|size|[acm]time|[acm]min|newer\w*|perm|user|nouser|group|maxdepth|mindepth)\s/.test(selection.command) : /\s-i?(?:name|path)\s/.test(selection.command);
  if (!selects) {
    // Only text to look for, in every file: grep's own recursive search, when there is one, says the same more simply.
    const [, flags = '', text = ''] = /-exec grep -(\w+) (\S+) \{\}/.exec(selection.command) ?? [];
    const list = flags.includes('L') ? 'L' : 'l';
    const sameFlags = (c: string) => new RegExp(`^grep\\s(?:\\S+\\s)*-(?=\\w*r)(?=\\w*${list})\\w+\\s`).test(c) && /i/.test(flags) === /\s-\w*i/.test(c);
    const start = /^find (\S+)/.exec(selection.command)?.[1] ?? '.';
    const searchesHere = (c: string) => c.includes(` ${text} `) && new RegExp(`\\s${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\s|$)`).test(c.replace(/^grep\s/, ''));
    const same = searches && text && /[lL]/.test(flags) ? candidates.find((c) => sameFlags(c.command) && searchesHere(c.command)) : undefined;
    if (same && !/^\s*(?:find|locate)\b/i.test(request)) same.confidence = Math.min(0.97, Math.round(Math.max(same.confidence, selection.confidence + 0.01) * 100) / 100);
  }
  // "find files that contain X": asked with find's own verb for a list of files, the find that lists them stays first.
  if (searches && /-exec grep -\w*[lL]/.test(selection.command) && /^\s*(?:find|locate)\b[^.;]*\bfiles?\b/i.test(request)) {
    for (const c of candidates) if (/^grep\s/.test(c.command) && c.confidence >= selection.confidence) c.confidence = Math.max(0.01, Math.round((selection.confidence - 0.01) * 100) / 100);
  }
  // A search of the files of one kind is grep's own --include: that candidate stays first.
  const included = candidates.find((c) => /^grep\s.*--include\b/.test(c.command));
  if (selects && searches && included) selection.confidence = Math.min(selection.confidence, Math.max(0.01, included.confidence - 0.01));
  else if (selects) for (const c of candidates) {
    if (/^(?:grep|rg)\s/.test(c.command) && !(searches && /--include\b/.test(c.command)) && c.source !== 'content.question' && c.confidence >= selection.confidence) c.confidence = Math.max(0.01, Math.round((selection.confidence - 0.05) * 100) / 100);
  }
  // A selection that carries the change the request orders goes before finds that only list: those change nothing.
  if (/\s-exec (?:mv|cp|sed -i|gzip|bzip2|xz|chmod|chown|chgrp|truncate)\s|\s-delete\b/.test(selection.command)) {
    for (const c of candidates) if (c !== selection && onlyLists(c.command) && c.confidence >= selection.confidence) c.confidence = Math.max(0.01, Math.round((selection.confidence - 0.01) * 100) / 100);
  }
  // A find that keeps only names the request never says (a template's default '*.py') selects less than asked.
  const lower = request.toLowerCase();
  for (const c of candidates) {
    if (c === selection || !/^find\s/.test(c.command) || c.confidence < selection.confidence) continue;
    const names = [...c.command.matchAll(/\s-i?name\s+'?([^'\s]+)'?/g)].map((m) => m[1]);
    const unstated = names.some((n) => !selection.command.includes(n) && !lower.includes(n.replace(/^\*\.?|\*$/g, '').toLowerCase()));
    if (unstated) c.confidence = Math.max(0.01, Math.round((selection.confidence - 0.03) * 100) / 100);
  }
}

/** A find that prints what it finds and does nothing else to it. */
function onlyLists(command: string): boolean {
  return /^find\s/.test(command) && !/\s-(?:exec\w*|ok\w*|delete|fprint\w*|fls)\b|[|;&>]/.test(command);
}

/** A condition the request states that no test or act was read for: the find would select more than asked. */
function unread(f: RequestFacts, s: Selection, act: Act | undefined): boolean {
  const tests = s.tests.join(' ');
  const lower = f.lower;
  const acted = act !== undefined;
  // "delete files containing whitespaces": what they contain, unread, would leave every file to the act.
  if (!act?.label.startsWith('Searches') && /(?<![/~.\w])(contain\w*|mention\w*|say\w*|import\w*|defin\w*|refer\w*)\b/.test(lower) && !/-i?(?:l?name|path)\b|-exec grep -q/.test(tests) && (!acted || /(?<![/~.\w])contain(?:s|ing|ed)?\b/.test(lower))) return true;
  // "search for text in all files" with no text given: the search is the point, and a listing drops it.
  if (!acted && /\b(?:search\w*|grep\w*|look(?:ing)?)\s+(?:\w+\s+){0,2}for\s+(?:the\s+|a\s+|some\s+)?(?:text|strings?|words?|patterns?|phrases?|occurrences?)\b/.test(lower)) return true;
  // "with filename extension '.processname'": an extension said but not read would leave every name to the act.
  if (acted && /\b(?:extension|suffix)\b/.test(lower) && !/-i?(?:name|path|regex)\b/.test(tests)) return true;
  if (/\b(bigger|larger|smaller|greater|size[ds]?|bytes|kb|mb|gb)\b/.test(lower) && !/-size\b|-empty\b/.test(tests) && !acted) return true;
  if (/\b(modified|accessed|changed|older|newer|ago|since|updated|edited|touched)\b/.test(lower) && !/-(?:[acm](?:time|min)|newer\w*)\b/.test(tests)) return true;
  if (/\b(perm\w*|executable|writable|readable|setuid|setgid)\b/.test(lower) && !/-perm\b|-writable\b|-readable\b/.test(tests) && !acted) return true;
  if (/\b(owned|owner|belong\w*)\b/.test(lower) && !/-(?:user|nouser|group|nogroup)\b/.test(tests) && !acted) return true;
  // "delete all hard links to file1", "remove all files except the ones listed in MANIFEST": an act on more than asked.
  if (/\bhard ?links?\b/.test(lower) && !/-(?:samefile|links|inum)\b/.test(tests)) return true;
  // ... not "but not below it": what is left out there is a depth.
  if (acted && /\b(?:except|excluding|but not|other than|apart from)\b/.test(lower) && !/(?:^|\s)(?:!|-not)\s/.test(tests) && exclusionTests(f).length === 0 && !s.depth.includes('-maxdepth 1')) return true;
  // "except today's": files kept by their time, which no test here turns around.
  if (f.kept.some((k) => k.kept.some((w) => timeWord.test(w.word)))) return true;
  // "pass them as input to the script": a program to run on them that no act was read for.
  if (!act?.label.startsWith('Runs') && (programOrdered(f.text) || /\b(?:pass|feed|pipe|hand)\w*\s+(?:them|those|these|it|each|the files)\b/.test(lower))) return true;
  return false;
}

/** The candidate for a file-selection request, or none when the request is not one or states nothing find would test. */
export function selectionCandidates(request: RequestFacts): EmbeddedCandidate[] {
  // "delete the lines containing 'x' from the logs", "make links in out for ...": what the act says of lines or of where links go selects no files.
  const own = lineEdit(request)?.phrase ?? linkAct(request)?.phrase;
  const f = own ? readRequest(request.text.replace(own, 'change'), request.ws) : request;
  const s = readSelection(f);
  if (!s) return [];
  const lower = f.lower;
  const act = readAct(request);
  if (!act && editVerb.test(selectingVerb.exec(lower)?.[1] ?? '')) return [];
  // Lines, words and such are inside the files: counting or sorting the files does not answer them.
  if ((!act || /^(?:Counts the files|Lists|Saves)/.test(act.label)) && (aboutText.test(lower) || ordering.test(lower))) return [];
  // "delete the files that contain 'x'": what they contain picks the files the act changes.
  const contents = act && !act.label.startsWith('Searches') ? contentSearch(f) : undefined;
  if (contents) s.tests.push(`${contents.flags.includes('L') ? '! ' : ''}-exec grep -q${contents.flags.includes('i') ? 'i' : ''} -e ${contents.text} {} \\;`);
  const find = eitherSize(findOf(s), f);
  // A change to every entry of a tree, with no condition, is the program's own recursive mode.
  const whole = act?.tree && s.tests.length === 0 && s.depth.length === 0 && s.kind !== 'd' && /\brecursive\w*\b/.test(lower);
  const built = act?.tree && whole ? `${act.tree[0]} -R ${act.tree[1]} ${s.start}` : act ? act.command(find, s) : find;
  const command = f.ws.dirs.has('.git') && !/\bgit\b/.test(lower) ? withoutGitInternals(built) : built;
  const down = recursive.test(lower);
  const walk = down || s.start !== '.' || findVerb.test(lower);
  if (s.stated === 0 && !act && !(walk && (s.kind || s.start !== '.'))) return [];
  if (unread(f, s, act)) return [];
  // "each file matching "$lib/jdk*/bin/*"": find . never prints a path that starts with / or a variable, so such a test keeps nothing.
  if (s.start === '.' && s.tests.some((t) => /-i?path\s+["']?(?:\/|\$|~)/.test(t))) return [];
  // A start point that is a file (an archive, a document) is a request about that file; a name that is all extension (.git) is a folder.
  if (/\.[a-z][\w]{0,5}['"]?$/i.test(s.start) && !f.dirs.some((d) => d.value === s.start && d.value.startsWith('.'))) return [];
  // Files named one by one ("copies 'a.so' and 'b.so' to lib") are the act's own operands, not a selection.
  const plainNames = s.tests.length > 0 && s.tests.every((t) => /^(?:\\\( )?-name /.test(t) && !/[*?]/.test(t));
  if (!findVerb.test(lower) && !/\b(?:all|every|each|any|everything)\b/.test(lower) && (plainNames || s.stated + (act?.label.startsWith('Searches') ? 1 : 0) === 0) && !(down && s.kind) && !special(s)) return [];
  const negated = /\b(?:not|never|non|without|excluding|except)\b|n't\b/.test(lower) && /(?:^|\s)(?:!|-not)\s/.test(find);
  const named = s.tests.some((t) => /^(?:\\\( )?-i?(?:name|path)\b/.test(t)) && /\b(?:names?|named|called|path ?names?|paths?)\b/.test(lower);
  const confidence = Math.min(0.9, 0.5 + 0.07 * Math.min(4, s.stated + (act?.label.startsWith('Searches') ? 1 : 0)) + (findVerb.test(lower) ? 0.1 : 0) + (walk ? 0.05 : 0) + (down && (s.kind || s.start !== '.') ? 0.12 : 0) + (act ? 0.05 : 0) + (s.kind ? 0.02 : 0) + (named ? 0.1 : 0) + (negated ? 0.05 : 0));
  const explanation = `${act ? act.label : 'Lists the files'} that match what the request says (${s.tests.concat(s.depth).join(' ') || 'every entry'} under ${s.start}).`;
  return [{ command, confidence: Math.round(confidence * 100) / 100, explanation, source: 'find.selection', filled: [], missing: act?.missing ?? [] }];
}
