// The words a request is read with: numbers in words, ordinals, file kinds,
// units of size and time, archive names, and the words that name no value.

import { numberPhrase, numberWordValues, spelledAmount } from './numberWords';

/** Words that ask for a match in any case: "case-insensitively", "ignoring case", "in upper or lower case", "in any case" after what it qualifies ("in any case, …" opening a request is no such word). */
export const ignoresCase = /\bcase[- ]?insensitiv\w*|\bnot case[- ]?sensitive\b|\bignor\w* (?:the )?(?:letter )?case\b|\b(?:regardless|irrespective) of (?:the )?case\b|(?<!^\s*(?:(?:but|and|so|well),? )?(?:in )?)\b(?:in )?any case\b(?= *(?:$|[.,;]| for| in))|\b(?:upper|lower) ?case (?:and|or) (?:upper|lower) ?case\b|\bupper or lower\b|\bno matter (?:the )?case\b/;

/** Links whose target is gone: "broken symlinks", "dangling links", "dead symbolic links". */
export const brokenLinks = /\b(?:broken|dangling|dead|orphan\w*|stale)\s+(?:sym(?:bolic)?\s*|soft\s+)?links?\b/;

/** Text in quotes ("…", '…', `…`, “…”): values, whose words order and name nothing. Global: for replace and matchAll. */
export const quotedSpans = /"[^"]*"|(?<![\w])'[^']*'(?![\w])|`[^`]*`|“[^”]*”/g;

/**
 * Numbers spelled out, one to a hundred, smallest first (the order patterns
 * try them in): the one-word numbers of numberWords.ts, strict, for a count
 * that must be said as a number ("the last three commits"; "a commit" counts none).
 */
export const spelledNumbers: Readonly<Record<string, number>> = Object.fromEntries(Object.entries(numberWordValues).filter(([w, n]) => n >= 1 && n <= 100 && w !== 'fourty'));

/** The spelled numbers `keep` lets through, smallest first: a reading that knows "two" to "five" and no more keeps to them. */
export function numbersWhere(keep: (n: number) => boolean): Record<string, number> {
  return Object.fromEntries(Object.entries(spelledNumbers).filter(([, n]) => keep(n)));
}

/** The spelled numbers `keep` lets through as alternatives of a pattern: `one|two|three`. */
export function numberWords(keep: (n: number) => boolean): string {
  return Object.keys(numbersWhere(keep)).join('|');
}

/** Numbers in words, loosely: "a", "an" and "single" are one ("an hour ago"), "a couple" two, "a few" three. */
export const wordNumbers: Record<string, number> = { a: 1, an: 1, ...spelledNumbers, single: 1, couple: 2, few: 3 };
export const ordinals: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, last: -1,
};

/** File kinds in words → extension. */
export const kindExtensions: Record<string, string> = {
  python: 'py', py: 'py', javascript: 'js', js: 'js', typescript: 'ts', ts: 'ts', java: 'java', rust: 'rs', go: 'go', golang: 'go',
  ruby: 'rb', php: 'php', perl: 'pl', c: 'c', 'c++': 'cpp', cpp: 'cpp', header: 'h', headers: 'h', shell: 'sh', bash: 'sh', sh: 'sh', bin: 'bin', script: 'sh', scripts: 'sh',
  text: 'txt', txt: 'txt', log: 'log', logs: 'log', markdown: 'md', md: 'md', json: 'json', yaml: 'yaml', yml: 'yml', xml: 'xml', html: 'html',
  css: 'css', csv: 'csv', tsv: 'tsv', sql: 'sql', pdf: 'pdf', jpeg: 'jpg', jpg: 'jpg', png: 'png', gif: 'gif', svg: 'svg', image: 'png',
  mp3: 'mp3', mp4: 'mp4', zip: 'zip', tar: 'tar', gz: 'gz', bz2: 'bz2', xz: 'xz', backup: 'bak', bak: 'bak', tmp: 'tmp', temporary: 'tmp', config: 'conf', conf: 'conf',
  ini: 'ini', toml: 'toml', kotlin: 'kt', swift: 'swift', scala: 'scala', lua: 'lua', r: 'r', docx: 'docx', xlsx: 'xlsx', jsx: 'jsx', tsx: 'tsx',
  vue: 'vue', dockerfile: 'Dockerfile', makefile: 'Makefile', class: 'class', object: 'o', swap: 'swp', env: 'env', lock: 'lock', wasm: 'wasm',
};

