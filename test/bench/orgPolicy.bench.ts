// What the policy tiers cost per check: the engine alone, then the stage that
// reads the organisation version and the person's policies from the store at
// every check (one query), on SQLite and on PostgreSQL; and the first check
// after an admin's change, which loads the new version.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { addUser } from '../../server/src/gateway/users';
import { createPolicyEngine, createTeamPolicyStage, policyMigrations } from '../../server/src/policy';
import { addMemberPolicy } from '../../server/src/policy/memberPolicies';
import { addOrgPolicy } from '../../server/src/policy/orgPolicies';
import { recordsMigrations } from '../../server/src/records';
import { openSharedStore } from '../../server/src/store/openSharedStore';
import { ORG_RULES } from '../support/orgRules';
import { postgresSkipReason, startPostgres } from '../support/postgres';
import { ms, percentile, type BenchRow } from './row';

const AREA = 'policy tiers';
const COMMANDS = ['ls -la', 'git push origin main', 'curl -s https://example.org', 'rm -rf build', 'git clean -dx', 'npm test'];
const CHECKS = 600;
const MEMBER = 'package paladin.user.no_ls\n\nimport rego.v1\n\ndeny contains {"id": "no-ls", "reason": "r", "command_index": c.index} if {\n\tsome c in input.commands\n\tc.program == "ls"\n}\n';

async function timed(n: number, fn: (i: number) => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

function row(metric: string, times: number[]): BenchRow {
  return { area: AREA, metric, value: `${ms(percentile(times, 50))} ms`, note: `p99 ${ms(percentile(times, 99))} ms over ${times.length} checks` };
}

async function figures(engineName: string, url: string | undefined, file: string, rows: BenchRow[]): Promise<void> {
  const store = await openSharedStore({ url, path: file, migrations: [...policyMigrations, ...recordsMigrations] });
  try {
    const alice = await addUser(store, { email: 'alice@example.org', role: 'member' });
    await addOrgPolicy(store, ORG_RULES, { author: 'root@example.org', reason: 'bench' });
    await addMemberPolicy(store, alice.id, MEMBER);
    const stage = await createTeamPolicyStage(store);
    await stage.check('ls', { userId: alice.id });
    rows.push(row(`${engineName}: check with org and own tiers read from the store`, await timed(CHECKS, (i) => stage.check(COMMANDS[i % COMMANDS.length], { userId: alice.id }))));
    rows.push(row(`${engineName}: the query alone (version in force, own policies)`, await timed(CHECKS, () => store.all("SELECT 'org' AS tier, MAX(version) AS version, '' AS id, '' AS name FROM org_policy_versions UNION ALL SELECT 'own', version, id, name FROM safety_policies WHERE enabled = 1 AND wasm IS NOT NULL AND created_by = ?", [alice.id]))));
    const after: number[] = [];
    for (let i = 0; i < 5; i++) {
      await addOrgPolicy(store, ORG_RULES.replace('pushes are reviewed', `pushes are reviewed ${i}`), { author: 'root@example.org', reason: 'bench' });
      after.push(...(await timed(1, () => stage.check('ls', { userId: alice.id }))));
    }
    rows.push({ area: AREA, metric: `${engineName}: first check after an organisation change (loads the version)`, value: `${ms(percentile(after, 50))} ms`, note: `5 changes, max ${ms(Math.max(...after))} ms` });
  } finally {
    await store.close();
  }
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const engine = await createPolicyEngine();
  rows.push(row('engine alone (built-in policy, no store)', await timed(CHECKS, (i) => engine.judge(COMMANDS[i % COMMANDS.length]))));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-tier-bench-'));
  try {
    await figures('SQLite', undefined, path.join(dir, 'p.db'), rows);
    const skip = postgresSkipReason();
    if (skip) rows.push({ area: AREA, metric: 'PostgreSQL', value: 'skipped', note: skip });
    else {
      const server = await startPostgres();
      try {
        await figures('PostgreSQL', server.createDatabase('tiers'), path.join(dir, 'unused.db'), rows);
      } finally {
        server.stop();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
