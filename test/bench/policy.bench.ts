// Policy figures over the NL2Bash commands: time to parse, describe and
// evaluate one command (warm), how many parse, and how many are denied or
// asked about. These are ordinary commands people asked for, so the share
// denied should be small.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createPolicyEngine, describeCommand } from '../../server/src/policy';
import { ms, percentile, type BenchRow } from './row';

const CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'benchmarks', 'nl2bash', 'all.cm');

export async function bench(): Promise<BenchRow[]> {
  const area = 'policy';
  if (!fs.existsSync(CORPUS)) return [{ area, metric: 'skipped', value: 'n/a', note: `NL2Bash corpus not found at ${CORPUS}` }];
  const commands = fs.readFileSync(CORPUS, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const engine = await createPolicyEngine();
  for (const c of commands.slice(0, 500)) engine.judge(c);

  const total: number[] = [];
  const cpu: number[] = [];
  const parseOnly: number[] = [];
  const load = os.loadavg()[0];
  const counts = { allow: 0, ask: 0, deny: 0 };
  let parsed = 0;
  const denyRules = new Map<string, number>();
  for (const c of commands) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const facts = describeCommand(c);
    const t1 = performance.now();
    const d = engine.evaluate(facts);
    const t2 = performance.now();
    const used = process.cpuUsage(c0);
    cpu.push((used.user + used.system) / 1000);
    parseOnly.push(t1 - t0);
    total.push(t2 - t0);
    if (facts.parse.ok) parsed++;
    counts[d.decision]++;
    if (d.decision === 'deny') for (const r of d.rules) if (r.severity === 'deny') denyRules.set(r.id, (denyRules.get(r.id) ?? 0) + 1);
  }
  const n = commands.length;
  const share = (k: number) => `${((100 * k) / n).toFixed(1)}%`;
  const top = [...denyRules.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([id, k]) => `${id} ${k}`).join(', ');
  return [
    { area, metric: 'commands', value: n, note: 'NL2Bash all.cm, after 500 warm-up evaluations' },
    { area, metric: 'parse+facts+eval p50 ms', value: ms(percentile(total, 50)), note: 'goal ≤ 1 ms' },
    { area, metric: 'parse+facts+eval p99 ms', value: ms(percentile(total, 99)), note: 'goal ≤ 5 ms' },
    { area, metric: 'same, CPU time p50 ms', value: ms(percentile(cpu, 50)), note: 'this process\'s CPU time: unaffected by other load' },
    { area, metric: 'same, CPU time p99 ms', value: ms(percentile(cpu, 99)), note: `load average ${load.toFixed(1)} on ${os.cpus().length} cores during the run` },
    { area, metric: 'parse+facts p50 ms', value: ms(percentile(parseOnly, 50)) },
    { area, metric: 'parse+facts p99 ms', value: ms(percentile(parseOnly, 99)) },
    { area, metric: 'parse coverage', value: share(parsed), note: `${n - parsed} commands are not valid bash (denied as parse.error)` },
    { area, metric: 'share allow', value: share(counts.allow) },
    { area, metric: 'share ask', value: share(counts.ask) },
    { area, metric: 'share deny', value: share(counts.deny), note: top },
  ];
}
