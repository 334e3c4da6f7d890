// Child process of policy.bench.ts, started with the V8 flags under test:
// times one check (parse, facts, Rego evaluation) of every NL2Bash command,
// interleaved with two baselines that share the same conditions — a fixed
// arithmetic loop calibrated to the median check's CPU time (no allocation:
// what the machine's scheduling alone does to work of that length) and
// JSON.parse of the command's facts — and counts garbage collections.
// Prints one JSON object on stdout.

import * as fs from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { createPolicyEngine, describeCommand } from '../../server/src/policy';

export interface LatencyRun {
  checkWall: number[];
  checkCpu: number[];
  spinWall: number[];
  jsonWall: number[];
  gcCount: number;
  gcTotalMs: number;
  gcMaxMs: number;
}

export interface LatencyReport {
  commands: number;
  parsed: number;
  decisions: Record<'allow' | 'ask' | 'deny', number>;
  denyRules: Record<string, number>;
  runs: LatencyRun[];
}

let sink = 0;
function spin(iterations: number): void {
  let x = sink;
  for (let i = 0; i < iterations; i++) x = (x * 1103515245 + 12345) % 2147483647;
  sink = x;
}

/** Iterations of spin() that take `ms` of CPU time here. */
function calibrate(ms: number): number {
  let n = 10_000;
  for (;;) {
    const c0 = process.cpuUsage();
    spin(n);
    const used = process.cpuUsage(c0);
    const took = (used.user + used.system) / 1000;
    if (took > 50) return Math.max(1, Math.round((n * ms) / took));
    n *= 4;
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const [corpus, roundsArg] = process.argv.slice(2);
  const commands = fs.readFileSync(corpus, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const engine = await createPolicyEngine();
  const factsJson = commands.map((c) => JSON.stringify(describeCommand(c)));
  const report: LatencyReport = { commands: commands.length, parsed: factsJson.filter((f) => (JSON.parse(f) as { parse: { ok: boolean } }).parse.ok).length, decisions: { allow: 0, ask: 0, deny: 0 }, denyRules: {}, runs: [] };
  // Warm up, and learn how long the typical check's CPU work is.
  const warm: number[] = [];
  for (const c of commands.slice(0, 2000)) {
    const c0 = process.cpuUsage();
    engine.evaluate(describeCommand(c));
    const used = process.cpuUsage(c0);
    warm.push((used.user + used.system) / 1000);
  }
  const iterations = calibrate(median(warm));
  let gcs: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push(e.duration);
  });
  observer.observe({ entryTypes: ['gc'] });
  for (let round = 0; round < Number(roundsArg ?? 2); round++) {
    // The parent starts or stops its loader between rounds, then says go on stdin.
    await waitForParent(round);
    gcs = [];
    const run: LatencyRun = { checkWall: [], checkCpu: [], spinWall: [], jsonWall: [], gcCount: 0, gcTotalMs: 0, gcMaxMs: 0 };
    commands.forEach((c, i) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const d = engine.evaluate(describeCommand(c));
      const t1 = performance.now();
      const used = process.cpuUsage(c0);
      spin(iterations);
      const t2 = performance.now();
      JSON.parse(factsJson[i]);
      run.jsonWall.push(performance.now() - t2);
      run.spinWall.push(t2 - t1);
      run.checkWall.push(t1 - t0);
      run.checkCpu.push((used.user + used.system) / 1000);
      if (round > 0) return;
      report.decisions[d.decision]++;
      if (d.decision === 'deny') for (const r of d.rules) if (r.severity === 'deny') report.denyRules[r.id] = (report.denyRules[r.id] ?? 0) + 1;
    });
    await new Promise((r) => setTimeout(r, 20));
    run.gcCount = gcs.length;
    run.gcTotalMs = gcs.reduce((a, b) => a + b, 0);
    run.gcMaxMs = gcs.length ? Math.max(...gcs) : 0;
    report.runs.push(run);
  }
  observer.disconnect();
  // stdin stays open for the parent's signals: leave once the report is out.
  process.stdout.write(JSON.stringify(report) + '\n', () => process.exit(0));
}

function waitForParent(round: number): Promise<void> {
  process.stderr.write(`ready ${round}\n`);
  return new Promise((resolve) => process.stdin.once('data', () => resolve()));
}

void main();
