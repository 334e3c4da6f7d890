// The planner's accuracy figures alone, without the timing parts of
// `npm run bench planner`: NL2Bash, the guards, the development split and
// the held-out split (only with --held-out; --quick stops after the guards).
// `node --import tsx test/bench/plannerAccuracy.ts [--quick] [--held-out]`.
import { nl2bash } from './planner.bench';
import type { BenchRow } from './row';
import { runDevset } from './devset/check';
import { guards, heldOut, withPlanner } from './plannerSets';

async function main(): Promise<void> {
  const rows = [...(await nl2bash()), ...(await guards())];
  if (process.argv.includes('--quick')) return print(rows);
  const dev = await withPlanner((planner) => runDevset(async (request, workspace) => (await planner.plan({ request, workspace, planner: 'embedded' }, {})).command, { concurrency: 2 }));
  const byCategory = Object.entries(dev.byCategory).map(([c, r]) => `${c} ${r.solved}/${r.total}`).join(', ');
  rows.push({ area: 'planner', metric: 'dev set solve rate (embedded)', value: `${((100 * dev.solved) / Math.max(1, dev.total)).toFixed(1)}%`, note: `${dev.solved}/${dev.total}; ${byCategory}` });
  if (process.argv.includes('--held-out')) rows.push(...(await heldOut()));
  print(rows);
}

function print(rows: BenchRow[]): void {
  for (const r of rows) console.log(`${r.metric}: ${r.value}  (${r.note ?? ''})`);
}

main().then(() => process.exit(0), (err: Error) => { console.error(err.message); process.exit(1); });
