// What "checked by a dry run" adds to a plan, with the warm pool on and
// warmed (runs at a person's pace: the pool refills between plans): plan
// time with `dryRun: true` minus without, for the same requests in one
// process, and what each try costs, beside `docker run --rm IMAGE true`,
// `docker exec` into a running container (CLI and Engine API) measured in
// the same run. `npm run bench plannerDryRun`.

import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type Docker from 'dockerode';
import { createPaladin } from '../../server/src/compose';
import type { Executor } from '../../server/src/executor';
import type { Paladin } from '../../server/src/paladin';
import type { Actor } from '../../server/src/protocol/types';
import { normaliseSettings } from '../../server/src/settings/settings';
import { localUserId } from '../../server/src/store/database';
import { timePhases, type Phases } from './dryRunPhases';
import { ms, percentile, type BenchRow } from './row';

const image = process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox';
const area = 'plannerDryRun';

/** Requests a person asks of a small project: questions and changes. */
export const DRY_RUN_REQUESTS = [
  'list the files in src', 'show what is inside the data directory', 'count the lines of notes.txt', 'show the first 5 lines of data/users.csv',
  'how many files are in src', 'search for TODO in src', 'show the contents of notes.txt', 'list the files in logs', 'count the lines in logs/app.log',
  'show the last 3 lines of logs/app.log', 'find the word error in logs', 'show the disk usage of src', 'list the csv files in data',
  'count the words in notes.txt', 'sort data/users.csv', 'show the biggest files in src', 'print the current directory',
  'list hidden files', 'count the TODO lines in src', 'show the first line of README.md',
  'delete all .tmp files under build', 'rename notes.txt to todo.txt', 'create a folder called out', 'copy README.md to docs',
  'create an empty file called new.txt', 'append done to notes.txt', 'move logs/app.log to archive', 'delete the build folder',
  'replace TODO with DONE in notes.txt', 'make run.sh executable',
];

/** A small project, owned by a user when this runs as root (a root-owned folder is copied, not layered). */
export function makeProject(ws: string): void {
  const files: Record<string, string> = {
    'notes.txt': 'hello\nTODO: call ann\nbuy milk\n', 'README.md': '# demo\nA small project.\n', 'run.sh': 'echo run\n',
    'data/users.csv': 'id,name\n1,ann\n2,bo\n3,cy\n', 'data/orders.csv': 'id,user\n1,1\n', 'logs/app.log': 'start\nerror: disk\nstop\n',
    'build/a.tmp': 'x', 'build/b.tmp': 'y', 'docs/guide.md': '# guide\n', '.hidden': 'secret-free\n',
  };
  for (let i = 0; i < 8; i++) files[`src/m${i}.ts`] = `// TODO ${i}\nexport const x${i} = ${i};\n`;
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
    fs.writeFileSync(path.join(ws, rel), text);
  }
  if (process.getuid?.() === 0) chownTree(ws);
}

function chownTree(p: string): void {
  fs.lchownSync(p, 1000, 1000);
  if (fs.lstatSync(p).isDirectory()) for (const name of fs.readdirSync(p)) chownTree(path.join(p, name));
}

interface Try { wall: number; exec: number; mode: string; pooled: boolean }

/** Times the dry run's own calls: each run (and its mode), discard and policy check; the planner keeps its own policy stage. */
function instrument(paladin: Paladin): { tries: Try[]; checks: number[]; discards: number[] } {
  const seen = { tries: [] as Try[], checks: [] as number[], discards: [] as number[] };
  const ex = paladin.stages.executor;
  const policy = paladin.stages.policy;
  const timed = async <T>(list: number[], work: Promise<T>): Promise<T> => {
    const t = performance.now();
    const r = await work;
    list.push(performance.now() - t);
    return r;
  };
  paladin.stages.executor = {
    apply: (runId, options) => ex.apply(runId, options),
    status: () => ex.status(),
    dispose: () => ex.dispose(),
    discard: (runId) => timed(seen.discards, ex.discard(runId)),
    run: async (params, options) => {
      const t = performance.now();
      const r = await ex.run(params, options);
      seen.tries.push({ wall: performance.now() - t, exec: r.durations.runMs, mode: params.mode ?? 'ro', pooled: r.durations.startMs < 20 });
      return r;
    },
  };
  paladin.stages.policy = { version: policy.version, reload: () => policy.reload(), check: (command, options) => timed(seen.checks, policy.check(command, options)) };
  return seen;
}