export const sizeUnits: Record<string, string> = {
  b: 'c', byte: 'c', bytes: 'c', k: 'k', kb: 'k', kib: 'k', kilobyte: 'k', kilobytes: 'k', m: 'M', mb: 'M', mib: 'M', meg: 'M', megs: 'M',
  megabyte: 'M', megabytes: 'M', g: 'G', gb: 'G', gib: 'G', gig: 'G', gigs: 'G', gigabyte: 'G', gigabytes: 'G', t: 'T', tb: 'T', terabyte: 'T', terabytes: 'T',
};
export const timeUnits: Record<string, number> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1, min: 60, mins: 60, minute: 60, minutes: 60, h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
  day: 86400, days: 86400, week: 604800, weeks: 604800, month: 2592000, months: 2592000, year: 31536000, years: 31536000,
};
export const archiveExt = /\.(tar\.gz|tar\.bz2|tar\.xz|tar\.zst|tgz|tbz2|txz|tar|zip|gz|bz2|xz|zst|7z|rar|jar|war)$/i;
export const stopWords = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'my', 'our', 'your', 'all', 'every', 'each', 'any', 'some', 'current', 'folder', 'folders', 'directory',
  'directories', 'dir', 'file', 'files', 'here', 'it', 'them', 'there', 'and', 'or', 'of', 'in', 'on', 'to', 'from', 'with', 'for', 'by', 'is', 'are', 'me',
  'lines', 'line', 'text', 'word', 'words', 'which', 'what', 'where', 'project', 'repo', 'repository', 'workspace', 'tree', 'subfolders', 'recursively',
  'than', 'that', 'called', 'named', 'name', 'contain', 'containing', 'contains', 'matching', 'match', 'only', 'just', 'string', 'pattern', 'under', 'inside',
  'both', 'either', 'comments', 'comment', 'appear', 'appears', 'exactly', 'precisely', 'somewhere', 'anywhere', 'everywhere', 'show', 'list', 'find', 'count', 'get', 'see', 'be', 'do', 'so', 'up', 'out', 'not', 'yet',
]);

/** Words before "folder" that say which folder without naming one: "the top folder", "the current directory". */
// "files/directories", "name/path", "regular/normal", "and/or": words joined by a slash that say "and" or "or", never a path.
const slashedWord = String.raw`(?:and|or|either|files?|folders?|dir(?:ector(?:y|ies))?s?|subdir\w*|(?:file|path)?names?|paths?|regular|normal|(?:sym)?links?)`;
export const slashedWords = new RegExp(String.raw`^${slashedWord}(?:\/${slashedWord})+$`, 'i');

export const notAFolderName = /^(home|root|current|present|parent|absolute|full|real|canonical|resolved|relative|physical|temp|tmp|whole|entire|same|new|other|working|top|top-level|base|main|empty|hidden|each|every|biggest|largest|this|that|which|whose|any|one|last|past|next|previous|first|recent|sub|child|nested|inner|maximum|minimum|given|specified|named|called|passed|provided|above|below|where|containing|holding|with|without|tree|structure|itself|paths?|names?|contents?|entries|listings?|sizes?|permissions?)$/i;

/** A number in digits or in words, whole ("twenty one", "five hundred", "a couple of"), as one group: read it with `amountOf`. */
export const numWord = `(\\d+(?:\\.\\d+)?|${numberPhrase})`;

