// A planner over a fresh store with the real knowledge and policy stage, and
// a small workspace to plan in: what the planner integration tests share.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stageMigrations } from '../../server/src/compose';
import { Planner } from '../../server/src/planner';
import type { PlanResult } from '../../server/src/protocol/types';
import { createPolicyStage } from '../../server/src/policy';
import type { PolicyStage } from '../../server/src/stages';
import { normaliseSettings } from '../../server/src/settings/settings';
import { openDatabase, type Db } from '../../server/src/store/database';
import { startOllamaStandIn } from './ollamaStandIn';

export interface PlannerWorkspace {
  workspace: string;
  planner: Planner;
  /** The real policy stage the planner judges with, to judge other commands the same way. */
  policy: PolicyStage;
  /** The store the planner keeps its plans in. */
  db: Db;
  /** The embedded planner's whole result for `request` in the workspace. */
  result(request: string): Promise<PlanResult>;
  /** Its command only. */
  plan(request: string): Promise<string>;
  close(): void;
}

/** `dirs` are made; `files` are paths (written "x\n") or path → content. */
export async function plannerWorkspace(name: string, dirs: string[], files: string[] | Record<string, string>): Promise<PlannerWorkspace> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `paladin-planner-${name}-`));
  const workspace = path.join(dir, 'ws');
  for (const d of dirs) fs.mkdirSync(path.join(workspace, d), { recursive: true });
  const contents = Array.isArray(files) ? Object.fromEntries(files.map((f) => [f, 'x\n'])) : files;
  for (const [f, text] of Object.entries(contents)) fs.writeFileSync(path.join(workspace, f), text);
  const db = openDatabase(path.join(dir, 'paladin.db'), { migrations: stageMigrations });
  const settings = normaliseSettings({ 'planner.cacheTtlSeconds': 0 }).settings;
  const policy = await createPolicyStage(db, settings);
  const planner = new Planner(db, settings, policy);
  const result = (request: string) => planner.plan({ request, workspace, planner: 'embedded' }, {});
  return {
    workspace,
    planner,
    policy,
    db,
    result,
    plan: async (request) => (await result(request)).command,
    close: () => {
      planner.dispose();
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Plans every request and fails once, naming each whose command does not match what it wants. */
export async function expectPlans(plan: (request: string) => Promise<string>, cases: [string, RegExp][]): Promise<void> {
  const wrong: string[] = [];
  for (const [request, want] of cases) {
    const command = await plan(request);
    if (!want.test(command)) wrong.push(`"${request}" → ${command || '(abstained)'}; wanted ${want}`);
  }
  assert.deepEqual(wrong, []);
}

/** The whole result for `request` when a model (an Ollama stand-in) answers `reply`, with the workspace's store and policy. */
export async function modelPlan(w: PlannerWorkspace, request: string, reply: string): Promise<PlanResult> {
  const ollama = await startOllamaStandIn({ models: ['m'], chat: () => JSON.stringify({ command: reply, reasoning: 'as asked', assumptions: [], expected_effects: [] }) });
  const planner = new Planner(w.db, normaliseSettings({ 'planner.cacheTtlSeconds': 0, 'ollama.url': ollama.url, 'ollama.model': 'm' }).settings, w.policy);
  try {
    return await planner.plan({ request, workspace: w.workspace }, {});
  } finally {
    planner.dispose();
    await ollama.close();
  }
}
