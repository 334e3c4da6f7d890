// Hands the facts read from a request to a template's typed slots, each fact
// used once, in the order the slots appear in the template, preferring the
// fact nearest a slot's cue words. Values come out already in the form the
// template's program expects (`+1M` for find, `-7` for -mtime, `*.py`).

import type { KnowledgeEntry, SlotSpec } from './corpus';
import { parseTemplate } from './corpus';
import type { Fact, RequestFacts } from './requestFacts';
import { namedKeys } from './jsonKeys';
import { excludedBefore } from './findTests';
import { keptAt } from './keptOut';
import { makesArchiveOf, packedFolders } from './packedFolders';
import { namedColumns } from './tableColumns';
import { stopWords } from './requestWords';
import { listedWith, quotedLists, takesSeveral, takesSources, WORD_SEPARATOR } from './namedList';
import { refsAsCommits } from './gitQuestions';
import { render } from './slotRender';
import { foldersAsked } from './runLeftOut';

export interface SlotValues {
  values: Record<string, string>;
  /** Slots filled from the request (not defaults). */
  filled: string[];
  /** Required slots with no value. */
  missing: string[];
  /** Values the request gives that no slot took ("the last 3 commits" for a template without a count). */
  unused: number;
}

// "the last commit", "the most common name": one of them ("first" and "oldest" say which end, not how many).
const singular = /\b(?:(?:the|its|my|your|our)\s+)?(?:very\s+)?(first|last|latest|newest|most recent|previous|biggest|largest|smallest|most common|most frequent|commonest|least common|rarest)\s+(?!(?:\w+s|first|last|one|to|in|of|on|by|and|or|at|with|from|for|then)\b)[a-z][\w-]*(?:\s+entry)?\b/;
// "which folder uses the most space": one folder, asked for in the singular.
const whichOne = /\bwhich\s+(?:one|(?!\w+s\b)[a-z][\w-]*)\b.{0,40}?\b(?:the\s+)?(most|least|biggest|largest|smallest|heaviest)\b/;
const countWords = /\b(top|first|last|biggest|largest|smallest|newest|oldest|latest|most|least|head|tail|recent)\b/;

/**
 * Where a path slot looks. "copy the tree under t1 to t2": a destination slot
 * also weighs the word after "to", existing or not; "unzip x.zip into out":
 * the place the act puts things goes first, and only to such a slot; "tar up
 * src as src.tar": the folder packed is what an archive's path slot takes.
 */
function placesFor(entry: Pick<KnowledgeEntry, 'template'>, spec: SlotSpec, pool: Fact[], facts: RequestFacts, free: (f: Fact) => boolean): Fact[] {
  if (spec.type !== 'path' && spec.type !== 'dir' && spec.type !== 'file') return pool;
  const destination = placeSaid(facts);
  if (spec.type !== 'file' && (spec.cues ?? []).some((c) => c === 'to' || c === 'into')) {
    return [...(destination && free(destination) ? [destination] : []), ...pool, ...facts.targets.filter((t) => free(t) && !pool.some((p) => overlaps(p, t)))];
  }
  const rest = destination && spec.type !== 'dir' ? pool.filter((f) => !overlaps(f, destination)) : pool;
  return spec.type !== 'file' && rest.length === 0 && makesArchiveOf(entry.template) ? packedFolders(facts).filter(free) : rest;
}

/** The place the request's act puts things ("into out"), as a fact. */
function placeSaid(facts: RequestFacts): Fact | undefined {
  const said = facts.destination;
  return said ? { value: said.value.replace(/(?<=.)\/+$/, ''), at: said.at, raw: said.value } : undefined;
}

/** `touch {name}`, `mkdir -p {name}`: the one slot of a program's last word, which takes every name of a run ("touch a.txt and b.txt"). */
function onlyName(entry: Pick<KnowledgeEntry, 'slots' | 'template'>, name: string): boolean {
  return entry.slots[name].type === 'name' && Object.keys(entry.slots).length === 1 && new RegExp(String.raw`^[\w-]+(?:\s+-[\w-]+)*\s+\{${name}\}$`).test(entry.template);
}

