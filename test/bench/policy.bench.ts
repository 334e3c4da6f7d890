// Policy figures over the NL2Bash commands: how long one check takes (parse,
// facts, Rego evaluation; wall and CPU, p50 and p99), on a quiet machine and
// while a loader process started here keeps the second core busy, under the
// V8 settings the language server runs with and under the defaults; beside
// two baselines timed in the same conditions (see policyLatency.ts), so the
// figure can be read apart from what the machine does to any work. Also how
// many commands parse and how many are denied or asked about (ordinary
// requests: the share denied should be small).

import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SERVER_V8_FLAGS } from '../../server/src/protocol/runtime';
import type { LatencyReport, LatencyRun } from './policyLatency';
import { ms, percentile, type BenchRow } from './row';

const REPO = path.resolve(__dirname, '..', '..');

function findCorpus(): string | undefined {
  const candidates = [process.env.PALADIN_NL2BASH, path.join(REPO, '..', 'shared', 'benchmarks', 'nl2bash', 'all.cm'), path.join(REPO, '..', '..', 'shared', 'benchmarks', 'nl2bash', 'all.cm')];
  return candidates.find((c): c is string => c !== undefined && fs.existsSync(c));
}

function startLoader(): ChildProcess {
  return spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
}

/** Runs policyLatency.ts under `flags`: round 0 quiet, round 1 with the loader running. */
function measure(corpus: string, flags: string[]): Promise<LatencyReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...flags, '--import', 'tsx', path.join(__dirname, 'policyLatency.ts'), corpus, '2'], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
    let loader: ChildProcess | undefined;
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      const ready = /ready (\d+)\n$/.exec(err);
      if (!ready) return;
      err = '';
      if (ready[1] === '1') loader = startLoader();
      // Let the loader take its core before timing starts.
      setTimeout(() => child.stdin.write('go\n'), ready[1] === '1' ? 300 : 0);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      loader?.kill();
      if (code !== 0) reject(new Error(`policyLatency.ts exited with ${code}: ${err.slice(-500)}`));
      else resolve(JSON.parse(out) as LatencyReport);
    });
  });
}

function runRows(area: string, label: string, run: LatencyRun): BenchRow[] {
  const p = (xs: number[], q: number) => ms(percentile(xs, q));
  const ratio = percentile(run.checkWall, 99) / percentile(run.spinWall, 99);
  return [
    { area, metric: `${label}: check wall p50 / p99 ms`, value: `${p(run.checkWall, 50)} / ${p(run.checkWall, 99)}`, note: 'goal ≤ 0.5 / ≤ 5 with the loader' },
    { area, metric: `${label}: check CPU p50 / p99 ms`, value: `${p(run.checkCpu, 50)} / ${p(run.checkCpu, 99)}`, note: "this process's CPU time, all its threads (GC helpers too)" },
    { area, metric: `${label}: baseline loop wall p50 / p99 ms`, value: `${p(run.spinWall, 50)} / ${p(run.spinWall, 99)}`, note: 'arithmetic of the median check\'s CPU length, no allocation' },
    { area, metric: `${label}: JSON.parse(facts) wall p50 / p99 ms`, value: `${p(run.jsonWall, 50)} / ${p(run.jsonWall, 99)}` },
    { area, metric: `${label}: check p99 / baseline p99`, value: ratio.toFixed(1), note: '1.0 = the check suffers only what any work of its length suffers here' },
    { area, metric: `${label}: GC pauses`, value: run.gcCount, note: `total ${ms(run.gcTotalMs)} ms, longest ${ms(run.gcMaxMs)} ms` },
  ];
}

export async function bench(): Promise<BenchRow[]> {
  const area = 'policy';
  const corpus = findCorpus();
  if (!corpus) return [{ area, metric: 'skipped', value: 'n/a', note: 'NL2Bash corpus not found: set PALADIN_NL2BASH to its all.cm' }];
  const load = os.loadavg()[0];
  // PALADIN_BENCH_V8='--flag-a;--flag-b --flag-c' compares other settings too.
  const extra = (process.env.PALADIN_BENCH_V8 ?? '').split(';').filter((f) => f.trim() !== '');
  const configs: [string, string[]][] = [['server flags', [...SERVER_V8_FLAGS]], ['node defaults', []], ...extra.map((f): [string, string[]] => [f.trim(), f.trim().split(/\s+/)])];
  const rows: BenchRow[] = [];
  let first: LatencyReport | undefined;
  for (const [name, flags] of configs) {
    const report = await measure(corpus, flags);
    first ??= report;
    rows.push(...runRows(area, `${name}, quiet`, report.runs[0]), ...runRows(area, `${name}, loaded`, report.runs[1]));
  }
  const r = first as LatencyReport;
  const n = r.commands;
  const share = (k: number) => `${((100 * k) / n).toFixed(1)}%`;
  const top = Object.entries(r.denyRules).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([id, k]) => `${id} ${k}`).join(', ');
  return [
    { area, metric: 'commands', value: n, note: `NL2Bash ${path.basename(corpus)} after 2,000 warm-up checks; ${os.cpus().length} cores, load average ${load.toFixed(1)} before the run` },
    { area, metric: 'server flags', value: SERVER_V8_FLAGS.join(' ') || '(none)', note: 'V8 flags the language server runs with (protocol/runtime.ts)' },
    ...rows,
    { area, metric: 'parse coverage', value: share(r.parsed), note: `${n - r.parsed} commands are not valid bash (denied as parse.error)` },
    { area, metric: 'share allow', value: share(r.decisions.allow) },
    { area, metric: 'share ask', value: share(r.decisions.ask) },
    { area, metric: 'share deny', value: share(r.decisions.deny), note: top },
  ];
}
