// Readers of a request's quantities and literals: quoted strings, URLs, sizes,
// spans of time, columns, ports, process ids, modes, signals, sums and numbers.

import { amountOf, numberWordBefore, numWord, ordinals, permissionWho, sizeUnits, stopWords, timeUnits } from './requestWords';
import type { Reading } from './requestFacts';

// "a couple of", "a few": loose amounts, read only where a unit follows.
const looseAmount = /^(?:a|an|one|single|(?:a\s+)?couple(?:\s+of)?|(?:a\s+)?few)$/;

/** An amount said before a unit that is not read whole ("twenty twenty days"): the request is left unread rather than given another amount. */
function unread(r: Reading, at: number, said: string): boolean {
  if (/^\d/.test(said) || (!Number.isNaN(amountOf(said)) && !numberWordBefore.test(r.lower.slice(Math.max(0, at - 20), at)))) return false;
  r.facts.unreadAmount ??= said;
  return true;
}

function comparator(before: string, more: RegExp, less: RegExp): '+' | '-' | '' {
  const window = before.slice(-40);
  const m = more.exec(window);
  const l = less.exec(window);
  if (m && (!l || m.index > l.index)) return '+';
  if (l) return '-';
  return '';
}

/** "over 500 KB and under 100 bytes": the comparison said nearest before a size is its own (a word starts where the suffix does). */
function nearestComparator(before: string, more: RegExp, less: RegExp): '+' | '-' | '' {
  const window = before.slice(-40);
  const at = (re: RegExp) => {
    for (let i = window.length; i >= 0; i--) if ((i === 0 || !/[a-z]/.test(window[i - 1])) && re.test(window.slice(i))) return i;
    return -1;
  };
  const m = at(more);
  const l = at(less);
  return m < 0 && l < 0 ? '' : m > l ? '+' : '-';
}

const moreSize = /(bigger|larger|greater|more|over|above|exceed\w*|at least|heavier|>)\W*(than)?\W*$|(bigger|larger|greater|more|over|above|exceed\w*|at least|>)\b[^.,;]*$/;
const lessSize = /(smaller|less|under|below|at most|lighter|tinier|<)\W*(than)?\W*$|(smaller|less|under|below|at most|<)\b[^.,;]*$/;
// (?<![a-z]): "older" inside "folder", "less" inside "unless" are no comparison.
const moreAge = /(?<![a-z])(older|more|over|before|longer|earlier|at least|>)\b[^.,;]*$/;
// ... and "changed in a month" is within it, as "modified in 3 days" is.
const lessAge = /(?<![a-z])(newer|within|last|past|less|recent\w*|since|under|younger|after|<)\b[^.,;]*$|(?<![a-z])(?:modifi\w*|chang\w*|access\w*|updat\w*|touch\w*|edit\w*|written|used|created)\s+in\s+$/;

/** Quoted strings ("...", '...', `...`, “...”): taken first, so nothing inside them is read as anything else. */
export function readQuoted(r: Reading): void {
  const { text, facts, take } = r;
  for (const m of text.matchAll(/"([^"]*)"|(?<![\w])'([^']+)'(?![\w])|`([^`]*)`|“([^”]*)”/g)) {
    const value = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    if (value === '') continue;
    facts.quoted.push({ value, at: m.index, raw: m[0], quoted: true });
    take(m.index, m[0].length);
  }
}

