// Plans the scope requests with the embedded planner and holds every command
// shown (the plan and its alternatives) to the request's bound; then hands
// each request's reference command and its over-reaching mutants to the
// planner as a model's answer (an Ollama stand-in speaking the real wire
// protocol) and counts which mutants reach the person and which correct
// answers are turned away.
//   node --import tsx test/bench/devset/scopeBench.ts [--halves AB] [--seed N] [--per N] [--models] [--show]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stageMigrations } from '../../../server/src/compose';
import { Planner } from '../../../server/src/planner';
import { createPolicyStage } from '../../../server/src/policy';
import { normaliseSettings } from '../../../server/src/settings/settings';
import type { PlanResult } from '../../../server/src/protocol/types';
import { openDatabase } from '../../../server/src/store/database';
import { startOllamaStandIn } from '../../support/ollamaStandIn';
import { buildFixture } from './fixture';
import { judgePlan, type Finding } from './scopeJudgeBound';
import { mutants } from './scopeMutations';
import { scopeCases, type ScopeCase } from './scopeRequests';

const OVER: Finding[] = ['change-for-look', 'other-folder', 'recursion', 'kind', 'cond-age', 'cond-size', 'cond-name', 'cond-other', 'other-act', 'every-file', 'placeholder'];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const shown = (r: PlanResult) => [r.command, ...r.candidates.map((c) => c.command), ...(r.suggestions ?? []).map((c) => c.command)].filter(Boolean);

export interface EmbeddedTally {
  total: number;
  abstained: number;
  planOver: Record<string, number>;
  plansOver: number;
  shownOver: number;
  nonTaskPlanned: number;
  lessThanAsked: number;
  failures: string[];
}

export async function embeddedRun(planner: Planner, workspace: string, cases: ScopeCase[]): Promise<EmbeddedTally> {
  const t: EmbeddedTally = { total: 0, abstained: 0, planOver: {}, plansOver: 0, shownOver: 0, nonTaskPlanned: 0, lessThanAsked: 0, failures: [] };
  for (const c of cases) {
    const r = await planner.plan({ request: c.request, workspace, planner: 'embedded' }, {});
    t.total++;
    if (r.abstained || !r.command) {
      t.abstained++;
      continue;
    }
    if (c.bound.nonTask) {
      t.nonTaskPlanned++;
      t.failures.push(`${c.half} ${c.template} NONTASK "${c.request}" => ${r.command}`);
      continue;
    }
    const runnable = !(r.missing && r.missing.length > 0);
    const found = judgePlan(r.command, c.bound).filter((f) => f !== 'placeholder' || runnable);
    const over = found.filter((f) => OVER.includes(f));
    if (found.includes('no-act') || found.includes('dropped-condition')) t.lessThanAsked++;
    if (over.length > 0) {
      t.plansOver++;
      for (const f of over) t.planOver[f] = (t.planOver[f] ?? 0) + 1;
      t.failures.push(`${c.half} ${c.template} [${over.join(',')}] "${c.request}" => ${r.command}`);
    }
    const others = shown(r).slice(1).filter((cmd) => judgePlan(cmd, c.bound).some((f) => OVER.includes(f) && f !== 'placeholder'));
    if (over.length > 0 || others.length > 0) t.shownOver++;
    for (const o of others) t.failures.push(`${c.half} ${c.template} ALT "${c.request}" => ${o} [${judgePlan(o, c.bound).join(',')}]`);
  }
  return t;
}

export interface ModelTally {
  mutants: number;
  through: Record<string, number>;
  byClass: Record<string, number>;
  references: number;
  referencesTurnedAway: number;
  failures: string[];
}

/** Each case's reference and mutants, answered by a model stand-in. */
export async function modelRun(makePlanner: (url: string) => Planner, workspace: string, cases: ScopeCase[]): Promise<ModelTally> {
  let reply = '';
  const ollama = await startOllamaStandIn({ models: ['m'], chat: () => JSON.stringify({ command: reply, reasoning: 'it does what you asked', assumptions: [], expected_effects: [] }) });
  const planner = makePlanner(ollama.url);
  const t: ModelTally = { mutants: 0, through: {}, byClass: {}, references: 0, referencesTurnedAway: 0, failures: [] };
  try {
    for (const c of cases) {
      if (!c.reference) continue;
      const ask = async (command: string) => {
        reply = command;
        return planner.plan({ request: c.request, workspace }, {});
      };
      const r = await ask(c.reference);
      t.references++;
      if (!shown(r).includes(c.reference)) {
        t.referencesTurnedAway++;
        t.failures.push(`REF-AWAY ${c.template} "${c.request}" => ${c.reference}: ${r.rejected?.find((x) => x.command === c.reference)?.reason ?? (r.abstained ? 'abstained' : 'not shown')}`);
      }
      for (const m of mutants(c)) {
        t.mutants++;
        t.byClass[m.adds] = (t.byClass[m.adds] ?? 0) + 1;
        const rm = await ask(m.command);
        if (shown(rm).includes(m.command)) {
          t.through[m.adds] = (t.through[m.adds] ?? 0) + 1;
          t.failures.push(`THROUGH ${c.half} ${c.template} [${m.adds}] "${c.request}" => ${m.command}`);
        }
      }
    }
  } finally {
    await ollama.close();
  }
  return t;
}

async function main(): Promise<void> {
  const halves = arg('--halves', 'AB').split('') as ScopeCase['half'][];
  const cases = scopeCases(Number(arg('--seed', '20261201')), Number(arg('--per', '25')), halves);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-scope-'));
  const db = openDatabase(path.join(dir, 'x.db'), { migrations: stageMigrations });
  const base = { 'planner.cacheTtlSeconds': 0 };
  const policy = await createPolicyStage(db, normaliseSettings(base).settings);
  const workspace = buildFixture(dir);
  const embedded = new Planner(db, normaliseSettings(base).settings, policy);
  const e = await embeddedRun(embedded, workspace, cases);
  console.log(`halves ${halves.join('')}: ${e.total} requests, ${e.abstained} abstained; plans over the bound ${e.plansOver} (${JSON.stringify(e.planOver)}); requests with any shown command over ${e.shownOver}; non-tasks planned ${e.nonTaskPlanned}; plans doing less than asked ${e.lessThanAsked}`);
  if (process.argv.includes('--models')) {
    const m = await modelRun((url) => new Planner(db, normaliseSettings({ ...base, 'ollama.url': url, 'ollama.model': 'm' }).settings, policy), workspace, cases);
    const through = Object.values(m.through).reduce((a, b) => a + b, 0);
    console.log(`model answers: ${m.mutants} over-reaching mutants, ${through} reached the person (${Object.entries(m.byClass).map(([k, v]) => `${k} ${m.through[k] ?? 0}/${v}`).join(', ')}); correct answers turned away ${m.referencesTurnedAway}/${m.references}`);
    if (process.argv.includes('--show')) for (const f of m.failures) console.log(f);
  }
  if (process.argv.includes('--show')) for (const f of e.failures) console.log(f);
  embedded.dispose();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

if (process.argv[1]?.endsWith('scopeBench.ts')) main().then(() => process.exit(0), (err: Error) => { console.error(err); process.exit(1); });
