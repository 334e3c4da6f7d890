// Questions about what is in files: "how many users live in Paris", "hits
// per status code", "the smallest number in numbers.txt", "which python
// files import os", "the 404s in the access log", "names of the retired
// items". Retrieval matches their words to programs about users, addresses
// or processors; what answers them is in the file itself. So the file is
// read: a word of the request that the file holds is the value to look for,
// a header or a log line's layout says which column a name means, and a
// JSON file's own values say which key a word filters on.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { KnowledgeEntry } from './corpus';
import type { EmbeddedCandidate } from './embeddedPlanner';
import type { RequestFacts } from './requestFacts';
import { stopWords } from './requestWords';
import { readTable } from './tableColumns';
import { shellQuote } from './templateFill';

const MAX_BYTES = 64 * 1024;
const textFile = /\.(?:csv|tsv|log|txt|json|conf|cfg|ini|ya?ml|md|env|list)$/i;
const singular = (w: string) => w.replace(/ies$/, 'y').replace(/(s|x|ch|sh)es$/, '$1').replace(/(?<=\d)'?s$/, '').replace(/(?<!s)s$/, '');

/** A small text file of the workspace, or undefined when it is missing, large or binary. */
function readText(root: string | undefined, file: string): string | undefined {
  if (!root || file.startsWith('/') || file.split('/').includes('..')) return undefined;
  try {
    const full = path.join(root, file);
    if (fs.statSync(full).size > MAX_BYTES) return undefined;
    const text = fs.readFileSync(full, 'utf8');
    return text.includes('\0') ? undefined : text;
  } catch {
    return undefined;
  }
}

// Words of a question about a web server's traffic: its access log answers them.
const trafficWords = /\b(?:requests?|hits?|visits?|visitors?|responses?|status codes?|clients?|ip (?:address(?:es)?|s)|ips|urls?|endpoints?|the server)\b/;

/** The file a question is about: one it names, "the conf file" when one file has that kind, or a file whose stem is a word of it. */
export function questionFile(f: RequestFacts): { file: string; named: boolean } | undefined {
  const named = f.files.find((x) => f.ws.files.has(x.value) && textFile.test(x.value));
  if (named) return { file: named.value, named: true };
  for (const ext of f.exts) {
    if (!new RegExp(`\\bthe\\s+(?:\\.?${ext.value}\\s+)file\\b`).test(f.lower)) continue;
    const all = [...f.ws.files].filter((p) => p.toLowerCase().endsWith(`.${ext.value.toLowerCase()}`));
    if (all.length === 1) return { file: all[0], named: true };
  }
  for (const m of f.lower.matchAll(/[a-z][\w-]+/g)) {
    const file = f.ws.byStem?.get(m[0]) ?? f.ws.byStem?.get(singular(m[0]));
    if (file && textFile.test(file) && !stopWords.has(m[0])) return { file, named: false };
  }
  if (trafficWords.test(f.lower)) {
    const logs = [...f.ws.files].filter((p) => /(?:^|\/)access[\w.-]*\.log$/.test(p));
    if (logs.length === 1) return { file: logs[0], named: false };
  }
  return undefined;
}

const dataFile = /\.(?:csv|tsv|log|txt)$/i;
const MAX_HOLDERS = 30;

/** "how many people are from Spain": the one data file of the workspace that holds a name or a number the request says. */
function holderOf(f: RequestFacts): { file: string; named: boolean } | undefined {
  const strong = [...f.text.matchAll(/(?<=\S\s+)(?:[A-Z][a-z]+|\d{2,})\b/g)].map((m) => m[0]);
  if (strong.length === 0) return undefined;
  const holders = [...f.ws.files].filter((p) => dataFile.test(p)).slice(0, MAX_HOLDERS).filter((p) => {
    const text = readText(f.ws.root, p);
    return text !== undefined && strong.some((w) => new RegExp(`\\b${w}\\b`).test(text));
  });
  return holders.length === 1 ? { file: holders[0], named: false } : undefined;
}

// Words of the question itself, never a value to look for.
const questionWords = new Set(['how', 'many', 'much', 'number', 'times', 'which', 'who', 'whom', 'whose', 'was', 'were', 'did', 'does', 'has', 'have', 'had', 'got', 'get', 'give', 'gimme', 'print', 'display', 'tell', 'please', 'there', 'their', 'they', 'he', 'she', 'we', 'you', 'i', 'us', 'most', 'least', 'often', 'common', 'frequent', 'per', 'each', 'entries', 'entry', 'occurrences', 'mentions', 'mention', 'mentioned', 'say', 'says', 'log', 'logs', 'data', 'row', 'rows', 'column', 'columns', 'value', 'values', 'field', 'fields', 'csv', 'json', 'txt', 'numbers', 'total', 'distinct', 'unique', 'different', 'smallest', 'largest', 'biggest', 'highest', 'lowest']);

/** Words of the request the file holds as words of its own, spelled as the file spells them, in request order. */
export function valuesIn(f: RequestFacts, file: string, text: string): string[] {
  const held = new Map<string, string>();
  for (const t of text.match(/[\w.@:/-]+/g) ?? []) for (const part of [t, ...t.split(/[.:/@-]+/)]) if (part && !held.has(part.toLowerCase())) held.set(part.toLowerCase(), part);
  const nameWords = new Set(file.toLowerCase().split(/[/._-]+/));
  const out: string[] = [];
  for (const quoted of f.quoted) if (!out.includes(quoted.value)) out.push(quoted.value);
  for (const m of f.text.matchAll(/[\w.@-]+/g)) {
    const word = m[0].replace(/[.]+$/, '');
    const lower = word.toLowerCase();
    if (word.length < 2 || stopWords.has(lower) || questionWords.has(lower) || nameWords.has(lower) || nameWords.has(singular(lower))) continue;
    const found = held.get(lower) ?? held.get(singular(lower));
    if (found && !out.includes(found)) out.push(found);
  }
  return out;
}

// The common log format: ip - user [date] "METHOD url protocol" status bytes.
const commonLog = /^\S+ \S+ \S+ \[[^\]]+\] "\S+ \S+[^"]*" \d{3} (?:\d+|-)/;
const logFields: [RegExp, number][] = [
  [/\b(?:ips?|ip address(?:es)?|addresses|clients?|hosts?|visitors?)\b/, 1],
  [/\b(?:status(?: codes?)?|codes?|responses?)\b/, 9],
  [/\b(?:urls?|paths?|pages?|resources?|endpoints?)\b/, 7],
  [/\b(?:bytes|sizes?)\b/, 10],
];

