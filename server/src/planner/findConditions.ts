// The conditions a request puts on the files it selects, as find's tests:
// size, age, permissions, owner, emptiness, inode, depth and exclusions.
// A test is written only for words that state it.

import type { RequestFacts } from './requestFacts';
import { shellValue, valueWord } from './findTests';
import { dotFolder } from './requestPlaces';
import { refusing, timeWord, turnedDownKinds } from './keptOut';
import { belowTopLevel, kindExtensions, numbersWhere, oneLevel, otherFileSystems } from './requestWords';
import { statedEmptiness } from './statedEmptiness';

const unitBytes: Record<string, number> = { c: 1, k: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 };

/** "-size +100M" for "at least 100MB"; "smaller than" is said in bytes, as find rounds sizes up to whole units. */
export function sizeTests(f: RequestFacts): string[] {
  // "truncate them to 1MB": the size to cut to is the act's, not a test.
  // ... and "0 byte files" is emptiness, written -empty (shapeTests).
  const out = f.sizes.filter((s) => !/\btruncate\b[^;!?]{0,60}\bto\s*$/.test(f.lower.slice(0, s.at)) && !(s.amount === 0 && !s.sign)).map((s) => {
    const unit = s.unit ?? 'c';
    const amount = s.amount ?? 0;
    const bytes = Math.round(amount * (unitBytes[unit] ?? 1));
    const sign = s.sign === '-' ? '-' : s.sign === '+' ? '+' : /\b(?:exactly|of size|sized)\s*$/.test(f.lower.slice(0, s.at)) ? '' : '+';
    if (sign === '-' && unit !== 'c') return `-size -${bytes}c`;
    if (!Number.isInteger(amount)) return `-size ${sign}${bytes}c`;
    return `-size ${sign}${amount}${unit === 'T' ? 'G' : unit}`.replace(/(\d+)G$/, (m, n: string) => (unit === 'T' ? `${Number(n) * 1024}G` : m));
  });
  // "bigger than $size": the size a variable holds.
  for (const m of f.text.matchAll(/\b(bigger|larger|greater|more|smaller|less|fewer)\s+than\s+(\$\{?\w+\}?)/gi)) {
    out.push(`-size ${shellValue(`${/^(?:smaller|less|fewer)$/i.test(m[1]) ? '-' : '+'}${m[2]}`)}`);
  }
  return out;
}


/** Which of find's clocks a time phrase speaks of: accessed, status changed, or modified. */
function clocks(before: string): string[] {
  const clause = before.split(/[.;]|\b(?:and then|then|which are|that are)\b/).pop() ?? before;
  const verbs = [...clause.matchAll(/\b(modif\w*|edit\w*|chang\w*|updat\w*|access\w*|touch\w*|writ\w*|written|created|used|read)\b/g)].map((m) => m[1]);
  if (verbs.length === 0) return ['m'];
  const list = /\b(?:modif\w*|access\w*|chang\w*)\s*(?:,|or|and)\s*(?:[\w$]+[\s,]+){0,6}?(?:or|and)\s+(?:whose status (?:was |were )?)?(?:modif\w*|access\w*|chang\w*)/.test(clause);
  const pick = (v: string) => (/^access|^used|^read/.test(v) ? 'a' : /^chang/.test(v) && list ? 'c' : 'm');
  const all = list ? [...new Set(verbs.map(pick))] : [pick(verbs[verbs.length - 1])];
  return all;
}

const minutes: Record<string, number> = { s: 1 / 60, sec: 1 / 60, second: 1 / 60, seconds: 1 / 60, min: 1, mins: 1, minute: 1, minutes: 1, h: 60, hr: 60, hrs: 60, hour: 60, hours: 60 };
const days: Record<string, number> = { day: 1, days: 1, d: 1, week: 7, weeks: 7, month: 30, months: 30, year: 365, years: 365 };

