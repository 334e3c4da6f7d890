import * as fs from 'node:fs'; import * as os from 'node:os'; import * as path from 'node:path';
import { stageMigrations } from '../server/src/compose';
import { createPolicyStage } from '../server/src/policy';
import { normaliseSettings } from '../server/src/settings/settings';
import { openDatabase } from '../server/src/store/database';
async function main() {
  const db = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'f-')), 'p.db'), { migrations: stageMigrations });
  const policy = await createPolicyStage(db, normaliseSettings({}).settings);
  for (const c of process.argv.slice(2)) {
    const d = await policy.check(c, { workspace: process.env.WS ?? '/tmp/rt17/ws', facts: true });
    const f = d.facts as any;
    console.log(c, '=>', d.decision, d.rules.map((r) => r.id).join(','));
    for (const x of f.commands) console.log('  ', x.program, 'flags', JSON.stringify(x.flags), 'pos', JSON.stringify(x.positionals), 'del', JSON.stringify(x.deletes.map((p: any) => [p.path, p.resolved, p.glob, p.dynamic])), 'wr', JSON.stringify(x.writes.map((p: any) => [p.path, p.resolved, p.glob, p.dynamic])), 'redir', JSON.stringify(x.redirects));
  }
  db.close();
}
main().then(() => process.exit(0));
