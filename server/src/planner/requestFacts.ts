// What a request in words says, read once: quoted strings, numbers with their
// units, paths that exist in the workspace, file kinds, ordinals, names.
// Slot filling (slotFill.ts) then hands these facts to a template's slots.

import { readAuthors, readRefs } from './requestGit';
import { readDates } from './requestDates';
import { readWordPatterns } from './requestPatterns';
import { archiveExt, kindExtensions, notAFolderName, numWord, ordinals, sizeUnits, stopWords, timeUnits, wordNumbers } from './requestWords';

export interface Fact {
  /** The normalised value (a size like `+1M` is built by the slot filler from amount/unit/sign). */
  value: string;
  /** Character offset in the request, so slots can be matched by order and cues. */
  at: number;
  /** The raw text the fact came from. */
  raw: string;
  amount?: number;
  unit?: string;
  sign?: '+' | '-' | '';
  /** True when this value came from a quoted string. */
  quoted?: boolean;
}

export interface RequestFacts {
  text: string;
  lower: string;
  quoted: Fact[];
  urls: Fact[];
  sizes: Fact[];
  durations: Fact[];
  columns: Fact[];
  ports: Fact[];
  numbers: Fact[];
  exts: Fact[];
  globs: Fact[];
  paths: Fact[];
  files: Fact[];
  dirs: Fact[];
  archives: Fact[];
  hosts: Fact[];
  users: Fact[];
  modes: Fact[];
  signals: Fact[];
  pids: Fact[];
  names: Fact[];
  patterns: Fact[];
  strings: Fact[];
  branches: Fact[];
  /** Destinations named after to/into/as/called, existing or not. */
  targets: Fact[];
  /** Column names mentioned ("the amount column", "by age"). */
  columnNames: Fact[];
  /** Dates as `date -d` and `git --since` read them ("2024-02-01", "30 days ago"). */
  dates: Fact[];
  /** People named as authors of commits ("by Bob", "what did alice change"). */
  authors: Fact[];
  ws: WorkspaceNames;
}

export interface WorkspaceNames {
  /** Relative paths (posix) of files and folders, bounded. */
  files: ReadonlySet<string>;
  dirs: ReadonlySet<string>;
  /** basename → relative path, for names mentioned without their folder. */
  byBase: ReadonlyMap<string, string>;
  /** basename without extension → relative path, when unique ("the app log" → logs/app.log). */
  byStem?: ReadonlyMap<string, string>;
  /** The workspace folder, for reading a CSV header to find a named column. */
  root?: string;
}

export const emptyWorkspace: WorkspaceNames = { files: new Set(), dirs: new Set(), byBase: new Map() };
export { kindExtensions };

function toNumber(s: string): number {
  const n = Number(s);
  return Number.isFinite(n) ? n : (wordNumbers[s.toLowerCase()] ?? NaN);
}

function comparator(before: string, more: RegExp, less: RegExp): '+' | '-' | '' {
  const window = before.slice(-40);
  const m = more.exec(window);
  const l = less.exec(window);
  if (m && (!l || m.index > l.index)) return '+';
  if (l) return '-';
  return '';
}

const moreSize = /(bigger|larger|greater|more|over|above|exceed\w*|at least|heavier|>)\W*(than)?\W*$|(bigger|larger|greater|more|over|above|exceed\w*|at least|>)\b[^.,;]*$/;
const lessSize = /(smaller|less|under|below|at most|lighter|tinier|<)\W*(than)?\W*$|(smaller|less|under|below|at most|<)\b[^.,;]*$/;
const moreAge = /(older|more|over|before|longer|earlier|at least|>)\b[^.,;]*$/;
const lessAge = /(newer|within|last|past|less|recent\w*|since|under|younger|after|<)\b[^.,;]*$/;

