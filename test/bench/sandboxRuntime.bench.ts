// gVisor's cost: `echo hi` end to end through the Executor (queue, container
// create and start, exec, removal) under runsc against runc, same image and
// limits, runs interleaved so both see the same machine load. Reported as a
// ratio to runc; skipped with a note when the engine has no runsc.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Docker from 'dockerode';
import { Executor } from '../../server/src/executor';
import { engineRuntimes } from '../../server/src/executor/engineRuntime';
import { normaliseSettings } from '../../server/src/settings/settings';
import { ms, percentile, type BenchRow } from './row';

const image = process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox';
const area = 'sandbox';
const ROUNDS = 8;

function executor(tmp: string, runtime: 'runc' | 'runsc', poolSize: number): Executor {
  const { settings } = normaliseSettings({ 'sandbox.image': image, 'sandbox.runtime': runtime, 'sandbox.poolSize': poolSize, 'database.path': path.join(tmp, `${runtime}-${poolSize}`, 'p.db') });
  return new Executor(settings);
}

async function exitMs(e: Executor, workspace: string): Promise<number> {
  const t0 = performance.now();
  const r = await e.run({ command: 'echo hi', workspace, mode: 'ro' }, {});
  if (r.end !== 'exited' || r.exitCode !== 0) throw new Error(`echo hi ended as ${r.end} (${r.exitCode}): ${r.message ?? ''}`);
  return performance.now() - t0;
}

/** p50 exit times of `echo hi` per runtime, cold (no pool) or from a warm pool of one. */
async function measure(tmp: string, workspace: string, poolSize: number): Promise<Record<'runc' | 'runsc', number[]>> {
  const times = { runc: [] as number[], runsc: [] as number[] };
  const ex = { runc: executor(tmp, 'runc', poolSize), runsc: executor(tmp, 'runsc', poolSize) };
  try {
    for (const rt of ['runc', 'runsc'] as const) await exitMs(ex[rt], workspace); // first run: image and runtime warm
    for (let i = 0; i < ROUNDS; i++) {
      for (const rt of ['runc', 'runsc'] as const) {
        await ex[rt].settle(); // a warm pool refills between runs, as at a person's pace
        times[rt].push(await exitMs(ex[rt], workspace));
      }
    }
  } finally {
    await ex.runc.dispose();
    await ex.runsc.dispose();
  }
  return times;
}

export async function bench(): Promise<BenchRow[]> {
  if (!(await engineRuntimes(new Docker())).includes('runsc')) {
    return [{ area, metric: 'runsc / runc, echo hi end to end (x)', value: 'skipped', note: 'this Docker engine has no runsc runtime (see docs/user/sandbox.md, gVisor)' }];
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-bench-runtime-'));
  const workspace = path.join(tmp, 'ws');
  fs.mkdirSync(workspace);
  const rows: BenchRow[] = [];
  try {
    for (const [kind, poolSize] of [['cold', 0], ['warm pool', 1]] as const) {
      const t = await measure(tmp, workspace, poolSize);
      const runc = percentile(t.runc, 50);
      const runsc = percentile(t.runsc, 50);
      rows.push(
        { area, metric: `echo hi exit p50, ${kind}, runc (ms)`, value: ms(runc), note: `n=${t.runc.length}, p95 ${ms(percentile(t.runc, 95))}` },
        { area, metric: `echo hi exit p50, ${kind}, runsc (ms)`, value: ms(runsc), note: `n=${t.runsc.length}, p95 ${ms(percentile(t.runsc, 95))}` },
        { area, metric: `runsc / runc, echo hi end to end, ${kind} (x)`, value: (runsc / runc).toFixed(2), note: 'ptrace platform, interleaved runs' },
      );
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}
