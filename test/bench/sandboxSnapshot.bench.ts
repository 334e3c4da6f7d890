// Snapshot runs end to end from the command line (`paladin run --mode
// snapshot`, a new process each time, as a person types it) on workspaces of
// 10, 30,000 and 200,000 files (the last with a node_modules folder), with
// the overlay (the default) and with the copy, against `docker run --rm` of
// the same image measured in the same run. The command changes one file.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ms, percentile, type BenchRow } from './row';

const image = process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox';
const area = 'sandbox';
const built = path.resolve('dist/cli.js');
const tsx = pathToFileURL(path.resolve('node_modules/tsx/dist/loader.mjs')).href;
const entry = fs.existsSync(built) ? [built] : ['--import', tsx, path.resolve('server/src/cli/main.ts')];

function timedSpawn(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ ms: number; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - t0, code, stderr }));
  });
}

/** A workspace of `count` small files, owned by a user when this runs as root (root-owned folders are copied). */
function makeWorkspace(dir: string, count: number, nodeModules = 0): void {
  for (let i = 0; i < count; i++) {
    const d = path.join(dir, `src${i % 200}`);
    if (i < 200) fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(path.join(d, `f${i}.txt`), `file ${i}\n`);
  }
  for (let i = 0; i < nodeModules; i++) {
    const d = path.join(dir, 'node_modules', `pkg${i % 2000}`);
    if (i < 2000) fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(path.join(d, `m${i}.js`), `module.exports = ${i};\n`);
  }
  fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"bench"}\n');
  if (process.getuid?.() === 0) fs.lchownSync(dir, 1000, 1000);
  if (process.getuid?.() === 0) chownTree(dir);
}

function chownTree(dir: string): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    fs.lchownSync(p, 1000, 1000);
    if (e.isDirectory()) chownTree(p);
  }
}

async function cliRuns(tmp: string, workspace: string, method: 'overlay' | 'copy', n: number): Promise<number[]> {
  const env = { ...process.env, PALADIN_DB: path.join(tmp, 'data', 'paladin.db'), PALADIN_SANDBOX_IMAGE: image, PALADIN_SANDBOX_SNAPSHOT_METHOD: method, PALADIN_SANDBOX_POOL_SIZE: '0' };
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = await timedSpawn(process.execPath, [...entry, 'run', '--mode', 'snapshot', '--workspace', workspace, '--json', `echo run${i} >> src1/f1.txt`], env);
    if (r.code !== 0) throw new Error(`paladin run (${method}) exited ${r.code}: ${r.stderr.slice(-300)}`);
    if (method === 'overlay' && /copies the workspace/.test(r.stderr)) throw new Error(`the overlay fell back to a copy: ${r.stderr.slice(-300)}`);
    times.push(r.ms);
  }
  return times;
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-bench-snapshot-'));
  try {
    const sizes = [
      { name: '10 files', files: 10, nm: 0 },
      { name: '30,000 files', files: 30_000, nm: 0 },
      { name: '200,000 files (180,000 in node_modules)', files: 20_000, nm: 180_000 },
    ];
    const dockerRun = async () => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) times.push((await timedSpawn('docker', ['run', '--rm', '--network', 'none', '--cap-drop', 'ALL', '--read-only', image, 'echo', 'hi'])).ms);
      return percentile(times, 50);
    };
    const docker = await dockerRun();
    rows.push({ area, metric: 'docker run --rm echo hi p50 (ms)', value: ms(docker), note: 'same image, same run of the bench' });
    const p50: Record<string, number> = {};
    for (const size of sizes) {
      const ws = path.join(tmp, size.name.split(' ')[0].replace(/,/g, ''));
      fs.mkdirSync(ws);
      makeWorkspace(ws, size.files, size.nm);
      for (const method of ['overlay', 'copy'] as const) {
        // The copy refuses more than 200,000 files; that size is what the overlay is for.
        if (method === 'copy' && size.nm > 0) continue;
        const times = await cliRuns(tmp, ws, method, size.files === 10 ? 5 : 3);
        const value = percentile(times, 50);
        p50[`${method} ${size.name}`] = value;
        rows.push({
          area,
          metric: `snapshot ${size.name}, ${method}, CLI end to end p50 (ms)`,
          value: ms(value),
          note: `${(value / docker).toFixed(1)}x docker run --rm; n=${times.length}`,
        });
      }
    }
    for (const method of ['overlay', 'copy']) {
      const ratio = p50[`${method} 30,000 files`] / p50[`${method} 10 files`];
      rows.push({ area, metric: `snapshot 30,000 / 10 files, ${method} (x)`, value: ratio.toFixed(2), note: method === 'overlay' ? 'goal ≤ 2x' : 'the copy it replaces' });
    }
    const big = p50['overlay 200,000 files (180,000 in node_modules)'];
    rows.push({ area, metric: 'snapshot 200,000 / 10 files, overlay (x)', value: (big / p50['overlay 10 files']).toFixed(2), note: 'no copy; the socket check walks the folder' });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}
