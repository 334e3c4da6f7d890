// The embedded plan's time alone, several rounds, each beside the load
// average, a `node -e 0` start and a fixed arithmetic loop measured in the
// same round, so a figure taken on a busy machine can be told from a slow
// planner. `node --import tsx test/bench/planTime.ts [rounds]`.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stageMigrations } from '../../server/src/compose';
import { Planner } from '../../server/src/planner';
import { createPolicyStage } from '../../server/src/policy';
import { normaliseSettings } from '../../server/src/settings/settings';
import { openDatabase } from '../../server/src/store/database';
import { addHistory, mulberry32, values } from './planner.bench';
import { ms, percentile } from './row';

const PLANS = 300;

/** Median wall time of `node -e 0` over `n` starts. */
export function nodeStart(n = 5): number {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    times.push(performance.now() - t);
  }
  return percentile(times, 50);
}

/** Median wall time of a fixed arithmetic loop: the machine's speed right now. */
export function fixedLoop(n = 20): number {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    let x = 0;
    for (let j = 0; j < 2_000_000; j++) x = (x + j * 7) % 1_000_003;
    if (x < 0) throw new Error('unreachable');
    times.push(performance.now() - t);
  }
  return percentile(times, 50);
}

/** The requests of the planner bench: knowledge intents with values from the workspace, nobody's cache. */
function requestsOf(planner: Planner): string[] {
  const rand = mulberry32(7);
  const out: string[] = [];
  for (let i = 0; i < PLANS; i++) {
    const e = planner.corpus.entries[Math.floor(rand() * planner.corpus.entries.length)];
    out.push(`${e.intents[Math.floor(rand() * e.intents.length)]} in ${values.path[i % values.path.length]} ${i}`);
  }
  return out;
}

async function round(planner: Planner, workspace: string, requests: string[], tag: string): Promise<string> {
  const load = os.loadavg()[0];
  const node = nodeStart();
  const loop = fixedLoop();
  const wall: number[] = [];
  const cpu: number[] = [];
  const noChecks: number[] = [];
  for (const request of requests) {
    const c = process.cpuUsage();
    const t = performance.now();
    const result = await planner.plan({ request: `${request} ${tag}`, workspace, planner: 'embedded' }, {});
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    noChecks.push((result.timings.total ?? 0) - (result.timings.checks ?? result.timings.policy ?? 0));
  }
  return [
    `plan p50 ${ms(percentile(wall, 50))} ms (p95 ${ms(percentile(wall, 95))})`,
    `without checks p50 ${ms(percentile(noChecks, 50))}`,
    `CPU p50 ${ms(percentile(cpu, 50))} ms`,
    `load ${load.toFixed(2)}→${os.loadavg()[0].toFixed(2)}`,
    `node -e 0 ${ms(node)} ms`,
    `loop ${ms(loop)} ms`,
  ].join('; ');
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 3);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-plantime-'));
  const workspace = path.join(dir, 'ws');
  for (const p of values.path) fs.mkdirSync(path.join(workspace, p), { recursive: true });
  for (const f of values.file) fs.writeFileSync(path.join(workspace, f), 'x\n');
  const db = openDatabase(path.join(dir, 'paladin.db'), { migrations: stageMigrations });
  const settings = normaliseSettings({ 'planner.cacheTtlSeconds': 3600 }).settings;
  const planner = new Planner(db, settings, await createPolicyStage(db, settings));
  try {
    addHistory(db, planner, 10_000 - (await planner.store.count()), 1);
    const requests = requestsOf(planner);
    for (const r of requests.slice(0, 20)) await planner.plan({ request: `${r} warm`, workspace, planner: 'embedded' }, {});
    for (let i = 0; i < rounds; i++) console.log(`round ${i + 1}: ${await round(planner, workspace, requests, `r${i}`)}`);
  } finally {
    planner.dispose();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void main();