interface Column {
  /** How one column of each line is printed, the header left out. */
  print: string;
  numeric: boolean;
}

/** The column a request names: a CSV header name, or a field of a web server's log line said in words. */
function namedColumn(f: RequestFacts, file: string, text: string): Column | undefined {
  const table = /\.(?:csv|tsv)$/i.test(file) ? readTable(f.ws.root, file) : undefined;
  if (table?.hasHeader) {
    const sep = /\.tsv$/i.test(file) ? '' : '-d, ';
    for (const m of f.lower.matchAll(/[a-z_][\w-]*/g)) {
      const i = table.header.findIndex((h) => h === m[0] || h === singular(m[0]) || singular(h) === singular(m[0]));
      if (i >= 0 && !(m.index > 0 && f.lower[m.index - 1] === '.')) return { print: `tail -n +2 ${shellQuote(file)} | cut ${sep}-f${i + 1}`, numeric: table.numeric[i] };
    }
    return undefined;
  }
  if (!commonLog.test(text.split('\n')[0] ?? '')) return undefined;
  const field = logFields.find(([words]) => words.test(f.lower))?.[1];
  return field === undefined ? undefined : { print: `awk '{print $${field}}' ${shellQuote(file)}`, numeric: field >= 9 };
}

const counting = /\b(?:how many|number of|count(?:s|ing)?\b(?! of each)|tally)\b/;
const perValue = /\b(?:per|each|for every|by|most|least|commonest|frequen\w*|how often|popular|breakdown|tally)\b/;
const oneOfThem = /\b(?:which|what|who)\b[^?]*\b(?:the )?(?:most|least)\b|\b(?:most|least) (?:common|frequent|popular|often)\b(?!\s+\w+s\b)/;
const distinct = /\b(?:distinct|unique|different)\b/;
const smallest = /\b(?:smallest|lowest|minimum|min|least)\b/;
const largest = /\b(?:largest|biggest|highest|maximum|max|greatest)\b/;
const sumWords = /\b(?:total|sum|add(?:ed)? up|added together|altogether)\b/;
const average = /\b(?:average|mean)\b/;
// Words that ask to change, reorder or reshape text: other requests, answered elsewhere.
const otherWork = /\b(?:replac\w*|substitut\w*|delet\w*|remov\w*|renam\w*|mov(?:e|ing)|cop(?:y|ies)|sort\w*|revers\w*|upper\w*|lower\w*|capital\w*|first|last|head|tail|append\w*|insert\w*|edit\w*|chang\w*|convert\w*|split\w*|merge\w*|join\w*|compress\w*|zip\w*|backup|save|write|swap\w*)\b/;
// "2 lines of context around X", "3 lines after X": lines beside a match, grep's -A, -B and -C.
const besideMatch = /\blines?\b[^.?;]*\b(?:of context|around|after|before|following|preceding|surrounding|above|below)\b|\bcontext\b/;
const negated = /\b(?:not|never|without|no)\b|n't\b/;
const numbered = /\bline numbers?\b|\bwith (?:their )?numbers\b|\bnumbered\b/;

