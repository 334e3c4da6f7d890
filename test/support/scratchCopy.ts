// A plan run for real: a copy of a tree, made ready, the command run there by
// bash, the copy checked and removed. What the planner tests that run plans
// on scratch trees share.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface CopyRun {
  /** Called on the copy before the command runs (set times, add files). */
  prepare?: (dir: string) => void;
  /** Variables the command sees besides the test's own. */
  env?: Record<string, string>;
}

/** Runs `command` by bash in a fresh copy of `tree`, then `check(copy)`; the copy is removed after. */
export function runInCopy(tree: string, command: string, check: (dir: string) => void, options: CopyRun = {}): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-copy-'));
  try {
    fs.cpSync(tree, dir, { recursive: true, verbatimSymlinks: true });
    options.prepare?.(dir);
    execFileSync('bash', ['-c', command], { cwd: dir, stdio: 'pipe', env: { ...process.env, ...options.env } });
    check(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether `p` (relative to `dir`) is there. */
export const there = (dir: string, p: string): boolean => fs.existsSync(path.join(dir, p));
