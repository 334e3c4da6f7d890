// Shapes of a request that name the command knowledge entry answering them,
// whatever retrieval ranked first: "line 3 of notes.txt" is one line by its
// number, "lines 2 to 4 of notes.txt" a range of lines, "what's in
// config.json" the file's text (a folder's listing when what is named is a
// folder), "where is helpers.js" a search by name.

import type { RequestFacts } from './requestFacts';
import { historyShapes } from './gitQuestions';
import { comparisonShapes } from './comparedThings';
import { entrySizeShapes } from './lookPrograms';
import { treeAsked } from './listingShape';
import { statedEmptiness } from './statedEmptiness';
import { allOfIt, contentsNamed, foldersNamedGone } from './folderContents';
import { originalsKept } from './unaskedModes';

export interface ShapedEntry {
  id: string;
  /** How near the request is to the entry, as retrieval would score it. */
  similarity: number;
}

const oneLine = /(?<!\b(?:from|after|since|starting (?:at|with))\s+)\bline\s+(?:number\s+|no\.?\s+)?\d+\b(?!\s*(?:-|to|through|thru|until|till)\s*\d|\s+(?:on|onwards?|and (?:after|below|beyond|on)))|\b(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+line\b/;
const lineRange = /\blines?\s+(?:from\s+)?\d+\s*(?:-|to|through|thru|until|till)\s*\d+\b/;
const contents = /\b(?:what(?:'s| is)\s+(?:in|inside)|(?:show|print|display|give)\s+(?:me\s+)?(?:the\s+)?(?:contents?|text)\s+of|contents?\s+of|what\s+does\s+\S+\s+(?:say|contain|hold))\b/;
// "where does the current link point", "what does 'current' point to": a link's target.
const linkTarget = /\b(?:where|what|which\s+\S+)\s+(?:does|do)\s+(?:the\s+)?\S+\s+(?:(?:sym(?:bolic\s+)?|soft\s+)?link\s+)?(?:point|lead|resolve|go)(?:s|ing)?\b|\btarget\s+of\s+(?:the\s+)?(?:sym(?:bolic\s+)?|soft\s+)?link\b/;
// "print todo.txt in capitals", "notes.txt in lower case": the file's text with its case changed.
const upper = /\b(?:in\s+(?:all\s+)?(?:capitals|caps|capital letters|upper ?case)|(?:to|into)\s+upper ?case|uppercased?|all caps)\b/;
const lower = /\b(?:in\s+(?:all\s+)?(?:lower ?case|small letters)|(?:to|into)\s+lower ?case|lowercased?)\b/;
// "what kind of file is small.bin": what the data is.
const fileKind = /\b(?:what|which)\s+(?:kind|type|sort|format)s?\s+of\s+(?:file|data)s?\s+(?:is|are)\b|\bfile\s+types?\s+of\b/;
const whereIs = /^\s*(?:where(?:'s| is| are)|where\s+can\s+i\s+find|locate)\s+(?:the\s+(?:file\s+)?)?[\w.-]+\.\w{1,8}\s*\??\s*$/;

// "print the folder where the current script is located": the folder part of the path (entering it is another request).
const folderOf = /\b(?:folder|directory|dir)\s+(?:where|in\s+which)\b.{0,40}?\b(?:is|are)\s+(?:located|stored|kept|placed|saved)\b|\b(?:folder|directory|dir)\s+(?:that|which)\s+(?:contains?|holds?)\s+(?:the\s+)?(?:file|script)\b/;
const entersFolder = /^\s*(?:please\s+)?(?:cd|go|change|switch|move|enter|navigate|push\w*|pushd)\b/;

// "update the timestamps of notes.txt", "bump the mtime of app.log": a file's times set, which `touch` does and no look at them can.
export const setsTimes = /\b(?:update|change|set|refresh|bump|reset|modify|alter|adjust|touch|renew)\s+(?:the\s+|its\s+|their\s+|(?:all\s+)?(?:of\s+)?(?:the\s+)?)?(?:(?:last\s+)?(?:modification|modified|access(?:ed)?|change)\s+(?:times?|dates?|timestamps?|and\s+access\s+times?)|(?:file\s+)?time\s*stamps?|mtimes?|atimes?|file\s+times?|dates?\s+modified)\b/;

/** The entries a request's shape calls for; an entry retrieval already found keeps its own score. */
export function shapedEntries(f: RequestFacts): ShapedEntry[] {
  const out: ShapedEntry[] = [];
  const existingFile = f.files.some((x) => f.ws.files.has(x.value));
  // What is inside an archive is its member list, read by the archive's own program.
  const text = existingFile && f.archives.length === 0;
  const folder = f.dirs.some((x) => f.ws.dirs.has(x.value));
  if (existingFile && lineRange.test(f.lower)) out.push({ id: 'text.line_range', similarity: 0.7 });
  else if (existingFile && oneLine.test(f.lower)) out.push({ id: 'text.line_n', similarity: 0.7 });
  if (text && !folder && contents.test(f.lower)) out.push({ id: 'text.cat', similarity: 0.7 });
  if (text && upper.test(f.lower) && !lower.test(f.lower)) out.push({ id: 'text.upper', similarity: 0.7 });
  if (text && lower.test(f.lower) && !upper.test(f.lower)) out.push({ id: 'text.lower', similarity: 0.7 });
  if (existingFile && fileKind.test(f.lower)) out.push({ id: 'files.file_type', similarity: 0.7 });
  if (whereIs.test(f.lower)) out.push({ id: 'files.find_name', similarity: 0.7 });
  if (linkTarget.test(f.lower) && f.paths.length > 0) out.push({ id: 'files.readlink', similarity: 0.7 });
  // 'echo "chmod 777"': the program said first, with its text quoted, whatever retrieval ranked.
  if (/^\s*echo\s+["'\x60]/.test(f.lower)) out.push({ id: 'text.echo', similarity: 0.75 });
  // "write 200 lines of "some text"", "repeat "image.png" 10 times": one text said a number of times.
  if (/\b\d+\s+(?:lines|copies|times)\s+of\s+["'\x60]|["'\x60][^"'\x60]+["'\x60]\s+\d+\s+times\b|\brepeat\w*\s+(?:the\s+(?:word|text|line|string)\s+)?["'\x60]/.test(f.text)) out.push({ id: 'text.yes_n', similarity: 0.75 });
  // "print just the md5 checksum of notes.txt": the hash alone, without the name md5sum prints after it.
  if (/\bmd5\b/.test(f.lower) && /\b(?:only|just)\b[^.;]{0,25}\b(?:md5|checksum|hash|sum)\b|\b(?:md5|checksum|hash|sum)\b[^.;]{0,40}\b(?:only|alone|without (?:its|the) (?:file ?)?name)\b/.test(f.lower) && f.files.length > 0) out.push({ id: 'files.md5_hash_only', similarity: 0.75 });
  // ... and "touch styles.css as well as data.csv": touch of the files named, made or brought up to date.
  if (/^\s*touch\s+\S/.test(f.lower) && f.files.length > 0) out.push({ id: f.files.every((x) => f.ws.files.has(x.value)) ? 'files.touch_now' : 'files.touch', similarity: 0.75 });
  // "list all the files which are of size 0 bytes": the empty files found, which a listing of every file is not.
  if (statedEmptiness(f.lower) === 'empty' && /\bfiles\b/.test(f.lower) && /\b(?:list|show|display|find|print|search|locate|which|what|get)\b/.test(f.lower) && !/\b(?:directories|folders|dirs|sub-?folders|sub-?directories)\b/.test(f.lower)) out.push({ id: 'files.find_empty', similarity: 0.7 });
  if (folderOf.test(f.lower) && !entersFolder.test(f.lower) && f.files.length > 0) out.push({ id: 'files.dirname', similarity: 0.7 });
  // "print the current directory tree with file sizes": a drawing of the tree, however retrieval ranks the rest of the words.
  if (treeAsked(f.lower)) out.push({ id: 'files.tree_plain', similarity: 0.6 });
  // "update the timestamps of notes.txt", "… of all files under src": touch of the files named, or of what find gives.
  const timesAsked = setsTimes.test(f.lower);
  if (existingFile && timesAsked) out.push({ id: 'files.touch_now', similarity: 0.6 }, { id: 'files.touch_date', similarity: 0.55 });
  if (timesAsked && /\b(?:all|every|each|everything)\b/.test(f.lower)) out.push({ id: 'files.touch_tree', similarity: 0.6 });
  // "sort file1.txt and output the result to file1.txt", "sort names.txt in place": sort -o writes back what it has read.
  const sameFileTwice = f.files.some((x, i) => f.files.findIndex((y) => y.value === x.value) !== i);
  if (/^\s*(?:please\s+)?sort\b/.test(f.lower) && !/\b(?:numeric\w*|number|reverse\w*|descending|column|field|key|unique\w*|uniq|human|month|version|random\w*|case|by)\b/.test(f.lower) && (sameFileTwice || /\bin[- ]place\b|\b(?:back\s+)?(?:in)?to\s+(?:the\s+same\s+file|itself)\b/.test(f.lower))) out.push({ id: 'text.sort_in_place', similarity: 0.75 });
  // "compress the .log files and keep the originals": gzip -k on every file found.
  if (/\b(?:compress|gzip)\w*\b/.test(f.lower) && !/\b(?:bzip2?|xz|zstd|lz4|7z|zip|tar|lzma)\b/.test(f.lower) && originalsKept.test(f.lower) && (f.globs.length > 0 || f.exts.length > 0 || /\b(?:all|every|each)\b|\bfiles\b/.test(f.lower))) out.push({ id: 'archives.gzip_all_keep', similarity: 0.7 });
  // "remove the build folder contents", "empty the cache folder": what is in it goes.
  // ... not "remove \"-\" from the contents of uuid": text taken out of a file.
  const emptiedFolders = /\b(?:remov|delet|eras|empt|clean|clear|wipe|purge)\w*\b/.test(f.lower) && allOfIt.test(f.lower) && !/\bfrom\s+(?:the\s+|its\s+)?contents?\b/.test(f.lower) ? contentsNamed(f.lower) : [];
  if (emptiedFolders.some((n) => f.dirs.some((d) => d.value.toLowerCase() === n))) out.push({ id: 'files.empty_dir', similarity: 0.7 });
  // "remove the build folder", "delete the empty folders edi and edw": the folder itself goes.
  const gone = foldersNamedGone(f.lower);
  if (gone.length > 0 && gone.every((n) => [...f.dirs, ...f.paths].some((d) => d.value.toLowerCase() === n))) out.push({ id: /\bempty\s+(?:folders?|director(?:y|ies)|dirs?)\b/.test(f.lower) ? 'files.delete_empty_dir' : 'files.delete_dir', similarity: 0.7 });
  return [...out, ...comparisonShapes(f), ...entrySizeShapes(f), ...historyShapes(f)];
}

/** A file's listing for a question about what the file holds: `ls notes.txt` says only that it is there. */
export function listsForContents(template: string, f: RequestFacts): boolean {
  return /^ls\b/.test(template) && contents.test(f.lower) && f.archives.length === 0 && f.files.some((x) => f.ws.files.has(x.value)) && !f.dirs.some((x) => f.ws.dirs.has(x.value));
}

// "the contents of all the regular files", "print what every .md file holds": the text in many files.
const manyContents = /\b(?:contents?|text)\s+of\s+(?:each|every)\s+(?:[\w.*-]+\s+){0,2}files?\b|\b(?:contents?|text)\s+of\s+(?:all|the)\s+(?:(?:of\s+)?the\s+)?(?:[\w.*-]+\s+){0,2}files\b|\b(?:print|show|display|output|concatenate)\s+(?:all|each|every|the)\s+(?:[\w.*-]+\s+){0,2}files'?\s+contents?\b/;

/**
 * For the text of many files, a plan that reads them (`-exec cat`, `xargs
 * cat`) fits; one that only names them (`find . -type f`, `ls`) prints the
 * list, not what is in them.
 */
export function contentsOfMany(template: string, lower: string): number {
  if (!manyContents.test(lower)) return 0;
  if (/\b(?:cat|head|tail|less|more|tac|nl)\b/.test(template)) return 0.1;
  return /^(?:find|ls)\b/.test(template) && !/\b(?:grep|wc|sed|awk|du|stat|md5sum|sha\d+sum|file)\b/.test(template) ? -0.2 : 0;
}
