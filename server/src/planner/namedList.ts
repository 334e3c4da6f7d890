// "change the owner of "webapps", "temp" and "logs"", "delete notes.txt and
// todo.md": several names given for one place in a command. The slot that
// takes one of them takes them all, as separate words.

import type { Fact, RequestFacts } from './requestFacts';

/** Separates the words of one slot value that holds several names; the filler quotes each word. */
export const WORD_SEPARATOR = '\u0000';

// Two or more quoted names joined by commas, "and" or "or".
const quotedName = String.raw`(?:"[^"\n]+"|'[^'\n]+'|\x60[^\x60\n]+\x60)`;
const joiner = String.raw`(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)`;
const list = new RegExp(`${quotedName}(?:${joiner}${quotedName})+`, 'g');

/** Every run of two or more quoted names in the text, each as its names. */
export function quotedLists(text: string): Fact[][] {
  const out: Fact[][] = [];
  for (const m of text.matchAll(list)) {
    const items: Fact[] = [];
    for (const q of m[0].matchAll(new RegExp(quotedName, 'g'))) items.push({ value: q[0].slice(1, -1).trim(), at: m.index + q.index, raw: q[0], quoted: true });
    // Names only: a quoted phrase is text, not a list of files.
    if (items.every((f) => f.value !== '' && !/\s/.test(f.value))) out.push(items);
  }
  return out;
}

/** The names of the quoted list that `pick` belongs to or, given the request's places, of the run of names it is in; undefined when none. */
export function listedWith(text: string, pick: Fact, facts?: Pick<RequestFacts, 'files' | 'dirs' | 'paths' | 'ws'>): Fact[] | undefined {
  return quotedLists(text).find((items) => pick.at >= items[0].at && pick.at < items[items.length - 1].at + items[items.length - 1].raw.length) ?? (facts ? namedRun(text, pick, facts) : undefined);
}

/** Between two names of a run: a comma, "and", "and also", "as well as", "plus" or "&", or a comma and one of them. */
export const RUN_JOINER = String.raw`(?:\s*,\s*(?:(?:and|plus)\s+(?:also\s+)?|as\s+well\s+as\s+)?|\s+(?:and(?:\s+also)?|as\s+well\s+as|plus)\s+|\s*&\s*)`;

/** Every run of two or more of NAMES (in order of where they are written) that only JOINER separates in TEXT. */
function runsAmong<T extends { at: number; end: number }>(text: string, names: T[], joiner = RUN_JOINER): T[][] {
  const between = new RegExp(`^${joiner}$`, 'i');
  const runs: T[][] = [];
  let run: T[] = [];
  names.forEach((w, i) => {
    if (i > 0 && between.test(text.slice(names[i - 1].end, w.at))) run.push(w);
    else {
      if (run.length > 1) runs.push(run);
      run = [w];
    }
  });
  if (run.length > 1) runs.push(run);
  return runs;
}

/**
 * "notes.txt and todo.md", "a.log, b.log and c.log": every run of two or more
 * unquoted names of files or folders among the request's places (in the
 * workspace, or with an extension), in order, as the slot filler reads them.
 */
export function placeRuns(text: string, facts: Pick<RequestFacts, 'files' | 'dirs' | 'paths' | 'ws'>): Fact[][] {
  const names = namedPlaces(facts).map((f) => ({ fact: f, at: f.at, end: f.at + f.raw.length }));
  return runsAmong(text, names).map((run) => run.map((n) => n.fact));
}

/** The places a request names by an unquoted name (of the workspace, or with an extension), once each, in order. */
export function namedPlaces(facts: Pick<RequestFacts, 'files' | 'dirs' | 'paths' | 'ws'>): Fact[] {
  const known = (f: Fact) => !f.quoted && (facts.ws.files.has(f.value) || facts.ws.dirs.has(f.value) || /\.[A-Za-z]\w{0,7}$/.test(f.value));
  const places = [...facts.files, ...facts.dirs, ...facts.paths].filter(known).sort((a, b) => a.at - b.at);
  return places.filter((f, i) => i === 0 || f.at !== places[i - 1].at);
}

/** The run of names among the request's places that `pick` is in. */
function namedRun(text: string, pick: Fact, facts: Pick<RequestFacts, 'files' | 'dirs' | 'paths' | 'ws'>): Fact[] | undefined {
  return placeRuns(text, facts).find((run) => run.some((f) => f.at === pick.at));
}

/** The sources of `cp SRC… DEST` and `mv SRC… DEST`: a slot that takes every name of a run before the place. */
export function takesSources(template: string, slot: string): boolean {
  return new RegExp(String.raw`^(?:cp|mv)(?:\s+-[\w-]+)*\s+\{${slot}\}\s+\{\w+\}\/?$`).test(template);
}

/** Whether a template's slot can take several words: not one a redirect reads or writes. */
export function takesSeveral(template: string, slot: string): boolean {
  return !new RegExp(`[<>]\\s*["']?\\{${slot}\\}`).test(template);
}

/** Words of a value that holds several names. */
export function wordsOf(value: string): string[] {
  return value.split(WORD_SEPARATOR);
}

type PlaceLists = Record<'paths' | 'dirs' | 'files' | 'targets', Fact[]>;

/** "directories "full", "path" and "to"": the names of one quoted list are places of the same kind as the one the words made a place. */
export function spreadOverLists(text: string, facts: PlaceLists): void {
  for (const items of quotedLists(text)) {
    for (const key of ['paths', 'dirs', 'files', 'targets'] as const) {
      const list = facts[key];
      if (!items.some((i) => list.some((f) => f.at === i.at))) continue;
      for (const i of items) if (!list.some((f) => f.at === i.at)) list.push(i);
      list.sort((a, b) => a.at - b.at);
    }
  }
}

// A name as written: quoted, or a word of name characters.
const nameWord = /"[^"\n]+"|'[^'\n]+'|\x60[^\x60\n]+\x60|[\w./@+~-]*\w[\w./@+-]*/g;
const joinerWords = /^(?:and|or|plus|also|as|well)$/i;

/** The names in `text`, in order, without quotes, with where each is written; a word is a name when `isName` says so. */
export function namesIn(text: string, isName: (name: string) => boolean): { value: string; at: number; end: number }[] {
  const words = [...text.matchAll(nameWord)].map((m) => ({ value: /^["'\x60]/.test(m[0]) ? m[0].slice(1, -1).trim() : m[0], at: m.index, end: m.index + m[0].length }));
  return words.filter((w) => w.value !== '' && !joinerWords.test(w.value) && isName(w.value));
}

/**
 * Every run of two or more names in `text` joined by `joiner` (RUN_JOINER
 * unless given), each as its names without quotes; a word is a name when
 * `isName` says so.
 */
export function namedRuns(text: string, isName: (name: string) => boolean, joiner = RUN_JOINER): string[][] {
  return runsAmong(text, namesIn(text, isName), joiner).map((run) => run.map((w) => w.value));
}