/** The amount a `numWord` match says: digits, or a phrase read whole; NaN when its words make no number. */
export function amountOf(said: string): number {
  const n = Number(said);
  return said.trim() !== '' && Number.isFinite(n) ? n : spelledAmount(said);
}

/** A number word standing just before an amount read: "twenty" of an unread "twenty twenty days" is no part of any amount read, so the amount is not known. */
export const numberWordBefore = new RegExp(`\\b(?:${Object.keys(numberWordValues).join('|')}|dozen)[\\s-]*$`);

/** Who a permission said in words is for: others, the group, the owner, everyone (chmod's o, g, u, a). */
export const permissionWho: readonly (readonly [RegExp, string])[] = [[/\b(?:others?|world|public)\b/, 'o'], [/\bgroup\b/, 'g'], [/\b(?:owner|user|me|myself)\b/, 'u'], [/\b(?:everyone|everybody|anybody|anyone|all users)\b/, 'a']];

/** What a file may lack that picks it out ("without a suffix", "with no owner"), as a regular expression's source. */
export const fileTraits = String.raw`(?:extensions?|suffix\w*|dots?|contents?|owners?|groups?|permissions?)`;

/** "the files with no extension", "whose names have no suffix": files chosen by having no dot in their name. */
export const noExtension = /\b(?:with\s+no|having\s+no|lacking|without(?:\s+an?|\s+any)?|(?:have|has)\s+no)\s+(?:file\s+|name\s+)?(?:extensions?|suffix\w*|dots?)\b|\bextension-?less\b/;

// "directly inside src", "in src itself", "but not below it", "at the top level of src": what is in the folder, not below.
/** "below the top level", "not at the top level", "except at the top level": every level but the first. */
export const belowTopLevel = /\b(?:below|under|beneath|deeper than|not at|except at|other than at|apart from at|but not at|everywhere but at)\s+(?:the\s+)?top[- ]level\b/;

export const oneLevel = /\bdirectly\s+(?:in|inside|under|within|beneath)\b|\b(?:in|inside|under|within)\s+(?:the\s+)?\S+\s+(?:folder\s+|directory\s+)?itself\b|\bnot (?:in anything |anywhere )?(?:below|beneath|deeper(?: than)?|further down(?: than)?|under) (?:it|that|there|this|them)\b|(?<!\b(?:not|never|except|but not|other than|apart from|only|everywhere but|below|under|beneath|deeper than)\s+)\b(?:at|on|in) the top[- ]level\b|(?<!\b(?:below|under|beneath|deeper than|not|except|but not|other than)\s+(?:(?:at|in|on)\s+)?the\s+)\btop[- ]level only\b|(?<!\bnot\s+)\bonly (?:at )?(?:the )?top[- ]level\b|\btop[- ]level (?:files|entries|folders|directories|items|\.\w+ files)\b|\bimmediate(?:ly)? (?:in|inside|under|children|contents|files|entries)\b|\bwithout (?:descending|going (?:any )?deeper)\b|\bignoring (?:the |any |all )?sub-?(?:directories|folders|dirs)\b|\bnot (?:the )?nested(?: ones)?\b|\b(?:sitting|sits|lying|that sit) (?:right |directly )?in\b/;
// "other partitions", "files residing on other file systems", "different mount points": what a walk that stays on one file system (-xdev) leaves out.
export const otherFileSystems = /^(?:(?:the\s+)?(?:files?|entries|ones|folders?|director(?:y|ies))\s+(?:(?:residing|living|stored|located|lying|sitting|that are|which are|that live|which live)\s+)?)?(?:(?:on|in)\s+)?(?:any\s+|the\s+)?(?:other|different|another|foreign)\s+(?:partitions?|files?\s*systems?|mounts?|mount points?|mounted (?:drives?|disks?|file ?systems?)|devices?)\b/;
