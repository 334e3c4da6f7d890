import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseShell } from '../../server/src/shell/parser';

// Checks the command knowledge files as data: every entry must be usable by
// the embedded planner (retrievable, fillable, parseable) before it ships.

const dir = path.join(__dirname, '..', '..', 'server', 'src', 'planner', 'knowledge');

// The field names and enumerations come from the one declaration of the format.
const schema = JSON.parse(fs.readFileSync(path.join(dir, '..', 'knowledge.schema.json'), 'utf8'));
const CATEGORIES: string[] = schema.definitions.entry.properties.category.enum;
const SLOT_TYPES: string[] = schema.definitions.slot.properties.type.enum;
const ENTRY_KEYS = Object.keys(schema.definitions.entry.properties);
const SLOT_KEYS = Object.keys(schema.definitions.slot.properties);

/** A value of each type, used where a slot has no default. */
const SAMPLE: Record<string, string> = {
  path: 'src/app', file: 'notes.txt', dir: 'build', glob: '*.log', ext: 'py', number: '3', count: '5', size: '+1M',
  duration: '+7', pattern: 'hello world', string: "it's here", column: '2', user: 'alice', host: 'example.com', port: '8080',
  url: 'https://example.com/a.tar.gz', branch: 'main', name: 'backup', mode: '755', signal: 'KILL', pid: '1234', archive: 'backup.tar.gz',
};

interface Slot { type: string; default?: string | number; format?: string; unit?: string; cues?: string[] }
interface Entry { id: string; intents: string[]; template: string; slots: Record<string, Slot>; utilities: string[]; explanation: string; category: string; examples?: unknown[] }

function load(): { file: string; entry: Entry }[] {
  const out: { file: string; entry: Entry }[] = [];
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const data: unknown = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
    assert.ok(Array.isArray(data), `${name} must hold a JSON array`);
    for (const entry of data as Entry[]) out.push({ file: name, entry });
  }
  return out;
}

type Quote = 'none' | 'single' | 'double';

/** Where each declared placeholder sits: bare, inside '...' or inside "...". */
function placeholders(template: string, slots: Record<string, Slot>): { name: string; start: number; end: number; quote: Quote }[] {
  const found: { name: string; start: number; end: number; quote: Quote }[] = [];
  let quote: Quote = 'none';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === '{') {
      const m = /^\{([a-z_][a-z0-9_]*)\}/.exec(template.slice(i));
      if (m && Object.hasOwn(slots, m[1])) {
        found.push({ name: m[1], start: i, end: i + m[0].length, quote });
        i += m[0].length - 1;
        continue;
      }
    }
    if (quote === 'single') {
      if (c === "'") quote = 'none';
    } else if (c === '\\') {
      i++;
    } else if (quote === 'double') {
      if (c === '"') quote = 'none';
    } else if (c === "'") {
      quote = 'single';
    } else if (c === '"') {
      quote = 'double';
    }
  }
  return found;
}

