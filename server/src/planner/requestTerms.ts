// Readers of what a request looks for and names: hosts, users, branches,
// names, JSON keys, search patterns, replacements and text to write.

import { archiveExt, stopWords } from './requestWords';
import type { Fact, Reading } from './requestFacts';
import { readRefs } from './requestGit';
import { readWordPatterns } from './requestPatterns';

/** Host names and addresses. */
export function readHosts(r: Reading): void {
  const { text, facts, isUsed } = r;
  for (const m of text.matchAll(/\b(?:\d{1,3}\.){3}\d{1,3}\b|\blocalhost\b|\b(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|edu|gov|local|internal|co\.uk|de|fr)\b/gi)) {
    if (isUsed(m.index)) continue;
    facts.hosts.push({ value: m[0], at: m.index, raw: m[0] });
  }
}

/** User names ("owned by alice"). */
export function readUsers(r: Reading): void {
  const { text, facts } = r;
  for (const m of text.matchAll(/\b(?:user|owned by|owner|for user|as user|account)\s+["']?([a-z_][\w-]*)/gi)) {
    if (stopWords.has(m[1].toLowerCase())) continue;
    facts.users.push({ value: m[1], at: m.index, raw: m[0] });
  }
}

/** Git branches. */
export function readBranches(r: Reading): void {
  const { text, facts } = r;
  for (const m of text.matchAll(/\b(?:branch|branches)\s+(?:called\s+|named\s+)?["']?([\w./-]+)|\b(?:to|from|into|onto|against)\s+(?:branch\s+)?(main|master|develop|dev|trunk|release[\w./-]*|feature\/[\w./-]+)\b/gi)) {
    const value = m[1] ?? m[2];
    if (stopWords.has(value.toLowerCase())) continue;
    facts.branches.push({ value, at: m.index, raw: m[0] });
  }
  for (const r of readRefs(text)) if (!facts.branches.some((b) => b.at <= r.at && r.at < b.at + b.raw.length)) facts.branches.push(r);
  facts.branches.sort((a, b) => a.at - b.at);
}

/** Names given ("called notes", "named exactly x"). */
export function readNames(r: Reading): void {
  const { text, facts } = r;
  for (const m of text.matchAll(/\b(?:called|named|name it|titled)\s+(?:exactly\s+|precisely\s+|just\s+)?["']?([\w.@+-]+)/gi)) {
    facts.names.push({ value: m[1], at: m.index + m[0].lastIndexOf(m[1]), raw: m[1] });
  }
  // "is nginx running", "is postgres installed", "kill firefox": the program asked about.
  const program = /^\s*(?:is|are)\s+([a-z][\w.+-]*)\s+(?:still\s+)?(?:running|installed|available|up)\b/i.exec(text) ?? /\b(?:kill|stop|restart|pkill)\s+(?:all\s+)?(?:the\s+)?([a-z][\w.+-]*)\s+(?:process(?:es)?|daemon|service)\b/i.exec(text);
  if (program && !stopWords.has(program[1].toLowerCase()) && !r.isUsed(program.index + program[0].indexOf(program[1], 2))) {
    const at = text.indexOf(program[1], program.index + 2);
    if (!facts.names.some((n) => n.at === at)) facts.names.push({ value: program[1], at, raw: program[1] });
  }
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
  for (const m of text.matchAll(/\b(?:containing|contain|contains|mentioning|mention|matching|match|matches|with the (?:word|text|string)|for the (?:word|text|string)|search(?:ing)? for|grep for|look(?:ing)? for|find occurrences of|occurrences of|lines with|that say|that have|with)\s+(?:the\s+(?:word|text|string|pattern)\s+)?([^\s"',;]+)/gi)) {
    const value = m[1].replace(/(?<=.)[)\].,;:!?]+$/, '');
    const at = m.index + m[0].lastIndexOf(m[1]);
    if (isUsed(at) || stopWords.has(value.toLowerCase()) || /^(files?|lines?|a|an|text)$/i.test(value)) continue;
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
    if (isUsed(m.index) || facts.patterns.some((p) => p.at === m.index) || /^(I|OK|A|CSV|JSON|YAML|PDF|URL|IP|ID|CPU|RAM|PID|SSH|HTTP|HTTPS|DNS|TCP|UDP|README|MB|GB|KB|TB)$/.test(m[1])) continue;
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
    if (/^[\w.@/+~-]+$/.test(q.value) && (ws.files.has(q.value) || ws.dirs.has(q.value) || /[/.]/.test(q.value))) {
      facts.paths.push(q);
      if (ws.dirs.has(q.value)) facts.dirs.push(q);
      else facts.files.push(q);
      if (archiveExt.test(q.value)) facts.archives.push(q);
    }
  }
}

/** Text to write ("saying hello world"). */
export function readMessages(r: Reading): void {
  const { text, facts } = r;
  for (const m of text.matchAll(/\b(?:saying|says|say|with (?:the )?(?:text|message)|message|text)\s+([^"'\n][^\n]*?)(?=$|\s+(?:to|into|in|at|on)\s)/gi)) {
    facts.strings.push({ value: m[1].trim(), at: m.index + m[0].lastIndexOf(m[1]), raw: m[1] });
  }
}