/** Read everything a request says that a slot might want. */
export function readRequest(text: string, ws: WorkspaceNames = emptyWorkspace): RequestFacts {
  const lower = text.toLowerCase();
  const facts: RequestFacts = {
    text, lower, quoted: [], urls: [], sizes: [], durations: [], columns: [], ports: [], numbers: [], exts: [], globs: [], paths: [], files: [],
    dirs: [], archives: [], hosts: [], users: [], modes: [], signals: [], pids: [], names: [], patterns: [], strings: [], branches: [],
    targets: [], columnNames: [], dates: readDates(lower), authors: readAuthors(text), ws,
  };
  const used: [number, number][] = [];
  const take = (at: number, len: number) => used.push([at, at + len]);
  const isUsed = (at: number) => used.some(([a, b]) => at >= a && at < b);

  for (const m of text.matchAll(/"([^"]*)"|(?<![\w])'([^']+)'(?![\w])|`([^`]*)`|“([^”]*)”/g)) {
    const value = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    if (value === '') continue;
    facts.quoted.push({ value, at: m.index, raw: m[0], quoted: true });
    take(m.index, m[0].length);
  }
  for (const m of text.matchAll(/\b(?:https?|ftp):\/\/[^\s"'<>]+/gi)) {
    if (isUsed(m.index)) continue;
    facts.urls.push({ value: m[0].replace(/[.,;)]+$/, ''), at: m.index, raw: m[0] });
    take(m.index, m[0].length);
  }
  for (const m of lower.matchAll(new RegExp(`\\b${numWord}\\s*(${Object.keys(sizeUnits).join('|')})\\b`, 'g'))) {
    if (isUsed(m.index)) continue;
    const amount = toNumber(m[1]);
    if (!Number.isFinite(amount)) continue;
    if (/^(a|an|one|single|couple|few)$/.test(m[1]) && m[2].length <= 2) continue;
    facts.sizes.push({ value: m[0], at: m.index, raw: m[0], amount, unit: sizeUnits[m[2]], sign: comparator(lower.slice(0, m.index), moreSize, lessSize) });
    take(m.index, m[0].length);
  }
  for (const m of lower.matchAll(new RegExp(`\\b${numWord}?\\s*(${Object.keys(timeUnits).join('|')})\\b`, 'g'))) {
    if (isUsed(m.index)) continue;
    if (m[1] === undefined && !/\b(a|an|one|last|past|this|per|every)\s*$/.test(lower.slice(0, m.index))) continue;
    if (m[1] === undefined && /^(s|h|min|sec)$/.test(m[2])) continue;
    const amount = m[1] === undefined ? 1 : toNumber(m[1]);
    facts.durations.push({ value: m[0].trim(), at: m.index, raw: m[0], amount, unit: m[2], sign: comparator(lower.slice(0, m.index), moreAge, lessAge) });
    take(m.index, m[0].length);
  }
  for (const m of lower.matchAll(/\b(today|yesterday|this week|last week|fortnight)\b/g)) {
    if (isUsed(m.index)) continue;
    const amount = { today: 1, yesterday: 2, 'this week': 7, 'last week': 7, fortnight: 14 }[m[1]] as number;
    facts.durations.push({ value: m[1], at: m.index, raw: m[0], amount, unit: 'days', sign: comparator(lower.slice(0, m.index), moreAge, /$^/) || '-' });
    take(m.index, m[0].length);
  }
  for (const m of lower.matchAll(/\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\d+(?:st|nd|rd|th))\s+(column|field|col|word)s?\b|\b(column|field|col)\s+(?:number\s+)?(\d+)\b/g)) {
    if (isUsed(m.index)) continue;
    const n = m[1] ? ordinals[m[1]] ?? parseInt(m[1], 10) : parseInt(m[4], 10);
    facts.columns.push({ value: n === -1 ? 'NF' : String(n), at: m.index, raw: m[0], amount: n });
    take(m.index, m[0].length);
  }
  for (const m of lower.matchAll(/\b(?:the\s+)?([a-z_][\w-]*)\s+(?:column|field|col)\b|\b(?:column|field)\s+(?:called\s+|named\s+)?([a-z_][\w-]*)|\bby\s+(?:the\s+)?([a-z_][\w-]*)\b/g)) {
    const name = m[1] ?? m[2] ?? m[3];
    if (ordinals[name] !== undefined || stopWords.has(name) || /^(number|first|second|third|each|every|one|that|this)$/.test(name)) continue;
    facts.columnNames.push({ value: name, at: m.index, raw: m[0] });
  }
  for (const m of text.matchAll(/\bport\s*(?:number\s*)?(\d{1,5})\b|(?<![\w.]):(\d{2,5})\b/gi)) {
    if (isUsed(m.index)) continue;
    const n = parseInt(m[1] ?? m[2], 10);
    if (n < 1 || n > 65535) continue;
    facts.ports.push({ value: String(n), at: m.index, raw: m[0], amount: n });
    take(m.index, m[0].length);
  }
  for (const m of lower.matchAll(/\b(?:pid|process id|process)\s*(?:number\s*)?#?(\d{1,7})\b/g)) {
    if (isUsed(m.index)) continue;
    facts.pids.push({ value: m[1], at: m.index, raw: m[0] });
    take(m.index, m[0].length);
  }
  for (const m of text.matchAll(/(?<![\w/.-])([0-7]{3,4}|[ugoa]*[+=-][rwxXst]+)(?![\w/.-])/g)) {
    if (isUsed(m.index) || (/^\d/.test(m[1]) && !/\b(chmod|mode|permission|permissions|perms)\b/.test(lower))) continue;
    facts.modes.push({ value: m[1], at: m.index, raw: m[0] });
    take(m.index, m[0].length);
  }
  const modeWords: [RegExp, string][] = [[/\bexecutable\b/, '+x'], [/\bread[- ]only\b/, 'a-w'], [/\bwritable\b/, 'u+w'], [/\bprivate\b/, '600']];
  for (const [re, value] of modeWords) {
    const m = re.exec(lower);
    if (m) facts.modes.push({ value, at: m.index, raw: m[0] });
  }
  for (const m of text.matchAll(/\b(?:SIG)?(TERM|KILL|HUP|INT|QUIT|USR1|USR2|STOP|CONT)\b/g)) facts.signals.push({ value: m[1], at: m.index, raw: m[0] });
  for (const m of lower.matchAll(/\b(force(?:fully|d)?|hard)\b/g)) facts.signals.push({ value: 'KILL', at: m.index, raw: m[0] });

  // Words that look like paths or file names.
  for (const m of text.matchAll(/(?:^|[\s(,])((?:~|\.{1,2})?\/?[\w@+-][\w./@+-]*)/g)) {
    const word = m[1].replace(/[.,;:!?)]+$/, '');
    const at = m.index + m[0].indexOf(m[1]);
    if (isUsed(at) || word.length === 0) continue;
    const wl = word.toLowerCase();
    const rel = word.replace(/^\.\//, '').replace(/\/$/, '');
    // A plain word ("empty", "top") names a folder only where a place is expected.
    const bare = !/[/.]/.test(word);
    const placed = !bare || /\b(in|under|inside|within|into|from|of|to|at|on|folder|directory|dir)\s+(the\s+|my\s+)?$/i.test(text.slice(0, at)) || /^(?:please\s+)?(?:list|ls)\s+$/i.test(text.slice(0, at)) || /^\s+(folder|directory|dir|file)\b/i.test(text.slice(at + word.length));
    // "the empty file x": a word before "file" names no folder.
    const existingDir = placed && !(bare && /^\s+file\b/i.test(text.slice(at + word.length))) && (ws.dirs.has(rel) || (ws.byBase.has(rel) && ws.dirs.has(ws.byBase.get(rel) as string)));
    const existingFile = placed && (ws.files.has(rel) || (ws.byBase.has(rel) && ws.files.has(ws.byBase.get(rel) as string)));
    // "archive/" as typed names a folder here, not some other folder called archive deeper down.
    const resolved = ws.files.has(rel) || ws.dirs.has(rel) || word.endsWith('/') ? rel : ws.byBase.get(rel) ?? rel;
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
    const looksFile = /^[\w@+-][\w@+.-]*\.[A-Za-z0-9]{1,8}$/.test(word.split('/').pop() ?? '') && !word.endsWith('/') && !/^\d+(\.\d+)*$/.test(word) && !/^[\w-]+\.(com|org|net|io|dev|local)$/i.test(word);
    const looksPath = /\//.test(word) && !/^\/\//.test(word);
    if (looksFile) {
      facts.files.push({ value, at, raw: word });
      facts.paths.push({ value, at, raw: word });
    } else if (looksPath) {
      facts.paths.push({ value, at, raw: word });
      facts.dirs.push({ value, at, raw: word });
    }
  }
  // "in the src folder", "under logs": a plain word after a place preposition.
  for (const m of text.matchAll(/\b(?:in|under|inside|within|into|from|of|to)\s+(?:the\s+|my\s+|folder\s+|directory\s+|dir\s+)?([\w.@+-]+)(?:\s+(?:folder|directory|dir)\b)?/gi)) {
    const word = m[1];
    const at = m.index + m[0].lastIndexOf(word);
    if (isUsed(at) || stopWords.has(word.toLowerCase()) || facts.paths.some((p) => p.at === at) || /^\d/.test(word) || notAFolderName.test(word)) continue;
    const strong = /^(under|inside|within)\b/i.test(m[0]);
    if (!strong && !/\s+(folder|directory|dir)\b/i.test(m[0]) && !/\b(folder|directory|dir)\s+\S+$/i.test(m[0])) continue;
    facts.paths.push({ value: word, at, raw: word });
    facts.dirs.push({ value: word, at, raw: word });
  }
  // "the logs folder" without a preposition.
  for (const m of text.matchAll(/\b(?:the|my|a)\s+([\w.@+-]+)\s+(?:folder|directory|dir)\b/gi)) {
    const word = m[1];
    const at = m.index + m[0].indexOf(word, 3);
    if (isUsed(at) || (stopWords.has(word.toLowerCase()) && !ws.dirs.has(word) && !/^(out|up|in|on|off|new|old|data|test|tests|src|bin|lib)$/i.test(word)) || facts.paths.some((p) => p.at === at) || /^\d/.test(word) || notAFolderName.test(word)) continue;
    facts.paths.push({ value: word, at, raw: word });
    facts.dirs.push({ value: word, at, raw: word });
  }
  // "the app log", "the build script": a file named by its stem and kind.
  if (ws.byStem) {
    for (const m of text.matchAll(/\b([\w-]+)\s+(log|logfile|file|script|config|csv|json|yaml|data|readme|notes|archive|tarball)\b/gi)) {
      const stem = m[1].toLowerCase();
      // "the app log" is app.log even when an app.py exists too.
      const target = (m[2].toLowerCase() === 'log' ? ws.byBase.get(`${stem}.log`) : undefined) ?? ws.byStem.get(stem);
      if (!target || stopWords.has(stem) || isUsed(m.index) || facts.files.some((f) => f.value === target)) continue;
      const kind = m[2].toLowerCase();
      if (kind === 'log' && !/\.log(\.|$)/.test(target)) continue;
      facts.files.push({ value: target, at: m.index, raw: m[0] });
      facts.paths.push({ value: target, at: m.index, raw: m[0] });
      if (archiveExt.test(target)) facts.archives.push({ value: target, at: m.index, raw: m[0] });
    }
  }
  const specials: [RegExp, string][] = [
    [/\b(home (folder|directory|dir)|my home)\b/, '~'],
    [/\b(root (folder|directory)|whole (disk|system|filesystem)|entire (disk|system|filesystem))\b/, '/'],
    [/\b(current (folder|directory|dir)|this (folder|directory|dir)|here|top(?:[- ]level)? (folder|directory|dir)|(?:project|repo|workspace) root|root of the (?:project|repo|workspace))\b/, '.'],
    [/\b(parent (folder|directory|dir))\b/, '..'],
    [/\b(temp|tmp) (folder|directory|dir)\b/, '/tmp'],
  ];
  for (const [re, value] of specials) {
    const m = re.exec(lower);
    if (m && !facts.paths.some((p) => p.at === m.index)) {
      facts.paths.push({ value, at: m.index, raw: m[0] });
      facts.dirs.push({ value, at: m.index, raw: m[0] });
    }
  }
  facts.paths.sort((a, b) => a.at - b.at);
  facts.dirs.sort((a, b) => a.at - b.at);

  // File kinds: "python files", "*.py", ".log files", "files ending in .bak".
  for (const m of text.matchAll(/(?<![\w/])\*\.([\w.+-]+)|(?:^|\s)\.([A-Za-z0-9]{1,8})\b(?!\w)|\b([\w+]+)\s+(?:files?|sources?|scripts?|documents?|images?|programs?|code)\b/gi)) {
    const ext = m[1] ?? m[2] ?? kindExtensions[(m[3] ?? '').toLowerCase()];
    if (!ext) continue;
    facts.exts.push({ value: ext, at: m.index, raw: m[0] });
    facts.globs.push({ value: /^[A-Z]/.test(ext) && !ext.includes('.') ? ext : `*.${ext}`, at: m.index, raw: m[0] });
  }
  // "every log", "all the csvs": a kind without the word "files".
  for (const m of lower.matchAll(/\b(?:every|each|all(?: the| of the)?|any|old|older)\s+(logs?|csvs?|pdfs?|backups?|scripts?|images?|jsons?|yamls?|markdowns?)\b(?!\s+(?:files?|folders?|director\w*|dirs?))/g)) {
    const ext = kindExtensions[m[1].replace(/s$/, '')] ?? kindExtensions[m[1]];
    if (!ext || facts.exts.some((e) => e.value === ext)) continue;
    facts.exts.push({ value: ext, at: m.index, raw: m[0] });
    facts.globs.push({ value: `*.${ext}`, at: m.index, raw: m[0] });
  }
  for (const m of text.matchAll(/(?<!\S)([\w.-]*[*?][\w.*?-]*)(?!\S)/g)) {
    // A question mark ending a sentence is not a glob.
    if (/^\*\.[\w.+-]+$/.test(m[1]) || /^[\w.-]+\?+$/.test(m[1])) continue;
    facts.globs.push({ value: m[1], at: m.index, raw: m[0] });
  }
  for (const m of text.matchAll(/\b(?:starting|beginning|start|begin|starts|begins)\s+with\s+["']?([\w.-]+)["']?|\b(?:ending|end|ends)\s+(?:with|in)\s+["']?([\w.-]+)["']?/gi)) {
    facts.globs.push({ value: m[1] ? `${m[1]}*` : `*${m[2]}`, at: m.index, raw: m[0] });
  }
  facts.globs.sort((a, b) => a.at - b.at);

  for (const m of text.matchAll(/\b(?:\d{1,3}\.){3}\d{1,3}\b|\blocalhost\b|\b(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|edu|gov|local|internal|co\.uk|de|fr)\b/gi)) {
    if (isUsed(m.index)) continue;
    facts.hosts.push({ value: m[0], at: m.index, raw: m[0] });
  }
  for (const m of text.matchAll(/\b(?:user|owned by|owner|for user|as user|account)\s+["']?([a-z_][\w-]*)/gi)) {
    if (stopWords.has(m[1].toLowerCase())) continue;
    facts.users.push({ value: m[1], at: m.index, raw: m[0] });
  }
  for (const m of text.matchAll(/\b(?:branch|branches)\s+(?:called\s+|named\s+)?["']?([\w./-]+)|\b(?:to|from|into|onto|against)\s+(?:branch\s+)?(main|master|develop|dev|trunk|release[\w./-]*|feature\/[\w./-]+)\b/gi)) {
    const value = m[1] ?? m[2];
    if (stopWords.has(value.toLowerCase())) continue;
    facts.branches.push({ value, at: m.index, raw: m[0] });
  }
  for (const r of readRefs(text)) if (!facts.branches.some((b) => b.at <= r.at && r.at < b.at + b.raw.length)) facts.branches.push(r);
  facts.branches.sort((a, b) => a.at - b.at);
  for (const m of text.matchAll(/\b(?:called|named|name it|titled)\s+(?:exactly\s+|precisely\s+|just\s+)?["']?([\w.@+-]+)/gi)) {
    facts.names.push({ value: m[1], at: m.index + m[0].lastIndexOf(m[1]), raw: m[1] });
  }
  // Arithmetic in words: "144 divided by 12" → 144 / 12, for an expression slot.
  const ops: Record<string, string> = { times: '*', 'multiplied by': '*', x: '*', '*': '*', plus: '+', '+': '+', minus: '-', '-': '-', 'divided by': '/', over: '/', '/': '/', 'to the power of': '^', '^': '^', modulo: '%', mod: '%', '%': '%' };
  const arith = /(\d+(?:\.\d+)?)\s*(times|multiplied by|x|\*|plus|\+|minus|-|divided by|over|\/|to the power of|\^|modulo|mod|%)\s*(\d+(?:\.\d+)?)((?:\s*(?:times|multiplied by|x|\*|plus|\+|minus|-|divided by|over|\/|to the power of|\^|modulo|mod|%)\s*\d+(?:\.\d+)?)*)/gi;
  for (const m of lower.matchAll(arith)) {
    // "2024-02-29", "lines 5-10" and "1920x1080" are not sums.
    if (isUsed(m.index) || /\d(?:-|x)\d/.test(m[0])) continue;
    const expr = m[0].replace(/(times|multiplied by|x|\*|plus|\+|minus|-|divided by|over|\/|to the power of|\^|modulo|mod|%)/g, (op) => ` ${ops[op]} `).replace(/\s+/g, ' ').trim();
    facts.strings.push({ value: expr, at: m.index, raw: m[0] });
    take(m.index, m[0].length);
  }
  // A JSON key: "the port from config.json", "the version in package.json", "the database host".
  if (/\.json\b|\bjson\b/i.test(text)) {
    for (const m of text.matchAll(/\b(?:the|get|read|show|print|what|which)\s+([a-z_][\w]*(?:\s+[a-z_]\w*)?)\s+(?:field\s+|key\s+|value\s+|setting\s+)?(?:is\s+)?(?:in|from|of)\s+\S*json\b|\b([a-z_][\w.]*)\s+(?:field|key|property)\b/gi)) {
      const words = (m[1] ?? m[2]).toLowerCase().split(/\s+/).filter((w) => !stopWords.has(w) && !/^(value|values|field|key|setting)$/.test(w));
      if (words.length === 0) continue;
      const value = words.join('.');
      facts.names.push({ value, at: m.index + m[0].toLowerCase().indexOf(words[0]), raw: words.join(' ') });
    }
  }
  // Search patterns: the word(s) after containing/matching/for, or a quoted string.
  for (const m of text.matchAll(/\b(?:containing|contain|contains|mentioning|mention|matching|match|matches|with the (?:word|text|string)|for the (?:word|text|string)|search(?:ing)? for|grep for|look(?:ing)? for|find occurrences of|occurrences of|lines with|that say|that have|with)\s+(?:the\s+(?:word|text|string|pattern)\s+)?([^\s"',;]+)/gi)) {
    const value = m[1].replace(/(?<=.)[)\].,;:!?]+$/, '');
    const at = m.index + m[0].lastIndexOf(m[1]);
    if (isUsed(at) || stopWords.has(value.toLowerCase()) || /^(files?|lines?|a|an|text)$/i.test(value)) continue;
    facts.patterns.push({ value, at, raw: value });
  }
  // "replace foo with bar", "change http to https": what to find, then what to put.
  for (const m of text.matchAll(/\b(?:replace|substitute|change|swap|rename|turn)\s+(?:all\s+|every\s+|each\s+)?(?:occurrences?\s+of\s+)?(?:the\s+(?:word|text|string)\s+)?([^\s"']+)\s+(?:with|to|by|into|for)\s+([^\s"']+)/gi)) {
    const oldAt = m.index + m[0].indexOf(m[1], m[0].search(/\s/));
    const newAt = m.index + m[0].lastIndexOf(m[2]);
    if (stopWords.has(m[1].toLowerCase()) || isUsed(oldAt)) continue;
    facts.patterns.push({ value: m[1], at: oldAt, raw: m[1] });
    facts.strings.push({ value: m[2], at: newAt, raw: m[2] });
    facts.patterns.push({ value: m[2], at: newAt, raw: m[2] });
  }
  // Words written in capitals (ERROR, TODO, GET) and addresses are what people search logs for.
  for (const m of text.matchAll(/(?<![\w.'-])([A-Z][A-Z0-9_]{1,}|\d{1,3}(?:\.\d{1,3}){3}|[a-z]+\.[a-z]+\(?\)?(?=\s+(?:appear|show|occur)))(?![\w.'-])/g)) {
    if (isUsed(m.index) || facts.patterns.some((p) => p.at === m.index) || /^(I|OK|A|CSV|JSON|YAML|PDF|URL|IP|ID|CPU|RAM|PID|SSH|HTTP|HTTPS|DNS|TCP|UDP|README|MB|GB|KB|TB)$/.test(m[1])) continue;
    facts.patterns.push({ value: m[1], at: m.index, raw: m[1] });
  }
  for (const m of text.matchAll(/\b(?:both|either)\s+([^\s"',;]+)\s+(?:and|or)\s+([^\s"',;]+)/gi)) {
    for (const value of [m[1], m[2]]) {
      const at = m.index + m[0].indexOf(value, value === m[2] ? m[0].length - value.length : 5);
      const i = facts.patterns.findIndex((p) => p.at === at);
      if (i < 0) facts.patterns.push({ value, at, raw: value });
    }
  }
  for (const m of text.matchAll(/\b(?:whole\s+)?word\s+([\w.-]+)|\bmentions?\s+([\w.-]+)|\bdoes\s+([\w.()-]+)\s+appear/gi)) {
    const value = m[1] ?? m[2] ?? m[3];
    const at = m.index + m[0].lastIndexOf(value);
    if (stopWords.has(value.toLowerCase()) || facts.patterns.some((p) => p.at === at)) continue;
    facts.patterns.push({ value, at, raw: value });
  }
  for (const p of readWordPatterns(lower)) {
    const overlap = (x: Fact) => p.at < x.at + x.raw.length && x.at < p.at + p.raw.length;
    // "the 404s" of a log are status codes, not 404 seconds.
    const status = /^\d{3}s$/.test(p.raw) && /\blogs?\b|\.log\b|\brequests?\b|\bstatus\b/.test(lower);
    if (status) facts.durations = facts.durations.filter((d) => !overlap(d));
    if ((status || !isUsed(p.at)) && !facts.patterns.some(overlap)) facts.patterns.push(p);
  }
  facts.patterns.sort((a, b) => a.at - b.at);
  for (const q of facts.quoted) {
    facts.patterns.push(q);
    facts.strings.push(q);
    facts.names.push(q);
    if (/^[\w.@/+~-]+$/.test(q.value) && (ws.files.has(q.value) || ws.dirs.has(q.value) || /[/.]/.test(q.value))) {
      facts.paths.push(q);
      if (ws.dirs.has(q.value)) facts.dirs.push(q);
      else facts.files.push(q);
      if (archiveExt.test(q.value)) facts.archives.push(q);
    }
  }
  for (const m of text.matchAll(/\b(?:saying|says|say|with (?:the )?(?:text|message)|message|text)\s+([^"'\n][^\n]*?)(?=$|\s+(?:to|into|in|at|on)\s)/gi)) {
    facts.strings.push({ value: m[1].trim(), at: m.index + m[0].lastIndexOf(m[1]), raw: m[1] });
  }
  // Where something should go: "to docs_old", "into public", "as backup.txt".
  for (const m of text.matchAll(/\b(?:to|into|as|called|named)\s+(?:exactly\s+|precisely\s+)?(?:a\s+(?:new\s+)?(?:folder|directory|file)\s+(?:called\s+|named\s+)?)?([\w./@+~-]+)/gi)) {
    const value = m[1].replace(/[.,;:!?]+$/, '');
    const at = m.index + m[0].lastIndexOf(m[1]);
    if (stopWords.has(value.toLowerCase()) || /^\d+$/.test(value) || isUsed(at)) continue;
    facts.targets.push({ value, at, raw: value });
  }
  for (const key of ['patterns', 'strings', 'names', 'paths', 'files', 'dirs'] as const) facts[key].sort((a, b) => a.at - b.at);

  for (const m of lower.matchAll(new RegExp(`(?<![\\w.:/-])${numWord}(?![\\w.:/-]|\\.\\d)`, 'g'))) {
    if (isUsed(m.index) || /^(a|an|single|couple|few)$/.test(m[1])) continue;
    const amount = toNumber(m[1]);
    if (!Number.isInteger(amount)) continue;
    facts.numbers.push({ value: String(amount), at: m.index, raw: m[0], amount });
  }
  // "files/directories" is a way of saying "files and folders", not a path.
  const bothKinds = /^(?:files?|folders?|dir(?:ector(?:y|ies))?s?|subdir\w*)(?:\/(?:files?|folders?|dir(?:ector(?:y|ies))?s?|subdir\w*))+$/i;
  for (const key of ['paths', 'dirs', 'files'] as const) facts[key] = facts[key].filter((f) => !bothKinds.test(f.value));
  return facts;
}
