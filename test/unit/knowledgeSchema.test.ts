// The knowledge files' JSON Schema (server/src/planner/knowledge.schema.json):
// every shipped file validates against it, each kind of mistake is refused by
// it, and it names the same slot types and categories as the planner's code.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { categories, slotTypes, validateEntries } from '../../server/src/planner/corpus';

const planner = path.join(import.meta.dirname, '..', '..', 'server', 'src', 'planner');
const schema = JSON.parse(fs.readFileSync(path.join(planner, 'knowledge.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);
const files = fs.readdirSync(path.join(planner, 'knowledge')).filter((n) => n.endsWith('.json')).sort();

const good = {
  id: 'files.biggest',
  intents: ['find the biggest files', 'largest files in a folder', 'what is taking up space'],
  template: "find {path} -type f -printf '%s\\t%p\\n' | sort -rn | head -n {count}",
  slots: { path: { type: 'path', default: '.' }, count: { type: 'count', default: 10 } },
  utilities: ['find', 'sort', 'head'],
  explanation: 'Lists the largest files under a folder, biggest first.',
  category: 'files',
};

test('there are knowledge files to check', () => {
  assert.ok(files.length >= 10, `found ${files.length}`);
});

for (const name of files) {
  test(`${name} validates against the schema`, () => {
    const data = JSON.parse(fs.readFileSync(path.join(planner, 'knowledge', name), 'utf8'));
    assert.ok(Array.isArray(data) && data.length > 0, `${name} holds no entries`);
    const ok = validate(data);
    assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 1));
  });
}

test('a well-formed entry passes the schema and the validator', () => {
  assert.ok(validate([good]), JSON.stringify(validate.errors));
  assert.deepEqual(validateEntries([good], 'x.json').problems, []);
});

test('each structural mistake is refused by the schema and by the validator alike', () => {
  const bad: Record<string, unknown>[] = [
    { ...good, intent: ['x'] },
    { ...good, id: 'Biggest' },
    { ...good, intents: ['one', 'two'] },
    { ...good, category: 'misc' },
    { ...good, template: 'ls\nrm -rf /' },
    { ...good, explanation: 'x'.repeat(201) },
    { ...good, utilities: [] },
    { ...good, slots: { ...good.slots, count: { type: 'amount' } } },
    { ...good, slots: { ...good.slots, count: { type: 'count', colour: 'red' } } },
    { ...good, slots: { ...good.slots, count: { type: 'count', format: 'human' } } },
    { ...good, slots: { ...good.slots, count: { type: 'count', unit: 'days' } } },
    { ...good, slots: { ...good.slots, Count: { type: 'count' } } },
    { ...good, examples: [{ request: 'x' }] },
    { ...Object.fromEntries(Object.entries(good).filter(([k]) => k !== 'utilities')) },
  ];
  for (const entry of bad) {
    assert.equal(validate([entry]), false, `the schema let through ${JSON.stringify(entry)}`);
    assert.notDeepEqual(validateEntries([entry], 'x.json').problems, [], `the validator let through ${JSON.stringify(entry)}`);
  }
});

test('the schema and the planner name the same slot types and categories', () => {
  assert.deepEqual(schema.definitions.slot.properties.type.enum, [...slotTypes]);
  assert.deepEqual(schema.definitions.entry.properties.category.enum, [...categories]);
});

test('editors are pointed at the schema for the knowledge files', () => {
  const settings = JSON.parse(fs.readFileSync(path.join(planner, '..', '..', '..', '.vscode', 'settings.json'), 'utf8'));
  const entry = settings['json.schemas'].find((s: { url: string }) => s.url.endsWith('knowledge.schema.json'));
  assert.ok(entry, 'no json.schemas entry for knowledge.schema.json');
  assert.ok(fs.existsSync(path.join(planner, '..', '..', '..', entry.url)));
});
