// Which of the programs that look at files the words call for. Retrieval
// finds ls, find, cat, grep, du and diff templates for the same nouns
// ("files", "directory"); what tells them apart is what is asked of the
// files: their contents (cat), the differences between two of them (diff),
// the space they take (du), both files and folders (no kind filter), or
// files picked by name or attribute rather than by the text inside (find,
// not grep).

import { addFindTest } from './refine';
import type { RequestFacts } from './requestFacts';

export interface LookCandidate {
  command: string;
  confidence: number;
}

// Prints what is in files: the whole file, its ends, or each file a find or xargs hands on.
const reads = /^(?:cat|tac|head|tail|less|more|nl)\b|\s-exec\s+(?:cat|head|tail|tac|less|more)\b|\|\s*xargs\s+(?:-\S+\s+)*(?:cat|head|tail|tac)\b/;
// Prints names or attributes only: a listing, a walk with no reader after it, a size or a type.
const lists = /^(?:ls|tree|du|stat|file)\b|^find\b(?![^|]*\s-(?:exec|execdir|ok)\s+(?:cat|head|tail|tac|less|more|grep|diff|cmp)\b)(?![^|]*\|\s*xargs\b[^|]*\b(?:cat|head|tail|tac|grep)\b)/;
const contentsVerb = /\b(?:print|show|display|view|output|dump|read|see|cat|concatenat)\w*\b[^.;]{0,40}?\bcontents?\b/;
// "a long listing of the content in the root folder" is a listing whatever it calls it.
const listingOf = /\blist\w*\b[^.;]{0,30}?\bcontents?\b|\bcontents? in (?:the |a |this |that |current |working |home |root )*(?:director|folder|dir)/;
// "the contents of the directory", "the folder's contents": a listing, not a file's text.
const folderContents = /\bcontents? of (?:the |this |that |a |an |each |every |all |current |working |home |given |specified |target |parent |its |their )*(?:[\w.-]+ )?(?:(?:sub-?)?director(?:y|ies)|(?:sub-?)?folders?|dirs?)\b|\b(?:director(?:y|ies)|folders?|dirs?)(?:'s|')? contents?\b/;

/** "print their contents", "display the content of file f": the text in files is the answer, not their names. */
export function asksFileContents(f: Pick<RequestFacts, 'lower' | 'ws'>): boolean {
  if (!contentsVerb.test(f.lower) || folderContents.test(f.lower) || listingOf.test(f.lower)) return false;
  // "the contents of src" where src is a folder of the workspace is a listing too.
  const object = /\bcontents? of (?:the )?([\w./-]+)/.exec(f.lower)?.[1];
  return !(object !== undefined && f.ws.dirs.has(object.replace(/\/+$/, '')));
}

// "which files differ", "the differences between": two things compared ("the diff of notes.txt" is git's word for its changes).
const differs = /\b(?:differ|differs|differing|differences?)\b/;
const compares = /^(?:diff|cmp|comm)\b|\s-exec\s+(?:diff|cmp)\b/;

// "files and directories", "files/folders", "folders or files": entries of both kinds.
const bothKinds = /\bfiles?\s*(?:\/|and|or|&|,)\s*(?:sub-?)?(?:directories|folders|dirs)\b|\b(?:sub-?)?(?:directories|folders|dirs)\s*(?:\/|and|or|&|,)\s*files\b|\b(?:each|every|any)\s+(?:sub-?)?(?:file\s*(?:\/|or|and)\s*(?:directory|folder|dir)|(?:directory|folder|dir)\s*(?:\/|or|and)\s*file)\b/;

/** "all files and directories under src": a walk that only looks keeps entries of both kinds. */
export function withBothKinds(command: string, lower: string): string {
  if (!bothKinds.test(lower) || !/^find\s/.test(command) || /\s-(?:exec|execdir|ok|delete)\b|\bxargs\b/.test(command)) return command;
  const kinds = command.match(/\s-type [fd]\b/g) ?? [];
  if (kinds.length !== 1) return command;
  const both = command.replace(/\s-type [fd]\b/, '');
  // Counted, the folder walked from is not one of its own entries.
  return /\|\s*wc -l$/.test(both) && !/\s-mindepth\b/.test(both) ? addFindTest(both, '-mindepth 1', true) ?? both : both;
}

const folderSizes = /\b(?:largest|biggest|smallest|(?:file ?)?sizes?|sized|space)\b/;
// The space on a file system or a device is df's question, not du's.
const filesystems = /\bfile ?systems?\b|\bpartitions?\b|\bmount\w*|\bdevices?\b|\bdrives?\b|\/dev\//;
const diskUsage = /\b(?:disk (?:usage|space)|(?:space|room) (?:used|taken|occupied)|used (?:disk )?space|how much (?:disk )?space)\b/;

