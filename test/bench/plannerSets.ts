// The planner's measured sets beyond the development split: the sealed sets
// (the held-out split and the second fresh set: their contents are never
// printed, only their solve rates, after their hashes are checked), the
// tempting read-only requests and the non-tasks.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stageMigrations } from '../../server/src/compose';
import { Planner } from '../../server/src/planner';
import { createPolicyStage } from '../../server/src/policy';
import { normaliseSettings } from '../../server/src/settings/settings';
import { openDatabase } from '../../server/src/store/database';
import { runDevset } from './devset/check';
import { buildFixture } from './devset/fixture';
import { sealedFile } from './devset/sealed';
import { judgeIntents, judgePlans, type ByClass } from './devset/guardGenerated';
import { generateGuardSample } from './devset/guardGenerator';
import { lookOnlyClasses } from './devset/guardLookOnly';
import { runGuardSets } from './devset/guardSets';
import { buildContext } from '../../server/src/planner/context';
import type { BenchRow } from './row';

const area = 'planner';
const DEVSET = path.join(__dirname, 'devset');

export async function withPlanner<T>(fn: (planner: Planner, check: (c: string, ws: string) => Promise<import('../../server/src/protocol/types').PolicyDecision>) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-planner-sets-'));
  const db = openDatabase(path.join(dir, 'paladin.db'), { migrations: stageMigrations });
  const settings = normaliseSettings({ 'planner.cacheTtlSeconds': 0 }).settings;
  const policy = await createPolicyStage(db, settings);
  const planner = new Planner(db, settings, policy);
  try {
    return await fn(planner, (command, workspace) => policy.check(command, { workspace }));
  } finally {
    planner.dispose();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

type Solved = { solved: number; total: number; byCategory: Record<string, { solved: number; total: number }> };
const rate = (r: { solved: number; total: number }) => `${((100 * r.solved) / Math.max(1, r.total)).toFixed(1)}%`;
const byCategory = (r: Solved) => Object.entries(r.byCategory).map(([c, x]) => `${c} ${x.solved}/${x.total}`).join(', ');

/**
 * The development figures: the development split (requests.json), the fresh
 * set (fresh.json: requests in new wordings written apart from the planner,
 * measured once before any tuning on them and tuned on since) and the two
 * together.
 */
export async function developmentSets(): Promise<BenchRow[]> {
  try {
    return await withPlanner(async (planner) => {
      const plan = async (request: string, workspace: string) => (await planner.plan({ request, workspace, planner: 'embedded' }, {})).command;
      const dev = await runDevset(plan, { concurrency: 2 });
      const fresh = await runDevset(plan, { concurrency: 2, file: path.join(DEVSET, 'fresh.json') });
      const both = { solved: dev.solved + fresh.solved, total: dev.total + fresh.total };
      return [
        { area, metric: 'dev set solve rate (embedded)', value: rate(dev), note: `goal ≥ 85%; ${dev.solved}/${dev.total} by execution; ${byCategory(dev)}` },
        { area, metric: 'fresh set solve rate (embedded)', value: rate(fresh), note: `${fresh.solved}/${fresh.total} by execution; 57.6% (98/170) at its one run before tuning, a tuning set since; ${byCategory(fresh)}` },
        { area, metric: 'development total (dev split + fresh set)', value: rate(both), note: `${both.solved}/${both.total} by execution` },
      ];
    });
  } catch (err) {
    return [{ area, metric: 'dev set solve rate (embedded)', value: 'n/a', note: (err as Error).message.split('\n')[0] }];
  }
}

/** Solve rate of a sealed set: a number only, never which requests failed. */
async function sealedRow(name: string, metric: string, what: string): Promise<BenchRow[]> {
  try {
    const file = sealedFile(name);
    // Run once and never listed: a command slowed past the usual 30 s by a loaded machine must not pass for a miss.
    const result = await withPlanner((planner) => runDevset(async (request, workspace) => (await planner.plan({ request, workspace, planner: 'embedded' }, {})).command, { concurrency: 2, file, timeoutSeconds: 120 }));
    return [{ area, metric, value: rate(result), note: `${result.solved}/${result.total} by execution; ${what} (hash-checked, failures not printed)` }];
  } catch (err) {
    return [{ area, metric, value: 'n/a', note: (err as Error).message.split('\n')[0] }];
  }
}

/** Solve rate on the held-out split. */
export function heldOut(): Promise<BenchRow[]> {
  return sealedRow('heldout.json', 'held-out solve rate (embedded)', 'a split never used for tuning');
}

/**
 * Solve rate on the second fresh set (fresh2.json): wordings written apart
 * from the planner, by someone who never read its code, to measure whether
 * a change reaches requests nobody tuned on.
 */
export function freshSecond(): Promise<BenchRow[]> {
  return sealedRow('fresh2.json', 'fresh wordings, second set (embedded)', 'wordings never read while tuning');
}

/** Read-only requests never planned with a change; non-tasks always abstain. */
export async function guards(): Promise<BenchRow[]> {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-planner-guards-'));
  try {
    const workspace = buildFixture(parent);
    const r = await withPlanner((planner, check) => runGuardSets((request) => planner.plan({ request, workspace, planner: 'embedded' }, {}), (c) => check(c, workspace)));
    const ro = r.readOnly;
    const nt = r.nonTasks;
    const firstBad = ro.violations[0];
    return [
      { area, metric: 'read-only requests never planned with a write or delete', value: `${ro.neverChanged}/${ro.total}`, note: `goal: all; plan and alternatives judged by the policy; ${ro.abstained} abstained${firstBad ? `; e.g. "${firstBad.request}" → ${firstBad.command}` : ''}` },
      { area, metric: 'non-tasks that abstain', value: `${nt.abstained}/${nt.total}`, note: `goal: all${nt.planned[0] ? `; e.g. "${nt.planned[0].request}" → ${nt.planned[0].command}` : ''}` },
      ...(await generatedGuards(workspace)),
    ];
  } finally {
    fs.rmSync(parent, { recursive: true, force: true });
  }
}

const GENERATED_SEED = 20261130;

/** "N of M" over classes, and each class's own figure. */
function passed(byClass: ByClass, classes: readonly string[]): { value: string; note: string } {
  const rows = classes.map((c) => [c, byClass[c] ?? { total: 0, failures: [] }] as const);
  const total = rows.reduce((n, [, r]) => n + r.total, 0);
  const ok = rows.reduce((n, [, r]) => n + r.total - r.failures.length, 0);
  const first = rows.flatMap(([, r]) => r.failures)[0];
  const each = rows.map(([c, r]) => `${c} ${r.total - r.failures.length}/${r.total}`).join(', ');
  return { value: `${ok}/${total}`, note: `${each}${first ? `; e.g. "${first.request.request}" → ${first.why.slice(0, 160)}` : ''}` };
}

/** The generated guard sample of one seed (test/bench/devset/guardGenerator.ts): planned, and read for intent. */
async function generatedGuards(workspace: string): Promise<BenchRow[]> {
  const planned = generateGuardSample(GENERATED_SEED, { lookOnly: 500, controls: 0, nonTasks: 150 });
  const byPlan = await withPlanner((planner, check) => judgePlans(planned, (request) => planner.plan({ request, workspace, planner: 'embedded' }, {}), (c) => check(c, workspace)));
  const read = judgeIntents(generateGuardSample(GENERATED_SEED, { lookOnly: 2500, controls: 600, nonTasks: 600 }), buildContext(workspace).names);
  const row = (metric: string, figures: { value: string; note: string }, what: string): BenchRow => ({ area, metric, value: figures.value, note: `goal: all; seed ${GENERATED_SEED}; ${what}; ${figures.note}` });
  return [
    row('generated look-only never planned with a write or delete', passed(byPlan, lookOnlyClasses), 'plan and alternatives judged by the policy'),
    row('generated non-tasks that abstain', passed(byPlan, ['non-task']), 'everyday things said with shell words'),
    row('generated look-only read as ordering nothing (intent)', passed(read, lookOnlyClasses), 'readIntent alone'),
    row('generated orders read with their act (intent)', passed(read, ['control']), 'readIntent alone: delete, move, change, create as stated'),
    row('generated non-tasks read as no task (intent)', passed(read, ['non-task']), 'readIntent alone'),
  ];
}
