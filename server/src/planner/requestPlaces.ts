// Readers of the places a request names: paths and file names, folders in
// words, files by their stem, special places, file kinds and globs, destinations.

import { archiveExt, kindExtensions, notAFolderName, slashedWords, stopWords } from './requestWords';
import { inDescription } from './fileDescriptions';
import type { Reading } from './requestFacts';
import { placeOf } from './sameNames';

const kindDots = new Set(Object.values(kindExtensions).filter((e) => !/^(?:conf|ini|bin|tmp|bak|env)$/.test(e)).map((e) => `.${e}`));

/** Words that look like paths or file names, and names of what exists in the workspace. */
export function readPathWords(r: Reading): void {
  const { text, ws, facts, isUsed } = r;
  for (const m of text.matchAll(/(?:^|[\s(,])((?:~|\.{1,2})?\/{0,2}[\w@+-][\w./@+-]*)/g)) {
    const word = m[1].replace(/[.,;:!?)]+$/, '');
    const at = m.index + m[0].indexOf(m[1]);
    if (isUsed(at) || word.length === 0) continue;
    const wl = word.toLowerCase();
    const rel = word.replace(/^\.\//, '').replace(/\/$/, '');
    // A plain word ("empty", "top") names a folder only where a place is expected.
    const bare = !/[/.]/.test(word);
    // "time to empty the dishwasher": after "to", a word before its object is a verb.
    const verbAfterTo = bare && ((/\bto\s+$/i.test(text.slice(0, at)) && /^\s+(?:the|my|our|your|his|her|their|some|this|these|those)\s/i.test(text.slice(at + word.length))) || wantsTo.test(text.slice(0, at)));
    // "between site and mirror", "in the folders a and b": every place of a list after the preposition.
    const listed = /\b(?:in|under|inside|within|from|of|between|folders|directories|dirs)\s+(?:the\s+|my\s+)?[\w.@+-]+\s*(?:,|and|or|&)\s*(?:the\s+|my\s+)?$/i.test(text.slice(0, at));
    // "sync docs to backup", "mirror src into out": a folder of the workspace copied somewhere is a place too.
    // ... also with a word of how between ("copy src recursively to backup").
    const copied = bare && ws.dirs.has(rel) && copiedFolderBefore.test(text.slice(0, at)) && copiedFolderAfter.test(text.slice(at + word.length));
    // "clear out logs", "wipe backup clean": a folder of the workspace emptied, as the whole object, is that folder, not a kind
    // ("clear the logs older than a week" picks files; "out" of "wipe out" is no folder).
    const emptied = bare && ws.dirs.has(rel) && emptiedFolderBefore.test(text.slice(0, at)) && /^\s*(?:clean\b|[,.;!?]|$)/i.test(text.slice(at + word.length)) && !(/^out$/i.test(word) && !/\bout\s+$/i.test(text.slice(0, at)));
    // "copy my-notes to …", "delete a1": a file of the workspace right after what is done to it.
    const actedOn = bare && ws.files.has(rel) && /\b(?:cop(?:y|ies)|cp|mov(?:e|es)|mv|renam\w*|delet\w*|remov\w*|rm|cat|show|print|display|open|edit|compress\w*|gzip|chmod|chown|touch|read|view|less|more|head|tail)\s+(?:the\s+|my\s+)?(?:file\s+)?$/i.test(text.slice(0, at));
    const placed = !bare || listed || copied || emptied || actedOn || (!verbAfterTo && /\b(in|under|inside|within|into|from|of|to|at|on|between|folders?|director(?:y|ies)|dirs?)\s+(the\s+|my\s+)?$/i.test(text.slice(0, at))) || /^(?:please\s+)?(?:list|ls)\s+$/i.test(text.slice(0, at)) || searchedPlace.test(text.slice(0, at)) || (/\b(?:does|do|did)\s+(?:the\s+)?$/i.test(text.slice(0, at)) && /^\s+(?:have|hold|contain)\b/i.test(text.slice(at + word.length))) || /^\s+(folder|directory|dir|file|(?:sym|soft\s+)?link)\b/i.test(text.slice(at + word.length)) || /\b(?:sym|soft\s+)?links?\s+(?:called\s+|named\s+)?$/i.test(text.slice(0, at));
    // "the empty file x": a word before "file" names no folder.
    // "the current directory", "this folder": a place in words (read below), never a name, even when a file is called so.
    // "the files with '.png' extension", "find .txt files": a dot and a kind of file is the kind, not a file called .png (unless the workspace has one).
    // ... but "the file .txt", "the hidden file .lock", "sub's .txt" name one, as does a file of that name anywhere in the workspace.
    if (kindDots.has(word.toLowerCase()) && !ws.files.has(word) && !ws.dirs.has(word) && !ws.byBase.has(word) && !/\b(?:files?|hidden|dot ?files?|named|called)\s+["'`]?$|'s\s+$/i.test(text.slice(0, at))) continue;
    // "make a tar.gz of docs": a kind of archive, not one called tar.gz.
    if (/^(?:tar\.(?:gz|bz2|xz|zst)|tgz|zip|7z)$/i.test(word) && /\b(?:a|an|the|as)\s+$/i.test(text.slice(0, at))) continue;
    // "save it in a file", "an archive of logs": an article before its noun, even where a file is called so.
    if (bare && /^(?:a|an)$/i.test(word) && /^\s+[a-z][\w-]*(?![\w./-])/i.test(text.slice(at + word.length)) && !/^\s+(?:and|or|plus|also|as|&)\b/i.test(text.slice(at + word.length))) continue;
    if (bare && /^(?:current|working|present|this|same|parent)$/i.test(word) && /^\s+(?:working\s+)?(?:folder|directory|dir)\b/i.test(text.slice(at + word.length))) continue;
    const existingDir = placed && !(bare && /^\s+file\b/i.test(text.slice(at + word.length))) && (ws.dirs.has(rel) || (ws.byBase.has(rel) && ws.dirs.has(ws.byBase.get(rel) as string)));
    const existingFile = placed && (ws.files.has(rel) || (ws.byBase.has(rel) && ws.files.has(ws.byBase.get(rel) as string)));
    // "archive/" as typed names a folder here, not some other folder called archive deeper down.
    // "main.ts from src", "src's main.ts": the folder said picks the copy; main.ts alone, in two folders, is neither.
    const picked = (existingFile || existingDir) && word.replace(/\/$/, '') === rel && !rel.includes('/') ? placeOf(r, rel, at) : undefined;
    const resolved = picked ?? (ws.files.has(rel) || ws.dirs.has(rel) || word.endsWith('/') ? rel : ws.byBase.get(rel) ?? rel);
    const value = word.startsWith('./') || word.startsWith('/') || word.startsWith('~') ? word.replace(/\/$/, '') || '/' : resolved;
    if (archiveExt.test(word)) facts.archives.push({ value, at, raw: word });
    if (existingDir) {
      facts.dirs.push({ value, at, raw: word });
      facts.paths.push({ value, at, raw: word });
      continue;
    }
    if (existingFile) {
      facts.files.push({ value, at, raw: word });
      facts.paths.push({ value, at, raw: word });
      continue;
    }
    if (stopWords.has(wl)) continue;
    // "DD.MM.YY", "HH.MM": a date or time format in letters, not a file.
    const looksFile = /^[\w@+-][\w@+.-]*\.[A-Za-z0-9]{1,8}$/.test(word.split('/').pop() ?? '') && !word.endsWith('/') && !dateLetters.test(word) && !/^\d+(\.\d+)*$/.test(word) && !/^(?:[\w-]+\.)+(com|org|net|io|dev|local|edu|gov|internal)$/i.test(word);
    const looksPath = /\//.test(word) && !slashedWords.test(word) && !dateLetters.test(word) && (!/^\/\//.test(word) || /^\/\/[\w.-]+\/\S/.test(word));
    if (looksFile) {
      facts.files.push({ value, at, raw: word });
      facts.paths.push({ value, at, raw: word });
    } else if (looksPath) {
      facts.paths.push({ value, at, raw: word });
      facts.dirs.push({ value, at, raw: word });
    }
  }
}

const copiedFolderBefore = /\b(?:cop(?:y|ying)|cp|sync(?:ing)?|synchroni[sz](?:e|ing)|mirror(?:ing)?|back(?:ing)?\s?-?up|rsync|duplicat(?:e|ing)|mov(?:e|ing)|mv)\s+(?:the\s+|my\s+|our\s+)?(?:(?:whole|entire)\s+)?$/i;

const copiedFolderAfter = /^\s+(?:(?:and\s+)?(?:over|recursively|again|quietly|verbosely|safely|forcibly|forcefully|carefully|whole|entirely|completely|with\s+(?:all\s+)?its\s+(?:contents|files|subfolders))\s+)*(?:to|into|onto|with)\s/i;

const emptiedFolderBefore = /\b(?:clear|clean|empty|wipe|purge)\s+(?:out\s+)?(?:the\s+|my\s+|our\s+)?(?:(?:whole|entire)\s+)?$/i;

/** "search the docs for X", "grep src for Y": the thing a search goes through is a place. */
const searchedPlace = /\b(?:search(?:es|ed|ing)?|grep|scan|look (?:through|in)|go through|comb(?: through)?)\s+(?:through\s+)?(?:the\s+|my\s+|our\s+)?$/i;

/** "in the src folder", "under logs": a plain word after a place preposition. */
export function readFolderAfterPreposition(r: Reading): void {
  const { text, facts, isUsed } = r;
  for (const m of text.matchAll(/\b(?:in|under|inside|within|into|from|of|to)\s+(?:(?:the|my)\s+)?(?:(?:folder|directory|dir)\s+)?([\w.@+-]+)(?:\s+(?:folder|directory|dir)\b)?/gi)) {
    const word = m[1];
    const at = m.index + m[0].lastIndexOf(word);
    if (isUsed(at) || stopWords.has(word.toLowerCase()) || facts.paths.some((p) => p.at === at) || /^\d/.test(word) || notAFolderName.test(word) || namesAnother(text, at + word.length)) continue;
    // "the subdirectories of bugzilla": what is below a folder is under it.
    const strong = /^(under|inside|within)\b/i.test(m[0]) || (dotFolder(word, r.ws) && text.charAt(at + word.length) !== '/') || (/^of\b/i.test(m[0]) && /\bsub-?(?:director(?:y|ies)|folders?|dirs?)\s+$/i.test(text.slice(0, m.index)) && subfoldersOf(word, text.slice(at + word.length), r.ws));
    if (!strong && !/\s+(folder|directory|dir)\b/i.test(m[0]) && !/\b(folder|directory|dir)\s+\S+$/i.test(m[0])) continue;
    facts.paths.push({ value: word, at, raw: word });
    facts.dirs.push({ value: word, at, raw: word });
  }
  // "all the bugzilla subdirectories": a name before the folders below it.
  for (const m of text.matchAll(/(?<![\w'\u2019.-])([A-Za-z_][\w.@+-]*)\s+sub-?(?:director(?:y|ies)|folders?|dirs?)\b/gi)) {
    const word = m[1];
    if (isUsed(m.index) || stopWords.has(word.toLowerCase()) || notASubfolderOwner.test(word) || facts.paths.some((p) => p.at === m.index) || notAFolderName.test(word)) continue;
    // "the leaf subdirectories", "the git subfolders": any word may describe them; only a folder the workspace has, or a path, is named.
    if (!r.ws.dirs.has(word) && !/[/.]/.test(word)) continue;
    facts.paths.push({ value: word, at: m.index, raw: word });
    facts.dirs.push({ value: word, at: m.index, raw: word });
  }
}

/** "the subdirectories of bugzilla", "… of site to 755": a folder, not "of size zero", "of depth 2" or "of interest". */
function subfoldersOf(word: string, after: string, ws: Reading['ws']): boolean {
  if (ws.dirs.has(word) || /[/.]/.test(word)) return true;
  if (/^(?:size|depth|level|interest|type|kind|length|age|importance|note|mine|yours|ours|theirs)$/i.test(word)) return false;
  return /^\s*(?:$|[,.;:!?)]|(?:to|and|with|into|in|as|that|which|modified|changed|created|owned|older|newer|recursively|permissions?|mode)\b)/i.test(after);
}

// "the empty subdirectories", "its subfolders": words that say which subfolders, not whose.
const notASubfolderOwner = /^(?:non-\w+|zero|a|an|the|all|any|every|each|its|their|his|her|my|our|your|these|those|some|no|empty|hidden|nested|immediate|direct|first|top|other|only|own|new|old|non-?empty|recursive|level|deep|deeper|following|different|both|many|several|named|called|given|two|three|which|what|and|or|with|without|in|under|of|to|for|list|show|find|delete|remove|create|make|count|print)$/i;

// Folders whose name begins with a dot that most projects and homes have.
const knownDotFolders = /^\.(?:git|svn|hg|bzr|github|gitlab|circleci|config|cache|local|ssh|gnupg|vscode|idea|npm|yarn|docker|aws|kube|venv|tox|cargo|gradle|terraform|next)$/i;

/** "in .git", "under .config": a dot and a name after a preposition is a folder when the workspace has it or it is a well-known one, not a kind of file. */
export function dotFolder(word: string, ws: Reading['ws']): boolean {
  return /^\.[A-Za-z_][\w-]*$/.test(word) && (ws.dirs.has(word) || knownDotFolders.test(word));
}

/** "in target directory "$tmpdir"", "the output folder /srv/out": a word before "folder" that another name follows says what the folder is for, it is not its name. */
function namesAnother(text: string, end: number): boolean {
  return /^\s+(?:folder|directory|dir)\s+(?:called\s+|named\s+)?(?:['"\x60$~/]|\.{1,2}\/)/i.test(text.slice(end));
}

// What a folder has ("the folder structure", "the directory listing"): words after "folder" that name no folder.
const folderNouns = /^(?:parts?|portions?|components?|prefix|suffix|sections?|pieces?|bits?|separators?|delimiters?|structure|listing|tree|trees|sizes?|names?|contents?|paths?|permissions?|modes?|owners?|ownership|hierarchy|layout|level|depth|stack|entries|count|information|info|details)$/i;

const folderKinds = /^(?:temporary|temp|new|empty|hidden|parent|current|working|whole|entire|same|another|separate|single|nested|root|home|given|specified|target|destination|source|every|each|all|any|that|this|one|some)$/i;

/** "the logs folder", "remove cache folder", "delete the folder cache" without a preposition. */
export function readNamedFolder(r: Reading): void {
  const { text, ws, facts, isUsed } = r;
  const before = /\b(?:the|my|a|(?:remov|delet|eras|creat|mak|empt|clean|compress|archiv|zip|cop|mov|renam)\w*)\s+([\w.@+-]+)\s+(?:folder|directory|dir)\b/gi;
  const after = /\b(?:the|my|a)\s+(?:folder|directory|dir)\s+(?:called\s+|named\s+)?([A-Za-z_][\w.@+-]*)(?=\s*[,.;!?]?\s*$|\s+(?:to|in|into|from|and|with|on|as|for|recursively|along|including|together|completely|entirely|if|unless|when|only|but)\b)/gi;
  // "the folders edi and edw": several folders named after the word.
  const list = /\b(?:the|my)\s+(?:folders|directories|dirs)\s+(['"]?[A-Za-z_][\w.@+-]*['"]?(?:(?:\s*,\s*|\s+and\s+|,\s+and\s+)['"]?[A-Za-z_][\w.@+-]*['"]?)+)/gi;
  const listed = [...text.matchAll(list)].flatMap((m) => {
    const words = [...m[1].matchAll(/['"]?([A-Za-z_][\w.@+-]*)/g)].filter((w) => !/^and$/i.test(w[1]));
    // ... plain names only: "the folders in src and docs" names them after "in".
    if (words.some((w) => stopWords.has(w[1].toLowerCase()))) return [];
    return words.map((w) => Object.assign([w[0], w[1]], { index: (m.index ?? 0) + m[0].indexOf(m[1]) + (w.index ?? 0), input: text }) as RegExpMatchArray);
  });
  // "copy src_dir recursively to dest_dir": what is copied recursively, or a plain name (with _ - or a digit) copied somewhere, is a folder.
  // ... not a file the workspace has, nor one copied to another file ("copy my-notes to my-notes.bak").
  const copiedWhole = [...text.matchAll(/\b(?:cop(?:y|ies)|cp|sync\w*|mirror\w*|rsync|duplicat\w*)\s+(?:the\s+)?([A-Za-z_][\w.@+-]*)\s+((?:(?:and\s+)?(?:over|recursively|again|quietly|verbosely|safely|carefully|whole|entirely|completely)\s+)*)(?:to|into|onto)\s+(\S+)/gi)].filter((m) => (/recursively/i.test(m[2]) || /[_\d-]/.test(m[1])) && !ws.files.has(m[1]) && !ws.byBase.has(m[1]) && !/\.[A-Za-z]\w{0,7}["'`]?[.,;]?$/.test(m[3]));
  for (const m of [...text.matchAll(before), ...text.matchAll(after), ...listed, ...copiedWhole]) {
    const word = m[1];
    const at = (m.index ?? 0) + m[0].lastIndexOf(word);
    // "creates temporary folder", "make new directory": after a verb, a word that says what kind of folder.
    if (folderNouns.test(word) || /^(?:afterwards?|later|first|too|again|now|itself|also|then|anyway|instead|\w+ly)$/i.test(word) || (!/^(?:the|my|a)\s/i.test(m[0]) && folderKinds.test(word))) continue;
    if (isUsed(at) || (stopWords.has(word.toLowerCase()) && !ws.dirs.has(word) && !/^(out|up|in|on|off|new|old|data|test|tests|src|bin|lib)$/i.test(word)) || facts.paths.some((p) => p.at === at) || /^\d/.test(word) || notAFolderName.test(word) || namesAnother(text, at + word.length)) continue;
    facts.paths.push({ value: word, at, raw: word });
    facts.dirs.push({ value: word, at, raw: word });
  }
}

/** "the app log", "the build script": a file named by its stem and kind. */
export function readStemFiles(r: Reading): void {
  const { text, ws, facts, isUsed } = r;
  if (ws.byStem) {
    // ... the kind a word of its own: "delete notes.txt" names notes.txt, not a file delete.* by the stem "delete".
    for (const m of text.matchAll(/(?<![\w./-])([\w-]+)\s+(log|logfile|file|script|config|csv|json|yaml|data|readme|notes|archive|tarball)(?![\w-]|\.\w)/gi)) {
      const stem = m[1].toLowerCase();
      // "the app log" is app.log even when an app.py exists too, unless app.log is in two folders.
      const target = (m[2].toLowerCase() === 'log' && !ws.sameBase?.has(`${stem}.log`) ? ws.byBase.get(`${stem}.log`) : undefined) ?? ws.byStem.get(stem);
      if (!target || stopWords.has(stem) || isUsed(m.index) || facts.files.some((f) => f.value === target)) continue;
      const kind = m[2].toLowerCase();
      if (kind === 'log' && !/\.log(\.|$)/.test(target)) continue;
      facts.files.push({ value: target, at: m.index, raw: m[0] });
      facts.paths.push({ value: target, at: m.index, raw: m[0] });
      if (archiveExt.test(target)) facts.archives.push({ value: target, at: m.index, raw: m[0] });
    }
  }
}

const specials: [RegExp, string][] = [
  [/\b(home (folder|directory|dir)|my home)\b/, '~'],
  [/\b(root (folder|directory)|whole (disk|system|filesystem)|entire (disk|system|filesystem))\b/, '/'],
  [/\b(current (folder|directory|dir)|this (folder|directory|dir)|here|top(?:[- ]level)? (folder|directory|dir)|(?:project|repo|workspace) root|root of the (?:project|repo|workspace)|(?:this|the|whole|entire) (?:project|workspace|codebase))\b/, '.'],
  // ... but "the parent folder of build/out" is named by what follows, and "the parent directory name" of each file is no place.
  [/\b(parent (folder|directory|dir))\b(?!\s+(?:of|names?|paths?)\b)/, '..'],
  // "how much room is left on /": the root written as a path.
  [/(?<=\b(?:on|of|in|under|at)\s)\/(?=[\s?.!,]*$)/, '/'],
  // ... but "the $TMP folder" is wherever the variable points.
  [/(?<![$\w{])(temp|tmp) (folder|directory|dir)\b/, '/tmp'],
];

/** The place that text starting with a place in words names ("the current directory's parent" is ..), if it does. */
export function placeInWords(text: string): string | undefined {
  const lower = text.toLowerCase().replace(/^(?:the|a|my|your|our)\s+/, '').replace(/^current\s+working\b/, 'current');
  if (/^(?:current|working|present|this)\s+(?:folder|directory|dir)'s\s+parent\b/.test(lower)) return '..';
  for (const [re, value] of specials) if (re.exec(lower)?.index === 0) return value;
  return undefined;
}

// "the current script", "the executing script ($0)": the script a command is written into is "$0" (a file, no folder).
// Only where its place is asked ("the path of", "the folder containing", "where … is located"): running it again is no path.
const scriptItself = /\b(?<=(?:of|to|containing|where|in which)\s+)(?:(?:the\s+)?(?:current(?:ly)?(?:\s+running)?|running|executing|calling)|this)\s+(?:(?:shell|bash)\s+)?script\b(?!\s+(?:named|called)\b)(?:'s)?/;

/** Places named in words: the home folder, the root, here, the parent, the temporary folder, the running script. */
export function readSpecialPlaces(r: Reading): void {
  const { lower, facts } = r;
  for (const [re, value] of specials) {
    const m = re.exec(lower);
    if (m && !facts.paths.some((p) => p.at === m.index)) {
      facts.paths.push({ value, at: m.index, raw: m[0] });
      facts.dirs.push({ value, at: m.index, raw: m[0] });
    }
  }
  const script = scriptItself.exec(lower);
  if (script && !facts.paths.some((p) => Math.abs(p.at - script.index) < script[0].length + 8)) {
    facts.paths.push({ value: '$0', at: script.index, raw: script[0] });
    facts.files.push({ value: '$0', at: script.index, raw: script[0] });
  }
}

/** File kinds ("python files", "*.py", ".log files", "files ending in .bak") and other globs. */
export function readKinds(r: Reading): void {
  const { text, lower, facts } = r;
  // ".test.ts", ".tar.gz": a dotted run is one extension, never two kinds ored.
  for (const m of text.matchAll(/(?<![\w/])\*\.([\w.+-]+)|(?:^|\s)\.([A-Za-z0-9]{1,8}(?:\.[A-Za-z0-9]{1,8}){0,2})\b(?!\w)|\b([\w+]+)\s+(?:files?|sources?|scripts?|documents?|images?|programs?|code|ones)\b/gi)) {
    const ext = m[1] ?? m[2] ?? kindExtensions[(m[3] ?? '').toLowerCase()];
    if (!ext || (m[2] && facts.dirs.some((d) => d.at === m.index + m[0].indexOf('.'))) || (m[3] && inDescription(facts, m.index + m[0].indexOf(m[3])))) continue;
    facts.exts.push({ value: ext, at: m.index, raw: m[0] });
    facts.globs.push({ value: /^[A-Z]/.test(ext) && !ext.includes('.') ? ext : `*.${ext}`, at: m.index, raw: m[0] });
  }
  // 'all the ".c" files', "the '.mov' video files": an extension in quotes said of files is a kind, as it is unquoted, not a file called .c.
  // ... and so is one said as an extension ("with '.png' (case insensitive) extension", "the extension '.txt'").
  for (const m of text.matchAll(/(?<=\bextension\s+)["'\x60]\.([A-Za-z0-9]{1,8}(?:\.[A-Za-z0-9]{1,8}){0,2})["'\x60]|["'\x60]\.([A-Za-z0-9]{1,8}(?:\.[A-Za-z0-9]{1,8}){0,2})["'\x60](?=\s+(?:\([^)]{0,40}\)\s+)?(?:[a-z]+\s+)?(?:files?|documents?|scripts?|images?|archives?|ones|extensions?)\b)/gi)) {
    if (facts.exts.some((e) => e.at === m.index)) continue;
    for (const key of ['paths', 'files', 'dirs', 'names'] as const) facts[key] = facts[key].filter((f) => f.at !== m.index);
    const ext = m[1] ?? m[2];
    facts.exts.push({ value: ext, at: m.index, raw: m[0] });
    facts.globs.push({ value: `*.${ext}`, at: m.index, raw: m[0] });
  }
  // "the jpg and png images", "c, h or cpp files": each kind of a list said before the noun.
  for (const m of lower.matchAll(/\b([a-z0-9+]{1,10})(?=(?:\s*,\s*\.?[a-z0-9+]{1,10})*\s*(?:,|\band\b|\bor\b)\s*\.?[a-z0-9+]{1,10}\s+(?:files?|images?|documents?|scripts?|sources?|programs?)\b)/g)) {
    const ext = kindExtensions[m[1]];
    if (!ext || facts.exts.some((e) => e.value === ext) || inDescription(facts, m.index)) continue;
    facts.exts.push({ value: ext, at: m.index, raw: m[1] });
    facts.globs.push({ value: `*.${ext}`, at: m.index, raw: m[1] });
  }
  // "every log", "all the csvs": a kind without the word "files".
  // "delete logs older than a week": a plural kind alone, unless it is a folder ("in logs", "the logs folder").
  for (const m of lower.matchAll(/\b(?:(?:every|each|all(?: the| of the)?|any|old|older)\s+(logs?|csvs?|pdfs?|backups?|scripts?|images?|jsons?|yamls?|markdowns?)|(?<!\b(?:in|under|inside|within|from|into|to|of|at)\s+(?:the\s+|my\s+)?)(logs|csvs|pdfs|jsons|yamls))\b(?!\s+(?:files?|folders?|director\w*|dirs?))(?![/.\w])/g)) {
    const word = m[1] ?? m[2];
    if (m[2] && facts.dirs.some((d) => d.at === m.index)) continue;
    const ext = kindExtensions[word.replace(/s$/, '')] ?? kindExtensions[word];
    if (!ext || facts.exts.some((e) => e.value === ext)) continue;
    facts.exts.push({ value: ext, at: m.index, raw: m[0] });
    facts.globs.push({ value: `*.${ext}`, at: m.index, raw: m[0] });
  }
  // ("all *~ files": editors' backups end in a tilde.)
  for (const m of text.matchAll(/(?<!\S)([\w.~-]*[*?][\w.*?~-]*)(?!\S)/g)) {
    // A question mark ending a sentence is not a glob.
    if (/^\*\.[\w.+-]+$/.test(m[1]) || /^[\w.-]+\?+$/.test(m[1])) continue;
    // "7*24 hours": a product of numbers, not a name.
    if (/^\d+\*\d+$/.test(m[1])) continue;
    facts.globs.push({ value: m[1], at: m.index, raw: m[0] });
  }
  // "all 'custlist*' files", "the '*~' files": a quoted glob said of files is a name, as it is unquoted.
  for (const m of text.matchAll(/["'`]([\w.~-]*[*?][\w.*?~-]*)["'`]\s+(?:files?|folders?|director(?:y|ies)|dirs?|entries)\b/gi)) {
    if (/^\*\.[\w.+-]+$/.test(m[1]) || !/[\w~]/.test(m[1])) continue;
    facts.globs.push({ value: m[1], at: m.index, raw: m[0] });
  }
  // ... "starting with the word top": the word is the name's start.
  for (const m of text.matchAll(/\b(?:starting|beginning|start|begin|starts|begins)\s+with\s+(?:the\s+(?:word|string|text|letters?)\s+)?["']?([\w.-]+)["']?|\b(?:ending|end|ends)\s+(?:with|in)\s+(?:the\s+(?:word|string|text|letters?)\s+)?["']?([\w.-]+|~)["']?/gi)) {
    // "start with a dot", "end with an underscore": the article is no part of a name.
    if (/^(?:an?|the)$/i.test(m[1] ?? m[2]) && /^\s+[a-z]/i.test(text.slice(m.index + m[0].length))) continue;
    // ... nor "the word in the current folder": an unquoted word of the sentence after "the word".
    if (/\bthe\s+\w+\s+\w+$/.test(m[0]) && !/["']$/.test(m[0]) && stopWords.has((m[1] ?? m[2]).toLowerCase())) continue;
    facts.globs.push({ value: m[1] ? `${m[1]}*` : `*${m[2]}`, at: m.index, raw: m[0] });
    // 'the files which end with ".deb"': a part of names, not a file called .deb.
    const end = m.index + m[0].length;
    for (const key of ['paths', 'files', 'dirs'] as const) facts[key] = facts[key].filter((f) => f.at < m.index || f.at >= end);
  }
}

// "I need to restore …", "how to duplicate …": the word after this "to" is a verb, never a place.
const wantsTo = /\b(?:need|needs|needed|want|wants|wanted|have|has|had|going|got|like|love|wish|try|trying|tried|how|able|about|forgot|remember|plan|planning|meant|supposed|ought|time)\s+to\s+$/i;

/** Where something should go: "to docs_old", "into public", "as backup.txt". */
// ... "to the tmp dir": a destination named before the word folder.
export function readTargets(r: Reading): void {
  const { text, facts, isUsed } = r;
  for (const m of text.matchAll(/\b(?:to|into|as|called|named)\s+(?:exactly\s+|precisely\s+)?(?:(?:the|my|our)\s+(?=[\w./@+~-]+\s+(?:folder|directory|dir)\b))?(?:a\s+(?:new\s+)?(?:folder|directory|file)\s+(?:called\s+|named\s+)?)?([\w./@+~-]+)/gi)) {
    const value = m[1].replace(/[.,;:!?]+$/, '');
    const at = m.index + m[0].lastIndexOf(m[1]);
    if (/^to\b/i.test(m[0]) && wantsTo.test(text.slice(0, at))) continue;
    // "a as well as b": a joiner of names, not "as well" the destination.
    if (/^as\s/i.test(m[0]) && /^well\s+as\b/i.test(text.slice(at))) continue;
    // "as user bob": the word before a user's name is no destination.
    if (stopWords.has(value.toLowerCase()) || /^\d+$/.test(value) || isUsed(at) || /^(user|group|stdout|stderr|screen|terminal|console)$/i.test(value) || /^standard\s+(?:output|out|error)\b/i.test(text.slice(at))) continue;
    // "time to empty the dishwasher": a verb before its object, not a place.
    if (/^to$/i.test(m[0].split(/\s/)[0]) && /^[a-z]+$/.test(value) && /^\s+(?:the|my|our|your|his|her|their|some|this|these|those)\s/i.test(text.slice(at + value.length))) continue;
    // "to the parent folder of build/out": a folder named by another path, not one called parent.
    if (/^(?:parent|containing|enclosing)$/i.test(value) && /^\s+(?:folder|directory|dir)\s+of\b/i.test(text.slice(at + value.length))) continue;
    // "as DD.MM.YY", "as %Y-%m-%d": a format to print in, not a name.
    if (dateLetters.test(value) || value.includes('%')) continue;
    facts.targets.push({ value, at, raw: value });
  }
}

/** A date or time format in letters: YYYY-MM-DD, DD.MM.YY, HH:MM:SS, yyyymmdd. */
export const dateLetters = /^(?:YYYY|YY|MM|DD|HH|SS|yyyy|yy|mm|dd|hh|ss)(?:[-:/._T]?(?:YYYY|YY|MM|DD|HH|SS|yyyy|yy|mm|dd|hh|ss))+$/;

/** "files/directories", "name/path", "regular/normal" are ways of saying "files and folders", "name or path", not paths. */
export function dropBothKinds(r: Reading): void {
  const { facts } = r;
  for (const key of ['paths', 'dirs', 'files'] as const) facts[key] = facts[key].filter((f) => !slashedWords.test(f.value));
}
