// Work on a value the request writes out or names as a shell variable, where
// the operation needs more than one program reading a file: fields split on a
// delimiter said in words ("the last dot-separated field of
// "maps.google.com"" → `awk -F. '{print $NF}'`), the last characters of a
// value, the unique lines of two variables together, a replacement whose
// pattern, replacement and text are all quoted, and "\n" escapes printed as
// newlines. Only the value named is used; when none is named the value is a
// slot, never a made-up one.

import type { EmbeddedCandidate } from './embeddedPlanner';
import type { WorkspaceNames } from './requestFacts';
import { shellQuote } from './templateFill';
import { numbersWhere } from './requestWords';
import { readTextSource, sourceStep, type TextSource } from './textSource';

type Value = Exclude<TextSource, { kind: 'stdin' }>;

const delimiterNames: Record<string, string> = {
  dot: '.', period: '.', comma: ',', colon: ':', semicolon: ';', 'semi-colon': ';', space: ' ', tab: '\t', slash: '/', pipe: '|', dash: '-', hyphen: '-', underscore: '_', equals: '=', at: '@',
};
const delimiterWord = Object.keys(delimiterNames).join('|');
// "dot-separated", "comma delimited", "split on ';'", "separated by a colon".
const delimiterSaid = new RegExp(String.raw`\b(${delimiterWord})[- ](?:separated|delimited)\b|\b(?:separated|delimited|split\w*(?:\s+\S+){0,3}?)\s+(?:by|on|at|with)\s+(?:an?\s+|the\s+)?(?:(["'])([^"'\n]{1,3})\2|(${delimiterWord})s?\b)`, 'i');

/** The delimiter a request splits on, or undefined when it says none. */
export function readDelimiter(text: string): string | undefined {
  const m = delimiterSaid.exec(text);
  if (!m) return undefined;
  const word = (m[1] ?? m[4])?.toLowerCase();
  return word ? delimiterNames[word] : m[3];
}

const ordinals: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
// "the first three fields", "two fields": two to five spelled out.
const counts = numbersWhere((n) => n >= 2 && n <= 5);
const countWord = Object.keys(counts).join('|');
const someFields = new RegExp(String.raw`\b(${countWord})\s+(?:[\w-]+\s+){0,2}?fields\b`);
const ordinal = String.raw`(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))`;

/** The fields asked for, by number ('NF' for the last), or undefined when the request names none. */
export function readFields(lower: string): string[] | undefined {
  if (/\b(?:last|final)\s+(?:[\w-]+\s+){0,2}?(?:field|part|column|component|element|item)\b/.test(lower)) return ['NF'];
  const numbered = /\b(?:fields?|parts?|columns?)\s+(\d+(?:\s*(?:,|and|&)\s*\d+)*)\b/.exec(lower);
  if (numbered) return numbered[1].split(/\s*(?:,|and|&)\s*/);
  const first = new RegExp(String.raw`\bfirst\s+(${countWord}|\d+)\s+(?:[\w-]+\s+){0,2}?(?:fields|parts|columns)\b`).exec(lower);
  if (first) return Array.from({ length: counts[first[1]] ?? Number(first[1]) }, (_, i) => String(i + 1));
  const named = new RegExp(String.raw`\b(${ordinal}(?:\s*(?:,|and|&)\s*${ordinal})*)\s+(?:[\w-]+\s+){0,2}?(?:fields?|parts?|columns?)\b`).exec(lower);
  if (named) return named[1].split(/\s*(?:,|and|&)\s*/).map((o) => String(ordinals[o] ?? parseInt(o, 10)));
  // "extract two semicolon-separated fields": the first ones.
  const some = someFields.exec(lower);
  return some ? Array.from({ length: counts[some[1]] }, (_, i) => String(i + 1)) : undefined;
}

