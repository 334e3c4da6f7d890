// Follow-ups that refine an earlier plan, with the real policy stage and the
// real store: the rewrite is held to the intent of the earlier request and
// the follow-up together, and the CLI finds the earlier plan in history.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { stageMigrations } from '../../server/src/compose';
import { Planner } from '../../server/src/planner';
import { createPolicyStage } from '../../server/src/policy';
import type { PlanProgress, PolicyStage } from '../../server/src/stages';
import { normaliseSettings } from '../../server/src/settings/settings';
import { openDatabase, type Db } from '../../server/src/store/database';
import { runCli } from '../support/runCli';

let dir: string;
let workspace: string;
let db: Db;
let policy: PolicyStage;
let planner: Planner;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-planner-refine-'));
  workspace = path.join(dir, 'ws');
  for (const d of ['src/lib', 'logs']) fs.mkdirSync(path.join(workspace, d), { recursive: true });
  for (const f of ['src/main.ts', 'src/lib/util.ts', 'src/old.js', 'logs/app.log', 'src/.hidden.ts']) fs.writeFileSync(path.join(workspace, f), 'x\n');
  db = openDatabase(path.join(dir, 'paladin.db'), { migrations: stageMigrations });
  policy = await createPolicyStage(db, normaliseSettings({}).settings);
  planner = new Planner(db, normaliseSettings({ 'planner.cacheTtlSeconds': 3600 }).settings, policy);
});

after(() => {
  planner.dispose();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a follow-up rewrites the earlier command, says what changed, and is checked by the policy', async () => {
  const steps: PlanProgress[] = [];
  const refine = { request: 'list the files under src', command: 'find src -type f' };
  const r = await planner.plan({ request: 'only .ts files, not recursive', workspace, planner: 'embedded', refine }, { onProgress: (p) => steps.push(p) });
  assert.equal(r.command, "find src -maxdepth 1 -type f -name '*.ts'");
  assert.deepEqual(r.refined?.changes, ['not recursive: only the folder itself, not its subfolders', 'only *.ts']);
  assert.equal(r.refined?.command, 'find src -type f');
  assert.equal(r.refined?.followUp, 'only .ts files, not recursive');
  assert.equal(r.request, 'list the files under src, only .ts files, not recursive');
  assert.equal(r.policy.decision, 'allow');
  assert.equal(r.cache, 'miss');
  assert.ok(steps.some((s) => s.kind === 'step' && s.step === 'refined'), JSON.stringify(steps));
  assert.ok(steps.some((s) => s.kind === 'step' && s.step === 'checked'));
  // The same follow-up on another earlier command is not served from a cache.
  const other = await planner.plan({ request: 'only .ts files, not recursive', workspace, planner: 'embedded', refine: { ...refine, command: 'find src/lib -type f' } }, {});
  assert.equal(other.command, "find src/lib -maxdepth 1 -type f -name '*.ts'");
});

test('a refined command that does more than the earlier request asked is set aside, never shown', async () => {
  // An earlier command that deletes, for a request that only looks (a history row edited by hand, say).
  const refine = { request: 'show the files in logs', command: 'find logs -type f -delete' };
  const r = await planner.plan({ request: 'only .log files', workspace, planner: 'embedded', refine }, {});
  const shown = [r.command, ...r.candidates.map((c) => c.command)];
  assert.ok(!shown.some((c) => /-delete/.test(c)), shown.join(' | '));
  const rejected = r.rejected?.find((x) => x.command === "find logs -type f -name '*.log' -delete");
  assert.ok(rejected, JSON.stringify(r.rejected));
  assert.match(rejected.reason, /only to look/);
  assert.equal(r.refined?.changes, undefined);
});

test('a follow-up no rewrite knows is planned afresh with the earlier request', async () => {
  const r = await planner.plan({ request: 'only the ones bigger than 1MB', workspace, planner: 'embedded', refine: { request: 'list the files under src' } }, {});
  assert.match(r.command, /find src .*-size \+1M/);
  assert.equal(r.refined?.changes, undefined);
  assert.equal(r.refined?.request, 'list the files under src');
});

test('paladin plan --refine last|HISTORY_ID refines the latest or a given plan from history', async () => {
  const env = path.join(dir, 'cli', 'paladin.db');
  delete process.env.PALADIN_OLLAMA_MODEL;
  delete process.env.OPENAI_API_KEY;
  const first = await runCli(['plan', '--json', '--workspace', workspace, 'list the files under src'], env);
  assert.equal(first.code, 0, first.err);
  const earlier = JSON.parse(first.out);
  const next = await runCli(['plan', '--json', '--refine', 'last', '--workspace', workspace, 'only .ts files'], env);
  assert.equal(next.code, 0, next.err);
  const refined = JSON.parse(next.out);
  assert.equal(refined.refined.historyId, earlier.historyId);
  assert.match(refined.command, /-name '\*\.ts'/);
  const byId = await runCli(['plan', '--refine', earlier.historyId, '--workspace', workspace, 'include hidden files'], env);
  assert.equal(byId.code, 0, byId.err);
  assert.match(byId.err, /refines: /);
  const missing = await runCli(['plan', '--refine', '', '--workspace', workspace, 'only .ts files'], env);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /--refine needs the plan to refine/);
});
