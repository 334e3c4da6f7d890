// The planner's accuracy figures alone, without the timing parts of
// `npm run bench planner`: NL2Bash, the guards, the development split, the
// fresh set (both together give the development total) and
// the held-out split (only with --held-out; --quick stops after the guards).
// `--fresh2` runs the sealed second fresh set alone and prints its figure.
// `node --import tsx test/bench/plannerAccuracy.ts [--quick] [--held-out] [--fresh2]`.
import { nl2bash } from './planner.bench';
import type { BenchRow } from './row';
import { developmentSets, freshSecond, guards, heldOut } from './plannerSets';

async function main(): Promise<void> {
  if (process.argv.includes('--fresh2')) return print(await freshSecond());
  const rows = [...(await nl2bash()), ...(await guards())];
  if (process.argv.includes('--quick')) return print(rows);
  rows.push(...(await developmentSets()));
  if (process.argv.includes('--held-out')) rows.push(...(await heldOut()));
  print(rows);
}

function print(rows: BenchRow[]): void {
  for (const r of rows) console.log(`${r.metric}: ${r.value}  (${r.note ?? ''})`);
}

main().then(() => process.exit(0), (err: Error) => { console.error(err.message); process.exit(1); });
