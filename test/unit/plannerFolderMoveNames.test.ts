// "go to out and delete t.log": the rest of a request that first moves into a
// folder names files as they are seen from that folder. The plan deletes
// out/t.log, never out/out/t.log; a name held in two folders is one file once
// inside one of them. Wordings are built from parts and planned by the
// embedded planner in a real workspace; each plan is read by the real parser.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { stageMigrations } from '../../server/src/compose';
import { Planner } from '../../server/src/planner';
import { namesInside } from '../../server/src/planner/changeDirectory';
import { createPolicyStage } from '../../server/src/policy';
import { describeCommand } from '../../server/src/policy/facts';
import { normaliseSettings } from '../../server/src/settings/settings';
import { openDatabase, type Db } from '../../server/src/store/database';

let dir: string;
let ws: string;
let db: Db;
let planner: Planner;
const layout = ['out/t.log', 'out/r.txt', 'docs/r.txt', 'docs/notes.md', 'logs/app.log', 'logs/old/app.log', 'readme.md'];

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-folder-move-'));
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

const moves = ['go to D and', 'cd into D and', 'switch to D and', 'go to the D folder and', 'change to D then', 'enter D and', 'navigate to D and'];
const acts = ['delete F', 'remove F', 'delete the file F', 'rm F'];

test('after a move into a folder, a file is named from inside it', async () => {
  const wrong: string[] = [];
  let planned = 0;
  for (const [d, f] of [['out', 't.log'], ['out', 'r.txt'], ['docs', 'r.txt'], ['docs', 'notes.md'], ['logs', 'app.log']]) {
    for (const m of moves) {
      for (const a of acts) {
        const request = `${m.replace('D', d)} ${a.replace('F', f)}`;
        const r = await planner.plan({ request, workspace: ws, planner: 'embedded' }, {});
        if (r.abstained || !r.command) continue;
        planned++;
        const deleted = describeCommand(r.command, { workspace: ws }).commands.flatMap((c) => c.deletes.map((p) => path.posix.normalize(p.resolved)));
        if (deleted.length !== 1 || deleted[0] !== `${d}/${f}`) wrong.push(`"${request}" => ${r.command} (deletes ${deleted.join(', ') || 'nothing'})`);
      }
    }
  }
  assert.ok(planned >= 40, `${planned} planned`);
  assert.deepEqual(wrong, []);
});

test("the workspace's names as seen from a folder", () => {
  const names = {
    files: new Set(layout),
    dirs: new Set(['out', 'docs', 'logs', 'logs/old']),
    byBase: new Map([['r.txt', 'out/r.txt'], ['app.log', 'logs/app.log']]),
    sameBase: new Map([['r.txt', ['out/r.txt', 'docs/r.txt']]]),
  };
  const logs = namesInside(names, './logs/');
  assert.deepEqual([...logs.files].sort(), ['app.log', 'old/app.log']);
  assert.equal(logs.byBase.get('app.log'), 'app.log');
  assert.deepEqual(logs.sameBase?.get('app.log'), ['app.log', 'old/app.log']);
  assert.equal(namesInside(names, 'docs').sameBase?.get('r.txt'), undefined);
  for (const outside of ['..', '/srv/app', '~/src', '$HOME/src', 'out/../..']) assert.equal(namesInside(names, outside).files.size, 0, outside);
  assert.equal(namesInside(names, '.'), names);
});
