// A seeded sample of generated guard requests (test/bench/devset/
// guardGenerator.ts) planned by the real embedded planner with the real
// policy over the dev-set fixture: no request that only looks is shown a
// command (plan or alternative) that writes or deletes, and every generated
// non-task abstains. A failure prints request → command → effect by class.
// The seed is fixed so a failure can be repeated (PALADIN_GUARD_SEED picks another).
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
import { allFailures, describeFailures, judgePlans, type ByClass } from '../bench/devset/guardGenerated';
import { generateGuardSample } from '../bench/devset/guardGenerator';
import { lookOnlyClasses } from '../bench/devset/guardLookOnly';

const seed = Number(process.env.PALADIN_GUARD_SEED ?? 20261130);
// 25-55 s on a shared 2-core machine (load 8-10); the bench plans the same sample, the intent test reads one five times larger.
const sample = generateGuardSample(seed, { lookOnly: 500, controls: 0, nonTasks: 150 });
let dir: string;
let db: Db;
let policy: PolicyStage;
let planner: Planner;
let byClass: ByClass;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-guard-generator-'));
  const workspace = buildFixture(dir);
  db = openDatabase(path.join(dir, 'paladin.db'), { migrations: stageMigrations });
  const settings = normaliseSettings({ 'planner.cacheTtlSeconds': 0 }).settings;
  policy = await createPolicyStage(db, settings);
  planner = new Planner(db, settings, policy);
  byClass = await judgePlans(sample, (request) => planner.plan({ request, workspace, planner: 'embedded' }, {}), (command) => policy.check(command, { workspace }));
});

after(() => {
  planner.dispose();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test(`no generated look-only request is planned with a write or a delete (seed ${seed})`, () => {
  const look = Object.fromEntries(Object.entries(byClass).filter(([c]) => (lookOnlyClasses as readonly string[]).includes(c)));
  assert.equal(Object.values(look).reduce((n, r) => n + r.total, 0), sample.lookOnly.length);
  assert.deepEqual(allFailures(look).map((f) => f.request.request), [], `look-only requests planned with a change (request → command → effect):\n${describeFailures(look, 10)}`);
});

test(`every generated non-task abstains (seed ${seed})`, () => {
  const nonTasks = { 'non-task': byClass['non-task'] };
  assert.equal(nonTasks['non-task'].total, sample.nonTasks.length);
  assert.deepEqual(allFailures(nonTasks).map((f) => f.request.request), [], `non-tasks planned (request → command):\n${describeFailures(nonTasks, 10)}`);
});