/** The awk or cut program that prints the fields, split on the delimiter and joined by a space. */
function fieldProgram(delimiter: string, fields: string[]): string {
  // "the first 20 fields": a range, as cut writes it.
  if (fields.length > 3 && fields.every((f, i) => f === String(i + 1)) && delimiter.length === 1) return `cut -d${shellQuote(delimiter)} -f1-${fields.length}`;
  const flag = delimiter === '\t' ? "-F'\\t'" : `-F${shellQuote(delimiter)}`;
  if (fields.length === 1 && fields[0] !== 'NF' && delimiter.length === 1 && delimiter !== ' ') return `cut -d${delimiter === '\t' ? "$'\\t'" : shellQuote(delimiter)} -f${fields[0]}`;
  return `awk ${flag} '{print ${fields.map((f) => `$${f}`).join(', ')}}'`;
}

const candidate = (command: string, confidence: number, explanation: string, source: string, missing: string[] = []): EmbeddedCandidate => ({ command, confidence, explanation, source, filled: [], missing });

// "keep the last 4 characters", "the final 3 letters of": the end of the value, not without it.
const charCounts = numbersWhere((n) => n <= 10);
const lastChars = new RegExp(String.raw`^(?!.*\b(?:remove|delete|strip|drop|cut off|chop|without|skip|minus|except)\b).*\b(?:last|final|trailing)\s+(\d+|${Object.keys(charCounts).join('|')})\s+(?:ascii\s+)?(?:characters?|chars?|letters?|digits?|bytes?)\b`);
// "the unique lines of $A and $B", "only distinct strings stored in $X and $Y".
const uniqueWords = /\b(?:unique|distinct|deduplicat\w*|dedup\w*|without duplicates)\b/;
// "with its \n escapes turned into newlines", "interpreting backslash escapes".
const escapeWords = /\b(?:escapes?|backslash\w*|new ?line (?:symbols?|characters?)|newlines?)\b/;
// Escapes are to become the characters they stand for.
const escapesTurned = /\b(?:interpret\w*|turn\w*|convert\w*|expand\w*|replac\w*|render\w*|becom\w*|as (?:real |actual )?new ?lines?|into (?:real |actual )?new ?lines?|with (?:real |actual )?new ?lines?)\b/;
// "replace "," with "\r\n" in "a,b"": all three quoted.
// "print the extension of the file name", not a name "without its extension".
const extensionAsked = /^(?!.*\b(?:without|remove|delete|strip|drop|change|rename|replace|no)\b).*\b(?:extension|suffix)\b/;
const quotedReplace = /\b(?:replace|substitute|change|swap)\s+(["'])(.{1,40}?)\1\s+(?:with|by|for|to)\s+(["'])(.{0,40}?)\3\s+(?:in|within|inside|on)\s+(?:the\s+(?:string|text|value)\s+)?(?:(["'])(.{1,200}?)\5|\$\{?([A-Za-z_]\w*)\}?)/i;