/** "how many people are from Spain" in a workspace whose data holds Spain: a count a file of the workspace answers. */
export function countsHeldValue(f: RequestFacts): boolean {
  if (!counting.test(f.lower)) return false;
  const target = questionFile(f) ?? holderOf(f);
  const text = target && readText(f.ws.root, target.file);
  return target !== undefined && text !== undefined && valuesIn(f, target.file, text).length > 0;
}

const candidate = (command: string, explanation: string, confidence: number): EmbeddedCandidate => ({ command, confidence, explanation, source: 'content.question', filled: [], missing: [] });

/** Candidates that answer a question about what is in a file, or in the files under a folder. */
export function contentCandidates(f: RequestFacts): EmbeddedCandidate[] {
  const containing = filesContaining(f);
  if (containing) return [containing];
  const target = questionFile(f) ?? (counting.test(f.lower) ? holderOf(f) : undefined);
  const text = target && readText(f.ws.root, target.file);
  if (!target || text === undefined) return [];
  const column = namedColumn(f, target.file, text);
  // A value the file holds is what is looked for, even when it is a verb ("the DELETEs"); a column's name is no value.
  const header = /\.(?:csv|tsv)$/i.test(target.file) ? (readTable(f.ws.root, target.file)?.header ?? []) : [];
  // ... nor is the file's own name ("the resolved path for the file "docs/faq.md"").
  const values = valuesIn(f, target.file, text).filter((v) => !header.includes(v.toLowerCase()) && v !== target.file);
  const rest = values.reduce((l, v) => l.split(v.toLowerCase()).join(' '), f.lower).replace(/\bnumbers?\b/g, '');
  if (otherWork.test(rest) || besideMatch.test(rest)) return [];
  if (/\.json$/i.test(target.file)) return jsonAnswers(f, target.file, text);
  const file = shellQuote(target.file);
  const numbers = text.split('\n').filter((l) => l.trim() !== '');
  const allNumbers = numbers.length > 0 && numbers.every((l) => /^\s*-?\d+(?:\.\d+)?\s*$/.test(l));
  const oneWordLines = numbers.length > 0 && numbers.every((l) => /^\s*\S+\s*$/.test(l));
  const measure = allNumbers ? { print: '', of: file, numeric: true } : column?.numeric ? { print: column.print, of: '', numeric: true } : undefined;
  // "total amount per region": a sum for each group, which the command knowledge's grouping recipes answer.
  const grouped = /\b(?:per|by|for (?:each|every))\s+(?:the\s+)?[a-z]/.test(f.lower) && (average.test(f.lower) || sumWords.test(f.lower) || smallest.test(f.lower) || largest.test(f.lower));
  if (grouped) return [];
  if (measure) {
    const sorted = measure.print ? `${measure.print} | sort -n` : `sort -n ${measure.of}`;
    const source = measure.print ? `${measure.print} | ` : '';
    const awkOf = measure.print ? '' : ` ${measure.of}`;
    if (average.test(f.lower)) return [candidate(`${source}awk '{s += $1; n++} END {if (n) print s / n}'${awkOf}`, 'Prints the average of the numbers.', 0.82)];
    if (sumWords.test(f.lower) && !counting.test(f.lower)) return [candidate(`${source}awk '{s += $1} END {print s}'${awkOf}`, 'Prints the sum of the numbers.', 0.82)];
    if (smallest.test(f.lower) && !largest.test(f.lower)) return [candidate(`${sorted} | head -n 1`, 'Prints the smallest number.', 0.82)];
    if (largest.test(f.lower) && !smallest.test(f.lower)) return [candidate(`${sorted} | tail -n 1`, 'Prints the largest number.', 0.82)];
  }
  const lines = column?.print ?? (oneWordLines && !allNumbers ? `cat ${file}` : undefined);
  if (lines && perValue.test(f.lower) && !distinct.test(f.lower)) {
    const tally = `${lines.replace(/^cat (\S+)$/, 'sort $1')}${/^cat /.test(lines) ? '' : ' | sort'} | uniq -c | sort -rn`;
    return [candidate(oneOfThem.test(f.lower) ? `${tally} | head -n 1` : tally, 'Counts how often each value occurs, most frequent first.', 0.82)];
  }
  // "how many distinct regions": the values printed once, then counted.
  if (column && distinct.test(f.lower)) return [counting.test(f.lower) ? candidate(`${column.print} | sort -u | wc -l`, 'Counts the different values of the column.', 0.8) : candidate(`${column.print} | sort -u`, 'Prints each value of the column once.', 0.8)];
  if (column && /\b(?:column|field)s?\b/.test(f.lower) && !counting.test(f.lower)) return [candidate(column.print.replace(/^tail -n \+2 (\S+) \| cut (.*)$/, 'cut $2 $1'), 'Prints one column of each line.', 0.75)];
  const value = values[0];
  return value === undefined ? [] : matchingLines(f, target.file, value);
}

