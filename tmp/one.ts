// WS=dir [M='model answer'] [V=1] node --import tsx tmp/one.ts "request" ["request" ...]
// Plans each request in WS (default: a temp folder) with the embedded planner, or with an Ollama
// stand-in answering M. Prints the command shown (or ABSTAIN), and with V=1 the rejected candidates.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stageMigrations } from '../server/src/compose';
import { Planner } from '../server/src/planner';
import { createPolicyStage } from '../server/src/policy';
import { normaliseSettings } from '../server/src/settings/settings';
import { openDatabase } from '../server/src/store/database';
import { startOllamaStandIn } from '../test/support/ollamaStandIn';
import { modelAnswer, shownCommands } from '../test/support/modelAnswers';

async function main(): Promise<void> {
  const ws = process.env.WS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'one-'));
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onedb-'));
  const db = openDatabase(path.join(dbDir, 'p.db'), { migrations: stageMigrations });
  const raw: Record<string, unknown> = { 'planner.cacheTtlSeconds': 0 };
  const ollama = process.env.M ? await startOllamaStandIn({ models: ['m'], chat: () => modelAnswer(process.env.M!) }) : undefined;
  if (ollama) Object.assign(raw, { 'ollama.url': ollama.url, 'ollama.model': 'm' });
  const settings = normaliseSettings(raw).settings;
  const planner = new Planner(db, settings, await createPolicyStage(db, settings));
  for (const request of process.argv.slice(2)) {
    const r = await planner.plan({ request, workspace: ws, ...(ollama ? {} : { planner: 'embedded' as const }) }, {});
    console.log(`${request}\n  => ${r.abstained ? 'ABSTAIN' : r.command}  [${r.planner} ${r.policy.verdict}]`);
    if (process.env.M) console.log(`  model answer shown: ${shownCommands(r).includes(process.env.M)}`);
    if (process.env.V) {
      for (const x of r.rejected ?? []) console.log(`  rejected ${x.planner}: ${x.command} -- ${x.reason}`);
      for (const c of r.candidates) console.log(`  alt: ${c.command}`);
      console.log(`  intent: ${JSON.stringify(r.intent)}`);
    }
  }
  planner.dispose(); db.close(); await ollama?.close();
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