/** A place slot with no cue of its own in a template another slot of which takes the place said after "to" or "into". */
function copiedFrom(entry: Pick<KnowledgeEntry, 'slots'>, spec: SlotSpec): boolean {
  const toCue = (x: SlotSpec) => (x.cues ?? []).some((c) => c === 'to' || c === 'into');
  return placeKinds.has(spec.type) && !toCue(spec) && Object.values(entry.slots).some((x) => x !== spec && placeKinds.has(x.type) && toCue(x));
}

/**
 * The value of a slot that takes a whole run, or undefined: several quoted names in a row for the only slot of their kind
 * (not where another operand follows it: `split -l 1000 {file} {prefix}` reads one file), the sources of a copy, the one
 * name of `touch`; and "make new folders called reports, build and dist": the run of folders `mkdir` makes, names the
 * workspace does not have yet.
 */
function runValue(entry: Pick<KnowledgeEntry, 'template' | 'slots'>, name: string, pick: Fact, facts: RequestFacts, onlyPlace: boolean): [string, Fact[]] | undefined {
  const folders = onlyName(entry, name) && /^mkdir\b/.test(entry.template) ? foldersAsked(facts.text) : [];
  if (folders.length > 1 && folders.includes(pick.value)) return [folders.join(WORD_SEPARATOR), []];
  const several = ((onlyPlace && !new RegExp(String.raw`\{${name}\}\s+["']?\{`).test(entry.template)) || takesSources(entry.template, name) || onlyName(entry, name)) && takesSeveral(entry.template, name) ? listedWith(facts.text, pick, facts) : undefined;
  return several ? [several.map((f) => f.value).join(WORD_SEPARATOR), several] : undefined;
}

/** The numbers a count slot may take. */
function countPool(pool: Fact[], facts: RequestFacts): Fact[] {
  // "in one line each" is a format, not a count.
  const counts = pool.filter((f) => !/^\s*lines?\s+(?:each|per|apiece)\b/.test(facts.lower.slice(f.at + f.raw.length)));
  if (counts.length > 0) return counts;
  // "the last commit", "the newest file": one of them.
  const one = singular.exec(facts.lower) ?? whichOne.exec(facts.lower);
  // Only the adjective is taken, so the noun after it stays free for other slots ("first ERROR line").
  return one ? [{ value: '1', at: one.index + one[0].indexOf(one[1]), raw: one[1], amount: 1 }] : [];
}

/** The slot `name` of `template` is the name of a shell variable a builtin reads or sets. */
function namesAVariable(template: string, name: string): boolean {
  return new RegExp(String.raw`(?:^|[;&|(]\s*)(?:read|unset|export|declare|local|readonly|typeset)\b[^;&|]*\{${name}\}`).test(template);
}

/** "list the .ts files" against "find .c or .h files": a second name nobody gave is no default to fill in. */
function unsaidNames(entry: Pick<KnowledgeEntry, 'slots'>, filled: string[], missing: string[]): string[] {
  const globs = Object.keys(entry.slots).filter((n) => entry.slots[n].type === 'glob');
  return globs.length > 1 && globs.some((n) => filled.includes(n)) ? globs.filter((n) => !filled.includes(n) && !missing.includes(n)) : [];
}