/** URLs. */
export function readUrls(r: Reading): void {
  const { text, facts, take, isUsed } = r;
  for (const m of text.matchAll(/\b(?:https?|ftp):\/\/[^\s"'<>]+/gi)) {
    if (isUsed(m.index)) continue;
    facts.urls.push({ value: m[0].replace(/[.,;)]+$/, ''), at: m.index, raw: m[0] });
    take(m.index, m[0].length);
  }
}

/** Sizes with their unit ("2 MB") and whether more or less is meant. */
export function readSizes(r: Reading): void {
  const { lower, facts, take, isUsed } = r;
  for (const m of lower.matchAll(new RegExp(`\\b${numWord}\\s*(${Object.keys(sizeUnits).join('|')})\\b`, 'g'))) {
    if (isUsed(m.index)) continue;
    if (looseAmount.test(m[1]) && m[2].length <= 2) continue;
    if (unread(r, m.index, m[1])) continue;
    const amount = amountOf(m[1]);
    if (!Number.isFinite(amount)) continue;
    // "between 1MB and 10MB", "between 50Mb to 100MB": more than the first, less than the second.
    const before = lower.slice(0, m.index);
    const between = /\bbetween\s*$/.test(before) ? '+' : /\bbetween\s+[\d.]+\s*[a-z]*\s+(?:and|to)\s*$/.test(before) ? '-' : undefined;
    facts.sizes.push({ value: m[0], at: m.index, raw: m[0], amount, unit: sizeUnits[m[2]], sign: between ?? nearestComparator(before, moreSize, lessSize) });
    take(m.index, m[0].length);
  }
}

/** Spans of time ("3 days", "last week") and whether older or newer is meant. */
export function readDurations(r: Reading): void {
  const { lower, facts, take, isUsed } = r;
  // "the last 7*24 hours", "30 x 24 hours": a span said as a product.
  for (const m of lower.matchAll(new RegExp(`\\b(\\d+)\\s*[*x\u00d7]\\s*(\\d+)\\s*(${Object.keys(timeUnits).join('|')})\\b`, 'g'))) {
    facts.durations.push({ value: m[0].trim(), at: m.index, raw: m[0], amount: Number(m[1]) * Number(m[2]), unit: m[3], sign: comparator(lower.slice(0, m.index), moreAge, lessAge) });
    take(m.index, m[0].length);
  }
  // "half a year", "half an hour": half of the unit, said in the next smaller one, never "a year".
  for (const m of lower.matchAll(/\bhalf\s+(?:a|an)\s+(year|month|day|hour|minute)\b/g)) {
    const [amount, unit] = ({ year: [6, 'months'], month: [15, 'days'], day: [12, 'hours'], hour: [30, 'minutes'], minute: [30, 'seconds'] } as const)[m[1] as 'year'];
    facts.durations.push({ value: m[0], at: m.index, raw: m[0], amount, unit, sign: comparator(lower.slice(0, m.index), moreAge, lessAge) });
    take(m.index, m[0].length);
  }
  for (const m of lower.matchAll(new RegExp(`\\b${numWord}?\\s*(${Object.keys(timeUnits).join('|')})\\b`, 'g'))) {
    if (isUsed(m.index)) continue;
    if (m[1] === undefined && !/\b(a|an|one|last|past|this|per|every)\s*$/.test(lower.slice(0, m.index))) continue;
    if (m[1] === undefined && /^(s|h|min|sec)$/.test(m[2])) continue;
    // "the old ones", "tens of files": a number word run into a letter is a word, not "one s".
    if (m[1] !== undefined && /^[a-z]/.test(m[1]) && !/\s/.test(m[0].trim())) continue;
    if (m[1] !== undefined && unread(r, m.index, m[1])) continue;
    const amount = m[1] === undefined ? 1 : amountOf(m[1]);
    facts.durations.push({ value: m[0].trim(), at: m.index, raw: m[0], amount, unit: m[2], sign: comparator(lower.slice(0, m.index), moreAge, lessAge) });
    take(m.index, m[0].length);
  }
  for (const m of lower.matchAll(/\b(today|yesterday|this week|last week|fortnight)\b/g)) {
    if (isUsed(m.index)) continue;
    // "where day count starts from today", "counting days from today": where the days are counted from, not an age.
    if (m[1] === 'today' && /\b(?:day\s+count(?:\s+(?:starts?|starting|begins?|beginning))?|counting\s+(?:the\s+)?days|days?\s+(?:counted|counting|measured|reckoned)(?:\s+starting)?)\s+from\s+$/.test(lower.slice(Math.max(0, m.index - 40), m.index))) continue;
    const amount = { today: 1, yesterday: 2, 'this week': 7, 'last week': 7, fortnight: 14 }[m[1]] as number;
    // "not touched for a fortnight" is two weeks, compared as any span; "today", "this week" are spans up to now.
    const before = lower.slice(0, m.index);
    const sign = m[1] === 'fortnight' ? comparator(before, moreAge, lessAge) || (/\bnot\s+(?:\w+\s+){0,2}for\s+(?:a|one)\s+$/.test(before) ? '+' : '-') : comparator(before, moreAge, /$^/) || '-';
    facts.durations.push({ value: m[1], at: m.index, raw: m[0], amount, unit: 'days', sign });
    take(m.index, m[0].length);
  }
}

/** Columns by position ("the second column", "field 3"). */
export function readColumns(r: Reading): void {
  const { lower, facts, take, isUsed } = r;
  for (const m of lower.matchAll(/\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\d+(?:st|nd|rd|th))\s+(?:(?:space|tab|comma|colon|semicolon|slash|pipe|dot|["'`]\S["'`])[- ](?:separated|delimited)\s+)?(column|field|col|word)s?\b|\b(column|field|col)\s+(?:number\s+)?(\d+)\b/g)) {
    // "the last comma-separated field" is no column number cut could take.
    if (isUsed(m.index) || (m[1] === 'last' && /separated|delimited/.test(m[0]))) continue;
    const n = m[1] ? ordinals[m[1]] ?? parseInt(m[1], 10) : parseInt(m[4], 10);
    facts.columns.push({ value: n === -1 ? 'NF' : String(n), at: m.index, raw: m[0], amount: n });
    take(m.index, m[0].length);
  }
}

/** Columns by name ("the amount column", "by age"). */
export function readColumnNames(r: Reading): void {
  const { lower, facts } = r;
  for (const m of lower.matchAll(/\b(?:the\s+)?([a-z_][\w-]*)\s+(?:column|field|col)\b|\b(?:column|field)\s+(?:called\s+|named\s+)?([a-z_][\w-]*)|\bby\s+(?:the\s+)?([a-z_][\w-]*)\b/g)) {
    const name = m[1] ?? m[2] ?? m[3];
    if (ordinals[name] !== undefined || stopWords.has(name) || /^(number|first|second|third|each|every|one|that|this)$/.test(name)) continue;
    facts.columnNames.push({ value: name, at: m.index, raw: m[0] });
  }
}

/** Port numbers ("port 8080", ":3000"). */
export function readPorts(r: Reading): void {
  const { text, facts, take, isUsed } = r;
  for (const m of text.matchAll(/\bport\s*(?:number\s*)?(\d{1,5})\b|(?<![\w.]):(\d{2,5})\b/gi)) {
    if (isUsed(m.index)) continue;
    const n = parseInt(m[1] ?? m[2], 10);
    if (n < 1 || n > 65535) continue;
    facts.ports.push({ value: String(n), at: m.index, raw: m[0], amount: n });
    take(m.index, m[0].length);
  }
}

/** Process ids ("pid 1234"). */
export function readPids(r: Reading): void {
  const { lower, facts, take, isUsed } = r;
  for (const m of lower.matchAll(/\b(?:pid|process id|process)\s*(?:number\s*)?#?(\d{1,7})\b/g)) {
    if (isUsed(m.index)) continue;
    facts.pids.push({ value: m[1], at: m.index, raw: m[0] });
    take(m.index, m[0].length);
  }
}

/** File modes (755, u+x) and the words for them (executable, read-only, private). */
// "set notes.txt to 600": a file set to three or four octal digits is given a mode.
const setToMode = /\b(?:set|change|switch)\s+(?:the\s+)?[\w-]*[./][\w./-]*\s+to\s+$/;
// "make the .txt files 644", "make them 600", "make run.sh 755": files made three or four octal digits are given a mode.
const madeMode = /\bmake\s+(?:(?:the|all|every|each|my|these|those|of)\s+)*(?:[\w.*-]+\s+){0,3}?(?:files?|folders?|director(?:y|ies)|scripts?|them|it|[\w*-]*\.[\w.-]+)(?:\s+(?:in|under|inside|within)\s+(?:the\s+)?[\w./-]+(?:\s+(?:folder|directory|dir))?)?\s+$/;
const notAMode = /^\s+(?:bytes?|lines?|times|copies|files?|folders?|days?|[kmg]b)\b/;

export function readModes(r: Reading): void {
  const { text, lower, facts, take, isUsed } = r;
  // A symbolic mode may join clauses with commas ("a-x,u+w"): one mode.
  for (const m of text.matchAll(/(?<![\w/.-])([0-7]{3,4}|[ugoa]*[+=-][rwxXst]+(?:,[ugoa]*[+=-][rwxXst]+)*)(?![\w/.-])/g)) {
    if (isUsed(m.index) || (/^\d/.test(m[1]) && !/\b(chmod|mode|permission|permissions|perms)\b/.test(lower) && !setToMode.test(lower.slice(0, m.index)) && !(madeMode.test(lower.slice(0, m.index)) && !notAMode.test(lower.slice(m.index + m[0].length))))) continue;
    facts.modes.push({ value: m[1], at: m.index, raw: m[0] });
    take(m.index, m[0].length);
  }
  // "run 'chmod 0755' on all directories": the mode of a chmod written out in quotes.
  for (const q of facts.quoted) {
    if (!/\b(?:run|runs|running|execut\w*|invok\w*|apply\w*|call\w*)\s+$/i.test(text.slice(Math.max(0, q.at - 20), q.at))) continue;
    const m = /^chmod\s+(?:-\w+\s+)*([0-7]{3,4}|[ugoa]*[+=-][rwxXst]+(?:,[ugoa]*[+=-][rwxXst]+)*)(?:\s|$)/.exec(q.value);
    if (m) facts.modes.push({ value: m[1], at: q.at, raw: q.raw });
  }
  const said = specialBit(lower) ?? modeInWords(lower);
  if (said) facts.modes.push(said);
  const modeWords: [RegExp, string][] = [[/\bread[- ]only\b/, 'a-w'], [/\bprivate\b/, '600']];
  for (const [re, value] of modeWords) {
    const m = re.exec(lower);
    if (m) facts.modes.push({ value, at: m.index, raw: m[0] });
  }
}

/** "set their SGID bit", "turn on the setuid bit", "the sticky bit": g+s, u+s, +t (taken away with "remove", "clear", "unset"). */
function specialBit(lower: string): { value: string; at: number; raw: string } | undefined {
  const m = /\b(s[ug]id|set[- ]?[ug]id|set[- ]?(?:user|group)[- ]id|sticky)(?:\s+(?:bits?|flags?|permissions?))?\b/.exec(lower);
  if (!m) return undefined;
  const who = /sticky/.test(m[1]) ? '' : /^s?(?:set[- ]?)?(?:u|user)/.test(m[1].replace(/^su/, 'u').replace(/^sg/, 'g')) ? 'u' : 'g';
  const taken = /\b(?:remove|strip|take away|take off|revoke|drop|unset|clear|disable|delete|turn off)\b[^.]{0,40}$/.test(lower.slice(0, m.index));
  return { value: `${who}${taken ? '-' : '+'}${/sticky/.test(m[1]) ? 't' : 's'}`, at: m.index, raw: m[0] };
}

/**
 * A mode said in words: "executable" is +x, "writable" u+w; "remove write
 * permission for others" is o-w, "executable for the owner only" u+x,
 * "give the group write access" g+w.
 */
function modeInWords(lower: string): { value: string; at: number; raw: string } | undefined {
  const bit = /\b(executable|execute|exec(?:ution)?|writable|write|readable|read)\s*(?:bits?|permissions?|perms|access|rights?)?\b/.exec(lower.replace(/\bread[- ]only\b/g, '_'));
  if (!bit || (!/able$/.test(bit[1]) && !/\s(?:bits?|permissions?|perms|access|rights?)$/.test(bit[0]))) return undefined;
  const what = /^exec/.test(bit[1]) ? 'x' : /^writ/.test(bit[1]) ? 'w' : 'r';
  const taken = /\b(?:remove|strip|take away|take off|revoke|drop|unset|clear|disable|delete)\b[^.]{0,40}$/.test(lower.slice(0, bit.index)) || /\bno longer\s+$|\bnot\s+(?:be\s+)?$/.test(lower.slice(0, bit.index));
  const who = permissionWho.filter(([re]) => re.test(lower)).map(([, w]) => w).join('');
  const fallback = what === 'w' && !taken ? 'u' : '';
  return { value: `${who.includes('a') ? 'a' : who || fallback}${taken ? '-' : '+'}${what}`, at: bit.index, raw: bit[0] };
}

/** Signals by name, and "force" or "hard" as KILL. */
export function readSignals(r: Reading): void {
  const { text, lower, facts } = r;
  for (const m of text.matchAll(/\b(?:SIG)?(TERM|KILL|HUP|INT|QUIT|USR1|USR2|STOP|CONT)\b/g)) facts.signals.push({ value: m[1], at: m.index, raw: m[0] });
  for (const m of lower.matchAll(/\b(force(?:fully|d)?|hard)\b/g)) facts.signals.push({ value: 'KILL', at: m.index, raw: m[0] });
}

/** Arithmetic in words ("144 divided by 12" is 144 / 12), for an expression slot. */
export function readArithmetic(r: Reading): void {
  const { lower, facts, take, isUsed } = r;
  const ops: Record<string, string> = { times: '*', 'multiplied by': '*', x: '*', '*': '*', plus: '+', '+': '+', minus: '-', '-': '-', 'divided by': '/', over: '/', '/': '/', 'to the power of': '^', '^': '^', modulo: '%', mod: '%', '%': '%' };
  const arith = /(\d+(?:\.\d+)?)\s*(times|multiplied by|x|\*|plus|\+|minus|-|divided by|over|\/|to the power of|\^|modulo|mod|%)\s*(\d+(?:\.\d+)?)((?:\s*(?:times|multiplied by|x|\*|plus|\+|minus|-|divided by|over|\/|to the power of|\^|modulo|mod|%)\s*\d+(?:\.\d+)?)*)/gi;
  for (const m of lower.matchAll(arith)) {
    // "2024-02-29", "lines 5-10" and "1920x1080" are not sums.
    if (isUsed(m.index) || /\d(?:-|x)\d/.test(m[0])) continue;
    const expr = m[0].replace(/(times|multiplied by|x|\*|plus|\+|minus|-|divided by|over|\/|to the power of|\^|modulo|mod|%)/g, (op) => ` ${ops[op]} `).replace(/\s+/g, ' ').trim();
    facts.strings.push({ value: expr, at: m.index, raw: m[0] });
    take(m.index, m[0].length);
  }
}

/** Plain numbers not already part of another fact. */
export function readNumbers(r: Reading): void {
  const { lower, facts, isUsed } = r;
  for (const m of lower.matchAll(new RegExp(`(?<![\\w.:/-])${numWord}(?![\\w.:/-]|\\.\\d)`, 'g'))) {
    if (isUsed(m.index) || (looseAmount.test(m[1]) && m[1] !== 'one')) continue;
    const amount = amountOf(m[1]);
    if (!Number.isInteger(amount)) continue;
    facts.numbers.push({ value: String(amount), at: m.index, raw: m[0], amount });
  }
  // "the 2nd line", "the third line": a line by its place.
  for (const m of lower.matchAll(/\b(\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+line\b/g)) {
    const amount = /^\d/.test(m[1]) ? parseInt(m[1], 10) : ordinalWords.indexOf(m[1]) + 2;
    if (!isUsed(m.index)) facts.numbers.push({ value: String(amount), at: m.index, raw: m[1], amount });
  }
}
const ordinalWords = ['second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
