// Files named by what they are rather than by their path: "the site backup",
// "the old app log archive", "the 2023 log archive", "the conf file", "the
// sales sheet". Each word of the description is matched against the words of
// the workspace's paths, and a word that names a kind of file ("archive",
// "sheet", "log") also against the file's extension. The one file that fits
// best is the file meant; when several fit equally the request is unclear and
// the planner asks which one rather than guess.

import { archiveExt, kindExtensions, stopWords } from './requestWords';
import type { Reading, RequestFacts } from './requestFacts';
import { placeRuns } from './namedList';

/** Words that say what kind of file is meant, and the extensions that kind has. */
const kinds: Record<string, readonly string[]> = {
  archive: ['tar.gz', 'tgz', 'tar.bz2', 'tbz2', 'tar.xz', 'txz', 'tar', 'zip', 'gz', 'bz2', 'xz', 'zst', '7z', 'rar'],
  tarball: ['tar.gz', 'tgz', 'tar.bz2', 'tbz2', 'tar.xz', 'txz', 'tar'],
  sheet: ['csv', 'tsv', 'xlsx', 'xls', 'ods'],
  log: ['log'],
  config: ['conf', 'cfg', 'ini', 'json', 'yml', 'yaml', 'toml', 'env'],
  script: ['sh', 'bash', 'py', 'pl', 'rb', 'js'],
  document: ['md', 'txt', 'pdf', 'doc', 'docx', 'odt', 'rst'],
  file: [],
};
/** The words people use for each kind. */
const kindWords: Record<string, string> = {
  archive: 'archive', backup: 'archive', tarball: 'tarball', compressed: 'archive', gzipped: 'archive', zipped: 'archive',
  sheet: 'sheet', spreadsheet: 'sheet', log: 'log', logfile: 'log', config: 'config', conf: 'config', configuration: 'config',
  settings: 'config', script: 'script', document: 'document', doc: 'document', file: 'file',
};
/** Words that describe a file without having to be part of its name ("the old app log archive" is app-2023.log.gz). */
const qualifiers = new Set(['old', 'older', 'oldest', 'new', 'newer', 'newest', 'latest', 'last', 'recent', 'previous', 'current', 'main', 'whole', 'entire', 'big', 'small', 'same', 'only']);

/** A file fits a description this well; undefined when some word of it does not fit. */
function fit(path: string, words: readonly string[], head: string): { score: number; covered: number } | undefined {
  const lower = path.toLowerCase();
  const tokens = lower.split(/[/._\s-]+|(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])/).filter(Boolean);
  const has = (w: string) => tokens.some((t) => t === w || t === `${w}s` || `${t}s` === w);
  const extOf = (kind: string) => kinds[kind].some((e) => lower.endsWith(`.${e}`));
  let score = 0;
  let byName = false;
  const used = new Set<string>();
  for (const w of words) {
    const kind = kindWords[w];
    const named = has(w);
    if (named) for (const t of tokens) if (t === w || t === `${w}s` || `${t}s` === w) used.add(t);
    if (kind !== undefined) {
      const typed = kind === 'file' || extOf(kind);
      if (!named && !typed) return undefined;
      score += named ? 2 : kind === 'file' ? 0 : 1;
      byName ||= named;
    } else if (named) {
      score += qualifiers.has(w) ? 1 : 2;
      byName = true;
    } else if (!qualifiers.has(w)) return undefined;
  }
  if (!byName || !(kindWords[head] === 'file' || extOf(kindWords[head]) || has(head))) return undefined;
  // "the app log" is app.log rather than app-2023.log.gz: the name the words cover more of.
  const base = (lower.split('/').pop() ?? '').split(/[._\s-]+|(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])/).filter(Boolean);
  return { score, covered: base.filter((t) => used.has(t) || isExtension(t)).length / Math.max(1, base.length) };
}

const isExtension = (t: string) => archiveExt.test(`.${t}`) || Object.values(kinds).some((exts) => exts.includes(t));

