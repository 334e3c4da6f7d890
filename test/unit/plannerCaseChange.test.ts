// A file printed in another case is asked for with a word for case ("upper
// case", "capitals", "caps", "lowercase"); "make sure the file todo.md
// exists" had been answered with `tr '[:lower:]' '[:upper:]' < todo.md`.
// Wordings and file names are built from parts and planned by the embedded
// planner in a real workspace.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { stageMigrations } from '../../server/src/compose';
import { Planner } from '../../server/src/planner';
import { createPolicyStage } from '../../server/src/policy';
import { normaliseSettings } from '../../server/src/settings/settings';
import { openDatabase, type Db } from '../../server/src/store/database';

let dir: string;
let ws: string;
let db: Db;
let planner: Planner;
const files = ['notes.txt', 'todo.md', 'data.csv', 'app.log'];

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-case-change-'));
  ws = path.join(dir, 'ws');
  fs.mkdirSync(ws, { recursive: true });
  for (const f of files) fs.writeFileSync(path.join(ws, f), 'Some Text\n');
  db = openDatabase(path.join(dir, 'p.db'), { migrations: stageMigrations });
  const settings = normaliseSettings({ 'planner.cacheTtlSeconds': 0 }).settings;
  planner = new Planner(db, settings, await createPolicyStage(db, settings));
});

after(() => {
  planner.dispose();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const caseChange = /\btr '\[:(?:upper|lower):\]'/;

async function plans(asks: string[]): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for (const ask of asks) {
    for (const f of files) {
      const request = ask.replace('{f}', f);
      const r = await planner.plan({ request, workspace: ws, planner: 'embedded' }, {});
      out.push([request, r.abstained ? '' : (r.command ?? '')]);
    }
  }
  return out;
}

test('a request with no word for case is never answered by a case change', async () => {
  const asks = ['make sure the file {f} exists', 'make sure {f} is there', 'make sure {f} is not empty', 'make a note of what is in {f}', 'make {f} easier to read', 'check that {f} exists'];
  const wrong = (await plans(asks)).filter(([, command]) => caseChange.test(command));
  assert.deepEqual(wrong, []);
});

test('a request with a word for case is answered by the case change it names', async () => {
  const upper = await plans(['convert {f} to uppercase', 'make {f} all caps', 'print {f} in capital letters']);
  const lower = await plans(['convert {f} to lowercase', 'make the text of {f} lower case']);
  const miss = [...upper.filter(([, c]) => !/tr '\[:lower:\]' '\[:upper:\]'/.test(c)), ...lower.filter(([, c]) => !/tr '\[:upper:\]' '\[:lower:\]'/.test(c))];
  assert.ok(miss.length <= 2, `${miss.length} of ${upper.length + lower.length}:\n${miss.map(([r, c]) => `${r} → ${c}`).join('\n')}`);
});
