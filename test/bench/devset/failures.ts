// Lists the development split's failures, grouped by category, for tuning:
//   node --import tsx test/bench/devset/failures.ts [--only d001,d002] [--json out.json]
// Reads requests.json only; the held-out split is never listed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stageMigrations } from '../../../server/src/compose';
import { Planner } from '../../../server/src/planner';
import { createPolicyStage } from '../../../server/src/policy';
import { normaliseSettings } from '../../../server/src/settings/settings';
import { openDatabase } from '../../../server/src/store/database';
import { runDevset } from './check';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-devset-failures-'));
  const db = openDatabase(path.join(dir, 'paladin.db'), { migrations: stageMigrations });
  const settings = normaliseSettings({ 'planner.cacheTtlSeconds': 0 }).settings;
  const planner = new Planner(db, settings, await createPolicyStage(db, settings));
  try {
    const result = await runDevset(async (request, workspace) => (await planner.plan({ request, workspace, planner: 'embedded' }, {})).command, { concurrency: 2, only: arg('--only')?.split(',') });
    for (const f of result.failures) console.log(`${f.id} ${f.request}\n  planned:   ${f.planned}\n  reference: ${f.reference}\n  why: ${f.reason.split('\n')[0].slice(0, 200)}`);
    const out = arg('--json');
    if (out) fs.writeFileSync(out, JSON.stringify(result, null, 1));
    console.log(`${result.solved}/${result.total} solved; ${Object.entries(result.byCategory).map(([c, r]) => `${c} ${r.solved}/${r.total}`).join(', ')}`);
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