/** "how many users live in Paris", "the 404s in the access log", "lines without TODO": the lines that hold a value, or their count. */
function matchingLines(f: RequestFacts, file: string, value: string): EmbeddedCandidate[] {
  const whole = /^\d+$/.test(value) || /\bthe (?:whole )?word\b/.test(f.lower) ? 'w' : '';
  const invert = negated.test(f.lower) ? 'v' : '';
  const pattern = shellQuote(value);
  if (counting.test(f.lower)) return [candidate(`grep -c${invert}${whole} ${pattern} ${shellQuote(file)}`, 'Counts the lines that hold the value.', 0.8)];
  const options = `${numbered.test(f.lower) ? 'n' : ''}${invert}${whole}`;
  return [candidate(`grep ${options ? `-${options} ` : ''}${pattern} ${shellQuote(file)}`, 'Prints the lines that hold the value.', 0.78)];
}

// "which python files import os", "any file containing FIXME", "in which files under src is the word total used".
// Asked as a question ("find all files that contain …" is find's own request, answered by find).
const filesAsked = /^\s*(?:(?:so|and|hey|ok|okay|now|also),?\s+)?(?:which|what|any|are there|is there|do any|does any|tell me which|in (?:which|what))\b[^.?]*\bfiles?\b/;
// Files picked by their names, not their text.
const byName = /\b(?:names?|named|called|extensions?|suffix\w*|(?:start|end|begin)(?:s|ing)? with)\b/;
const codeVerb = /\b(import|require|include)s?\s+([\w./@-]+)/;

