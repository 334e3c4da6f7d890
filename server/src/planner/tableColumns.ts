// Columns of CSV and TSV files named in a request: "the amount column",
// "distinct cities", "total amount per region" are found by reading the
// file's header line, and a command over a file with a header leaves the
// header out where it would be counted, summed or sorted as data.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Fact, RequestFacts } from './requestFacts';

interface Table {
  file: string;
  header: string[];
  /** Per column: every data row holds a number there. */
  numeric: boolean[];
  hasHeader: boolean;
}

const tableFile = /\.(csv|tsv)$/i;
const cache = new Map<string, { mtimeMs: number; table: Table | undefined }>();

/** The first lines of a CSV/TSV file of the workspace, read once per change of the file. */
export function readTable(root: string | undefined, file: string): Table | undefined {
  if (!root || !tableFile.test(file) || file.startsWith('/') || file.split('/').includes('..')) return undefined;
  const full = path.join(root, file);
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(full).mtimeMs;
  } catch {
    return undefined;
  }
  const known = cache.get(full);
  if (known && known.mtimeMs === mtimeMs) return known.table;
  let text: string;
  try {
    const fd = fs.openSync(full, 'r');
    const buf = Buffer.alloc(8192);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    fs.closeSync(fd);
    text = buf.subarray(0, n).toString('utf8');
  } catch {
    return undefined;
  }
  const sep = /\.tsv$/i.test(file) ? '\t' : ',';
  const rows = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 50).map((l) => l.split(sep).map((c) => c.trim().replace(/^"|"$/g, '')));
  const number = (c: string) => c !== '' && Number.isFinite(Number(c));
  const header = (rows[0] ?? []).map((h) => h.toLowerCase());
  const data = rows.slice(1);
  const hasHeader = rows.length > 1 && header.every((h) => !number(h));
  const numeric = header.map((_, i) => data.length > 0 && data.every((r) => number(r[i] ?? '')));
  const table = header.length > 0 ? { file, header, numeric, hasHeader } : undefined;
  if (cache.size > 64) cache.clear();
  cache.set(full, { mtimeMs, table });
  return table;
}

const perRequest = new WeakMap<RequestFacts, Table[]>();

/** The tables among the files the request names (read once per request: every candidate asks). */
export function tablesIn(facts: RequestFacts): Table[] {
  let tables = perRequest.get(facts);
  if (!tables) {
    tables = facts.files.some((f) => tableFile.test(f.value)) ? facts.files.map((f) => readTable(facts.ws.root, f.value)).filter((t): t is Table => t !== undefined) : [];
    perRequest.set(facts, tables);
  }
  return tables;
}

const singular = (w: string) => w.replace(/ies$/, 'y').replace(/(s|x|ch|sh)es$/, '$1').replace(/s$/, '');

/** Header names the request mentions ("ages", "the city column", "per region"), as 1-based column facts in request order. */
export function namedColumns(facts: RequestFacts): Fact[] {
  const table = tablesIn(facts).find((t) => t.hasHeader);
  if (!table) return [];
  const out: Fact[] = [];
  // Words only, not the parts of a file name ("users" in users.csv).
  for (const m of facts.lower.matchAll(/(?<![\w./-])([a-z_][\w-]*)(?![\w-]|\.\w)/g)) {
    const word = m[1];
    const i = table.header.findIndex((h) => h === word || singular(word) === h || singular(word) === singular(h));
    if (i >= 0 && !out.some((f) => f.amount === i + 1)) out.push({ value: String(i + 1), at: m.index, raw: word, amount: i + 1 });
  }
  return out;
}

const descending = /\b(biggest|largest|highest|most|greatest|descending|decreasing|reversed?|top|oldest|eldest|richest|z to a)\b/;
const descendingText = /\b(descending|decreasing|reversed?|z to a|newest|latest|most recent)\b/;
const noHeader = /\b(?:without|skip\w*|exclud\w*|ignor\w*|not counting|minus|leav\w* out|drop\w*|no)\s+(?:the\s+|a\s+)?(?:header|heading|title)s?(?:\s+(?:row|line))?\b/;

/**
 * `command` fitted to the table it reads: a numeric column sorts as numbers
 * (descending when the request says "biggest first"), a header is kept out of
 * sums, counts and distinct values, and out of everything when the request says so.
 */
export function fitToTable(command: string, facts: RequestFacts): string {
  const table = tablesIn(facts).find((t) => command.includes(t.file));
  if (!table || !table.hasHeader || /\n/.test(command)) return command;
  let out = command.replace(/\bsort -t(,|\$'\\t') -k ?(\d+),(\d+)([a-z]*)/, (m, sep: string, a: string, b: string, flags: string) => {
    const numeric = table.numeric[Number(a) - 1] === true;
    const reverse = (numeric ? descending : descendingText).test(facts.lower) && !/\b(ascending|increasing|smallest first|lowest first|youngest first)\b/.test(facts.lower);
    const want = `${flags.replace(/[nr]/g, '')}${numeric ? 'n' : ''}${reverse ? 'r' : ''}`;
    return `sort -t${sep} -k${a},${b}${want}`;
  });
  const aggregates = /\|\s*(sort|uniq|wc)\b/.test(out) || /\{\s*(?:s|sum|n|total|count|c)\s*(?:\+=|\[)|\bn\+\+|\bmin\b|\bmax\b/.test(out);
  const quoted = table.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (noHeader.test(facts.lower) || aggregates) {
    if (/^awk (?:-F\S+ )?'\{/.test(out)) out = out.replace(/^(awk (?:-F\S+ )?')\{/, '$1NR > 1 {');
    else if (/^(cut|sort|wc|uniq)\b/.test(out) && new RegExp(`\\s${quoted}(?=\\s*(\\||$))`).test(out.split('|')[0])) {
      const first = out.split('|')[0];
      out = `tail -n +2 ${table.file} | ${first.replace(new RegExp(`\\s${quoted}(?=\\s*$)`), '').trim()}${out.slice(first.length).replace(/^\s*/, ' ').replace(/^ $/, '')}`;
    }
  }
  return out;
}
