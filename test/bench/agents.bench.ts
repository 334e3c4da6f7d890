// What an agent pays per command: one-shot `paladin check` and
// `paladin hook claude-code` against a bare `node -e 0` start, measured
// interleaved in the same run (the machine's load hits all three alike), as
// medians and as ratios. The goal is at most 2.5× a bare start.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ms, percentile, type BenchRow } from './row';

const area = 'agents';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const N = Number(process.env.PALADIN_BENCH_AGENTS_N ?? 25);

function time(args: string[], env: NodeJS.ProcessEnv, input?: string): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { env, input, stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'ignore'] });
  const elapsed = performance.now() - t0;
  if (r.status === null) throw new Error(`${args.join(' ')} was killed`);
  return elapsed;
}

export async function bench(): Promise<BenchRow[]> {
  spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'ignore' });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'paladin-bench-agents-'));
  const env = { ...process.env, PALADIN_DB: path.join(dir, 'paladin.db'), XDG_CACHE_HOME: path.join(dir, 'cache') };
  const cli = path.join(root, 'dist', 'cli.js');
  const event = JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'ls -la' }, cwd: dir });
  try {
    // The first run creates the store and the compile cache; a person pays it once.
    const first = time([cli, 'check', 'ls -la'], env);
    const bare: number[] = [];
    const check: number[] = [];
    const hook: number[] = [];
    const uncached: number[] = [];
    for (let i = 0; i < N; i++) {
      bare.push(time(['-e', '0'], env));
      check.push(time([cli, 'check', 'ls -la'], env));
      hook.push(time([cli, 'hook', 'claude-code'], env, event));
      uncached.push(time([cli, 'check', 'ls -la'], { ...env, PALADIN_COMPILE_CACHE: '0' }));
    }
    const b = percentile(bare, 50);
    const row = (metric: string, values: number[]): BenchRow => ({
      area,
      metric,
      value: `${(percentile(values, 50) / b).toFixed(2)}×`,
      note: `median ${ms(percentile(values, 50))} ms vs node -e 0 ${ms(b)} ms, p90 ${ms(percentile(values, 90))} ms, n=${N}; goal ≤ 2.5×`,
    });
    return [
      { area, metric: 'node -e 0 (bare start) median', value: ms(b), note: `ms, p90 ${ms(percentile(bare, 90))}, n=${N}` },
      row('paladin check "ls -la" / node -e 0', check),
      row('paladin hook claude-code / node -e 0', hook),
      row('paladin check without compile cache / node -e 0', uncached),
      { area, metric: 'first paladin check (new store, cold cache)', value: ms(first), note: 'ms, once' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
