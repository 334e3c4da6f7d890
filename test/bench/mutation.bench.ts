// Mutation figures: many more mutants of the attack seeds than `npm test`
// runs, with the share allowed (must be 0) and the share of deny seeds'
// mutants that stay deny, per transform and per class of attack.
// PALADIN_MUTANTS sets the count (default 50,000).
import { createPolicyEngine } from '../../server/src/policy';
import { loadSeeds, mutants } from '../mutation/generator';
import { holdRate, pct, type Tally } from '../mutation/holdRate';
import type { BenchRow } from './row';

export async function bench(): Promise<BenchRow[]> {
  const area = 'mutation';
  const engine = await createPolicyEngine();
  const seeds = loadSeeds();
  const count = Number(process.env.PALADIN_MUTANTS ?? 50_000);
  const started = process.cpuUsage();
  const t0 = performance.now();
  const r = holdRate(engine, seeds, mutants(seeds, count, 20261130));
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(started);
  const rows: BenchRow[] = [
    { area, metric: 'seeds', value: seeds.length, note: `${seeds.filter((s) => s.expect === 'deny').length} deny, the rest must never be allowed` },
    { area, metric: 'seeds allowed', value: r.seedsAllowed.length, note: r.seedsAllowed.slice(0, 3).map((s) => s.command).join(' | ') },
    { area, metric: 'deny seeds not denied', value: r.seedsNotDenied.length, note: r.seedsNotDenied.slice(0, 3).map((s) => s.command).join(' | ') },
    { area, metric: 'mutants', value: r.total, note: `${(wall / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU` },
    { area, metric: 'mutants allowed', value: r.allowed.length, note: `hold rate ${pct(r.total - r.allowed.length, r.total)}; ${r.allowed.slice(0, 2).map((m) => JSON.stringify(m.text)).join(' ')}` },
    { area, metric: 'deny kept deny', value: pct(sum(r.byClass, 'kept'), sum(r.byClass, 'mustDeny')), note: `${r.lowered.length} lowered to ask by transforms that keep the program known` },
  ];
  const row = (kind: string, name: string, t: Tally): BenchRow => ({ area, metric: `${kind} ${name}`, value: t.total, note: `allowed ${t.allowed}, deny kept ${pct(t.kept, t.mustDeny)}` });
  for (const [k, t] of [...r.byClass].sort()) rows.push(row('class', k, t));
  for (const [k, t] of [...r.byTransform].sort()) rows.push(row('transform', k, t));
  return rows;
}

function sum(map: Map<string, Tally>, key: keyof Tally): number {
  let n = 0;
  for (const t of map.values()) n += t[key];
  return n;
}
