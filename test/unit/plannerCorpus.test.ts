import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { CorpusError, loadCorpus, validateEntries } from '../../server/src/planner/corpus';
import { readRequest } from '../../server/src/planner/requestFacts';
import { fillSlots } from '../../server/src/planner/slotFill';
import { parseBash } from '../../server/src/planner/shellSyntax';
import { fillTemplate } from '../../server/src/planner/templateFill';

const good = {
  id: 'files.biggest',
  intents: ['find the biggest files', 'largest files in a folder', 'what is taking up space'],
  template: "find {path} -type f -printf '%s\\t%p\\n' | sort -rn | head -n {count}",
  slots: { path: { type: 'path', default: '.' }, count: { type: 'count', default: 10 } },
  utilities: ['find', 'sort', 'head'],
  explanation: 'Lists the largest files under a folder, biggest first.',
  category: 'files',
};

function problems(entry: Record<string, unknown>): string[] {
  return validateEntries([entry], 'x.json').problems;
}

test('a well-formed entry passes', () => {
  const r = validateEntries([good], 'files.json');
  assert.deepEqual(r.problems, []);
  assert.equal(r.entries.length, 1);
});

test('each kind of mistake is reported with the file, the entry and the problem', () => {
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ ...good, intent: ['x'] }, /x\.json: entry "files\.biggest": unknown field "intent"/],
    [{ ...good, id: 'Biggest' }, /"id" must look like "category\.name"/],
    [{ ...good, intents: ['one', 'two'] }, /"intents" must be at least 3 distinct/],
    [{ ...good, intents: ['same one', 'Same one', 'other'] }, /"intents" must be at least 3 distinct/],
    [{ ...good, category: 'misc' }, /"category" must be one of/],
    [{ ...good, template: 'ls\nrm -rf /' }, /"template" must be one line/],
    [{ ...good, slots: { ...good.slots, depth: { type: 'number' } } }, /slot "depth" is declared but \{depth\} is not in the template/],
    [{ ...good, template: 'grep "{pattern}" .', slots: { pattern: { type: 'pattern' } }, utilities: ['grep'] }, /\{pattern\} is inside double quotes/],
    [{ ...good, slots: { path: { type: 'folder' }, count: { type: 'count' } } }, /slot "path": "type" must be one of/],
    [{ ...good, slots: { path: { type: 'path', format: 'find' }, count: { type: 'count' } } }, /"format" is only for size slots/],
    [{ ...good, slots: { path: { type: 'path', unit: 'days' }, count: { type: 'count' } } }, /"unit" is only for duration slots/],
    [{ ...good, slots: { path: { type: 'path', dflt: '.' }, count: { type: 'count' } } }, /unknown key "dflt"/],
    [{ ...good, utilities: ['find', 'awk'] }, /utility "awk" does not appear in the template/],
    [{ ...good, explanation: '' }, /"explanation" must be one line/],
    [{ ...good, examples: [{ request: 'x' }] }, /"examples" must be a list/],
  ];
  for (const [entry, expected] of cases) {
    const found = problems(entry);
    assert.ok(found.some((p) => expected.test(p)), `${expected} not in ${JSON.stringify(found)}`);
  }
  assert.match(validateEntries({}, 'obj.json').problems[0], /obj\.json: must be a JSON array/);
});

test('loading a folder: invalid JSON and duplicate ids across files are errors naming the file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-corpus-'));
  fs.writeFileSync(path.join(dir, 'a.json'), JSON.stringify([good]));
  fs.writeFileSync(path.join(dir, 'b.json'), JSON.stringify([good]));
  assert.throws(() => loadCorpus(dir), (err: unknown) => err instanceof CorpusError && /b\.json: entry "files\.biggest": the id is already used in a\.json/.test((err as Error).message));
  fs.writeFileSync(path.join(dir, 'b.json'), '[{');
  assert.throws(() => loadCorpus(dir), /b\.json: not valid JSON/);
  fs.rmSync(path.join(dir, 'b.json'));
  const once = loadCorpus(dir);
  assert.equal(once.entries.length, 1);
  assert.equal(loadCorpus(dir).hash, once.hash, 'the same content hashes the same');
  fs.writeFileSync(path.join(dir, 'a.json'), JSON.stringify([{ ...good, explanation: 'Changed.' }]));
  assert.notEqual(loadCorpus(dir).hash, once.hash);
  assert.throws(() => loadCorpus(path.join(dir, 'missing')), /Cannot read the command knowledge folder/);
});

const samples: Record<string, string> = {
  path: 'src', file: 'notes.txt', dir: 'src', glob: '*.py', ext: 'py', number: '3', count: '5', size: '+1M', duration: '+7', pattern: 'TODO x',
  string: "it's here", column: '2', user: 'alice', host: 'example.com', port: '8080', url: 'https://example.com/a.tgz', branch: 'main', name: 'backup',
  mode: '755', signal: 'TERM', pid: '1234', archive: 'backup.tar.gz',
};

test('the shipped knowledge loads, and every template filled with sample values parses as bash', async () => {
  const corpus = loadCorpus();
  assert.ok(corpus.entries.length >= 400, `${corpus.entries.length} entries`);
  const broken: string[] = [];
  for (const e of corpus.entries) {
    const values = Object.fromEntries(Object.entries(e.slots).map(([n, s]) => [n, samples[s.type]]));
    const { command } = fillTemplate(e, values);
    const parsed = await parseBash(command);
    if (!parsed.ok) broken.push(`${e.id}: ${command} (${parsed.error})`);
  }
  assert.deepEqual(broken, []);
});

test('each entry, asked in its own words, fills into a command that parses; examples come out as written', async () => {
  const corpus = loadCorpus();
  const wrong: string[] = [];
  let requests = 0;
  for (const e of corpus.entries) {
    const examples = (e.examples ?? []).map((x) => ({ request: x.request, expected: x.command as string | undefined }));
    for (const x of [...e.intents.map((request) => ({ request, expected: undefined as string | undefined })), ...examples]) {
      requests++;
      const command = fillTemplate(e, fillSlots(e, readRequest(x.request)).values).command;
      const parsed = await parseBash(command);
      if (!parsed.ok) wrong.push(`${e.id}: "${x.request}" gave ${command}, which does not parse: ${parsed.error}`);
      if (x.expected !== undefined && command !== x.expected) wrong.push(`${e.id}: "${x.request}" gave ${command}, expected ${x.expected}`);
    }
  }
  assert.ok(requests >= corpus.entries.length, `only ${requests} requests were checked for ${corpus.entries.length} entries`);
  assert.deepEqual(wrong, []);
});