/** Fills the template the way FORMAT.md says the planner does. */
function fill(entry: Entry): string {
  let out = '';
  let last = 0;
  for (const p of placeholders(entry.template, entry.slots)) {
    const slot = entry.slots[p.name];
    const value = String(slot.default ?? SAMPLE[slot.type]);
    let text: string;
    if (p.quote === 'single') text = value.replace(/'/g, "'\\''");
    else if (value === '' || /^[A-Za-z0-9_./+\-=:,@%^]+$/.test(value)) text = value;
    else text = `'${value.replace(/'/g, "'\\''")}'`;
    out += entry.template.slice(last, p.start) + text;
    last = p.end;
  }
  return out + entry.template.slice(last);
}

const all = load();

test('the corpus holds at least 420 entries with unique ids', () => {
  assert.ok(all.length >= 420, `only ${all.length} entries`);
  const seen = new Map<string, string>();
  for (const { file, entry } of all) {
    assert.ok(!seen.has(entry.id), `${entry.id} in ${file} is also in ${seen.get(entry.id)}`);
    seen.set(entry.id, file);
  }
});

test('every category is covered by a fair number of entries', () => {
  const counts = new Map<string, number>();
  for (const { entry } of all) counts.set(entry.category, (counts.get(entry.category) ?? 0) + 1);
  for (const c of CATEGORIES) assert.ok((counts.get(c) ?? 0) >= 15, `category ${c} has ${counts.get(c) ?? 0} entries`);
});

test('every entry has the documented fields and nothing else', () => {
  for (const { file, entry } of all) {
    const where = `${file} ${entry.id}`;
    for (const k of Object.keys(entry)) assert.ok(ENTRY_KEYS.includes(k), `${where}: unknown field ${k}`);
    assert.match(entry.id, /^[a-z][a-z0-9_]*(\.[a-z0-9_-]+)+$/, where);
    assert.ok(CATEGORIES.includes(entry.category), `${where}: category ${entry.category}`);
    assert.equal(entry.id.split('.')[0], entry.category, `${where}: id prefix is not the category`);
    assert.equal(file, `${entry.category}.json`, `${where}: belongs in ${entry.category}.json`);
    assert.equal(typeof entry.explanation, 'string', where);
    assert.ok(entry.explanation.length > 0 && entry.explanation.length <= 200 && !entry.explanation.includes('\n'), `${where}: explanation`);
    assert.equal(typeof entry.template, 'string', where);
    assert.ok(entry.template.length <= 500 && !entry.template.includes('\n'), `${where}: template must be one line of at most 500 characters`);
  }
});

test('every entry has at least 3 distinct one-line intents', () => {
  for (const { entry } of all) {
    assert.ok(Array.isArray(entry.intents) && entry.intents.length >= 3, `${entry.id}: ${entry.intents?.length} intents`);
    const lower = entry.intents.map((i) => i.toLowerCase().trim());
    assert.equal(new Set(lower).size, lower.length, `${entry.id}: repeated intent`);
    for (const i of entry.intents) assert.ok(i.length >= 3 && i.length <= 200 && !i.includes('\n'), `${entry.id}: intent "${i}"`);
  }
});

test('every placeholder has a slot, every slot is used, none sits inside double quotes', () => {
  for (const { entry } of all) {
    assert.equal(typeof entry.slots, 'object', entry.id);
    const used = placeholders(entry.template, entry.slots);
    for (const name of Object.keys(entry.slots)) assert.ok(used.some((p) => p.name === name), `${entry.id}: slot ${name} is not in the template`);
    for (const p of used) assert.notEqual(p.quote, 'double', `${entry.id}: {${p.name}} is inside double quotes`);
    // A lowercase {word} that is not a slot is almost always a forgotten
    // declaration ({{end}} in a Go template, @{upstream} in git and %{http_code} in curl are not).
    for (const m of entry.template.matchAll(/(?<![{@$%])\{([a-z_][a-z0-9_]*)\}(?!\})/g)) {
      assert.ok(Object.hasOwn(entry.slots, m[1]), `${entry.id}: {${m[1]}} has no slot`);
    }
    for (const [name, slot] of Object.entries(entry.slots)) {
      for (const k of Object.keys(slot)) assert.ok(SLOT_KEYS.includes(k), `${entry.id}.${name}: unknown slot key ${k}`);
      assert.ok(SLOT_TYPES.includes(slot.type), `${entry.id}.${name}: type ${slot.type}`);
      if (slot.format !== undefined) assert.ok(slot.type === 'size' && ['find', 'human', 'bytes'].includes(slot.format), `${entry.id}.${name}: format`);
      if (slot.unit !== undefined) assert.ok(slot.type === 'duration' && ['days', 'minutes', 'seconds'].includes(slot.unit), `${entry.id}.${name}: unit`);
    }
  }
});

test('the utilities listed appear as words in the template', () => {
  for (const { entry } of all) {
    assert.ok(Array.isArray(entry.utilities) && entry.utilities.length > 0, `${entry.id}: no utilities`);
    for (const u of entry.utilities) {
      const escaped = u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      assert.match(entry.template, new RegExp(`(^|[^A-Za-z0-9_-])${escaped}($|[^A-Za-z0-9_-])`), `${entry.id}: ${u} is not in the template`);
    }
  }
});

test('every template, filled with defaults or sample values, parses as bash', () => {
  const failures: string[] = [];
  for (const { entry } of all) {
    const command = fill(entry);
    try {
      parseShell(command);
    } catch (err) {
      failures.push(`${entry.id}: ${command}\n  ${(err as Error).message}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('the checker itself rejects a broken template and a slot in double quotes', () => {
  const broken: Entry = { id: 'x.y', intents: [], template: "grep {pattern} 'unclosed", slots: { pattern: { type: 'pattern' } }, utilities: ['grep'], explanation: '', category: 'search' };
  assert.throws(() => parseShell(fill(broken)));
  const quoted = placeholders('echo "{name}" {name}', { name: { type: 'name' } });
  assert.deepEqual(quoted.map((p) => p.quote), ['double', 'none']);
  assert.equal(fill({ ...broken, template: "awk '{print {col}}' {file}", slots: { col: { type: 'column' }, file: { type: 'file', default: 'a b.txt' } } }), "awk '{print 2}' 'a b.txt'");
});