// Names and attributes: what find's tests read, and what a search of the text inside cannot see.
const byName = /\b(?:named|called|whose (?:file ?|base ?)?names?|(?:file ?)?names? (?:is|are|match\w*|end\w*|start\w*|begin\w*))\b/;
const byAttribute = /\b(?:sgid|suid|setuid|setgid|sticky bit|inodes?|inode numbers?|owned by|whose size|in size|\d+ blocks|hard ?links?)\b/;
const aboutText = /\b(?:contain\w*|inside|text|strings?|words?|lines?|patterns?|mention\w*|occurrences?|grep\w*|content\w*|says?)\b/;
const textCounted = /\b(?:line|word|byte|character|char|newline)s?\s+counts?\b|\bcount\w*\s+(?:of\s+|the\s+|all\s+)*(?:lines|words|bytes|characters|newlines)\b|\b(?:number|total) of (?:lines|words|bytes|characters|newlines)\b/;
const filesCounted = /\b(?:how many|number of|count(?:ing)?(?: of)?(?: the| all)?)\s+(?:\w+\s+)?files\b/;
const permissionWords = /\b(?:perm\w*|executable|writable|modes?|(?<!human[- ]?)readable|setuid|setgid|sticky|world)\b/;
const searchesText = /^(?:grep|egrep|fgrep|rg)\b/;

/** Added to a candidate's confidence for what the request asks of the files it looks at. */
export function lookProgramFit(command: string, f: Pick<RequestFacts, 'lower' | 'ws'>): number {
  let score = 0;
  const lower = f.lower;
  if (asksFileContents(f)) score += reads.test(command) ? 0.12 : lists.test(command) ? -0.2 : 0;
  if (differs.test(lower)) score += compares.test(command) ? 0.2 : reads.test(command) || lists.test(command) ? -0.15 : 0;
  // Disk usage, and the sizes of folders as well as files ("the largest files and directories"), are du's: a folder's own entry is not its size.
  const sized = (diskUsage.test(lower) && !filesystems.test(lower)) || (bothKinds.test(lower) && folderSizes.test(lower));
  if (sized && /^(?:find|ls)\b/.test(command) && !/\bdu\b/.test(command)) score -= 0.15;
  else if (sized && /^du\b/.test(command)) score += 0.05;
  // "the size of each file and folder here": du of every entry, each summed (-s). A walk that hands du only files, or du without -s
  // on folders (which prints every folder below them), measures something else.
  if (bothKinds.test(lower) && (folderSizes.test(lower) || diskUsage.test(lower))) {
    if (/\s-exec\s+du\b/.test(command) && (/\s-type [fd]\b/.test(command) || !/\s-exec\s+du\s+-\w*s/.test(command))) score -= 0.15;
    else if (/^du\s+-\w*s\w*\s+\S*\*/.test(command)) score += 0.1;
  }
  // "the word count of all .md files": counting the names a walk lists counts files, not what is in them.
  if (textCounted.test(lower) && !filesCounted.test(lower) && /^find\b[^|]*\|\s*wc -l$/.test(command)) score -= 0.2;
  // "sizes in human readable form" is a format: no permission test reads it.
  if (/\s-perm\s/.test(command) && /\bhuman[- ]?readable\b/.test(lower) && !permissionWords.test(lower)) score -= 0.3;
  // "files named foo", "SGID files": a search of every file's text for the name finds other files.
  const text = lower.replace(/\bnames?\s+(?:that\s+)?(?:does not |doesn'?t |do not |don'?t )?contain\w*/g, 'name').replace(/\blines? of (?:the |its |their )?output\b/g, 'output');
  if (searchesText.test(command) && (byName.test(text) || byAttribute.test(text)) && !aboutText.test(text)) score -= 0.2;
  return score;
}

// "the size of all files and folders here", "disk usage of each file or directory": every entry measured, not a few of them.
const everyEntry = /\b(?:each|every|all)\b/;
// ... and only looked at: a request that changes them is planned by its act.
const changesThem = /\b(?:remove|delete|rm|erase|wipe|purge|move|mv|copy|cp|compress|archive|zip|tar|chmod|chown|truncate|shrink)\b/;
const walkWords = /^\s*find\b|\b(?:under|below|beneath|recursive\w*|tree|sub-?(?:folders?|director(?:y|ies)))\b|\b(?:greater|bigger|larger|smaller|less|more|older|newer)\s+than\b/;
const fewOfThem = /\b(?:top|first|last)\s+\d+|\b\d+\s+(?:largest|biggest|smallest)\b|\b(?:the\s+)?(?:largest|biggest|smallest)\s+(?:file|folder|director)/;

/** The entry that measures every entry of a folder, for a request about the sizes of all its files and folders. */
export function entrySizeShapes(f: Pick<RequestFacts, 'lower' | 'globs' | 'exts' | 'sizes' | 'durations' | 'quoted'>): { id: string; similarity: number }[] {
  // Entries picked by name, kind, size or age, or a walk of the whole tree, are find's to choose.
  if (f.globs.length + f.exts.length + f.sizes.length + f.durations.length + f.quoted.length > 0 || walkWords.test(f.lower)) return [];
  const sizes = folderSizes.test(f.lower) || diskUsage.test(f.lower);
  return sizes && bothKinds.test(f.lower) && everyEntry.test(f.lower) && !fewOfThem.test(f.lower) && !filesystems.test(f.lower) && !changesThem.test(f.lower) ? [{ id: 'disk.du_all_sorted', similarity: 0.6 }] : [];
}

/** Moves each candidate by how well its program fits what the request asks of the files. */
export function preferLookProgram(candidates: LookCandidate[], f: Pick<RequestFacts, 'lower' | 'ws'>): void {
  for (const c of candidates) {
    c.command = withBothKinds(c.command, f.lower);
    const fit = lookProgramFit(c.command, f);
    if (fit !== 0) c.confidence = Math.min(0.97, Math.max(0.01, Math.round((c.confidence + fit) * 100) / 100));
  }
}
