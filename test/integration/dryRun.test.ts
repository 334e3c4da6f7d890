// The dry run of a plan's candidates through the real executor (Docker
// engine) and the real policy: a read-only candidate runs with the workspace
// mounted read-only and keeps nothing aside, a changing one runs in a
// throw-away snapshot whose changes are discarded, the first that fits is
// preferred with the decision it was tried with, and a workspace that may not
// be mounted read-only is tried in a snapshot instead; the engine is asked
// whether a dry run can be made while the plan is being made.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { stageMigrations } from '../../server/src/compose';
import { Executor } from '../../server/src/executor';
import { Paladin } from '../../server/src/paladin';
import { checkByDryRun } from '../../server/src/planner/dryRun';
import { createPolicyStage } from '../../server/src/policy';
import { createRecordsStage } from '../../server/src/records';
import type { PlanResult } from '../../server/src/protocol/types';
import { normaliseSettings, type Settings } from '../../server/src/settings/settings';
import type { ExecutorStage, PolicyStage } from '../../server/src/stages';
import { localUserId, openDatabase, type Db } from '../../server/src/store/database';
import { FakePlannerStage, unusedExplainer } from '../support/fakeStages';

const image = process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-dryrun-'));
const workspace = path.join(tmp, 'ws');
let db: Db;
let policy: PolicyStage;
let ex: Executor;
let settings: Settings;

function owned(p: string): void {
  if (process.getuid?.() !== 0) return;
  fs.lchownSync(p, 1000, 1000);
  if (fs.lstatSync(p).isDirectory()) for (const name of fs.readdirSync(p)) owned(path.join(p, name));
}

before(async () => {
  fs.mkdirSync(path.join(workspace, 'data'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'data', 'users.csv'), 'id,name\n1,ann\n');
  fs.writeFileSync(path.join(workspace, 'notes.txt'), 'hello\n');
  owned(workspace);
  fs.mkdirSync(path.join(tmp, 'data'));
  settings = normaliseSettings({ 'sandbox.image': image, 'database.path': path.join(tmp, 'data', 'paladin.db'), 'sandbox.poolSize': 1 }).settings;
  db = openDatabase(settings.database.path, { migrations: stageMigrations });
  policy = await createPolicyStage(db, settings);
  ex = new Executor(settings);
});

