// Solve rate by class of request (git history, CSV columns, numbers and
// dates, multi-step actions), on the class set (classes.json, written apart
// from the development split and never tuned on case by case) and on the
// development split's requests of the same classes:
//   node --import tsx test/bench/devset/classes.ts [--dev]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stageMigrations } from '../../../server/src/compose';
import { Planner } from '../../../server/src/planner';
import { createPolicyStage } from '../../../server/src/policy';
import { normaliseSettings } from '../../../server/src/settings/settings';
import { openDatabase } from '../../../server/src/store/database';
import { loadRequests, runDevset, type DevRequest } from './check';

export const CLASS_SET = path.join(__dirname, 'classes.json');

/** The class a development request belongs to, read from its request and reference; undefined for none of them. */
export function requestClass(r: DevRequest): string | undefined {
  if (r.category === 'git' || /^git\b/.test(r.reference)) return 'git';
  if (/\.(csv|tsv)\b/i.test(r.request)) return 'csv';
  if (/\b(seq|bc|numfmt|date)\b|\$\(\(|-size\s|-mtime\s|\bdu\b|\bstat -c %s/.test(r.reference)) return 'numbers';
  if (r.compare === 'files-changed' || /&&|-exec\b|\bxargs\b|\bfor \w+ in\b/.test(r.reference)) return 'steps';
  return undefined;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-classes-'));
  const db = openDatabase(path.join(dir, 'paladin.db'), { migrations: stageMigrations });
  const settings = normaliseSettings({ 'planner.cacheTtlSeconds': 0 }).settings;
  const planner = new Planner(db, settings, await createPolicyStage(db, settings));
  const plan = async (request: string, workspace: string) => (await planner.plan({ request, workspace, planner: 'embedded' }, {})).command;
  try {
    const sets: [string, string | undefined][] = [['class set', CLASS_SET]];
    if (process.argv.includes('--dev')) sets.push(['development split', undefined]);
    for (const [name, file] of sets) {
      const requests = loadRequests(file);
      const classOf = new Map(requests.map((r) => [r.id, file ? r.category : requestClass(r)]));
      const only = requests.filter((r) => classOf.get(r.id) !== undefined).map((r) => r.id);
      const result = await runDevset(plan, { file, only, concurrency: 2 });
      const failed = new Set(result.failures.map((f) => f.id));
      const byClass = new Map<string, [number, number]>();
      for (const id of only) {
        const c = classOf.get(id) as string;
        const [s, t] = byClass.get(c) ?? [0, 0];
        byClass.set(c, [s + (failed.has(id) ? 0 : 1), t + 1]);
      }
      for (const [c, [s, t]] of byClass) console.log(`${name}\t${c}\t${s}/${t}\t${((100 * s) / t).toFixed(1)}%`);
      console.log(`${name}\tall\t${result.solved}/${result.total}`);
      if (process.argv.includes('--failures')) for (const f of result.failures) console.log(`  ${f.id} ${f.request}\n    planned:   ${f.planned}\n    reference: ${f.reference}`);
    }
  } finally {
    planner.dispose();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((err: Error) => {
    console.error(err.message);
    process.exit(1);
  });
}
