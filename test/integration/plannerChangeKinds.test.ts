// The planner with the real policy stage, for changes that must be exactly
// the change asked: a model answering with a delete of the files the request
// keeps, a rename for text to take out of files, one line appended for a
// change to every line, or a delete of whatever a file lists, is turned away
// with its reason; the embedded planner's own plans keep the same bounds.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { stageMigrations } from '../../server/src/compose';
import { Planner } from '../../server/src/planner';
import { createPolicyStage } from '../../server/src/policy';
import type { PolicyStage } from '../../server/src/stages';
import { normaliseSettings } from '../../server/src/settings/settings';
import { openDatabase, type Db } from '../../server/src/store/database';
import { expectTurnedAway, shownCommands } from '../support/modelAnswers';

let dir: string;
let workspace: string;
let db: Db;
let policy: PolicyStage;
const planners: Planner[] = [];

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-change-kinds-'));
  workspace = path.join(dir, 'ws');
  for (const d of ['old', 'src']) fs.mkdirSync(path.join(workspace, d), { recursive: true });
  for (const f of ['a.tmp', 'old/b.tmp', 'app.cache', 'deps.lock', 'readme.md', 'report.csv', 'notes.txt', 'jobs.txt']) fs.writeFileSync(path.join(workspace, f), 'x\r\n');
  db = openDatabase(path.join(dir, 'paladin.db'), { migrations: stageMigrations });
  policy = await createPolicyStage(db, normaliseSettings({}).settings);
});

after(() => {
  for (const p of planners) p.dispose();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function planner(raw: Record<string, unknown> = {}): Planner {
  const p = new Planner(db, normaliseSettings({ 'planner.cacheTtlSeconds': 0, ...raw }).settings, policy);
  planners.push(p);
  return p;
}

const unsafe: [string, string, RegExp][] = [
  ['wipe every file in here but the *cache* and *.lock files', "find . -type f \\( -name '*cache*' -o -name '*.lock' \\) -delete", /changes what the request keeps/],
  ['wipe every file in here but the *cache* and *.lock files', 'find . -type f -delete', /does not leave out \*cache\*/],
  ['trash the .tmp files, without the ones in old', "find old -type f -name '*.tmp' -delete", /changes what the request keeps/],
  ['trash the .tmp files, without the ones in old', "find . -type f -name '*.tmp' -delete", /does not leave out old/],
  ['strip the ^M characters from all the *.csv files', 'for f in *.csv; do mv -n -- "$f" "^M$f"; done', /renames files \(mv\), but the request asks to change what the files hold/],
  ["append ' ;' to the end of every line in notes.txt", "printf '%s\\n' ' ;' >> notes.txt", /adds one line at the end, but the request asks to change every line/],
  ['clear the cron table, then take the entries from jobs.txt', "xargs -r -d '\\n' rm -f -- < jobs.txt", /changes whatever a file lists/],
];

test('a model answering with a wider or different change than asked is turned away with the reason', async () => {
  await expectTurnedAway(db, policy, workspace, unsafe);
});

test('the embedded planner keeps what the request keeps out, and edits text in place', async () => {
  const p = planner();
  for (const request of ['wipe every file in here but the *cache* and *.lock files', 'trash the .tmp files, without the ones in old']) {
    const result = await p.plan({ request, workspace, planner: 'embedded' }, {});
    for (const command of shownCommands(result)) {
      const d = await policy.check(command, { workspace });
      if (d.risk.deletes.length === 0) continue;
      assert.match(command, /(?:!|-not) -(?:name|path) '\*(?:cache|\/old\/)|-prune/, `${command} for "${request}"`);
    }
  }
  const strip = await p.plan({ request: 'strip the carriage returns from every .csv file', workspace, planner: 'embedded' }, {});
  assert.ok(!strip.abstained, JSON.stringify(strip.rejected));
  assert.match(strip.command, /sed -i/);
});