after(async () => {
  await ex.dispose();
  db.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A plan as the planner returns it, for the dry run to check. */
function planOf(command: string, candidates: string[], actions: string[]): PlanResult {
  const decision = { decision: 'allow' as const, rules: [], risk: { reads: [], writes: [], deletes: [], network: false, privilege: false }, policyVersion: 'x' };
  return {
    request: 'r', command, reasoning: 'planned.', assumptions: [], expectedEffects: [], planner: 'embedded', skipped: [], confidence: 0.5,
    candidates: candidates.map((c) => ({ command: c, confidence: 0.5 })), retrieved: [], policy: decision, cache: 'miss', timings: {}, intent: { actions, scope: [] },
  };
}

const kept = () => (fs.existsSync(ex.pending.root) ? fs.readdirSync(ex.pending.root) : []);
const tree = (dir: string) => execFileSync('ls', ['-laR', '--time-style=full-iso', dir]).toString();

test('a read-only candidate runs with the workspace mounted read-only and keeps nothing aside', async () => {
  const before = tree(workspace);
  const result = await checkByDryRun(planOf('ls data', ['ls data'], []), { executor: ex, policy }, workspace);
  assert.equal(result.dryRun?.checked, true, JSON.stringify(result.dryRun));
  const [tried] = result.dryRun!.tried;
  assert.equal(tried.mode, 'ro');
  assert.equal(tried.fits, true, tried.why);
  assert.match(tried.preview, /users\.csv/);
  assert.deepEqual(kept(), []);
  assert.equal(tree(workspace), before);
});

test('a candidate that deletes runs in a throw-away snapshot; its changes are discarded, the workspace untouched', async () => {
  const before = tree(workspace);
  const result = await checkByDryRun(planOf('rm data/users.csv', ['rm data/users.csv'], ['delete']), { executor: ex, policy }, workspace);
  const [tried] = result.dryRun!.tried;
  assert.equal(tried.mode, 'snapshot');
  assert.equal(tried.fits, true, tried.why);
  assert.equal(tried.changes, 1);
  assert.deepEqual(kept(), []);
  assert.equal(tree(workspace), before);
});

test('making a folder or an executable fits a request to create or change at the first try; the workspace is untouched', async () => {
  const before = tree(workspace);
  for (const command of ['mkdir -p out/reports', 'chmod +x notes.txt']) {
    const result = await checkByDryRun(planOf(command, [command, 'touch other.txt'], command.startsWith('mkdir') ? ['create'] : ['change']), { executor: ex, policy }, workspace);
    assert.deepEqual(result.dryRun!.tried.map((t) => [t.command, t.mode, t.fits, t.changes]), [[command, 'snapshot', true, 1]], JSON.stringify(result.dryRun));
    assert.equal(result.command, command);
  }
  assert.match((await checkByDryRun(planOf('mkdir -p out/reports', [], ['create']), { executor: ex, policy }, workspace)).dryRun!.tried[0].preview, /created out\/reports/);
  assert.deepEqual(kept(), []);
  assert.equal(tree(workspace), before);
});

test('the first candidate that fits is preferred, judged by the policy as it was tried', async () => {
  const result = await checkByDryRun(planOf('ls no-such-folder', ['ls no-such-folder', 'cat notes.txt'], []), { executor: ex, policy }, workspace);
  assert.deepEqual(result.dryRun!.tried.map((t) => [t.command, t.mode, t.fits]), [['ls no-such-folder', 'ro', false], ['cat notes.txt', 'ro', true]]);
  assert.equal(result.command, 'cat notes.txt');
  assert.equal(result.policy.decision, 'allow');
  assert.deepEqual(result.policy.risk.writes, []);
  assert.match(result.reasoning, /ls no-such-folder did not fit \(it exited 1\)/);
});

test('a workspace that may not be mounted read-only (it holds a FIFO) is tried in a snapshot instead', async () => {
  const fifoWs = path.join(tmp, 'fifo-ws');
  fs.mkdirSync(fifoWs);
  fs.writeFileSync(path.join(fifoWs, 'notes.txt'), 'hello\n');
  execFileSync('mkfifo', [path.join(fifoWs, 'pipe')]);
  owned(fifoWs);
  await assert.rejects(ex.run({ command: 'true', workspace: fifoWs, mode: 'ro' }, {}), /FIFOs/);
  const result = await checkByDryRun(planOf('cat notes.txt', ['cat notes.txt'], []), { executor: ex, policy }, fifoWs);
  const [tried] = result.dryRun!.tried;
  assert.equal(tried.mode, 'snapshot');
  assert.equal(tried.fits, true, tried.why);
  assert.match(tried.preview, /hello/);
});

test('the engine is asked whether a dry run can be made while the plan is being made, not after', async () => {
  const events: string[] = [];
  // FAKE planner (it answers `echo "<request>"`): only the order of the steps is under test here.
  class SlowPlanner extends FakePlannerStage {
    override async plan(params: Parameters<FakePlannerStage['plan']>[0]) {
      events.push('planning');
      await new Promise((resolve) => setTimeout(resolve, 200));
      events.push('planned');
      return super.plan(params);
    }
  }
  const executor: ExecutorStage = {
    run: (params, options) => ex.run(params, options),
    apply: (runId, options) => ex.apply(runId, options),
    discard: (runId) => ex.discard(runId),
    dispose: async () => undefined,
    status: () => (events.push('engine asked'), ex.status()),
  };
  const paladin = new Paladin(db, settings, { policy, planner: new SlowPlanner(policy), executor, explainer: unusedExplainer('dry run'), records: createRecordsStage(db, settings) });
  const result = await paladin.plan({ userId: localUserId(db), source: 'cli' }, { request: 'hello', workspace, dryRun: true });
  assert.deepEqual(events, ['engine asked', 'planning', 'planned']);
  assert.equal(result.dryRun?.checked, true, JSON.stringify(result.dryRun));
  assert.equal(result.dryRun?.tried[0].mode, 'ro');
});
