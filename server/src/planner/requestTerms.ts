// Readers of what a request looks for and names: hosts, users, branches,
// names, JSON keys, search patterns, replacements and text to write.

import { archiveExt, stopWords } from './requestWords';
import type { Fact, Reading } from './requestFacts';
import { readRefs } from './requestGit';
import { readWordPatterns } from './requestPatterns';

/** A remote place as scp and rsync write it (`alice@files.example.com:/srv/reports`): the user, the host and the path there. */
export function readRemotePaths(r: Reading): void {
  const { text, facts, take, isUsed } = r;
  for (const m of text.matchAll(/(?<![\w.@/-])(?:([a-z_][\w.-]*)@)?([a-z0-9][\w-]*(?:\.[\w-]+)*):((?:\/|~)[\w./@+~-]*)/gi)) {
    if (isUsed(m.index) || /^(https?|ftp|file)$/i.test(m[2])) continue;
    const hostAt = m.index + (m[1] ? m[1].length + 1 : 0);
    if (m[1]) facts.users.push({ value: m[1], at: m.index, raw: m[1] });
    facts.hosts.push({ value: m[2], at: hostAt, raw: m[2] });
    const pathAt = hostAt + m[2].length + 1;
    const place = { value: m[3].replace(/[.,;:!?)]+$/, ''), at: pathAt, raw: m[3] };
    facts.paths.push(place);
    facts.dirs.push(place);
    take(m.index, m[0].length);
  }
}