/** Plan each request with and without the dry run (alternating which goes first), the pool refilled before each. */
async function planPairs(paladin: Paladin, executor: Executor, workspace: string, actor: Actor) {
  const plain: number[] = [];
  const dry: number[] = [];
  const triesPerPlan: number[] = [];
  const asksChange: boolean[] = [];
  for (const [i, request] of DRY_RUN_REQUESTS.entries()) {
    for (const withDryRun of i % 2 === 0 ? [false, true] : [true, false]) {
      await executor.settle();
      const t = performance.now();
      const result = await paladin.plan(actor, { request, workspace, planner: 'embedded', dryRun: withDryRun });
      (withDryRun ? dry : plain).push(performance.now() - t);
      if (!withDryRun) continue;
      triesPerPlan.push(result.dryRun?.tried.length ?? 0);
      asksChange.push((result.intent?.actions.length ?? 0) > 0);
    }
  }
  return { plain, dry, added: dry.map((d, i) => d - plain[i]), triesPerPlan, asksChange };
}

function timedSpawn(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn('docker', args, { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - t) : reject(new Error(`docker ${args[0]} exited ${code}`))));
  });
}

/** An exec through the Engine API, as the executor starts one: create, start attached, wait for its end. */
async function apiExec(container: Docker.Container): Promise<number> {
  const t = performance.now();
  const exec = await container.exec({ Cmd: ['true'], AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({ hijack: true, stdin: false });
  await new Promise<void>((resolve) => {
    stream.on('end', resolve);
    stream.on('close', resolve);
    stream.resume();
  });
  while ((await exec.inspect()).Running) await new Promise((r) => setTimeout(r, 2));
  return performance.now() - t;
}

/** `docker run --rm IMAGE true`, and exec into a running container of the bench's own (CLI and Engine API). */
async function baselines(docker: Docker): Promise<{ run: number[]; cliExec: number[]; apiExec: number[] }> {
  const run: number[] = [];
  for (let i = 0; i < 8; i++) run.push(await timedSpawn(['run', '--rm', '--network', 'none', image, 'true']));
  const name = `paladin-bench-exec-${randomUUID()}`;
  await timedSpawn(['run', '-d', '--rm', '--network', 'none', '--name', name, image, 'sleep', '600']);
  const cliExec: number[] = [];
  const api: number[] = [];
  try {
    for (let i = 0; i < 10; i++) cliExec.push(await timedSpawn(['exec', name, 'true']));
    for (let i = 0; i < 10; i++) api.push(await apiExec(docker.getContainer(name)));
  } finally {
    await timedSpawn(['rm', '-f', name]).catch(() => undefined);
  }
  return { run, cliExec, apiExec: api };
}

export async function bench(): Promise<BenchRow[]> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-bench-dryrun-'));
  const workspace = path.join(tmp, 'ws');
  makeProject(workspace);
  fs.mkdirSync(path.join(tmp, 'data'));
  const { settings } = normaliseSettings({ 'sandbox.image': image, 'database.path': path.join(tmp, 'data', 'paladin.db'), 'planner.cacheTtlSeconds': 0 });
  const paladin = await createPaladin(settings);
  const executor = paladin.stages.executor as Executor;
  const actor: Actor = { userId: localUserId(paladin.db), source: 'cli' };
  const loadBefore = os.loadavg()[0];
  try {
    // Warm the pools a dry run takes from (a question's and a change's), then measure.
    for (const request of ['list the files in src', 'delete all .tmp files under build']) await paladin.plan(actor, { request, workspace, dryRun: true, planner: 'embedded' });
    const seen = instrument(paladin);
    const timing = timePhases();
    const pairs = await planPairs(paladin, executor, workspace, actor).finally(() => timing.stop());
    const base = await baselines(executor.docker);
    return [...rows(pairs, seen, base, `load average ${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`), ...phaseRows(timing.phases)];
  } finally {
    await paladin.dispose();
    paladin.db.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function rows(
  pairs: Awaited<ReturnType<typeof planPairs>>,
  seen: ReturnType<typeof instrument>,
  base: Awaited<ReturnType<typeof baselines>>,
  load: string,
): BenchRow[] {
  const p50 = (xs: number[]) => percentile(xs, 50);
  const walls = seen.tries.map((t) => t.wall);
  const modes = ['ro', 'snapshot'].map((m) => `${m} ${seen.tries.filter((t) => t.mode === m).length}`).join(', ');
  const added = p50(pairs.added);
  const perTry = p50(walls);
  const byMode = (mode: string) => seen.tries.filter((t) => t.mode === mode).map((t) => t.wall);
  const questions = pairs.added.filter((_, i) => !pairs.asksChange[i]);
  const changes = pairs.added.filter((_, i) => pairs.asksChange[i]);
  return [
    { area, metric: 'dry run adds to a plan, p50 (ms)', value: ms(added), note: `goal < 100; p95 ${ms(percentile(pairs.added, 95))}; ${pairs.added.length} requests, warm pool; ${load}` },
    { area, metric: 'plan with / without the dry run, p50 (ms)', value: `${ms(p50(pairs.dry))} / ${ms(p50(pairs.plain))}`, note: `p95 ${ms(percentile(pairs.dry, 95))} / ${ms(percentile(pairs.plain, 95))}` },
    { area, metric: 'dry run adds, questions / changes, p50 (ms)', value: `${ms(p50(questions))} / ${ms(p50(changes))}`, note: `${questions.length} / ${changes.length} requests; p95 ${ms(percentile(questions, 95))} / ${ms(percentile(changes, 95))}` },
    { area, metric: 'tries per plan (mean)', value: (seen.tries.length / pairs.triesPerPlan.length).toFixed(2), note: `${seen.tries.length} tries: ${modes}; ${seen.tries.filter((t) => t.pooled).length} from the warm pool` },
    { area, metric: 'one try, p50 (ms)', value: ms(perTry), note: `p95 ${ms(percentile(walls, 95))}; the command's exec p50 ${ms(p50(seen.tries.map((t) => t.exec)))}` },
    { area, metric: 'one try, read-only / snapshot, p50 (ms)', value: `${ms(p50(byMode('ro')))} / ${ms(p50(byMode('snapshot')))}`, note: `p95 ${ms(percentile(byMode('ro'), 95))} / ${ms(percentile(byMode('snapshot'), 95))}` },
    { area, metric: 'dry-run policy check / discard, p50 (ms)', value: `${ms(p50(seen.checks))} / ${ms(p50(seen.discards))}`, note: `${seen.checks.length} checks, ${seen.discards.length} discards` },
    { area, metric: 'baseline: docker run --rm IMAGE true, p50 (ms)', value: ms(p50(base.run)), note: `${image}, docker CLI` },
    { area, metric: 'baseline: docker exec (CLI / Engine API) true, p50 (ms)', value: `${ms(p50(base.cliExec))} / ${ms(p50(base.apiExec))}`, note: 'into a running container' },
    { area, metric: 'added p50 / docker run --rm (x)', value: (added / p50(base.run)).toFixed(2) },
    { area, metric: 'one try p50 / Engine API exec (x)', value: (perTry / p50(base.apiExec)).toFixed(2), note: `/ CLI exec ${(perTry / p50(base.cliExec)).toFixed(2)}` },
  ];
}

/** After a snapshot try's command: freeze, the upper layer's stat, the archive read back (only when the layer is not empty); then the background work. */
function phaseRows(p: Phases): BenchRow[] {
  const p50 = (xs: number[]) => (xs.length ? ms(percentile(xs, 50)) : '-');
  return [
    { area, metric: 'snapshot try, freeze / layer stat / archive read, p50 (ms)', value: `${p50(p.freeze)} / ${p50(p.stat)} / ${p50(p.archive)}`, note: `${p.freeze.length} freezes, ${p.stat.length} stats, ${p.archive.length} archives read` },
    { area, metric: 'in the background: container removed / replacement made, p50 (ms)', value: `${p50(p.removed)} / ${p50(p.made)}`, note: `${p.removed.length} / ${p.made.length}; between plans (the pool refills at a person's pace)` },
  ];
}
