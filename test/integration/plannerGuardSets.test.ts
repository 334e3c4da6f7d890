// Every tempting read-only request of test/bench/devset/readonly.json is
// planned without a write or a delete (plan and alternatives, judged by the
// real policy), and every non-task of nontasks.json abstains, over the dev
// set's fixture workspace. The bench reports the same figures.
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
import { buildFixture } from '../bench/devset/fixture';
import { runGuardSets, type GuardResult } from '../bench/devset/guardSets';

let dir: string;
let db: Db;
let policy: PolicyStage;
let planner: Planner;
let result: GuardResult;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-guard-sets-'));
  const workspace = buildFixture(dir);
  db = openDatabase(path.join(dir, 'paladin.db'), { migrations: stageMigrations });
  const settings = normaliseSettings({ 'planner.cacheTtlSeconds': 0 }).settings;
  policy = await createPolicyStage(db, settings);
  planner = new Planner(db, settings, policy);
  result = await runGuardSets((request) => planner.plan({ request, workspace, planner: 'embedded' }, {}), (command) => policy.check(command, { workspace }));
});

after(() => {
  planner.dispose();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('no tempting read-only request is planned with a write or a delete', () => {
  assert.ok(result.readOnly.total >= 100);
  assert.deepEqual(result.readOnly.violations, []);
  assert.equal(result.readOnly.neverChanged, result.readOnly.total);
});

test('every request that is no shell task abstains', () => {
  assert.ok(result.nonTasks.total >= 50);
  assert.deepEqual(result.nonTasks.planned, []);
});