const description = /\b(?:the|my|our|this|that|your)\s+((?:[a-z0-9][\w-]*\s+){0,3})(archive|backup|tarball|sheet|spreadsheet|logfile|log|config|conf|configuration|settings|script|document|file)\b(?![-.\w/])/gi;

/** The files of the workspace a description fits best: one when it is clear, several when they fit equally, none when nothing fits. */
export function filesDescribed(words: readonly string[], files: Iterable<string>): string[] {
  const head = words[words.length - 1];
  const fits: [string, { score: number; covered: number }][] = [];
  for (const f of files) {
    const how = fit(f, words, head);
    if (how) fits.push([f, how]);
  }
  if (fits.length === 0) return [];
  const best = (a: { score: number; covered: number }, b: { score: number; covered: number }) => b.score - a.score || b.covered - a.covered;
  fits.sort((a, b) => best(a[1], b[1]));
  return fits.filter(([, how]) => best(how, fits[0][1]) === 0).map(([f]) => f);
}

/** "the site backup", "the 2023 log archive": a file described by words of its path and its kind. */
export function readDescribedFiles(r: Reading): void {
  const { text, ws, facts, isUsed } = r;
  for (const m of text.matchAll(description)) {
    const start = m.index + m[0].indexOf(m[1] || m[2], m[0].search(/\s/));
    const words = [...m[1].toLowerCase().split(/\s+/).filter(Boolean), m[2].toLowerCase()];
    // "the old file", "the file": nothing in the words says which.
    if (isUsed(start) || words.some((w) => stopWords.has(w) && w !== 'file' && !qualifiers.has(w)) || !words.slice(0, -1).some((w) => !qualifiers.has(w))) continue;
    // "the last 5 lines of the log file": a count is no part of a name.
    if (words.some((w) => /^\d{1,3}$/.test(w))) continue;
    const found = filesDescribed(words, ws.files);
    if (found.length === 0) continue;
    const raw = text.slice(start, m.index + m[0].length);
    if (found.length > 1) {
      // Only words that name something (not kinds and qualifiers alone) make the request unclear rather than general.
      if (words.some((w) => !kindWords[w] && !qualifiers.has(w) && !kindExtensions[w])) facts.unclearFile ??= { raw, candidates: found.slice(0, 5) };
      continue;
    }
    const value = found[0];
    r.take(start, raw.length);
    const fact = { value, at: start, raw, described: true };
    facts.files.push(fact);
    facts.paths.push(fact);
    if (archiveExt.test(value)) facts.archives.push(fact);
  }
}

/** The request as knowledge is searched with: a file described in words adds its name, whose extension says which programs read it ("the 2023 log archive" is a .gz). */
export function searchedText(request: string, facts: Pick<RequestFacts, 'text' | 'files' | 'dirs' | 'paths' | 'ws'>): string {
  const names = facts.files.filter((f) => f.described).map((f) => f.value.split('/').pop());
  const searched = request === facts.text ? listOfTwo(request, facts) : request;
  return names.length > 0 ? `${searched} ${names.join(' ')}` : searched;
}

/**
 * "delete notes.txt, data.csv and app.log" is searched as "delete notes.txt
 * and data.csv": a run of names is a list however long, and its third and
 * later names would only pull retrieval toward what they are (csv, logs)
 * and away from the act. The slot filler still takes the whole run.
 */
function listOfTwo(request: string, facts: Pick<RequestFacts, 'files' | 'dirs' | 'paths' | 'ws'>): string {
  let out = request;
  for (const run of placeRuns(request, facts).filter((r) => r.length > 2).reverse()) {
    const second = run[1];
    const last = run[run.length - 1];
    out = `${out.slice(0, run[0].at + run[0].raw.length)} and ${out.slice(second.at, second.at + second.raw.length)}${out.slice(last.at + last.raw.length)}`;
  }
  return out;
}

/** "the conf file" described a file: the same words are no kind of file to look for. */
export function inDescription(facts: Pick<RequestFacts, 'files'>, at: number): boolean {
  return facts.files.some((f) => f.described && at >= f.at && at < f.at + f.raw.length);
}