/** A search of the files under a folder that prints the names of those that hold a text. */
function filesContaining(f: RequestFacts): EmbeddedCandidate | undefined {
  if (!filesAsked.test(f.lower) || counting.test(f.lower) || otherWork.test(f.lower) || /\blines?\b/.test(f.lower)) return undefined;
  if (f.files.some((x) => f.ws.files.has(x.value))) return undefined;
  const code = codeVerb.exec(f.text);
  const value = code ? `${code[1]} ${code[2]}` : f.patterns.find((p) => !/[*?]/.test(p.value))?.value;
  if (!value || (!code && !/\b(?:contain\w*|mention\w*|us(?:e|es|ed|ing)|referenc\w*|say\w*|ha(?:ve|s|ving))\b/.test(f.lower)) || byName.test(f.lower)) return undefined;
  const start = f.dirs.find((d) => f.ws.dirs.has(d.value))?.value ?? '.';
  const include = f.globs[0] ? ` --include=${shellQuote(f.globs[0].value)}` : '';
  const whole = /\bthe (?:whole )?word\b/.test(f.lower) ? 'w' : '';
  const invert = negated.test(f.lower) ? 'L' : 'l';
  return candidate(`grep -r${invert}${whole}${include} ${shellQuote(value)} ${shellQuote(start)}`, 'Lists the files that hold the text.', 0.8);
}

type Json = Record<string, unknown>;

/** "names of the retired items": objects of a JSON array picked by a value they hold, and the key asked for. */
function jsonAnswers(f: RequestFacts, file: string, text: string): EmbeddedCandidate[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const items = data.filter((x): x is Json => x !== null && typeof x === 'object' && !Array.isArray(x));
  const keys = [...new Set(items.flatMap((x) => Object.keys(x)))];
  const words = [...f.lower.matchAll(/[a-z][\w-]*/g)].map((m) => m[0]).filter((w) => !stopWords.has(w));
  let filter: { key: string; value: string } | undefined;
  for (const w of words) {
    for (const key of keys) {
      const held = items.map((x) => x[key]).find((v) => typeof v === 'string' && (v.toLowerCase() === w || v.toLowerCase() === singular(w)));
      if (typeof held === 'string' && !filter) filter = { key, value: held };
    }
  }
  if (!filter || !keys.every((k) => /^[A-Za-z_]\w*$/.test(k))) return [];
  const chosen = filter;
  const out = words.map((w) => keys.find((k) => k !== chosen.key && (k.toLowerCase() === w || k.toLowerCase() === singular(w)))).find((k) => k !== undefined);
  const select = `.[] | select(.${chosen.key} == ${JSON.stringify(chosen.value)})`;
  const q = shellQuote(file);
  if (counting.test(f.lower)) return [candidate(`jq ${shellQuote(`[${select}] | length`)} ${q}`, 'Counts the objects that hold the value.', 0.8)];
  return [candidate(out ? `jq -r ${shellQuote(`${select} | .${out}`)} ${q}` : `jq ${shellQuote(select)} ${q}`, 'Prints the objects that hold the value.', 0.8)];
}

/** Added to a candidate's score: a question about a data file it names ("according to config.json") is answered by a command that reads that file. */
export function contentQuestionFit(entry: KnowledgeEntry, values: Record<string, string>, f: RequestFacts): number {
  const named = f.files.filter((x) => f.ws.files.has(x.value) && /\.(?:csv|tsv|json|log)$/i.test(x.value)).map((x) => x.value);
  if (named.length === 0 || otherWork.test(f.lower)) return 0;
  return Object.values(values).some((v) => named.includes(v.replace(/^'|'$/g, ''))) ? 0 : -0.15;
}