export function fillSlots(entry: Pick<KnowledgeEntry, 'template' | 'slots'>, facts: RequestFacts): SlotValues {
  const values: Record<string, string> = {};
  const filled: string[] = [];
  const missing: string[] = [];
  const usedAt = new Set<string>();
  const key = (f: Fact) => `${f.at}:${f.raw}`;
  // Specific kinds first, so a free-form slot (name, string) never takes the file a file slot needs;
  // slots of one kind keep their template order (cp SRC DEST).
  // Among slots of one kind, those whose cue words the request uses choose first ("from 2 to 40" fills start and end before step).
  const cued = (name: string) => ((entry.slots[name].cues ?? []).some((c) => new RegExp(`\\b${c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(facts.lower)) ? 0 : 1);
  const order = slotOrder(entry).sort((a, b) => priority(entry.slots[a].type) - priority(entry.slots[b].type) || cued(a) - cued(b));
  const sameTypeCount = new Map<string, number>();
  for (const name of order) sameTypeCount.set(entry.slots[name].type, (sameTypeCount.get(entry.slots[name].type) ?? 0) + 1);
  for (const name of order) {
    const spec = entry.slots[name];
    let pool = (comparesPlaces(entry, spec) ? [...facts.dirs] : candidates(spec, facts)).filter((f) => !usedAt.has(key(f)));
    // "show me the readme": a file named by its stem alone, when the request names no file.
    if (pool.length === 0 && spec.type === 'file' && facts.files.length === 0) pool = fileByStem(facts).filter((f) => !usedAt.has(key(f)));
    if (pool.length === 0 && (spec.default === undefined || spec.type === 'name') && ['path', 'dir', 'file', 'name', 'archive'].includes(spec.type)) {
      pool = facts.targets.filter((f) => !usedAt.has(key(f)));
    }
    // "copy it to backup": the place after "to" is the destination's, never what is copied.
    if (copiedFrom(entry, spec)) pool = pool.filter((f) => !/\b(?:to|into|onto)\s+(?:the\s+|my\s+|our\s+)?$/.test(facts.lower.slice(0, f.at)));
    // "touch index.ts inside src", "create README.md in docs": a file the workspace does not have yet is the name to make.
    if (pool.length === 0 && spec.type === 'name' && makesNew.test(entry.template)) pool = facts.files.filter((f) => !usedAt.has(key(f)) && !facts.ws.files.has(f.value) && !facts.ws.dirs.has(f.value));
    pool = placesFor(entry, spec, pool, facts, (f) => !usedAt.has(key(f)));
    // "… into one file called all.txt": a file the workspace lacks, said after "called" or "named", is the name to make, not a file to read.
    if (spec.type === 'file' && />\s*\{\w+\}/.test(entry.template) && Object.values(entry.slots).some((x) => x.type === 'name')) pool = pool.filter((f) => facts.ws.files.has(f.value) || !/\b(?:called|named)\s+$/.test(facts.lower.slice(0, f.at)));
    // "is there a file called backup.tmp": a file name that does not exist is what to look for, not where to look.
    if (spec.type === 'path' && spec.default !== undefined && Object.values(entry.slots).some((x) => x.type === 'name' || x.type === 'glob')) {
      pool = pool.filter((f) => facts.ws.dirs.has(f.value) || (!facts.ws.files.has(f.value) && !/\.[A-Za-z0-9]{1,8}$/.test(f.value)));
    }
    if ((spec.type === 'file' || spec.type === 'path' || spec.type === 'dir') && pool.length > 1) {
      const exists = (f: Fact) => facts.ws.files.has(f.value) || facts.ws.dirs.has(f.value);
      pool = [...pool.filter(exists), ...pool.filter((f) => !exists(f))];
    }
    if (pool.length === 0 && spec.type === 'column') pool = namedColumns(facts).filter((f) => !usedAt.has(key(f)));
    // A key that the JSON file really has beats a name guessed from the words.
    if (spec.type === 'name' && /^jq\b/.test(entry.template)) {
      const known = namedKeys(facts).filter((f) => !usedAt.has(key(f)));
      if (known.length > 0) pool = known;
    }
    // `read -r -p … {name}`, `unset {name}`: a shell variable's name is a word, never the file or path the request names.
    if (spec.type === 'name' && namesAVariable(entry.template, name)) pool = pool.filter((f) => /^[A-Za-z_]\w*$/.test(f.value));
    if (spec.type === 'count') pool = countPool(pool, facts);
    const onlyPlace = placeKinds.has(spec.type) && order.filter((n) => placeKinds.has(entry.slots[n].type)).length === 1;
    if (pool.length === 0 && onlyPlace) pool = listedPlaces(facts, (f) => usedAt.has(key(f)));
    const pick = choose(pool, spec, facts, name, (sameTypeCount.get(spec.type) ?? 0) > 1);
    if (pick) {
      const value = render(spec, pick);
      if (value !== undefined) {
        const [run, several] = runValue(entry, name, pick, facts, onlyPlace) ?? [value, []];
        values[name] = run;
        filled.push(name);
        usedAt.add(key(pick));
        // The same words can name a path and a file; consume by position.
        for (const item of [pick, ...several]) for (const list of Object.values(facts)) if (Array.isArray(list)) for (const f of list as Fact[]) if (overlaps(f, item)) usedAt.add(key(f));
        continue;
      }
    }
    if (spec.default === undefined) missing.push(name);
  }
  missing.push(...unsaidNames(entry, filled, missing));
  placeInFolder(entry, values, facts, usedAt, key);
  for (const settle of [nameArchiveAfterSource, renameInPlace]) settle(entry, values);
  extensionOfTheNamedFile(entry, values, filled, missing, facts.lower);
  const picked = [...usedAt];
  const taken = (f: Fact) => picked.some((k) => {
    const [at, ...raw] = k.split(':');
    const other = { at: Number(at), raw: raw.join(':') } as Fact;
    return overlaps(f, other);
  });
  let unused = 0;
  // Quoted text and words in capitals are plainly what to look for: a template that drops one misses the point.
  // ... and so is a kind of file ("the json files").
  for (const f of salient(facts)) if (!taken(f)) unused += f.quoted || /^[A-Z][A-Z0-9_]+$/.test(f.value) || facts.globs.includes(f) ? 2 : 1;
  return { values, filled, missing, unused };
}

/** A workspace file whose name without extension is a word of the request ("the readme", "the makefile"). */
function fileByStem(facts: RequestFacts): Fact[] {
  const out: Fact[] = [];
  for (const m of facts.lower.matchAll(/(?<![\w./-])([a-z][\w-]{2,})(?![\w./-])/g)) {
    const file = facts.ws.byStem?.get(m[1]);
    // "copy c and a to archive" with a copy.txt and an and.txt: the order's own verb, and a stop word, name no file.
    const order = /^\s*(?:(?:please|can you|could you|would you|now|then|just|i want to|i'd like to|let's)\s+)*$/.test(facts.lower.slice(0, m.index)) && /\s\S/.test(facts.lower.slice(m.index + m[1].length));
    if (file && !stopWordsForStem.has(m[1]) && !stopWords.has(m[1]) && !order) out.push({ value: file, at: m.index, raw: m[1] });
  }
  return out;
}
const stopWordsForStem = new Set(['file', 'files', 'show', 'list', 'print', 'find', 'count', 'lines', 'last', 'first', 'data', 'log', 'logs']);

// A template that only makes the one thing its slot names, and words that place a thing rather than name it.
const makesNew = /^(?:touch|mkdir(?: -p)?)\s+\{\w+\}$/;
const placeWords = /^(?:in|inside|under|within|into|at|of|for|with|on)$/;

/** "create an empty file named .keep in logs", "create a directory in src called x": a new name goes inside the folder the request names for it. */
function placeInFolder(entry: Pick<KnowledgeEntry, 'template' | 'slots'>, values: Record<string, string>, facts: RequestFacts, usedAt: Set<string>, key: (f: Fact) => string): void {
  const slot = /^(?:touch|mkdir(?: -p)?)\s+\{(\w+)\}/.exec(entry.template)?.[1];
  const value = slot ? values[slot] : undefined;
  if (!slot || !value || Object.entries(entry.slots).some(([n, x]) => n !== slot && (x.type === 'dir' || x.type === 'path'))) return;
  // "add a folder to src named utils": what is added to a folder is made in it ("next to src" is beside it).
  const placed = (d: Fact) => d.value !== '.' && /\b(?:in|inside|under|within|into|(?<!\b(?:next|close|similar|up|due|according)\s)to)\s+(?:the\s+|my\s+)?$/.test(facts.lower.slice(0, d.at));
  // The folder itself took the slot: the new thing is the name said after "called" or "named".
  const folder = facts.dirs.find((d) => d.value === value && placed(d));
  const usable = (t: Fact) => !usedAt.has(key(t)) && t.value !== value && /^[\w.@+-]+$/.test(t.value) && !placeWords.test(t.value);
  const fresh = (t: Fact) => usable(t) && !facts.ws.files.has(t.value) && !facts.ws.dirs.has(t.value);
  // ... said after "called", "named" or the kind of thing, or a file name the workspace does not have yet ("an empty README.md").
  const said = (t: Fact) => /\b(?:called|named|(?:sub)?(?:folder|director(?:y|ies)|dir)|file)\s+$/.test(facts.lower.slice(0, t.at));
  const name = folder && ([...facts.targets, ...facts.names, ...facts.files].find((t) => usable(t) && said(t)) ?? facts.files.find(fresh));
  if (folder && name) {
    values[slot] = `${folder.value}/${name.value}`;
    usedAt.add(key(name));
    return;
  }
  if (value.includes('/')) return;
  const dir = facts.dirs.find((d) => !usedAt.has(key(d)) && facts.ws.dirs.has(d.value) && placed(d));
  if (dir) values[slot] = `${dir.value}/${value}`;
}

/** "zip the docs folder": an archive nobody named is named after what goes in it (docs.zip), not archive.zip. */
function nameArchiveAfterSource(entry: Pick<KnowledgeEntry, 'template' | 'slots'>, values: Record<string, string>): void {
  const slot = Object.keys(entry.slots).find((n) => entry.slots[n].type === 'archive' && values[n] === undefined && typeof entry.slots[n].default === 'string');
  const ext = slot ? /\.(?:tar\.gz|tar\.bz2|tar\.xz|tar\.zst|zip|tar|tgz|7z)$/.exec(String(entry.slots[slot].default))?.[0] : undefined;
  const source = Object.keys(entry.slots).filter((n) => ['path', 'dir'].includes(entry.slots[n].type)).map((n) => values[n]).find((v) => v !== undefined);
  const base = source?.replace(/^'|'$/g, '').replace(/\/+$/, '').split('/').pop();
  if (!slot || !ext || !base || !/^[\w.-]+$/.test(base) || base === '.' || base === '..') return;
  values[slot] = `${base.replace(/^\.+/, '')}${ext}`;
}

/** "rename main.ts to index.ts" when main.ts is src/main.ts: the new name stays in src. */
function renameInPlace(entry: Pick<KnowledgeEntry, 'template' | 'slots'>, values: Record<string, string>): void {
  const m = /^mv(?: -\w+)* \{(\w+)\} \{(\w+)\}$/.exec(entry.template);
  if (!m || entry.slots[m[2]]?.type !== 'name') return;
  const source = values[m[1]]?.replace(/^'|'$/g, '');
  const target = values[m[2]];
  if (!source?.includes('/') || !target || /[/']/.test(target)) return;
  values[m[2]] = `${source.slice(0, source.lastIndexOf('/'))}/${target}`;
}

/** "report.csv without its extension": the extension nobody spelled out is the one the named file has. */
function extensionOfTheNamedFile(entry: Pick<KnowledgeEntry, 'template' | 'slots'>, values: Record<string, string>, filled: string[], missing: string[], lower: string): void {
  // Only when the request speaks of an extension: "the file name of X" keeps it.
  const slot = /\b(?:extensions?|suffix(?:es)?)\b/.test(lower) ? missing.find((n) => entry.slots[n].type === 'ext') : undefined;
  const named = Object.keys(entry.slots).filter((n) => ['path', 'file'].includes(entry.slots[n].type)).map((n) => values[n]).find((v) => v !== undefined);
  const ext = named ? /\.([A-Za-z0-9]{1,8})'?$/.exec(named)?.[1] : undefined;
  if (!slot || !ext) return;
  values[slot] = ext;
  filled.push(slot);
  missing.splice(missing.indexOf(slot), 1);
}

/** The values in a request that a good template should use. */
function salient(facts: RequestFacts): Fact[] {
  const out: Fact[] = [...facts.sizes, ...facts.durations, ...facts.quoted, ...facts.globs, ...facts.columns, ...facts.urls, ...facts.authors];
  for (const d of facts.dates) if (!out.some((o) => overlaps(o, d))) out.push(d);
  // Words in capitals and addresses are what the person wants searched for.
  for (const p of facts.patterns) if (/^[A-Z][A-Z0-9_]+$|^\d{1,3}(\.\d{1,3}){3}$/.test(p.value) && !out.some((o) => overlaps(o, p))) out.push(p);
  for (const f of [...facts.files, ...facts.dirs.filter((d) => d.value !== '.' && d.value !== '~')]) if (!out.some((o) => overlaps(o, f))) out.push(f);
  for (const n of facts.numbers) if (!out.some((o) => overlaps(o, n))) out.push(n);
  return out;
}

const placeKinds = new Set(['file', 'dir', 'path']);

/** "of "webapps", "temp" and "logs"": names listed in quotes are the places, existing or not (the first stands for the list). */
function listedPlaces(facts: RequestFacts, used: (f: Fact) => boolean): Fact[] {
  const others = [...facts.hosts, ...facts.users];
  return quotedLists(facts.text).find((l) => l.every((f) => !used(f) && !others.some((x) => overlaps(x, f))))?.slice(0, 1) ?? [];
}

function overlaps(a: Fact, b: Fact): boolean {
  return a.at < b.at + b.raw.length && b.at < a.at + a.raw.length;
}

/** "the files in a that are not in b": in a comparison the place "not in" names is the other side compared, not a place left out. */
function comparesPlaces(entry: Pick<KnowledgeEntry, 'template'>, spec: SlotSpec): boolean {
  return spec.type === 'dir' && /^(?:comm|diff|cmp)\b/.test(entry.template);
}

const countsProcesses = /^\s+(?:[\w%-]+\s+){0,2}?(?:processes|procs|tasks|programs)\b/;

/** Slot names in the order their placeholders first appear. */
const order: SlotSpec['type'][] = ['url', 'archive', 'file', 'dir', 'path', 'glob', 'ext', 'size', 'duration', 'date', 'column', 'port', 'pid', 'mode', 'signal', 'host', 'author', 'user', 'commit', 'branch', 'count', 'number', 'pattern', 'string', 'name'];
function priority(type: SlotSpec['type']): number {
  return order.indexOf(type);
}

export function slotOrder(entry: Pick<KnowledgeEntry, 'template' | 'slots'>): string[] {
  const names = new Set(Object.keys(entry.slots));
  const seen: string[] = [];
  for (const p of parseTemplate(entry.template, names).parts) if (p.slot && !seen.includes(p.slot)) seen.push(p.slot);
  for (const n of names) if (!seen.includes(n)) seen.push(n);
  // Destinations come last in a template (cp SRC DEST) and last in words too; same order works.
  return seen;
}

/** "the .js files that aren't in the lib folder": a place left out is not where to look. */
// ... and so is a name the request keeps ("every file in src save main.ts").
const leftOut = (f: RequestFacts, p: Fact) => excludedBefore.test(f.lower.slice(Math.max(0, p.at - 40), p.at)) || keptAt(f.kept, p.at);

function candidates(spec: SlotSpec, f: RequestFacts): Fact[] {
  switch (spec.type) {
    case 'path': return f.paths.filter((p) => !leftOut(f, p));
    // A file kept out of a change ("every file in src save main.ts") is none to act on; "the lines not in b.txt" reads b.txt.
    case 'file': return f.files.length > 0 ? f.files.filter((p) => !keptAt(f.kept, p.at)) : f.paths.filter((p) => p.quoted && !keptAt(f.kept, p.at));
    case 'dir': return f.dirs.filter((p) => !leftOut(f, p));
    // ... or a name written with a wildcard ("that matches "*cache.html"").
    case 'glob': return (f.globs.length > 0 ? f.globs : f.names.filter((n) => /[*?]/.test(n.value) && !n.value.includes('/'))).filter((p) => !keptAt(f.kept, p.at));
    case 'ext': return f.exts;
    case 'number': return [...f.numbers, ...quotedNumbers(f)].sort((a, b) => a.at - b.at);
    case 'count': return f.numbers;
    case 'size': return f.sizes;
    case 'duration': return f.durations;
    case 'pattern': return f.patterns;
    case 'string': return f.strings.length > 0 ? f.strings : f.patterns;
    case 'column': return f.columns;
    case 'user': return f.users;
    case 'host': return f.hosts.length > 0 ? f.hosts : f.urls;
    case 'port': return f.ports.length > 0 ? f.ports : f.numbers.filter((n) => (n.amount ?? 0) >= 20);
    case 'url': return f.urls;
    case 'branch': return f.branches.length > 0 ? f.branches : f.names;
    case 'name': return f.names.length > 0 ? f.names : f.targets.length > 0 ? f.targets : [...f.files, ...f.dirs, ...f.patterns.filter((p) => /^[A-Z][A-Z0-9_]+$/.test(p.value))].sort((a, b) => b.at - a.at);
    case 'mode': return f.modes;
    case 'signal': return f.signals.length > 0 ? f.signals : f.numbers.filter((n) => (n.amount ?? 0) <= 64 && /\bsignal\b/.test(f.lower));
    // "the 5 busiest processes": a number before the processes counts them; it names none.
    case 'pid': return f.pids.length > 0 ? f.pids : f.numbers.filter((n) => (n.amount ?? 0) > 1 && !countsProcesses.test(f.lower.slice(n.at + n.raw.length, n.at + n.raw.length + 30)));
    case 'archive': return f.archives;
    case 'date': return f.dates.length > 0 ? f.dates : f.durations.filter((d) => d.unit !== undefined);
    case 'author': return f.authors;
    case 'commit': return f.commits.length > 0 ? f.commits : refsAsCommits(f);
  }
}

/** "from "001" to "100"": a whole number in quotes is still a number. */
function quotedNumbers(f: RequestFacts): Fact[] {
  return f.quoted.filter((q) => /^\d{1,9}$/.test(q.value)).map((q) => ({ ...q, amount: parseInt(q.value, 10) }));
}

/** A cue as the request may inflect it: "replace" is also "replacing" (not "replaced by", which says it the other way round); short cues ("to", "by") only as they are. */
function cueWord(cue: string): RegExp {
  const escaped = cue.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(/^[a-z]{5,}$/.test(cue) ? `\\b${escaped.replace(/e$/, '')}(?:e|es|ing|s)?\\b` : `\\b${escaped}\\b`, 'g');
}

function choose(pool: Fact[], spec: SlotSpec, facts: RequestFacts, name: string, shared: boolean): Fact | undefined {
  if (pool.length === 0) return undefined;
  const cues = [...(spec.cues ?? []), ...(shared ? [name] : [])].map((c) => c.toLowerCase());
  if (cues.length > 0) {
    let best: Fact | undefined;
    let bestDistance = Infinity;
    for (const f of pool) {
      for (const cue of cues) {
        for (const m of facts.lower.matchAll(cueWord(cue))) {
          // "$file" is a value, not the cue word file.
          if (facts.quoted.some((q) => m.index >= q.at && m.index < q.at + q.raw.length)) continue;
          // A cue comes before its value ("to 15", "per region"): a value before the cue is farther.
          const d = f.at >= m.index ? f.at - m.index : m.index - f.at + 20;
          // ... and of two as near, the one after the cue is its value.
          if ((d < bestDistance || (d === bestDistance && best !== undefined && best.at < m.index && f.at >= m.index)) && d < 30) {
            bestDistance = d;
            best = f;
          }
        }
      }
    }
    if (best) return best;
  }
  if (spec.type === 'count') {
    // "the 5 biggest", "last 20 lines": prefer a number next to a count word.
    const near = pool.find((f) => countWords.test(facts.lower.slice(Math.max(0, f.at - 12), f.at + f.raw.length + 14)));
    return near ?? (pool.length === 1 ? pool[0] : undefined);
  }
  return pool[0];
}
