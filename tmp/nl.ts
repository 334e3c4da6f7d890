// node --import tsx tmp/nl.ts SEED out.jsonl : NL2Bash sample of 1000 for SEED, one JSON line per pair.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stageMigrations } from '../server/src/compose';
import { Planner } from '../server/src/planner';
import { createPolicyStage } from '../server/src/policy';
import { normaliseSettings } from '../server/src/settings/settings';
import { openDatabase } from '../server/src/store/database';
import { mulberry32, utilities } from '../test/bench/planner.bench';

async function main(): Promise<void> {
  const seed = Number(process.argv[2] ?? 2018);
  const out = process.argv[3] ?? `tmp/nl${seed}.jsonl`;
  const dirNl = path.join(__dirname, '..', '..', 'shared', 'benchmarks', 'nl2bash');
  const nl = fs.readFileSync(path.join(dirNl, 'all.nl'), 'utf8').split('\n');
  const cm = fs.readFileSync(path.join(dirNl, 'all.cm'), 'utf8').split('\n');
  const rand = mulberry32(seed);
  const chosen = new Set<number>();
  while (chosen.size < 1000) {
    const i = Math.floor(rand() * Math.min(nl.length, cm.length));
    if (nl[i]?.trim() && cm[i]?.trim()) chosen.add(i);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nl-'));
  const db = openDatabase(path.join(dir, 'p.db'), { migrations: stageMigrations });
  const settings = normaliseSettings({ 'planner.cacheTtlSeconds': 0 }).settings;
  const planner = new Planner(db, settings, await createPolicyStage(db, settings));
  const lines: string[] = [];
  let first = 0, abst = 0;
  for (const i of chosen) {
    const ref = utilities(cm[i]);
    let command = '', abstained = false;
    try {
      const r = await planner.plan({ request: nl[i].slice(0, 2000), workspace: dir, planner: 'embedded' }, {});
      command = r.command; abstained = !!r.abstained;
    } catch (e) { command = `ERROR ${(e as Error).message}`; }
    const planned = utilities(command);
    const ok = [...ref][0] !== undefined && [...ref][0] === [...planned][0];
    if (ok) first++;
    if (abstained) abst++;
    lines.push(JSON.stringify({ i, nl: nl[i], cm: cm[i], command, abstained, ok }));
  }
  fs.writeFileSync(out, lines.join('\n') + '\n');
  console.log(`seed ${seed}: first ${(first / 10).toFixed(1)}% abstained ${abst}`);
  planner.dispose(); db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
