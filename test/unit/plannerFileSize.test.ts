// "how big is notes.txt": a question about the size of one named file is
// answered by a program that prints its size (ls with a long or size listing,
// du, stat, wc -c), never by one that prints its contents or counts its lines
// and words. Wordings and file names are built from parts and planned by the
// embedded planner in a real workspace.
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
const files = ['notes.txt', 'todo.md', 'report.pdf', 'data.csv', 'app.log'];

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-file-size-'));
  ws = path.join(dir, 'ws');
  fs.mkdirSync(path.join(ws, 'src'), { recursive: true });
  for (const f of files) fs.writeFileSync(path.join(ws, f), 'a line\n');
  db = openDatabase(path.join(dir, 'p.db'), { migrations: stageMigrations });
  const settings = normaliseSettings({ 'planner.cacheTtlSeconds': 0 }).settings;
  planner = new Planner(db, settings, await createPolicyStage(db, settings));
});

after(() => {
  planner.dispose();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const asks = ['how big is {f}', 'how large is {f}', 'what is the size of {f}', 'size of {f}', 'tell me how big {f} is', 'what size is {f}', 'check the file size of {f}'];
// A size, in any unit: a long or size listing, du, stat's size, a byte count.
const printsSize = (command: string, f: string) => command.includes(f) && /^(?:ls -\w*[lsS]\w*|du\b|stat\b|wc -c\b)/.test(command);

test('a question about the size of a named file is answered by a program that prints its size', async () => {
  const wrong: string[] = [];
  let n = 0;
  for (const ask of asks) {
    for (const f of files) {
      const request = ask.replace('{f}', f);
      const r = await planner.plan({ request, workspace: ws, planner: 'embedded' }, {});
      n++;
      if (r.abstained || !printsSize(r.command ?? '', f)) wrong.push(`${request} → ${r.abstained ? 'abstained' : r.command}`);
    }
  }
  assert.equal(n, asks.length * files.length);
  assert.ok(wrong.length <= 1, `${wrong.length} of ${n} wrong:\n${wrong.join('\n')}`);
});
