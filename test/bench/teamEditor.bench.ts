// What a team server costs the editor: a policy check through the remote
// policy stage (HTTP to a real `paladin serve` on loopback, its audit append
// included) against the local policy stage, one check at a time as the
// editor asks them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { createPaladin } from '../../server/src/compose';
import { normaliseSettings } from '../../server/src/settings/settings';
import type { PolicyStage } from '../../server/src/stages';
import { ms, percentile, type BenchRow } from './row';

const AREA = 'team-editor';
const CHECKS = 200;
const COMMANDS = ['ls -la', 'grep -rn TODO src', 'find . -name "*.log" -delete', 'cat README.md | wc -l'];

async function timeChecks(policy: PolicyStage): Promise<number[]> {
  for (let i = 0; i < 10; i++) await policy.check(COMMANDS[i % COMMANDS.length]);
  const times: number[] = [];
  for (let i = 0; i < CHECKS; i++) {
    const t = performance.now();
    await policy.check(COMMANDS[i % COMMANDS.length]);
    times.push(performance.now() - t);
  }
  return times;
}

const row = (metric: string, times: number[]): BenchRow => ({ area: AREA, metric, value: ms(percentile(times, 50)), note: `median ms; p95 ${ms(percentile(times, 95))} ms, ${CHECKS} checks one at a time, load ${os.loadavg()[0].toFixed(1)}` });

export async function bench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-team-editor-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PALADIN_DB: path.join(dir, 'server', 'p.db'), PALADIN_API_WORKSPACES: dir, PALADIN_SANDBOX_POOL_SIZE: '0' };
  delete env.PALADIN_DATABASE_URL;
  let child: ChildProcess | undefined;
  try {
    const made = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', 'keys', 'create', 'bench', '--user', 'bench@example.org', '--quota', '1000000'], { env, encoding: 'utf8' });
    const key = made.stdout.trim();
    if (!key.startsWith('pld_')) throw new Error(`keys create failed: ${made.stderr}`);
    child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', 'serve', '--port', '0', '--json'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    const first = await readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next();
    const url = (JSON.parse(String(first.value)) as { url: string }).url;
    const local = await createPaladin(normaliseSettings({ 'database.path': path.join(dir, 'local', 'p.db'), 'sandbox.poolSize': 0 }).settings);
    const team = await createPaladin({ ...normaliseSettings({ 'database.path': path.join(dir, 'editor', 'p.db'), 'sandbox.poolSize': 0, 'server.url': url }).settings, server: { url, apiKey: key } });
    try {
      return [row('check, local policy stage', await timeChecks(local.stages.policy)), row('check, team server on loopback', await timeChecks(team.stages.policy))];
    } finally {
      await local.dispose();
      await team.dispose();
      local.db.close();
      team.db.close();
    }
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
