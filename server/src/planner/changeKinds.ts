// The kind of change a request names, held against the kind a plan makes.
// Taking characters or text out of files is an edit of what they hold, never
// a rename or a delete of the files; adding to every line edits every line,
// never one line appended at the end; a delete may take its targets from a
// file only when the request says that file lists them.

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { programOf } from './selectionChecks';

// "strip the carriage returns from the csv files", "remove trailing spaces in notes.txt", "replace the tabs in every .py file".
// (Lines taken out, "the comment lines", may be printed without them, as before.)
const textInFiles = /\b(?:remove|delete|strip|erase|drop|get rid of|replace|convert|trim|clean|cut|take out)\b[^.;]{0,50}?\b(?:characters?|chars?|carriage[- ]?returns?|\^m|\\r|cr|crlf|line[- ]?endings?|line[- ]?feeds?|newlines?|whitespace|white spaces?|spaces?|tabs?|blanks?|bom|byte[- ]order[- ]marks?|strings?|words?|occurrences?|instances?|trailing|leading|comments?|quotes?|commas?|semicolons?|punctuation|digits?|letters?|symbols?|text)\b(?!\s+(?:files?|folders?|director\w*|documents?|lines?)\b)[^.;]{0,40}?\b(?:from|in|inside|within|of|out of|throughout)\s+(?:(?:the|all|every|each|my|these|those|any)\s+)*(?:[\w.*-]+\s+)?(?:files?\b|[\w./*-]*\.\w{1,8}\b)/;

// "remove the "123_" prefix from all filenames", "strip _dbg from the file and directory names": a part of names taken away.
// (Not "delete the files in src whose names …": the files themselves are what goes.)
const namePartTaken = /\b(?:remove|delete|strip|drop|erase|get rid of|take out|cut|trim)\s+(?!(?:the\s+|all\s+(?:the\s+|of\s+the\s+)?|every\s+|each\s+|any\s+)?(?:[\w.*-]+\s+)?(?:files?|folders?|director(?:y|ies)|entries|ones|everything|them|it)\b)[^.;]{0,60}?\b(?:from|of|in|out of)\s+(?:(?:the|all|every|each|their|its|any)\s+)*(?:(?!whose\b|which\b|that\b)[\w.*-]+\s+){0,2}?(?:(?:file|dir(?:ectory)?|folder)(?:\s+(?:or|and|\/)\s+(?:file|dir(?:ectory)?|folder))?\s*)?names?\b/;

// Words that make the request one about names: "remove spaces from file names", "rename".
const aboutNames = /\b(?:file ?names?|names?|renam\w*|paths?)\b/;

/** "strip the ^M from all .txt files": characters or text taken out of what files hold (their names are not asked about). */
export function removesText(intent: Intent): boolean {
  return (textInFiles.test(intent.words) || wordFromFile(intent.words) || emptiesFiles.test(intent.words)) && !aboutNames.test(intent.words);
}

// "… and clear out their contents", "delete all contents from the files": each file emptied, kept.
export const emptiesFiles = /\b(?:clear|empty|wipe|erase|delete|remove)\w*\s+(?:out\s+)?(?:all\s+)?(?:(?:their|its)\s+contents?\b|(?:the\s+)?contents?\s+(?:of|from|form|in)\s+(?:(?:the|all|these|those|every|each)\s+)+(?:[\w.*-]+\s+)?files\b)/;

// "remove foo from notes.txt", "erase 'TODO' from all the log files": a word taken out of files, not a file.
const wordFrom = /\b(?:remove|delete|erase|strip|get rid of|take out|cut|drop)\s+(?:(?:the|all|every|each|any)\s+)?(?:(?:word|string|text|phrase|entry|entries|occurrences?(?:\s+of)?|instances?(?:\s+of)?|mentions?(?:\s+of)?)\s+)?(["'`]?)([\w$-]+)\1\s+(?:from|in|out of)\s+(?:(?:the|all|every|each|my|these|those|any)\s+)*(?:([\w*-]+)\s+files?\b|[\w./*-]*\.\w{1,8}\b)/;
const notAWord = /^(?:extensions?|suffix(?:es)?|prefix(?:es)?|names?|files?|folders?|director(?:y|ies)|dirs?|everything|all|them|it|these|those|lines?|empty|blank|old|new|temp|tmp|backups?|logs?|copies|duplicates?)$/;

function wordFromFile(words: string): boolean {
  const m = wordFrom.exec(words);
  return m !== null && !notAWord.test(m[2]) && !/\.\w+$/.test(m[2]);
}

// "append ' ;' to every line", "add a prefix at the start of each line", "put X at the end of all lines".
const everyLine = /\b(?:add|append|prepend|put|insert|attach|stick|suffix|prefix)\b.{0,60}?\b(?:to|at|on|onto|after|before|in front of|behind)\s+(?:the\s+(?:end|start|beginning|front)\s+of\s+)?(?:every|each|all(?:\s+the)?|all of the)\s+lines?\b/;

// "the first line", "line 3", "the last 2 lines", "the header": lines named by their place.
const linePlace = /\b(?:first|last|final|top|bottom|header|heading|opening|closing)\s+(?:\d+\s+|two\s+|three\s+)?lines?\b|\blines?\s+\d+|\b\d+(?:st|nd|rd|th)\s+lines?\b|\bheader\b/;

const appenders = /^(?:echo|printf|cat)$/;

/**
 * "remove the ^M from the .csv files" planned as a rename or a delete of the
 * files, "append ' ;' to every line" planned as one line added at the end:
 * a change of another kind than the one the request names.
 */
export function changeKindSwapped(intent: Intent, commands: CommandFact[]): string[] {
  // "remove the "123_" prefix from all filenames": a part of each name taken away is a rename, never a delete of the files.
  const partOfNames = namePartTaken.test(intent.words);
  const deleted = commands.find((c) => c.deletes.length > 0 && !/^(?:mv|rename|prename|file-rename|mmv|sed|perl|awk|gawk)$/.test(programOf(c)));
  if (partOfNames && deleted) return [`it deletes files (${programOf(deleted)}), but the request takes a part of their names away`];
  // ... and a rename that puts the part in (`mv -n -- "$f" 123_"$f"`), or no rename at all (`touch`), does the opposite or nothing.
  const part = /["'`]([^"'`]+)["'`]/.exec(intent.words)?.[1];
  const movers = commands.filter((c) => /^(?:mv|rename|prename|file-rename|mmv)$/.test(programOf(c)));
  if (partOfNames && part && movers.some((c) => c.positionals.length > 1 && c.positionals[c.positionals.length - 1].includes(part))) return [`it puts ${part} into the names, but the request takes it away`];
  if (partOfNames && movers.length === 0 && commands.some((c) => c.writes.length > 0 || c.deletes.length > 0)) return ['it renames nothing, but the request takes a part of the names away'];
  // `sed -i '1i |'` for "insert "|" every 30 characters in longline": a line put at a place the request never names.
  const placed = commands.find((c) => programOf(c) === 'sed' && c.args.some((a) => /^(?:\d+|\$)\s*[ia](?:\s|\\|$)/.test(a)));
  // ... or at another line than the one said: "insert "hello" at line 3" is before line 3.
  const said = /\b(?:at|on|as|into)\s+line\s+(?:number\s+)?(\d+)\b/.exec(intent.words)?.[1];
  const at = placed?.args.map((a) => /^(\d+)\s*i/.exec(a)?.[1]).find((n) => n !== undefined);
  if (said && at && at !== said) return [`it puts the line at line ${at}, but the request says line ${said}`];
  if (said && !placed && commands.some((c) => c.redirects.some((r) => r.kind === 'append') || (programOf(c) === 'tee' && c.flags.some((f) => f === 'a' || f === 'append'))) && !commands.some((c) => /^(?:sed|awk|gawk|perl|ed|ex)$/.test(programOf(c)))) return [`it adds at the end, but the request says line ${said}`];
  if (placed && !linePlace.test(intent.words) && !/\b(?:top|bottom|beginning|start|end|head|tail|prepend\w*|append\w*|before|after|above|below|following|preceding|first|second|third|fourth|fifth|last|next|previous)\b|\bline\s+(?:number\s+|no\.?\s+)?\d+/.test(intent.words)) return [`it puts a line at a fixed place (sed ${placed.args.find((a) => /^(?:\d+|\$)\s*[ia]/.test(a))}), but the request names no line to put it at`];
  const edits = removesText(intent);
  const lines = everyLine.test(intent.words);
  if (!edits && !lines) return [];
  const asked = edits ? 'to change what the files hold' : 'to change every line';
  const renames = commands.find((c) => /^(?:mv|rename|prename|file-rename|mmv)$/.test(programOf(c)));
  if (renames) return [`it renames files (${programOf(renames)}), but the request asks ${asked}`];
  const deletes = commands.find((c) => c.deletes.length > 0 && !/^(?:sed|perl|awk|gawk|ex|vim?)$/.test(programOf(c)));
  if (deletes) return [`it deletes files (${programOf(deletes)}), but the request asks ${asked}`];
  // `find . -name '*.java' -exec cp -t . {} +` for "remove trailing tabs in .java files": copies made, nothing in the files changed.
  const copies = commands.find((c) => /^(?:cp|rsync|install|ln)$/.test(programOf(c)));
  if (edits && copies && !commands.some((c) => /^(?:sed|perl|awk|gawk|tr|ex|vim?|dos2unix|unix2dos|expand|unexpand|iconv)$/.test(programOf(c)))) return [`it copies files (${programOf(copies)}), but the request asks ${asked}`];
  // `sed -i '1d'` for "remove trailing spaces from each line": whole lines by their place, which the request does not name.
  const byPlace = commands.find((c) => programOf(c) === 'sed' && c.args.some((a) => /^(?:\d+|\$)(?:,(?:\d+|\$))?d$/.test(a)));
  if (edits && byPlace && !linePlace.test(intent.words)) return [`it deletes whole lines by their place (sed ${byPlace.args.find((a) => /d$/.test(a))}), but the request asks ${asked}`];
  if (!lines) return [];
  const oneLine = commands.find((c) => (appenders.test(programOf(c)) && c.redirects.some((r) => r.kind === 'append')) || (programOf(c) === 'tee' && c.flags.some((f) => f === 'a' || f === 'append')));
  const perLine = commands.some((c) => /^(?:sed|awk|gawk|perl|paste|ex|nl|while|xargs)$/.test(programOf(c)));
  return oneLine && !perLine ? ['it adds one line at the end, but the request asks to change every line'] : [];
}

// "append an empty line to data.csv", "add a blank line at the end of notes.txt", "insert a line TODO into README.md": text put into a file.
const addsText = /\b(?:add|append|insert|prepend|put|attach|stick|write)\b(?![^.;]{0,60}\b(?:remove|delete|strip|drop|get rid of)\b)[^.;]{0,60}?\b(?:lines?|rows?|text|words?|entry|entries|newlines?|line breaks?|headers?|footers?|comments?|notes?|strings?|["'`][^"'`]*["'`])\b[^.;]{0,60}?\b(?:to|into|at|in|on|onto|after|before|of)\b/;
const takesOut = /\b(?:remove|delete|strip|drop|erase|get rid of|clean|trim|squeeze|collapse|dedupe|deduplicate)\b/;

/** A sed script that deletes lines: `/^$/d`, `3d`, `$d`, `/x/,/y/d`. */
const sedDeletes = /^(?:\/(?:[^/\\]|\\.)*\/|\\(.)(?:(?!\1).)*\1|\d+|\$)(?:,(?:\/(?:[^/\\]|\\.)*\/|\d+|\$|\+\d+))?\s*!?\s*d$/;

/**
 * `sed -i '/^$/d' data.csv` for "append an empty line to data.csv": lines
 * taken out for a request that puts text in. The words it shares with the
 * request ("empty line") name what is added, not what goes.
 */
export function removesForAdd(intent: Intent, commands: CommandFact[]): string[] {
  if (!addsText.test(intent.words) || takesOut.test(intent.words)) return lineNotAdded(intent, commands);
  const sed = commands.find((c) => /^(?:sed|gsed)$/.test(programOf(c)) && c.args.some((a) => a.split(/\s*;\s*/).some((part) => sedDeletes.test(part.trim()))));
  if (sed) return ['it deletes lines (sed … d), but the request asks to add text'];
  const filter = commands.find((c) => /^(?:grep|egrep|rg)$/.test(programOf(c)) && c.flags.some((f) => f === 'v' || f === 'invert-match') && commands.some((x) => x.writes.length > 0 || x.redirects.some((r) => r.kind === 'write')));
  if (filter) return ['it keeps only the lines that do not match (grep -v), but the request asks to add text'];
  return lineNotAdded(intent, commands);
}

// "insert an empty line at the bottom of notes.txt", "add a blank line to todo.txt", "append a newline to data.csv".
// ("a new line saying done", "a new line with TODO" is a line of text, judged as text added.)
const emptyLineAdded = /\b(?:add|append|insert|put|tack on|stick)\b[^.;]{0,20}?\b(?:(?:empty|blank)\s*lines?|(?:new\s*lines?|newlines?|line\s+breaks?)(?!\s+(?:saying|says|that says|with|containing|reading|of|for|to say)\b|\s*[:"'`]))\b/;

/** `echo >> f`, `printf '\n' | tee -a f`, `sed -i '$a\' f`, `sed -i '$G' f`: a line put in. */
function addsALine(c: CommandFact): boolean {
  if (c.redirects.some((r) => r.kind === 'append') || (programOf(c) === 'tee' && c.flags.some((f) => f === 'a' || f === 'append'))) return true;
  // ... and `sed -i '2s/$/\nhello/'`: a substitution that writes a line break puts a line in.
  return /^(?:sed|gsed)$/.test(programOf(c)) && c.args.some((a) => a.split(/\s*;\s*/).some((part) => /^(?:\d+|\$|\/(?:[^/\\]|\\.)*\/)?\s*(?:[aiG]\b|[ai]\\|s(.)(?:(?!\1).)*\1(?:(?!\1).)*\\n)/.test(part.trim())));
}

/**
 * `touch notes.txt` or `sed -i 's/[[:space:]]*$//' todo.txt` for "add a
 * blank line to the end of todo.txt": the file is changed, and no line is
 * put in. Only an append, or an edit that adds a line, carries it out.
 */
function lineNotAdded(intent: Intent, commands: CommandFact[]): string[] {
  if (!emptyLineAdded.test(intent.words)) return [];
  const inPlace = (c: CommandFact) => /^(?:sed|gsed|perl)$/.test(programOf(c)) && c.args.some((a) => /^-\w*i|^--in-place/.test(a));
  const changes = commands.some((c) => c.writes.length > 0 || c.redirects.some((r) => r.kind === 'write') || /^(?:touch|truncate)$/.test(programOf(c)) || inPlace(c));
  return changes && !commands.some(addsALine) ? ['it adds no line, but the request asks to add one (echo >> FILE appends an empty line)'] : [];
}

// "delete the files listed in old.txt", "remove every path in the list", "one path per line".
const saysItLists = /\b(?:files?|paths?|names?|entries|items|things)\s+(?:that are\s+|which are\s+)?(?:listed|named|given|written|mentioned|enumerated)\s+(?:in|inside|by|within)\b|\blist(?:ed|ing)?\s+of\s+(?:(?:the|all)\s+)?(?:files?|paths?|names?|filenames?)\b|\b(?:each|every|one)\s+(?:line|path|name|filename|file)\s+(?:of|in|listed|per line)\b|\bwhose (?:names|paths) are (?:in|listed)\b|\bmanifest\b|\b(?:files?|paths?|filenames?)\s+(?:in|from)\s+(?:the\s+)?(?:list|[\w./-]+\.(?:txt|list|lst))\b|\b(?:contains?|holds?) (?:the |a )?(?:list of )?(?:paths|filenames|file names|files) to\b/;

// Programs that pass a file's lines on unchanged, before xargs.
const passOn = /^(?:cat|sort|uniq|head|tail|tac|tr)$/;

/**
 * "clear the cron jobs and use the ones in jobs.txt" planned as `xargs rm <
 * jobs.txt`, `rm $(cat jobs.txt)`: a delete of whatever a file lists, for a
 * request that names the file only as a source.
 */
export function deleteFromFile(intent: Intent, commands: CommandFact[], command: string): string[] {
  if (saysItLists.test(intent.words)) return [];
  const fed = (c: CommandFact) => c.wrappers.includes('xargs') && (c.redirects.some((r) => r.kind === 'read') || c.args.some((a, i) => /^(?:-a|--arg-file)$/.test(c.args[i - 1] ?? '')) || commands.some((b) => b.pipeline === c.pipeline && c.pipeline >= 0 && b.stage === c.stage - 1 && passOn.test(programOf(b)) && b.reads.length > 0));
  const substituted = /\bxargs\s+(?:-\S+\s+)*(?:-a\s*|--arg-file[= ])\S|\$\(\s*(?:cat\s|<)|`\s*cat\s|\bwhile\s+(?:IFS=\S*\s+)?read\b[\s\S]*\b(?:rm|unlink|mv|shred)\b[\s\S]*\bdone\s*<\s*\S/.test(command);
  const from = commands.find((c) => c.deletes.length + c.writes.length > 0 && (fed(c) || (substituted && [...c.deletes, ...c.writes].some((p) => p.dynamic))));
  return from ? [`it changes whatever a file lists (${programOf(from)}), but the request does not say the file lists the paths to change`] : [];
}

/** `crontab jobs.txt`, `crontab -r`: the schedule in place is replaced or removed, which is what "clear the cron jobs" asks. */
export function replacesSchedule(c: CommandFact): boolean {
  return programOf(c) === 'crontab' && (c.flags.includes('r') || c.args.some((a) => !a.startsWith('-') || a === '-'));
}

// "archive the tree into x.tar", "compress the logs", "make a tarball of docs", "create a tarball of docs called docs.tar": a plan that unpacks does the opposite; "extract x.tar" the other way round.
const packWords = /(?<![\w.-])(?:archive|compress|zip|gzip|bzip2|xz|tar(?! -x)|tar ?ball|pack|bundle|back (?:it|them) up into)(?![\w.-])(?![^.;]{0,30}\bfrom\b)|\b(?:create|make|build|produce|generate)\s+(?:(?:a|an|the|new|one|single|compressed|gzipped)\s+)*(?:tarballs?|archives?|zips?|zip files?|tar files?|tgz)\b/;
const unpackWords = /(?<![\w.-])(?:extract|unzip|untar|unpack|decompress|uncompress|gunzip|inflate|expand)(?![\w.-])/;
// "restore notes.txt from x.zip", "get todo.txt back out of backup.tar.gz": a file taken from a named archive is unpacked from it.
export const takenFromArchive = /\b(?:restor\w*|recover\w*|retriev\w*|get|bring|put|pull|take|grab|fetch|copy)\b(?:[^.;]|\.(?=\w)){0,60}?\b(?:from|out of)\s+(?:the\s+)?(?:archive\s+)?[\w./-]+\.(?:zip|tar|tgz|tbz2?|txz|gz|bz2|xz|7z|rar|zst)(?![\w.-])/;

/** `tar -xf x.tar` for "archive the tree into x.tar", `tar -czf` for "extract x.tar.gz": the archive goes the other way. */
export function packDirection(words: string, commands: CommandFact[]): string[] {
  const tars = commands.filter((c) => programOf(c) === 'tar' || /^(?:unzip|gunzip|bunzip2|unxz|zip|gzip|bzip2|xz)$/.test(programOf(c)));
  if (tars.length === 0) return [];
  const unpacks = (c: CommandFact) => /^(?:unzip|gunzip|bunzip2|unxz)$/.test(programOf(c)) || (programOf(c) === 'tar' && c.flags.some((f) => f === 'x' || f === 'extract' || f === 'get')) || (/^(?:gzip|bzip2|xz)$/.test(programOf(c)) && c.flags.some((f) => f === 'd' || f === 'decompress'));
  const pack = packWords.test(words) && !unpackWords.test(words);
  // "unpack the release archive": the verb decides; archive is its object.
  const unpack = unpackWords.test(words.replace(/\b(?:don'?t|do not|never|without|no need to)\s+\w+/g, '')) || takenFromArchive.test(words);
  if (pack && tars.every(unpacks)) return ['it unpacks an archive, but the request asks to make one'];
  const makes = (c: CommandFact) => !unpacks(c) && (programOf(c) === 'tar' ? c.flags.some((f) => /^(?:c|r|u|create|append|update)$/.test(f)) : !c.flags.some((f) => f === 'l' || f === 't' || f === 'list' || f === 'test'));
  if (unpack && tars.some(makes) && !tars.some(unpacks)) return ['it makes an archive, but the request asks to unpack one'];
  return [];
}