/** "-mtime -7" for "modified in the last week", "-atime $FTIME" for "accessed $FTIME days ago", "-newer f" for "newer than f". */
export function timeTests(f: RequestFacts): string[] {
  const out: string[] = [];
  for (const d of f.durations) {
    // "as", "an h": a word, not a span of time.
    if (/^(?:a|an|one)\s*[a-z]{1,3}$/i.test(d.raw.trim()) && !/\s/.test(d.raw.trim())) continue;
    // "since last week": "week" is inside the span already read.
    if (f.durations.some((o) => o !== d && o.at <= d.at && d.at + d.raw.length <= o.at + o.raw.length && o.raw.length > d.raw.length)) continue;
    const before = f.lower.slice(0, d.at);
    const negated = /\b(?:not|never|haven'?t|hasn'?t|weren'?t|wasn'?t)\s+(?:been\s+)?(?:\w+\s+){0,3}(?:(?:in|for|within|during|since)\s+(?:the\s+)?(?:last|past|this)?|this)\s*$/.test(before);
    let sign = d.sign ?? '';
    if (negated) sign = '+';
    else if (!sign && /\bago\b/.test(f.lower.slice(d.at + d.raw.length, d.at + d.raw.length + 6))) sign = '';
    else if (!sign) sign = '-';
    const unit = d.unit ?? 'days';
    const inMinutes = minutes[unit] !== undefined;
    const n = Math.max(1, Math.round((d.amount ?? 1) * (inMinutes ? minutes[unit] : days[unit] ?? 1)));
    const tests = clocks(before).map((c) => `-${c}${inMinutes ? 'min' : 'time'} ${sign}${n}`);
    out.push(tests.length > 1 ? `\\( ${tests.join(' -o ')} \\)` : tests[0]);
  }
  // "accessed $FTIME days ago": an age a variable holds.
  for (const m of f.text.matchAll(/(\$\{?\w+\}?)\s+(?:(days?|minutes?|mins?)\s+)?ago\b/gi)) {
    const unit = m[2] && /^min/i.test(m[2]) ? 'min' : 'time';
    const tests = clocks(f.lower.slice(0, m.index)).map((c) => `-${c}${unit} ${shellValue(m[1])}`);
    out.push(tests.length > 1 ? `\\( ${tests.join(' -o ')} \\)` : tests[0]);
  }
  for (const m of f.lower.matchAll(/\b(newer|older|later|earlier)\s+than\s+(\d{4}-\d{2}-\d{2}(?:[ t]\d{2}:\d{2}(?::\d{2})?)?)/g)) {
    out.push(`${/^(?:older|earlier)$/.test(m[1]) ? '! ' : ''}-newermt '${m[2]}'`);
  }
  // "modified after /tmp/after and before /tmp/before": times of other files.
  for (const m of f.text.matchAll(new RegExp(String.raw`\b(after|before)\s+(?:the\s+)?(?:file\s+)?(${valueWord})`, 'gi'))) {
    if (/^['"\x60]?\d/.test(m[2])) continue;
    out.push(`${/^before$/i.test(m[1]) ? '! ' : ''}-newer ${shellValue(m[2])}`);
  }
  for (const m of f.text.matchAll(new RegExp(String.raw`\b(newer|older|later|earlier)\s+than\s+(?:the\s+)?(?:file\s+)?(${valueWord}|[\w-]+\.[\w.-]+|[\w.-]+(?=\s+file\b))`, 'gi'))) {
    // "not newer than X" is older, "not older than X" newer.
    const not = /\b(?:not|n't)\s+$/i.test(f.text.slice(Math.max(0, m.index - 5), m.index));
    out.push(`${/^(?:older|earlier)$/i.test(m[1]) !== not ? '! ' : ''}-newer ${shellValue(m[2])}`);
  }
  return out;
}

const who: Record<string, string> = { user: 'u', owner: 'u', group: 'g', other: 'o', others: 'o', world: 'o', everyone: 'o', anyone: 'o', all: 'a' };
const what: Record<string, string> = { write: 'w', writ: 'w', read: 'r', execute: 'x', exec: 'x' };

/** Permission tests: a mode, wide-open, world-writable, "group write permission", executable, setuid. */
export function permissionTests(f: RequestFacts): string[] {
  const lower = f.lower;
  const out: string[] = [];
  // The mode the request sets is never a test: `-perm 644` for "chmod 644 the .ts files" leaves alone every file it would change.
  const set = modesSet(lower);
  const mode = [...lower.matchAll(/\b(?:permissions?|mode|perms?)\s+(?:of\s+|set to\s+|is\s+|are\s+|(?:is\s+|are\s+)?(?:exactly|equal to)\s+|=\s*)?([0-7]{3,4})\b|\b([0-7]{3,4})\s+(?:permissions?|mode|perms?)\b/g)].find((m) => !set.includes(m[1] ?? m[2]));
  if (mode) out.push(`-perm ${mode[1] ?? mode[2]}`);
  else if (/\bwide[- ]open\b|\brwxrwxrwx\b|\ba=rwx\b/.test(lower)) out.push('-perm 777');
  else if (/\bworld[- ]writ\w*|\bwritable by (?:everyone|anyone|all|others|the world)\b/.test(lower)) out.push('-perm -o+w');
  // "group write permission", and "write permission for their owner" said the other way round.
  const after = /\b(write|writ|read|execute|exec)\w*\s+(?:permissions?|bits?|access)\s+(?:for|of)\s+(?:the\s+|their\s+|its\s+)?(user|owner|group|others?|world|everyone)\b/.exec(lower);
  const bit = /\b(user|owner|group|others?|world|everyone|all)\s+(write|writ|read|execute|exec)\w*\s+(?:permissions?|bits?|access)\b/.exec(lower) ?? (after && Object.assign([after[0], after[2], after[1]], { index: after.index }));
  // "give the group write access", "set read permission for others": a permission to grant or take away is the act, not a test.
  const granted = bit && /\b(?:give|grant|add|set|remove|take away|revoke|strip|deny|drop)\w*\s+(?:\w+\s+){0,3}$/.test(lower.slice(0, bit.index));
  // ... "without", "lacking", and "that does not have write permission for group": the files without it.
  if (bit && !granted && out.length === 0) out.push(`${/(?:\b(?:no|not|without|lack\w*)|n't)\s+(?:\w+\s+)?$/.test(lower.slice(0, bit.index)) ? '! ' : ''}-perm -${who[bit[1]]}+${what[bit[2]]}`);
  // "writable regular files", "the files that are readable": by whoever runs the command (-writable, -readable), when no one else is named.
  const access = /\b(?:(non-?|un|not\s+)?(writ(?:e)?able|readable))\s+(?:(?:regular|normal|plain)\s+)?(?:files?|director(?:y|ies)|folders?|entries)\b(?!\s+(?:by|for|to)\b)|\b(?:files?|director(?:y|ies)|folders?)\s+(?:(?:in|under|inside)\s+\S+\s+)?(?:that|which)\s+(?:are|is)\s+(not\s+)?(writ(?:e)?able|readable)\b(?!\s+(?:by|for|to)\b)/.exec(lower);
  if (access && out.length === 0) out.push(`${access[1] || access[3] ? '! ' : ''}-${/^writ/.test(access[2] ?? access[4]) ? 'writable' : 'readable'}`);
  if (/\bsetuid\b|\bsuid\b/.test(lower)) out.push('-perm -4000');
  if (/\bsetgid\b|\bsgid\b/.test(lower)) out.push('-perm -2000');
  // ... and "set execute permission for group" grants the bit, it picks nothing.
  if (out.length === 0 && !granted && /\bexecutables?\b|\bexecut\w* (?:bits?|permissions?)\b|\bexec bits?\b/.test(lower) && !/\bmake\b[^.]{0,40}\bexecutable\b/.test(lower)) {
    out.push(`${/\b(?:not|non|aren'?t|isn'?t)[- ](?:\w+\s+)?executable\b/.test(lower) ? '! ' : ''}-perm -u+x`);
  }
  return out;
}

/** "chmod 644 …", "set the mode of the logs to 640", "make the .txt files 600": modes the request gives files, not ones it picks them by. */
export function modesSet(lower: string): string[] {
  // A dot inside a name (".ts files", "notes.txt") ends no sentence; "to 2023-05-01" is a date.
  const clause = String.raw`(?:[^.;!?]|\.(?=[\w*]))`;
  const given = new RegExp(String.raw`\bchmod\s+(?:-\w+\s+)*([0-7]{3,4})\b|\b(?:change|set|chmod|give|make|switch)\b${clause}{0,60}?\b(?:to\s+(?:(?:the\s+)?(?:mode|permissions?|perms?)\s+(?:of\s+)?)?|(?:with|as)\s+)([0-7]{3,4})\b(?![-:/.]\d)|\b(?:give|make)\b${clause}{0,60}?\b(?:permissions?|mode|perms?)\s+(?:of\s+|to\s+|as\s+)?([0-7]{3,4})\b|${madeMode.source}`, 'g');
  return [...lower.matchAll(given)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
}

// "make the .txt files 644", "make them 600", "make run.sh 755": files made three or four octal digits are given a mode ("make the log 600 lines long" is no mode).
const madeMode = /\bmake\s+(?:(?:the|all|every|each|my|these|those|of)\s+)*(?:[\w.*-]+\s+){0,3}?(?:files?|folders?|director(?:y|ies)|scripts?|them|it|[\w*-]*\.[\w.-]+)(?:\s+(?:in|under|inside|within)\s+(?:the\s+)?[\w./-]+(?:\s+(?:folder|directory|dir))?)?\s+([0-7]{3,4})(?![\w.])(?!\s+(?:bytes?|lines?|times|copies|files?|folders?|days?|[kmg]b)\b)/;

// "belong to no user", "unowned", "that do not belong to any user", "not owned by anyone": files of no user (or group) the system knows.
const noOne = String.raw`\b(?:do|does|did)(?:\s+not|n't)\s+(?:belong\w* to|have)\s+any\s+`;
export const ownerless = {
  user: new RegExp(String.raw`\b(?:belong\w* to|owned by|with|have|has|having)\s+no\s+(?:user|owner)\b|\bno (?:valid )?owner\b|\bnouser\b|\b(?:unowned|orphaned)\b|${noOne}(?:valid\s+)?(?:user|owner)\b|\bnot\s+owned\s+by\s+any(?:one|body|\s+user)\b`),
  group: new RegExp(String.raw`\b(?:belong\w* to|with|have|has|having)\s+no\s+group\b|\bnogroup\b|${noOne}(?:valid\s+)?group\b`),
};

/** Owner tests: no owner, owned by a user, of a group, a user id. */
export function ownerTests(f: RequestFacts): string[] {
  const lower = f.lower;
  const out: string[] = [];
  if (ownerless.user.test(lower)) out.push('-nouser');
  if (ownerless.group.test(lower)) out.push('-nogroup');
  // "change the ownership so that they belong to alice": the owner to set is no test.
  const selects = (at: number) => !/\b(?:so(?:\s+that)?\s+(?:they|it|all|each|every\s+\w+)(?:\s+\w+)?|to\s+(?:make\s+)?(?:them|it)(?:\s+be)?|to\s+be|as\s+to\s+be)\s+$/.test(lower.slice(Math.max(0, at - 30), at));
  const user = new RegExp(String.raw`\b(?:owned by|belong\w* to|whose owner is)\s+(?:the\s+)?(?:user\s+)?(${valueWord}|[a-z_][\w-]*)`, 'i').exec(f.text);
  if (user && !/^(?:no|a|an|the|group|any|anyone|anybody|everyone|everybody|someone|somebody|with|whose|who|which|that|having)$/i.test(user[1]) && selects(user.index)) out.push(`-user ${shellValue(user[1])}`);
  const group = new RegExp(String.raw`\b(?:owned by|belong\w* to|of|in)\s+(?:the\s+)?group\s+(${valueWord}|[a-z_][\w-]*)`, 'i').exec(f.text);
  if (group && selects(group.index)) out.push(`-group ${shellValue(group[1])}`);
  // "files with UID=1005", "whose gid is 100".
  for (const m of lower.matchAll(/\b(uid|gid|user id|group id)\s*(?:=|of|is|:)?\s*(\d+)\b/g)) out.push(`-${/^(?:uid|user)/.test(m[1]) ? 'uid' : 'gid'} ${m[2]}`);
  return out;
}

/** Emptiness, inode number, and how deep the walk goes. */
// "two levels deep", "3 directories down": one to five spelled out.
const levelCounts = numbersWhere((n) => n <= 5);
const levelsDeep = new RegExp(String.raw`\b(\d+|${Object.keys(levelCounts).join('|')})\s+(?:levels?|directories|dirs)\s+(?:deep|down|below)\b`);

export function shapeTests(f: RequestFacts): { depth: string[]; tests: string[] } {
  const lower = f.lower;
  const tests: string[] = [];
  const depth: string[] = [];
  const emptiness = statedEmptiness(lower);
  if (emptiness) tests.push(emptiness === 'full' ? '! -empty' : '-empty');
  // "with 2 links", "with more than one hard link": how many names the files have.
  const links = /\b(?:with|having|that have|which have)\s+(?:(exactly\s+)?(\d+)|more than (\d+|one)|at least (\d+))\s+(?:hard\s+)?links?\b/.exec(lower);
  if (links) tests.push(links[2] ? `-links ${links[2]}` : links[3] ? `-links +${links[3] === 'one' ? 1 : links[3]}` : `-links +${Number(links[4]) - 1}`);
  const inode = /\binode(?:\s+(?:number|no\.?|#))?(?:\s+(?:is|of|equal to)|\s*[=:])?\s+(\d+|\$\{?\w+\}?)/.exec(f.text.toLowerCase() === lower ? f.text : lower);
  if (inode) tests.push(`-inum ${shellValue(inode[1])}`);
  const levels = levelsDeep.exec(lower);
  const most = /\b(?:at most|up to|no more than|maximum(?: of)?)\s+(\d+)\s+(?:levels?|director(?:y|ies) levels?|sub-?director(?:y|ies) deep)\b|\b(?:max(?:imum)? depth(?: of)?|maxdepth)\s+(\d+)\b/.exec(lower);
  const least = /\b(?:at least|min(?:imum)? depth(?: of)?|mindepth)\s+(\d+)\s+(?:levels?|directories)\b/.exec(lower);
  if (least) depth.push(`-mindepth ${least[1]}`);
  // "below the top level", "not at the top level": every level but the first.
  else if (belowTopLevel.test(lower)) depth.push('-mindepth 2');
  if (most) depth.push(`-maxdepth ${most[1] ?? most[2]}`);
  else if (levels) depth.push(`-mindepth ${levelCounts[levels[1]] ?? levels[1]}`, `-maxdepth ${levelCounts[levels[1]] ?? levels[1]}`);
  else if (/\b(?:not|without|don'?t|do not|no)\s+(?:\w+\s+){0,4}(?:in|into|inside|from|of)?\s*(?:the\s+|any\s+)?sub[- ]?(?:folders?|directories|dirs)\b|\bnon-?recursive\w*|\bnot recursive\w*|\b(?:without|no) recursi(?:on|ng)\b|\b(?:don'?t|do not|never) recurse\b|\b(?:current|this|that|the) (?:directory|folder|dir) only\b|\bonly in the (?:current|top)\b/.test(lower) || oneLevel.test(lower)) depth.push('-maxdepth 1');
  // "without descending into other partitions": the walk stays on the file system it starts on.
  if (/\b(?:without|not|never|don'?t|do not)\s+(?:descend\w*|go\w*|cross\w*|travers\w*|enter\w*)\s+(?:into\s+|onto\s+)?(?:any\s+)?(?:other|different|another)\s+(?:partitions?|file ?systems?|mounts?|mount points?|devices?)\b|\bon (?:the )?same (?:partition|file ?system)\b/.test(lower) || keptFileSystems(lower)) depth.push('-xdev');
  return { depth, tests };
}

// "except main.ts, delete all files in src": the verb after the comma is the act, not one more name kept.
const actVerbs = String.raw`(?:delete|remove|erase|move|copy|list|find|show|print|compress|gzip|get|rename|chmod|chown|count|search|archive|zip|tar|clean|wipe|purge|then)`;

// Folders most projects have: a name of theirs left out is the folder.
const commonFolders = /^(?:node_modules|vendor|build|dist|target|out|bin|obj|lib|__pycache__|\.[A-Za-z_][\w-]*)$/;

function knownFolder(name: string, ws: RequestFacts['ws']): boolean {
  return ws.dirs.has(name) || commonFolders.test(name);
}

/** What to leave out: named folders, hidden files. */
export function exclusionTests(f: RequestFacts): string[] {
  const out: string[] = [];
  if (/\b(?:exclud\w*|except|ignor\w*|skip\w*|without|not including|but not)\s+(?:all\s+|the\s+)?hidden\b|\bnon-?hidden\b|\bnot hidden\b/.test(f.lower)) out.push("-not -path '*/.*'");
  // "excluding those whose paths contain exclude3".
  for (const m of f.text.matchAll(new RegExp(String.raw`\b(?:exclud\w*|except|but not|other than)\s+(?:those|the ones|ones|files|entries)\s+(?:whose|with)\s+(path|name|file ?name|path ?name)s?\s+(?:contains?|containing|including|includes?|with)\s+(${valueWord}|[\w.-]+)`, 'gi'))) {
    out.push(`-not -${/path/i.test(m[1]) ? 'path' : 'name'} ${shellValue(`*${m[2].replace(/^['"\x60](.*)['"\x60]$/, '$1')}*`)}`);
  }
  // ... "omitting those that contain sites/default/files in their names": a part of the name, or of the path when it has a slash.
  for (const m of f.text.matchAll(new RegExp(String.raw`\b(?:exclud\w*|except|but not|other than|omitting|leaving out|skipping|ignoring)\s+(?:those|the ones|ones|files|entries)\s+(?:(?:that|which)\s+(?:contain|have|include)s?|containing|having|including|with)\s+(${valueWord}|[\w./-]+)\s+in\s+(?:their|its|the)\s+((?:file\s*|path\s*)?names?|paths?)\b`, 'gi'))) {
    const part = m[1].replace(/^['"\x60](.*)['"\x60]$/, '$1');
    out.push(`-not -${part.includes('/') || /^paths?$/i.test(m[2]) ? 'path' : 'name'} ${shellValue(`*${part}*`)}`);
  }
  // "excluding symbolic links", "but not directories": a kind left out.
  // "excluding *.gz files", "but not the *.flac files": names left out by a pattern.
  for (const m of f.text.matchAll(/\b(?:exclud\w*|except(?: for)?|but not|other than|apart from|not)\s+(?:the\s+|all\s+|any\s+)?(['"]?)(\*[\w.*?-]*\.[\w?*]+)\1(?=[\s,.;)]|$)/gi)) out.push(`! -name ${shellValue(m[2])}`);
  // "excluding files with '.ksh' extension": a kind left out by its extension.
  for (const m of f.lower.matchAll(/\b(?:exclud\w*|except|but not|other than|apart from)\s+(?:the\s+|all\s+|any\s+)?(?:files?|ones|those)\s+(?:with|having|that have)\s+(?:an?\s+|the\s+)?['"\x60]?\.?(\w{1,8})['"\x60]?\s+(?:extensions?|suffix(?:es)?)\b/g)) out.push(`! -name '*.${m[1]}'`);
  // "the non-compressed files", "excluding the already gzipped ones": what is compressed already is left out.
  if (/\b(?:non[- ]?|un)(?:compressed|gzipped|zipped)\b|\b(?:exclud\w*|except|but not|other than|apart from)\s+(?:the\s+)?(?:ones|those|files)\s+(?:that\s+are\s+|which\s+are\s+)?already\s+(?:compressed|gzipped|zipped|bzipped)\b|\b(?:not|exclud\w*|except|but not|other than|apart from|aren'?t|isn'?t)\s+(?:the\s+|all\s+|any\s+)?(?:already\s+)?(?:compressed|gzipped|g?zipped|bzipped)\b/.test(f.lower)) {
    out.push(`! -name ${shellValue(/\bbz(?:ip)?2?\b|\bbzipped\b/.test(f.lower) ? '*.bz2' : /\bxz\b/.test(f.lower) ? '*.xz' : '*.gz')}`);
  }
  out.push(...turnedDown(f));
  const kinds = /\b(?:exclud\w*|except|without|but not|not including|other than|apart from)\s+(?:all\s+|the\s+|any\s+)?(symbolic links?|symlinks?|soft links?|directories|folders|dirs|sub-?directories)\b(?!\s+(?:named|called|with|whose|that|which|ending|starting|matching|like))/.exec(f.lower);
  if (kinds) out.push(`! -type ${/link/.test(kinds[1]) ? 'l' : 'd'}`);
  // "without '.git' and '.gitignore'": names given in quotes after without are left out.
  const list = new RegExp(String.raw`(?:\b(?:exclud\w*|except(?: for)?|ignor\w*|skip\w*|not (?:in|under)|other than|apart from|but not|prun\w*|without(?=\s+['"\x60]|\s+(?:the ones|those|any)\s+(?:in|under|inside|within)\b)|(?<=\b(?:everything|all|every)\b.*)but(?=\s+(?:the\s+)?(?:\*|[\w.-]+\*)))|n't (?:in|under))\s+(?:(?:search(?:ing)?\s+)?(?:in|under|inside|within)\s+)?(?:(?:those|the ones|ones|files|anything)\s+(?:(?:that|which)\s+(?:are|is)\s+(?:present\s+|located\s+|found\s+|stored\s+|kept\s+)?)?(?:in|under|inside|within)\s+)?(?:the\s+|all\s+)?(?:(?:directories|folders|dirs|directory|folder|dir|paths?)\s+(?:of\s+)?)?(?:(?:named|called|with)\s+)?((?:${valueWord}|\*?[\w.-]+\*?)(?:\s*(?:,|and|or)\s*(?!${actVerbs}\b)(?:${valueWord}|\*?[\w.-]+\*?))*)`, 'gi');
  for (const m of f.text.matchAll(list)) {
    const folders = /^\s*(?:director(?:y|ies)|folders?|dirs?)\b/i.test(f.text.slice(m.index + m[0].length));
    const kindOf = /^\s*(?:files?|ones)\b/i.test(f.text.slice(m.index + m[0].length));
    const inPlace = /\b(?:in|under|inside|within)\b/i.test(m[0].slice(0, m[0].length - m[1].length));
    // "excluding other partitions": -xdev (depth tests above), no name left out.
    if (otherFileSystems.test(f.lower.slice(m.index + m[0].length - m[1].length))) continue;
    for (const raw of m[1].split(/\s*(?:,|\band\b|\bor\b)\s*/)) {
      const value = raw.trim().replace(/^['"\x60](.*)['"\x60]$/, '$1').replace(/\/+$/, '');
      if (!value || /^\d+$/.test(value) || /^(?:the|at|all|those|these|them|hidden|case|errors?|warnings?|messages?|whitespaces?|white|spaces?|blanks?|binary|binaries|following|current|present|working|starting|same|permission|permissions|denied|output|comments?|duplicates?|files?|directories|folders|dirs|in|search|that|which|a|an|symbolic|symlinks?|soft|links?|sub-?directories|sub-?folders|sub|any|ones|already|its|their|it|this|below|beneath|deeper|further|under|anything|everything|something)$/i.test(value) || timeWord.test(value.toLowerCase())) continue;
      // "except cache.tmp", "but not *.min.js": a file by its name; "except node_modules", ".git": a folder and what is in it.
      const fileLike = (/^[^./][^/]*\.\w{1,8}$/.test(value) || /^[^/]*\*[^/]*$/.test(value) || (/^\.[\w.-]+$/.test(value) && !folders && !dotFolder(value, f.ws))) && !f.ws.dirs.has(value);
      // "ignoring .html files": a kind of file by its extension.
      // ... and "except the sql files" by its kind in words.
      // ... and "apart from the markdown", "bar the backups": a kind named alone, when no folder has that name.
      const kind = !fileLike && (kindOf || (!f.ws.dirs.has(value) && !inPlace)) ? kindExtensions[value.toLowerCase()] ?? (kindOf ? undefined : kindExtensions[value.toLowerCase().replace(/s$/, '')]) : undefined;
      if (kindOf && /^\.\w+$/.test(value)) out.push(`! -name ${shellValue(`*${value}`)}`);
      else if (kind) out.push(`! -name ${shellValue(`*.${kind}`)}`);
      else if (fileLike) out.push(`! -name ${shellValue(value)}`);
      // "all files excluding CONFIGFILE", "except 'README'": a name left out after "files", or quoted, may be a file as well as a folder; neither is kept.
      else if (!folders && !inPlace && !/\b(?:director(?:y|ies)|folders?|dirs?)\s+(?:(?:named|called)\s+)?$/i.test(m[0].slice(0, m[0].length - m[1].length)) && (/\bfiles\s+$/i.test(f.text.slice(0, m.index)) || /^['"\x60]/.test(raw.trim())) && /^[\w.-]+$/.test(value) && !knownFolder(value, f.ws)) out.push(`! -name ${shellValue(value)}`, `-not -path ${shellValue(`*/${value}/*`)}`);
      // ... a folder from the root, or a path pattern, as written: "excluding /root/work", "excluding the path of ./srv/tftp/pxelinux.cfg*".
      else if (value.startsWith('/') && !/[*?]/.test(value)) out.push(`-not -path ${shellValue(`${value}/*`)}`, `-not -path ${shellValue(value)}`);
      else if (value.includes('/') && /[*?]/.test(value)) out.push(`-not -path ${shellValue(/^(?:\.|\/)/.test(value) ? value : `*/${value}`)}`);
      // ("src/old" from the start src is printed src/old/…, with no slash before it.)
      else out.push(`-not -path ${shellValue(`*${value.replace(/^\.\//, '').includes('/') ? '' : '/'}${value.replace(/^\.\//, '')}/*`)}`);
    }
  }
  out.push(...keptTests(f, out));
  return [...new Set(out)];
}


/**
 * Names a request turns down rather than excepts: "not ending in .keep",
 * "that don't start with tmp", "that aren't .ts files", "non-log files",
 * "without a .bak extension", "unless they are in backup". Each is left out
 * by a test, the way "except" is.
 */
function turnedDown(f: RequestFacts): string[] {
  const out: string[] = [];
  const text = f.text;
  const extension = (word: string) => (word.startsWith('.') ? word.slice(1) : kindExtensions[word.toLowerCase()] ?? kindExtensions[word.toLowerCase().replace(/s$/, '')] ?? (/^\w{1,5}$/.test(word) ? word.toLowerCase() : undefined));
  for (const m of text.matchAll(new RegExp(String.raw`(?:${refusing})\s+(?:\w+\s+)?(end|ending|ends|start|starting|starts|begin|beginning|begins)\s+(?:in|with)\s+(?:the\s+(?:word|string|letter|text)\s+)?(${valueWord}|[\w.~-]+)`, 'gi'))) {
    const value = m[2].replace(/^['"\x60](.*)['"\x60]$/, '$1').replace(/(?<=\w)\.$/, '');
    out.push(`! -name ${shellValue(/^end/i.test(m[1]) ? `*${value}` : `${value}*`)}`);
  }
  for (const m of text.matchAll(new RegExp(String.raw`(?:\bnot|n't)\s+(?:named|called)\s+(${valueWord}|[\w.*?-]+)`, 'gi'))) out.push(`! -name ${shellValue(m[1].replace(/^['"\x60](.*)['"\x60]$/, '$1'))}`);
  for (const { word } of turnedDownKinds(text)) {
    const ext = extension(word);
    if (ext && !/^(?:executable|empty|hidden|readable|writable|regular|binary|text|the|my|those|these)$/i.test(ext)) out.push(`! -name '*.${ext}'`);
  }
  for (const m of text.matchAll(/\bunless\s+(?:they|it|the ones?|those)\s+(?:are|is)\s+(?:in|under|inside)\s+(?:the\s+)?['"\x60]?([\w.-]+?)['"\x60]?\/?(?=[\s,.;]|$)/gi)) {
    if (!/^(?:folder|directory|dir|same|current)$/i.test(m[1])) out.push(`-not -path ${shellValue(`*/${m[1]}/*`)}`);
  }
  return out;
}

/**
 * What the request keeps out by any of its words for keeping ("save
 * main.ts", "barring util.ts", "not including", "but don't touch", "keep the
 * csv ones"), as a test: a folder by its path, a kind by its extension, a
 * file by its name. A word some other test already leaves out adds none, nor
 * does a plain word ("the compressed ones"): what it means is read elsewhere.
 */
function keptTests(f: RequestFacts, already: string[]): string[] {
  const out: string[] = [];
  for (const { kept } of f.kept) {
    for (const { word, place } of kept) {
      // The name as the request spells it: "but leave README.md" keeps README.md, not readme.md.
      const core = word.replace(/\/+$/, '');
      const lower = core.toLowerCase();
      if (/^hidden$/.test(lower) || timeWord.test(lower) || already.some((t) => t.includes(core.replace(/^\*?\.?\/?/, '')))) continue;
      const kind = kindExtensions[lower] ?? kindExtensions[lower.replace(/s$/, '')];
      const bare = core.replace(/^\.\//, '');
      // ("*/not-from-here/*": a path pattern, which -name never matches.)
      if (bare.includes('/') && /[*?]/.test(bare)) out.push(`-not -path ${shellValue(bare.startsWith('*') ? bare : `*${bare}`)}`);
      else if (place || (f.ws.dirs.has(core) && !/\.\w{1,8}$/.test(core))) out.push(`-not -path ${shellValue(`*${bare.includes('/') ? '' : '/'}${bare}/*`)}`);
      else if (bare.includes('/')) continue;
      else if (/^\.\w{1,8}$/.test(core)) out.push(`! -name ${shellValue(`*${core}`)}`);
      else if (/[*.]/.test(core)) out.push(`! -name ${shellValue(core)}`);
      else if (kind) out.push(`! -name '*.${kind}'`);
    }
  }
  return out;
}

/** "excluding other partitions", "skipping files residing on other file systems": the walk stays where it starts. */
function keptFileSystems(lower: string): boolean {
  return [...lower.matchAll(/\b(?:excluding|exclude|except(?: for)?|skipping|skip|ignoring|ignore|omitting|leaving out|not (?:on|in))\s+/g)].some((m) => otherFileSystems.test(lower.slice((m.index ?? 0) + m[0].length)));
}