/** Host names and addresses, also quoted ("ping \"example.com\"") and after a user (`alice@example.com`, `root@build`). */
export function readHosts(r: Reading): void {
  const { text, facts, isUsed } = r;
  for (const m of text.matchAll(hostShape)) {
    if (isUsed(m.index)) continue;
    facts.hosts.push({ value: m[0], at: m.index, raw: m[0] });
  }
  for (const m of text.matchAll(/(?<![\w.@-])([a-z_][\w.-]*)@([\w][\w.-]*\w)(?=[:\s"']|$)/gi)) {
    if (facts.hosts.some((h) => h.at >= m.index && h.at < m.index + m[0].length) || /\.(com|org|net)$/i.test(m[2]) && /\b(e-?mail|mail)\b/i.test(text)) continue;
    facts.hosts.push({ value: m[2], at: m.index + m[1].length + 1, raw: m[2] });
  }
  // A quoted host is a host when the words say so, or it has a host's shape.
  for (const q of facts.quoted) {
    if (!/^[\w.-]+$/.test(q.value) || facts.hosts.some((h) => h.at === q.at)) continue;
    const before = text.slice(Math.max(0, q.at - 12), q.at);
    const named = /\b(host|hostname|server|machine|domain)\s*$/i.test(before) || (/\b(ping|ssh|to|on|from)\s*$/i.test(before) && !/\.[a-z]{1,4}$/i.test(q.value) && /\b(host|server|machine|ping|ssh|domain)\b/i.test(text));
    if (new RegExp(`^(?:${hostShape.source})$`, 'i').test(q.value) || (named && /[a-z]/i.test(q.value))) facts.hosts.push(q);
  }
  // "ping the host in $h", "ssh to the server ${target}": a host a shell variable holds.
  for (const m of text.matchAll(hostVariable)) {
    const at = m.index + m[0].length - m[1].length;
    if (!facts.hosts.some((h) => h.at === at)) facts.hosts.push({ value: m[1], at, raw: m[1] });
  }
  // ... or one whose name says it holds a host ("the domain name of $ip").
  for (const m of text.matchAll(hostNamedVariable)) if (!facts.hosts.some((h) => h.at === m.index)) facts.hosts.push({ value: m[0], at: m.index, raw: m[0] });
  facts.hosts.sort((a, b) => a.at - b.at);
  // "the TXT records of example.com": the record type asked for ("a record" in lower case is only an article).
  for (const m of text.matchAll(/\b(a|aaaa|mx|txt|ns|cname|soa|ptr|srv|caa)\s+records?\b/gi)) if (m[1] !== 'a') facts.strings.push({ value: m[1].toUpperCase(), at: m.index, raw: m[1] });
}
const hostNamedVariable = /(?<![\w$])\$\{?(?:ip|ip_?addr(?:ess)?|host|hostname|remote_?host|server)\}?(?![\w/])/gi;
const hostVariable = /\b(?:host|hostname|server|machine|address|ip)\s+(?:(?:name|address)\s+)?(?:(?:held|stored|kept|given|saved|specified|named)\s+)?(?:(?:in|by)\s+)?(?:the\s+)?(?:variable\s+)?(\$(?:\{[A-Za-z_]\w*\}|[A-Za-z_]\w*))(?![\w/])/gi;
const hostShape = /\b(?:\d{1,3}\.){3}\d{1,3}\b|\blocalhost\b|\b(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|edu|gov|local|internal|co\.uk|de|fr)\b/gi;

// Words after "group" that say what of the group, not which group.
const groupWords = /^(?:read|write|execute|exec|permissions?|perms|access|rights?|bits?|owner|ownership|ids?|names?|members?|is|not|and|or)$/i;

/** User names ("owned by alice", "change the owner to tomcat", `alice@host`). */
export function readUsers(r: Reading): void {
  const { text, facts } = r;
  for (const m of text.matchAll(/\b(?:(?:owner|ownership|user|group)\s+(?:\S+\s+){0,8}?to(?:\s+(?:user|group))?|user|user ?name|login|owned by|owner|for user|as user|account)\s+["']?((?:\$\{?)?[a-z_][\w-]*\}?)/gi)) {
    if (stopWords.has(m[1].toLowerCase())) continue;
    // "the owner of the files in /srv to www": only the name, so the folder between stays free.
    const long = /\bto\s+(?:(?:user|group)\s+)?["']?\S+$/.test(m[0]) && m[0].split(/\s+/).length > 4;
    facts.users.push(long ? { value: m[1], at: m.index + m[0].lastIndexOf(m[1]), raw: m[1] } : { value: m[1], at: m.index, raw: m[0] });
  }
  // "files that belong to root", "belonging to the user www-data": a well-known account, or any name said to be a user's (a group is not).
  for (const m of text.matchAll(/\bbelong(?:s|ing)?\s+to\s+(?:(?:the\s+)?(?:user|account)\s+["']?([a-z_][\w-]*)|(root|nobody|www-data|daemon|apache|nginx|mysql|postgres)\b)/gi)) {
    const name = m[1] ?? m[2];
    const at = m.index + m[0].lastIndexOf(name);
    if (!stopWords.has(name.toLowerCase()) && !facts.users.some((u) => u.at === at)) facts.users.push({ value: name, at, raw: name });
  }
  // "in the group staff", "that belong to group web", "whose group is www-data": a group's name, filled where a template takes a user or a group.
  for (const m of text.matchAll(/\b(?:(?:in|to|of|by|with|from)\s+(?:the\s+)?group|whose\s+group\s+is(?:\s+not)?)\s+(?:named\s+|called\s+)?["']?([a-z_][\w-]*)/gi)) {
    const at = m.index + m[0].lastIndexOf(m[1]);
    if (!stopWords.has(m[1].toLowerCase()) && !groupWords.test(m[1]) && !facts.users.some((u) => u.at === at)) facts.users.push({ value: m[1], at, raw: m[1] });
  }
  // "to user and group root": one name for both.
  for (const m of text.matchAll(/\b(user|owner)\s+and\s+group\s+(?:to\s+)?["']?([a-z_][\w-]*)/gi)) {
    if (stopWords.has(m[2].toLowerCase()) || facts.users.some((u) => u.value === m[2])) continue;
    facts.users.push({ value: m[2], at: m.index, raw: m[1] }, { value: m[2], at: m.index + m[0].lastIndexOf(m[2]), raw: m[2] });
  }
  // "to user root and group staff": the group after the user.
  for (const m of text.matchAll(/\b(?:and|,)\s+(?:the\s+)?group\s+(?:to\s+)?["']?([a-z_][\w-]*)/gi)) {
    const at = m.index + m[0].lastIndexOf(m[1]);
    if (!stopWords.has(m[1].toLowerCase()) && !facts.users.some((u) => u.at === at)) facts.users.push({ value: m[1], at, raw: m[1] });
  }
  // "to the current user": whoever runs the command, as the shell names them.
  const self = /\b(?:owner(?:ship)?|user)\b.{0,80}?\bto\s+(?:the\s+)?current\s+user\b|\bto\s+(?:the\s+)?current\s+user\b.{0,40}\b(?:owner(?:ship)?)\b/i.exec(text);
  if (self && facts.users.length === 0) facts.users.push({ value: '$USER', at: self.index + self[0].search(/current\s+user/i), raw: 'current user' });
  // "run 'chown www-data' on every file": the owner (and group) of a chown or chgrp written out in quotes.
  for (const q of facts.quoted) {
    if (!/\b(?:run|runs|running|execut\w*|invok\w*|apply\w*|call\w*)\s+$/i.test(text.slice(Math.max(0, q.at - 20), q.at))) continue;
    const m = /^(?:chown|chgrp)\s+(?:-\w+\s+)*([a-z_][\w-]*)(?:[:.]([a-z_][\w-]*))?(?:\s|$)/i.exec(q.value);
    if (m) for (const name of [m[1], m[2]].filter((n): n is string => n !== undefined)) facts.users.push({ value: name, at: q.at, raw: q.raw });
  }
  // "make www-data the owner of build".
  for (const m of text.matchAll(/\bmake\s+([a-z_][\w-]*)\s+(?:the\s+)?(?:new\s+)?(?:owner|group)\b/gi)) {
    if (!stopWords.has(m[1].toLowerCase())) facts.users.push({ value: m[1], at: m.index + 5, raw: m[1] });
  }
  for (const m of text.matchAll(/(?<![\w.@-])([a-z_][\w.-]*)@[\w][\w.-]*\w(?=[:\s"']|$)/gi)) {
    if (!/\b(e-?mail|mail)\b/i.test(text) && !facts.users.some((u) => u.value === m[1])) facts.users.push({ value: m[1], at: m.index, raw: m[1] });
  }
  facts.users.sort((a, b) => a.at - b.at);
}

/** Git branches. */
export function readBranches(rd: Reading): void {
  const { text, facts } = rd;
  for (const m of text.matchAll(/\b(?:branch|branches)\s+(?:called\s+|named\s+)?["']?([\w./-]+)|\b(?:to|from|into|onto|against)\s+(?:branch\s+)?(main|master|develop|dev|trunk|release[\w./-]*|feature\/[\w./-]+)\b/gi)) {
    const value = m[1] ?? m[2];
    if (stopWords.has(value.toLowerCase())) continue;
    facts.branches.push({ value, at: m.index, raw: m[0] });
  }
  for (const r of readRefs(text, rd.ws.refs)) if (!facts.branches.some((b) => b.at <= r.at && r.at < b.at + b.raw.length)) facts.branches.push(r);
  facts.branches.sort((a, b) => a.at - b.at);
}

/** Names given ("called notes", "named exactly x"). */
export function readNames(r: Reading): void {
  const { text, facts } = r;
  for (const m of text.matchAll(/\b(?:called|named|name it|titled)\s+(?:exactly\s+|precisely\s+|just\s+)?["']?([\w.@+-]+)/gi)) {
    facts.names.push({ value: m[1], at: m.index + m[0].lastIndexOf(m[1]), raw: m[1] });
  }
  // "create the directory out", "make a new folder logs": the folder to make, named right after the word folder.
  for (const m of text.matchAll(/\b(?:create|make|mkdir|add)\s+(?:an?\s+|the\s+)?(?:new\s+|empty\s+)?(?:sub-?)?(?:folder|directory|dir)\s+["']?([\w.@+-]+)/gi)) {
    const at = m.index + m[0].lastIndexOf(m[1]);
    if (stopWords.has(m[1].toLowerCase()) || /^(?:with|within|inside|under|beneath|below|into|where|which|that|here|there|readable|writable|executable|private|public|structure|tree|path|named|called|titled)$/i.test(m[1]) || facts.names.some((n) => n.at === at)) continue;
    facts.names.push({ value: m[1], at, raw: m[1] });
  }
  // "create the folders foo and bar", "make directories a, b and c": every folder to make, named right after the word folders.
  for (const m of text.matchAll(/\b(?:create|make|mkdir|add)\s+(?:the\s+|two\s+|three\s+|some\s+)?(?:new\s+|empty\s+)?(?:sub-?)?(?:folders|directories|dirs)\s+((?:["']?[\w.@+-]+["']?(?:\s*,\s*(?:and\s+)?|\s+and\s+))+["']?[\w.@+-]+["']?)/gi)) {
    const start = m.index + m[0].length - m[1].length;
    for (const w of m[1].matchAll(/[\w.@+-]+/g)) {
      const at = start + w.index;
      if (/^and$/i.test(w[0]) || stopWords.has(w[0].toLowerCase()) || facts.names.some((n) => n.at === at)) continue;
      facts.names.push({ value: w[0], at, raw: w[0] });
    }
  }
  // Network interfaces by their shape ("eth0", "wlan0", "enp3s0").
  for (const m of text.matchAll(/\b(eth\d+|wlan\d+|en[ops]\d\w*|wl[ops]\d\w*|ens\d+|docker\d+|br-\w+|lo)\b/g)) {
    if (!facts.names.some((n) => n.value === m[1]) && (m[1] !== 'lo' || /\binterface\b/i.test(text))) facts.names.push({ value: m[1], at: m.index, raw: m[1] });
  }
  // "the python3 executable", "the git binary", "the path of java executable": a program's name.
  for (const m of text.matchAll(/\b(?:the|(?:path|location) of)\s+([a-z][\w.+-]*)\s+(?:executable|binary|command|program)\b/gi)) {
    if (!stopWords.has(m[1].toLowerCase()) && !facts.names.some((n) => n.value === m[1])) facts.names.push({ value: m[1], at: m.index + m[0].lastIndexOf(m[1]), raw: m[1] });
  }
  // "install the package htop": a package's name.
  for (const m of text.matchAll(/\bpackages?\s+(?:called\s+|named\s+)?["']?([a-z0-9][\w+-]*(?:\.\d[\w.+-]*)?)(?![\w.])/gi)) {
    if (stopWords.has(m[1].toLowerCase()) || /^(manager|managers|list|lists|lock|json|version|versions|cache|index)$/i.test(m[1]) || facts.names.some((n) => n.value === m[1])) continue;
    facts.names.push({ value: m[1], at: m.index + m[0].lastIndexOf(m[1]), raw: m[1] });
  }
  // "enable the shell option extglob", "the nullglob option", "the man page of rsync": a shell option's or a program's name.
  for (const m of text.matchAll(/\b(?:shell|bash|shopt)\s+options?\s+["']?([a-z][\w-]*)|\bthe\s+(?!shell\b|bash\b)([a-z][\w-]*)\s+(?:shell\s+|bash\s+)?option\b|\b(?:man(?:ual)?\s+pages?|manual|documentation|docs|help)\s+(?:of|for|on|about)\s+(?:the\s+)?(?:command\s+|program\s+)?["']?([\w.+-]+)/gi)) {
    const value = m[1] ?? m[2] ?? m[3];
    // A manual's program may be named like a word ("the manual of find").
    if ((m[3] === undefined && stopWords.has(value.toLowerCase())) || facts.names.some((n) => n.value === value)) continue;
    facts.names.push({ value, at: m.index + m[0].lastIndexOf(value), raw: value });
  }
  // Shell options known by name ("is extglob enabled").
  for (const m of text.matchAll(/\b(extglob|dotglob|globstar|nullglob|failglob|nocaseglob|nocasematch|histappend|cdspell|autocd|checkwinsize|expand_aliases|lastpipe|pipefail|errexit|nounset|xtrace|noclobber)\b/g)) {
    if (!facts.names.some((n) => n.value === m[1])) facts.names.push({ value: m[1], at: m.index, raw: m[1] });
  }
  // "the pid of node", "where is python3 installed": the program asked about.
  for (const m of text.matchAll(/\b(?:pids?|process ids?)\s+(?:of|for)\s+(?:the\s+)?([a-z][\w.+-]*)|\bwhere\s+is\s+(?:the\s+)?([a-z][\w.+-]*)\s+(?:installed|located)\b/gi)) {
    const value = m[1] ?? m[2];
    const at = m.index + m[0].lastIndexOf(value);
    if (!stopWords.has(value.toLowerCase()) && !/^(process|program|command)$/i.test(value) && !r.isUsed(at) && !facts.names.some((n) => n.value === value)) facts.names.push({ value, at, raw: value });
  }
  // "is nginx running", "is postgres installed", "kill firefox": the program asked about.
  readProgramQuestion(r);
  const program = /\b(?:kill|stop|restart|pkill)\s+(?:all\s+)?(?:the\s+)?([a-z][\w.+-]*)\s+(?:process(?:es)?|daemon|service)\b/i.exec(text);
  const value = facts.programQuestion?.program ?? program?.[1];
  const at = facts.programQuestion?.at ?? (program ? text.indexOf(program[1], program.index + 2) : -1);
  if (value && !stopWords.has(value.toLowerCase()) && !r.isUsed(at) && !facts.names.some((n) => n.at === at)) facts.names.push({ value, at, raw: value });
}

const programQuestion = /^\s*(?:is|are)\s+(?!(?:the|my|your|his|her|he|she|it|they|we|there|this|that|a|an)\b)([a-z][\w.+-]*)\s+(?:still\s+)?(running|installed|available|up)\b|\b(?:do|does)\s+(?:i|we|this machine|the machine)\s+have\s+([a-z][\w.+-]*)\s+(installed)\b/i;

/** "is nginx running", "is jq installed", "do we have git installed": a question about one program, read once for every reader. */
function readProgramQuestion(r: Reading): void {
  const m = programQuestion.exec(r.text);
  if (!m) return;
  const program = m[1] ?? m[3];
  r.facts.programQuestion = { program, at: m.index + m[0].indexOf(program, 2), state: (m[2] ?? m[4]).toLowerCase(), whole: /^[\s?]*$/.test(r.text.slice(m.index + m[0].length)) };
}

/** A JSON key: "the port from config.json", "the version in package.json", "the database host". */
export function readJsonKeys(r: Reading): void {
  const { text, facts } = r;
  if (/\.json\b|\bjson\b/i.test(text)) {
    for (const m of text.matchAll(/\b(?:the|get|read|show|print|what|which)\s+([a-z_][\w]*(?:\s+[a-z_]\w*)?)\s+(?:field\s+|key\s+|value\s+|setting\s+)?(?:is\s+)?(?:in|from|of)\s+\S*json\b|\b([a-z_][\w.]*)\s+(?:field|key|property)\b/gi)) {
      const words = (m[1] ?? m[2]).toLowerCase().split(/\s+/).filter((w) => !stopWords.has(w) && !/^(value|values|field|key|setting)$/.test(w));
      if (words.length === 0) continue;
      const value = words.join('.');
      facts.names.push({ value, at: m.index + m[0].toLowerCase().indexOf(words[0]), raw: words.join(' ') });
    }
  }
}

/** Search patterns: the word(s) after containing/matching/for. */
export function readSearchWords(r: Reading): void {
  const { text, facts, isUsed } = r;
  for (const m of text.matchAll(/\b(?:containing|contain|contains|mentioning|mention|matching|match|matches|with the (?:word|text|string)|for the (?:word|text|string)|search(?:ing)? for|grep for|look(?:ing)? for|find occurrences of|occurrences of|lines with|that say|that have|messages? for|with|(?:search(?:es|ed|ing)?|grep|scan|comb)\s+(?:through\s+)?(?:the\s+|my\s+)?[\w./-]+\s+for|(?:end|ends|ending|start|starts|starting|begin|begins|beginning)\s+(?:in|with))\s+(?:the\s+(?:word|text|string|pattern)\s+)?([^\s"',;]+)/gi)) {
    const value = m[1].replace(/(?<=.)[)\].,;:!?]+$/, '');
    const at = m.index + m[0].lastIndexOf(m[1]);
    // "search for case-insensitive "failed"": a word of manner says how to search, the text comes after it.
    if (isUsed(at) || stopWords.has(value.toLowerCase()) || /^(files?|lines?|a|an|text|case[- ]?(?:in)?sensitive\w*|recursive\w*)$/i.test(value)) continue;
    facts.patterns.push({ value, at, raw: value });
  }
}

/** "replace foo with bar", "change http to https": what to find, then what to put. */
export function readReplacements(r: Reading): void {
  const { text, facts, isUsed } = r;
  for (const m of text.matchAll(/\b(?:replace|substitute|change|swap|rename|turn)\s+(?:all\s+|every\s+|each\s+)?(?:occurrences?\s+of\s+)?(?:the\s+(?:word|text|string)\s+)?([^\s"']+)\s+(?:with|to|by|into|for)\s+([^\s"']+)/gi)) {
    const oldAt = m.index + m[0].indexOf(m[1], m[0].search(/\s/));
    const newAt = m.index + m[0].lastIndexOf(m[2]);
    if (stopWords.has(m[1].toLowerCase()) || isUsed(oldAt)) continue;
    facts.patterns.push({ value: m[1], at: oldAt, raw: m[1] });
    facts.strings.push({ value: m[2], at: newAt, raw: m[2] });
    facts.patterns.push({ value: m[2], at: newAt, raw: m[2] });
  }
}

/** Words written in capitals (ERROR, TODO, GET) and addresses: what people search logs for. */
export function readCapitals(r: Reading): void {
  const { text, facts, isUsed } = r;
  for (const m of text.matchAll(/(?<![\w.'-])([A-Z][A-Z0-9_]{1,}|\d{1,3}(?:\.\d{1,3}){3}|[a-z]+\.[a-z]+\(?\)?(?=\s+(?:appear|show|occur)))(?![\w.'-])/g)) {
    // "PHP files" names a kind of file, not text to look for.
    const kind = facts.globs.some((g) => m.index >= g.at && m.index < g.at + g.raw.length);
    if (kind || isUsed(m.index) || facts.patterns.some((p) => p.at === m.index) || /^(I|OK|A|CSV|JSON|YAML|PDF|URL|IP|ID|CPU|RAM|PID|SSH|HTTP|HTTPS|DNS|TCP|UDP|README|MB|GB|KB|TB)$/.test(m[1])) continue;
    facts.patterns.push({ value: m[1], at: m.index, raw: m[1] });
  }
}

/** "both X and Y", "either X or Y": two patterns. */
export function readAlternatives(r: Reading): void {
  const { text, facts } = r;
  for (const m of text.matchAll(/\b(?:both|either)\s+([^\s"',;]+)\s+(?:and|or)\s+([^\s"',;]+)/gi)) {
    for (const value of [m[1], m[2]]) {
      const at = m.index + m[0].indexOf(value, value === m[2] ? m[0].length - value.length : 5);
      const i = facts.patterns.findIndex((p) => p.at === at);
      if (i < 0) facts.patterns.push({ value, at, raw: value });
    }
  }
}

/** "the word X", "mentions X", "does X appear". */
export function readWordMentions(r: Reading): void {
  const { text, facts } = r;
  for (const m of text.matchAll(/\b(?:whole\s+)?word\s+([\w.-]+)|\bmentions?\s+([\w.-]+)|\bdoes\s+([\w.()-]+)\s+appear/gi)) {
    const value = m[1] ?? m[2] ?? m[3];
    const at = m.index + m[0].lastIndexOf(value);
    if (stopWords.has(value.toLowerCase()) || facts.patterns.some((p) => p.at === at)) continue;
    facts.patterns.push({ value, at, raw: value });
  }
}

/** Patterns written as words ("the 404s", "lines with warnings"), where no other fact took them. */
export function readWordPatternFacts(r: Reading): void {
  const { lower, facts, isUsed } = r;
  for (const p of readWordPatterns(lower)) {
    const overlap = (x: Fact) => p.at < x.at + x.raw.length && x.at < p.at + p.raw.length;
    // "the 404s" of a log are status codes, not 404 seconds.
    const status = /^\d{3}s$/.test(p.raw) && /\blogs?\b|\.log\b|\brequests?\b|\bstatus\b/.test(lower);
    if (status) facts.durations = facts.durations.filter((d) => !overlap(d));
    if ((status || !isUsed(p.at)) && !facts.patterns.some(overlap)) facts.patterns.push(p);
  }
}

/** A quoted string may be a pattern, a string, a name, and a path when it looks like one. */
export function readQuotedUses(r: Reading): void {
  const { ws, facts } = r;
  for (const q of facts.quoted) {
    facts.patterns.push(q);
    facts.strings.push(q);
    facts.names.push(q);
    // 'the ".c" files', 'ending in ".php"': a kind (readKinds), never a place.
    if (facts.exts.some((e) => e.at === q.at)) continue;
    // 'the files which end with ".deb"', 'starting with "tmp"': a part of names (readKinds), never a place.
    if (facts.globs.some((g) => q.at > g.at && q.at < g.at + g.raw.length && /^(?:start|begin|end)/i.test(g.raw))) continue;
    const before = r.text.slice(Math.max(0, q.at - 24), q.at);
    const after = r.text.slice(q.at + q.raw.length, q.at + q.raw.length + 12);
    // "remove 'foo'", "rename "blah2" to ...", "the file 'afile'": a bare name the words make a file or folder.
    // ... unless the request looks for it: "search for the file 'myfile'" names what to find, not where.
    const named = !/\b(search\w*|find|locate|look(?:ing)? for|where is)\b/i.test(r.text) && (fileVerbBefore.test(before) || (/\b(?:command|program|script)\s*$/i.test(before) && !/\b(?:path|location|type|version|manual|man ?page)\s+of\s+(?:the\s+)?(?:command|program|script)\s*$/i.test(before)) || /\b(?:file|files|director(?:y|ies)|folders?|(?:lines?|contents?|words|characters|bytes|group|owner|ownership|permissions?|mode|mime ?type|file ?type|encoding|charset|checksum|md5 ?sum|sha\d* ?sum|hash|size|inode) (?:in|of|from))\s*$/i.test(before) || /^\s*(?:file|director(?:y|ies)|folder)\b/i.test(after) || pathOf.test(before));
    // "a link named "current" to "releases"": a quoted destination.
    if (/^[\w.@/+~-]+$/.test(q.value) && /\b(?:to|into|onto)\s*$/i.test(before) && placeVerbs.test(r.lower) && !facts.targets.some((t) => t.at === q.at)) facts.targets.push(q);
    // "files in "dir1" that are not in "dir2"": a bare name where a folder is expected.
    const place = /^[\w.@+~-]+$/.test(q.value) && !/\.[A-Za-z]\w{0,7}$/.test(q.value) && /\b(?:(?:files?|folders?|director(?:y|ies)|entries|names)\s+(?:in|of|from|under|inside)|(?:not|missing|absent|only)\s+(?:in|from))\s*$/i.test(before);
    if (place && !ws.files.has(q.value)) {
      facts.paths.push(q);
      facts.dirs.push(q);
      continue;
    }
    // A name with spaces is a place only where its path is asked for.
    const spaced = pathOf.test(before) && /^[\w.@/+~ -]+$/.test(q.value);
    if ((/^[\w.@/+~-]+$/.test(q.value) || spaced) && (ws.files.has(q.value) || ws.dirs.has(q.value) || /[/.]/.test(q.value) || named)) {
      facts.paths.push(q);
      // "change directory to "/srv/app"", "make the folder "x/p/q"": a path without an extension, said to be a folder.
      const folder = !ws.files.has(q.value) && !/\.[A-Za-z]\w{0,7}$/.test(q.value) && (/\//.test(q.value) || /\b(director(?:y|ies)|folders?|dirs?|cd|into)\b[^"'`]{0,8}$/i.test(before) || /^\s*(?:director(?:y|ies)|folder)\b/i.test(after));
      if (ws.dirs.has(q.value) || folder) facts.dirs.push(q);
      if (!ws.dirs.has(q.value)) facts.files.push(q);
      if (archiveExt.test(q.value)) facts.archives.push(q);
    }
  }
}

// "the absolute path of 'MY DIR'", "the real path for "notes"": a name whose path is asked is a place.
const pathOf = /\b(?:(?:absolute|full|real|canonical|resolved|complete)\s+)?path(?:\s*name)?\s+(?:of|for|to)\s+(?:the\s+)?(?:(?:file|folder|directory|dir)\s+)?$/i;

// Acts that put something somewhere: only then is a quoted word after "to" a place ("change 'a' to 'b'" is a replacement).
const placeVerbs = /\b(link\w*|symlink\w*|cop(?:y|ies)|mov\w*|renam\w*|cp|mv|ln|sync\w*|mirror\w*|back ?up|archiv\w*|upload\w*|extract\w*|unpack\w*|point\w*)\b/;
const fileVerbBefore = /\b(?:remove|delete|rename|move|copy|touch|chmod|chown|chgrp|cp|mv|rm|ln|link|edit|modify|rewrite|overwrite|open|print|display|show|cat|compress|extract|gzip|archive|split|sort|head|tail|view|wc)s?\s+(?:the\s+)?(?:file\s+|folder\s+|directory\s+)?$/i;

/** Text to write ("saying hello world"). */
export function readMessages(r: Reading): void {
  const { text, facts } = r;
  // "echo hello world": what follows the program is its text.
  const echoed = /^\s*echo\s+([^"'`\s][^\n]*)$/i.exec(text);
  if (echoed) facts.strings.push({ value: echoed[1].trim(), at: text.indexOf(echoed[1]), raw: echoed[1] });
  for (const m of text.matchAll(/\b(?:saying|says|say|with (?:the )?(?:text|message)|message(?! digest)|text)\s+(?!(?:to|into|in|at|on|of|from|for|inside|within|across|under)\b)([^"'\n][^\n]*?)(?=$|\s+(?:to|into|in|at|on)\s)/gi)) {
    facts.strings.push({ value: m[1].trim(), at: m.index + m[0].lastIndexOf(m[1]), raw: m[1] });
  }
}
