// Paladin's own command knowledge: the JSON files in ./knowledge, validated
// on load so that a typo in a data file is reported with the file, the entry
// and the problem instead of surfacing later as a strange plan.
// The format is documented in knowledge/FORMAT.md; its shape is declared once,
// in knowledge.schema.json (editors use it too), and this module reads the
// field names and patterns from it and adds what a schema cannot express.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import schema from './knowledge.schema.json';
import { WORDS_VERSION } from './embedder';

export const slotTypes = [
  'path', 'file', 'dir', 'glob', 'ext', 'number', 'count', 'size', 'duration', 'pattern', 'string', 'column',
  'user', 'host', 'port', 'url', 'branch', 'name', 'mode', 'signal', 'pid', 'archive', 'date', 'author', 'commit',
] as const;
export type SlotType = (typeof slotTypes)[number];

export const categories = [
  'files', 'search', 'text', 'archives', 'disk', 'processes', 'permissions', 'network', 'git', 'packages', 'containers', 'system', 'shell',
] as const;

export interface SlotSpec {
  type: SlotType;
  default?: string | number;
  format?: 'find' | 'human' | 'bytes';
  unit?: 'days' | 'minutes' | 'seconds';
  cues?: string[];
}

export interface KnowledgeEntry {
  id: string;
  intents: string[];
  template: string;
  slots: Record<string, SlotSpec>;
  utilities: string[];
  explanation: string;
  category: string;
  examples?: { request: string; command: string }[];
}

export interface Corpus {
  entries: KnowledgeEntry[];
  byId: Map<string, KnowledgeEntry>;
  /** SHA-256 over the files' contents: the store reloads only when it changes. */
  hash: string;
  files: string[];
  /** Entries left out because they are malformed (only when not strict). */
  problems: string[];
}

export class CorpusError extends Error {
  override name = 'CorpusError';
}

const entryKeys = new Set(Object.keys(schema.definitions.entry.properties));
const slotKeys = new Set(Object.keys(schema.definitions.slot.properties));
const idPattern = new RegExp(schema.definitions.entry.properties.id.pattern);
const slotNamePattern = new RegExp(schema.definitions.entry.properties.slots.propertyNames.pattern);

/** Where the knowledge files are: next to this module in the sources, `dist/knowledge` when bundled. */
export function defaultKnowledgeDir(): string {
  const candidates = [path.join(__dirname, 'knowledge'), path.join(__dirname, '..', 'server', 'src', 'planner', 'knowledge')];
  return candidates.find((dir) => fs.existsSync(dir)) ?? candidates[0];
}

/**
 * Load and validate every knowledge file. Strict (tests, tooling): any
 * problem is an error. Not strict (the running planner): a malformed entry
 * is left out and reported in `problems`, so one bad entry never stops
 * planning; an unreadable folder is always an error.
 */
export function loadCorpus(dir: string = defaultKnowledgeDir(), options: { strict?: boolean } = {}): Corpus {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    throw new CorpusError(`Cannot read the command knowledge folder ${dir}: ${(err as Error).message}. Reinstall Paladin or rebuild it (node esbuild.mjs).`);
  }
  // The way texts become words is part of what is indexed: a change to it loads the corpus again.
  const hash = createHash('sha256').update(`words-v${WORDS_VERSION}\0`);
  const entries: KnowledgeEntry[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    hash.update(name).update('\0').update(text).update('\0');
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      problems.push(`${name}: not valid JSON: ${(err as Error).message}`);
      continue;
    }
    const result = validateEntries(data, name);
    problems.push(...result.problems);
    for (const entry of result.entries) {
      const other = seen.get(entry.id);
      if (other) {
        problems.push(`${name}: entry "${entry.id}": the id is already used in ${other}`);
        continue;
      }
      seen.set(entry.id, name);
      entries.push(entry);
    }
  }
  if (problems.length > 0 && options.strict !== false) {
    const shown = problems.slice(0, 20).join('\n  ');
    throw new CorpusError(`The command knowledge in ${dir} has ${problems.length} problem(s):\n  ${shown}${problems.length > 20 ? '\n  ...' : ''}`);
  }
  if (entries.length === 0) throw new CorpusError(`The command knowledge folder ${dir} holds no valid entries${problems.length ? `:\n  ${problems.slice(0, 5).join('\n  ')}` : ''}.`);
  return { entries, byId: new Map(entries.map((e) => [e.id, e])), hash: hash.digest('hex'), files: names, problems };
}