/** Commands for a string operation on the value the request names. */
export function stringActCandidates(request: string, names: WorkspaceNames, isProgram: (name: string) => boolean): EmbeddedCandidate[] {
  const lower = request.toLowerCase();
  const out: EmbeddedCandidate[] = [];
  const replaced = quotedReplace.exec(request);
  if (replaced) {
    const value: Value = replaced[7] ? { kind: 'variable', name: replaced[7], span: replaced[0] } : { kind: 'text', text: replaced[6], span: replaced[0] };
    const sed = `sed ${shellQuote(`s/${sedPattern(replaced[2])}/${sedReplacement(replaced[4])}/g`)}`;
    out.push(candidate(`${sourceStep(value, sed)} | ${sed}`, 0.94, `Replaces every ${replaced[2]} with ${replaced[4]} in the text.`, 'text.replace_in_value'));
  }
  const source = readTextSource(request, names, isProgram) ?? spelledSource(request);
  const value = source && source.kind !== 'stdin' ? source : undefined;
  const delimiter = readDelimiter(request);
  const fields = delimiter === undefined ? undefined : readFields(lower);
  // Fields of a file or of a command's output are the file's; the last part of a path is its base name.
  const aboutFiles = /\bfiles?\b|\bstandard input\b|\bstdin\b|\boutput\b|\bsave\w*\b|\b(?:in|into|to)\s+(?:the\s+)?variable\b/.test(lower);
  if (delimiter !== undefined && fields && !aboutFiles && !(delimiter === '/' && /\bpath\b/.test(lower))) {
    // "reverse $s and print its first 20 fields": reversed first, then split.
    const program = `${/\brever[st]\w*/.test(lower) ? 'rev | ' : ''}${fieldProgram(delimiter, fields)}`;
    const step = value ? sourceStep(value, program) : `echo '<text>'`;
    // The delimiter said and the fields asked are both read here: this beats a plan that splits on blanks or keeps one field.
    out.push(candidate(`${step} | ${program}`, value ? 0.97 : 0.55, `Splits the text on ${JSON.stringify(delimiter)} and prints field ${fields.join(' and ').replace('NF', 'the last')}.`, 'text.split_fields', value ? [] : ['text']));
  }
  const last = lastChars.exec(lower);
  if (last && !/\b(?:lines?|files?)\b/.test(lower.replace(/\bfile ?names?\b/g, ''))) {
    const n = charCounts[last[1]] ?? last[1];
    const step = value ? sourceStep(value, 'rev') : `echo '<text>'`;
    out.push(candidate(`${step} | rev | cut -c 1-${n} | rev`, value ? 0.93 : 0.55, `Prints the last ${n} characters of the text.`, 'text.last_chars', value ? [] : ['text']));
  }
  const variables = [...new Set([...request.matchAll(/(?<![\w\\])\$\{?([A-Za-z_]\w*)\}?/g)].map((m) => m[1]))];
  if (variables.length >= 2 && uniqueWords.test(lower) && !/\bfiles?\b/.test(lower)) {
    out.push(candidate(`printf '%s\\n' ${variables.map((v) => `"$${v}"`).join(' ')} | sort -u`, 0.93, `Prints each line of ${variables.map((v) => `$${v}`).join(' and ')} once.`, 'text.unique_values'));
  }
  // The quoted text that holds escapes, and words about them outside it.
  const escaped = [...request.matchAll(/(["'])((?:(?!\1)[^\n]){0,200}?\\[ntr](?:(?!\1)[^\n]){0,200}?)\1/g)].find((q) => q[2].replace(/\\[ntr]/g, '').trim() !== '');
  const rest = lower.replace(escaped?.[0].toLowerCase() ?? '', '');
  if (escaped && !replaced && escapeWords.test(rest) && escapesTurned.test(rest) && !/\bwithout\b[^.]*\bescapes?\b|\bread\b/.test(rest)) {
    out.push(candidate(`echo -e ${shellQuote(escaped[2])}`, 0.92, 'Prints the text with its backslash escapes turned into the characters they stand for.', 'text.escapes'));
  }
  // "print the extension of a file name" with no name given: the name is a slot.
  if (!value && extensionAsked.test(lower) && !/\b(?:files|each|every|all)\b|[\w-]\.[a-z]\w{0,7}\b|\//.test(lower)) {
    const program = /\b(?:one|single|only one)\s+dot\b/.test(lower) ? 'cut -d. -f2' : "sed 's/.*\\.//'";
    out.push(candidate(`echo '<name>' | ${program}`, 0.5, 'Prints what follows the dot in the name: its extension.', 'text.name_extension_slot', ['name']));
  }
  return out;
}

// "… of the string "a,b"", "in 'x y'": a value quoted after a word that says it is the text, when the source reader found none.
function spelledSource(request: string): Value | undefined {
  const m = /\b(?:string|text|value|of|in|from|split|splitting)\s+(["'])([^"'\n]{1,200})\1/.exec(request);
  return m && readDelimiter(request) !== undefined && !/\//.test(m[2]) && !/\bfiles?\b/i.test(request) ? { kind: 'text', text: m[2], span: m[0].slice(m[0].indexOf(m[1])) } : undefined;
}

/** Text as a sed pattern that matches only itself. */
function sedPattern(text: string): string {
  return text.replace(/[\\/.*[\]^$]/g, '\\$&');
}

/** Text as a sed replacement: `\n`, `\r` and `\t` escapes are kept, as GNU sed reads them. */
function sedReplacement(text: string): string {
  return text.replace(/\\(?![ntr])|[/&]/g, '\\$&');
}

