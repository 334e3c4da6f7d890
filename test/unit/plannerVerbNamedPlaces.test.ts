// "what's in purge", "list the files in clean", "lst files in remove": a
// folder or file of the workspace named by a change verb, after a word of
// place, is that folder or file, and a request to look at it orders no
// delete. Wordings are built from parts and planned by the embedded planner
// in a real workspace; each plan is read by the real parser, and none may
// write or delete anything. A look planned with an act on the shell's
// history (`history -c`) is set aside too.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { stageMigrations } from '../../server/src/compose';
import { Planner } from '../../server/src/planner';
import { changeRules } from '../../server/src/planner/fallsShort';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest } from '../../server/src/planner/requestFacts';
import { createPolicyStage } from '../../server/src/policy';
import { describeCommand } from '../../server/src/policy/facts';
import { normaliseSettings } from '../../server/src/settings/settings';
import { openDatabase, type Db } from '../../server/src/store/database';

let dir: string;
let ws: string;
let db: Db;
let planner: Planner;
const FOLDERS = ['purge', 'clean', 'erase', 'drop', 'wipe', 'shred', 'remove'];
const layout = [...FOLDERS.map((d) => `${d}/a.txt`), 'kill.log', 'update.txt', 'readme.md'];

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-verb-named-'));
  ws = path.join(dir, 'ws');
  for (const f of layout) {
    fs.mkdirSync(path.dirname(path.join(ws, f)), { recursive: true });
    fs.writeFileSync(path.join(ws, f), 'x\n');
  }
  db = openDatabase(path.join(dir, 'p.db'), { migrations: stageMigrations });
  const settings = normaliseSettings({ 'planner.cacheTtlSeconds': 0 }).settings;
  planner = new Planner(db, settings, await createPolicyStage(db, settings));
});

after(() => {
  planner.dispose();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const LOOKS = ['files in D', 'lst files in D', "what's in D", 'whats inside D?', 'list the files in D', 'how many files are in D', 'show me what is in D', 'which files are under D', 'lsit the D directory'];

test('a look at a folder named by a change verb is planned with no write or delete', async () => {
  const wrong: string[] = [];
  let planned = 0;
  for (const d of FOLDERS) {
    for (const l of LOOKS) {
      const request = l.replace('D', d);
      const r = await planner.plan({ request, workspace: ws, planner: 'embedded' }, {});
      const c = r.abstained ? '' : (r.command ?? '');
      if (!c) continue;
      planned++;
      const f = describeCommand(c, { workspace: ws });
      const changed = f.commands.flatMap((x) => [...x.deletes, ...x.writes]).filter((p) => !/^\/dev\//.test(p.resolved ?? p.path));
      if (changed.length > 0 || /<\w+>|\bhistory -[cd]\b/.test(c)) wrong.push(`${request} => ${c}`);
    }
  }
  assert.ok(planned >= 20, `${planned} planned`);
  assert.deepEqual(wrong, []);
});

test('the verb-named folder is read as a place, a verb at the head is still an order', () => {
  const names = { files: new Set(layout), dirs: new Set(FOLDERS), byBase: new Map(layout.map((f) => [path.basename(f), f])), byStem: new Map([['kill', 'kill.log'], ['update', 'update.txt']]) };
  const acts = (text: string) => readIntent(readRequest(text, names)).actions;
  for (const d of FOLDERS) {
    assert.deepEqual(acts(`lst files in ${d}`), [], d);
    assert.deepEqual(acts(`what's in the ${d} folder`), [], d);
    assert.ok(acts(`delete the files in ${d}`).includes('delete'), d);
  }
  assert.deepEqual(acts('what is in kill.log'), []);
  // A verb that names nothing in the workspace is still read as one.
  assert.ok(acts('files in scrub, delete them').includes('delete') || acts('delete files in scrub').includes('delete'));
  assert.ok(changeRules.test('antiforensics.history'));
});