/** Validate one file's parsed JSON. Returns the good entries and every problem found. */
export function validateEntries(data: unknown, file: string): { entries: KnowledgeEntry[]; problems: string[] } {
  const problems: string[] = [];
  const entries: KnowledgeEntry[] = [];
  if (!Array.isArray(data)) return { entries, problems: [`${file}: must be a JSON array of entries`] };
  data.forEach((raw, index) => {
    const where = `${file}: entry ${typeof (raw as KnowledgeEntry)?.id === 'string' ? `"${(raw as KnowledgeEntry).id}"` : `#${index + 1}`}`;
    const before = problems.length;
    const say = (problem: string) => problems.push(`${where}: ${problem}`);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      say('must be an object');
      return;
    }
    const e = raw as Record<string, unknown>;
    for (const key of Object.keys(e)) if (!entryKeys.has(key)) say(`unknown field "${key}" (fields: ${[...entryKeys].join(', ')})`);
    if (typeof e.id !== 'string' || !idPattern.test(e.id)) say('"id" must look like "category.name" (lowercase letters, digits, _ and -)');
    if (!isStringList(e.intents, 3, 200, 2) || new Set((e.intents as string[]).map((s) => s.trim().toLowerCase())).size !== (e.intents as string[]).length) {
      say('"intents" must be at least 3 distinct one-line strings of 2-200 characters');
    }
    if (typeof e.explanation !== 'string' || !oneLine(e.explanation, 3, 200)) say('"explanation" must be one line of 3-200 characters');
    if (typeof e.category !== 'string' || !(categories as readonly string[]).includes(e.category)) say(`"category" must be one of ${categories.join(', ')}`);
    const slots = validateSlots(e.slots, say);
    if (typeof e.template !== 'string' || !oneLine(e.template, 1, 500)) {
      say('"template" must be one line of bash of at most 500 characters');
    } else if (slots) {
      for (const problem of templateProblems(e.template, slots)) say(problem);
    }
    if (!isStringList(e.utilities, 1, 64)) {
      say('"utilities" must be a non-empty list of program names');
    } else if (typeof e.template === 'string') {
      for (const u of e.utilities as string[]) if (!new RegExp(`(^|[^A-Za-z0-9_.-])${escapeRegExp(u)}($|[^A-Za-z0-9_-])`).test(e.template)) say(`utility "${u}" does not appear in the template`);
    }
    if (e.examples !== undefined) {
      const ok = Array.isArray(e.examples) && e.examples.every((x) => typeof x === 'object' && x !== null && typeof x.request === 'string' && typeof x.command === 'string' && Object.keys(x).length === 2);
      if (!ok) say('"examples" must be a list of { "request": "...", "command": "..." }');
    }
    if (problems.length === before) entries.push(e as unknown as KnowledgeEntry);
  });
  return { entries, problems };
}

