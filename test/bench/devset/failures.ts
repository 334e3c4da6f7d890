// Lists the development split's failures, for tuning:
//   node --import tsx test/bench/devset/failures.ts [--only d001,d002] [--json out.json] [--cache judged.json] [--file fresh.json]
// With --cache, a planned command already judged for a request is not run
// again (a command over the same fixture gives the same result), so a change
// to the planner costs only the runs of the commands it changed.
// Reads requests.json, or a tuning set named with --file; the sealed sets
// (the held-out split, the second fresh set) are never listed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stageMigrations } from '../../../server/src/compose';
import { Planner } from '../../../server/src/planner';
import { createPolicyStage } from '../../../server/src/policy';
import { normaliseSettings } from '../../../server/src/settings/settings';
import { openDatabase } from '../../../server/src/store/database';
import { devsetFile, loadRequests, runDevset, type DevsetFailure } from './check';
import { buildFixture } from './fixture';
import { isSealed } from './sealed';

type Judged = Record<string, { planned: string; failure?: DevsetFailure }>;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const only = arg('--only')?.split(',');
  const cacheFile = arg('--cache');
  const file = devsetFile(arg('--file'));
  if (file && isSealed(file)) throw new Error(`${path.basename(file)} is sealed and never listed: name requests.json or a tuning set such as fresh.json`);
  const judged: Judged = cacheFile && fs.existsSync(cacheFile) ? JSON.parse(fs.readFileSync(cacheFile, 'utf8')) : {};
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-devset-failures-'));
  const db = openDatabase(path.join(dir, 'paladin.db'), { migrations: stageMigrations });
  const settings = normaliseSettings({ 'planner.cacheTtlSeconds': 0 }).settings;
  const planner = new Planner(db, settings, await createPolicyStage(db, settings));
  try {
    const requests = loadRequests(file).filter((r) => !only || only.includes(r.id));
    const fixture = buildFixture(dir);
    const planned = new Map<string, string>();
    for (const r of requests) planned.set(r.id, (await planner.plan({ request: r.request, workspace: fixture, planner: 'embedded' }, {})).command.trim());
    const todo = requests.filter((r) => judged[`${r.id}\n${planned.get(r.id)}`] === undefined);
    const byRequest = new Map(todo.map((r) => [r.request, r.id]));
    // Plans again over the fixture copy: names of the fixture's files change what is planned.
    const result = await runDevset(async (request, workspace) => {
      const command = (await planner.plan({ request, workspace, planner: 'embedded' }, {})).command;
      planned.set(byRequest.get(request) ?? '', command.trim());
      return command;
    }, { concurrency: 2, only: todo.map((r) => r.id), file });
    const failed = new Map(result.failures.map((f) => [f.id, f]));
    for (const r of todo) judged[`${r.id}\n${planned.get(r.id)}`] = { planned: planned.get(r.id) ?? '', failure: failed.get(r.id) };
    if (cacheFile) fs.writeFileSync(cacheFile, JSON.stringify(judged));
    const failures = requests.map((r) => judged[`${r.id}\n${planned.get(r.id)}`]?.failure).filter((f): f is DevsetFailure => f !== undefined);
    for (const f of failures) console.log(`${f.id} ${f.request}\n  planned:   ${f.planned}\n  reference: ${f.reference}\n  why: ${f.reason.split('\n')[0].slice(0, 200)}`);
    const out = arg('--json');
    if (out) fs.writeFileSync(out, JSON.stringify({ failures }, null, 1));
    console.log(`${requests.length - failures.length}/${requests.length} solved (${todo.length} run now)`);
  } finally {
    planner.dispose();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