function validateSlots(raw: unknown, say: (p: string) => void): Record<string, SlotSpec> | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    say('"slots" must be an object of slot name → { "type": ... } (use {} for none)');
    return undefined;
  }
  let ok = true;
  for (const [name, spec] of Object.entries(raw as Record<string, unknown>)) {
    const bad = (problem: string) => {
      ok = false;
      say(`slot "${name}": ${problem}`);
    };
    if (!slotNamePattern.test(name)) bad('the name must start with a lowercase letter and hold only letters, digits and _');
    if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
      bad('must be an object like { "type": "path" }');
      continue;
    }
    const s = spec as Record<string, unknown>;
    for (const key of Object.keys(s)) if (!slotKeys.has(key)) bad(`unknown key "${key}" (keys: ${[...slotKeys].join(', ')})`);
    if (typeof s.type !== 'string' || !(slotTypes as readonly string[]).includes(s.type)) bad(`"type" must be one of ${slotTypes.join(', ')}`);
    if (s.default !== undefined && typeof s.default !== 'string' && typeof s.default !== 'number') bad('"default" must be a string or a number');
    if (s.format !== undefined && (s.type !== 'size' || !['find', 'human', 'bytes'].includes(s.format as string))) bad('"format" is only for size slots: find, human or bytes');
    if (s.unit !== undefined && (s.type !== 'duration' || !['days', 'minutes', 'seconds'].includes(s.unit as string))) bad('"unit" is only for duration slots: days, minutes or seconds');
    if (s.cues !== undefined && !isStringList(s.cues, 1, 40)) bad('"cues" must be a list of words');
  }
  return ok ? (raw as Record<string, SlotSpec>) : undefined;
}

/** Slot types whose values never need quoting, so they may sit inside an awk/sed program. */
export const bareSafeTypes: ReadonlySet<SlotType> = new Set(['number', 'count', 'column', 'port', 'pid', 'size', 'duration', 'mode', 'signal']);

export interface TemplatePart {
  literal?: string;
  slot?: string;
  /** The quoting context the placeholder sits in. */
  quote?: 'none' | 'single';
}

/** Split a template into literal text and placeholders of declared slots, tracking shell quoting. */
export function parseTemplate(template: string, slotNames: ReadonlySet<string>): { parts: TemplatePart[]; inDouble: string[] } {
  const parts: TemplatePart[] = [];
  const inDouble: string[] = [];
  let quote: 'none' | 'single' | 'double' = 'none';
  let literal = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === '{') {
      const m = /^\{([a-z][a-zA-Z0-9_]*)\}/.exec(template.slice(i));
      if (m && slotNames.has(m[1])) {
        if (literal) parts.push({ literal });
        literal = '';
        if (quote === 'double') inDouble.push(m[1]);
        parts.push({ slot: m[1], quote: quote === 'single' ? 'single' : 'none' });
        i += m[0].length - 1;
        continue;
      }
    }
    literal += c;
    if (quote === 'none') {
      if (c === '\\' && i + 1 < template.length) literal += template[++i];
      else if (c === "'") quote = 'single';
      else if (c === '"') quote = 'double';
    } else if (quote === 'single') {
      if (c === "'") quote = 'none';
    } else if (c === '\\' && i + 1 < template.length) literal += template[++i];
    else if (c === '"') quote = 'none';
  }
  if (literal) parts.push({ literal });
  return { parts, inDouble };
}

function templateProblems(template: string, slots: Record<string, SlotSpec>): string[] {
  const problems: string[] = [];
  const names = new Set(Object.keys(slots));
  const { parts, inDouble } = parseTemplate(template, names);
  const used = new Set(parts.filter((p) => p.slot).map((p) => p.slot));
  for (const name of names) if (!used.has(name)) problems.push(`slot "${name}" is declared but {${name}} is not in the template`);
  for (const name of inDouble) problems.push(`placeholder {${name}} is inside double quotes; remove the quotes (the filler quotes values itself)`);
  return problems;
}

function isStringList(v: unknown, min: number, maxLen: number, minLen = 1): boolean {
  return Array.isArray(v) && v.length >= min && v.every((s) => typeof s === 'string' && oneLine(s, minLen, maxLen));
}

function oneLine(s: string, min: number, max: number): boolean {
  return s.trim().length >= min && s.length <= max && !/[\r\n]/.test(s);
}

/** `s` as a regular expression matching it literally. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
