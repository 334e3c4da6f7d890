// The admin policy tier on a team: two real `paladin serve` processes (each
// with its own local SQLite file, as on two hosts) on one real PostgreSQL
// database. An admin's change on one instance judges the next check on the
// other; members get 403 for changes; history, rollback and the audit records
// of every change are in the shared database; a member's own policies, kept
// there too, tighten their verdicts only.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { call } from '../support/apiClient';
import { postgresSkipReason, startPostgres, type TestPostgres } from '../support/postgres';
import { ORG_RULES } from '../support/orgRules';
import { teamServers } from '../support/teamServers';

const skip = postgresSkipReason();
if (skip) console.log(`# PostgreSQL tests skipped: ${skip}`);

const WAIVE_PUSH = `package paladin.user.waive_push

import rego.v1

waive_ask contains {"id": "network.access", "command_index": 0}

waive_ask contains {"id": "org.push-review", "command_index": 0}
`;

const NO_LS = `package paladin.user.no_ls

import rego.v1

deny contains {"id": "no-ls", "reason": "this member does not list", "command_index": c.index} if {
	some c in input.commands
	c.program == "ls"
}
`;

describe('organisation policies shared by two paladin serve instances on PostgreSQL', { skip, timeout: 240_000 }, () => {
  let server: TestPostgres;
  let dir: string;
  let url: string;
  const team = teamServers({ get url() { return url; }, get dir() { return dir; }, get workspace() { return path.join(dir, 'ws'); } });
  const { serve } = team;
  const run = (args: string[]) => team.run('cli', args);
  before(async () => {
    server = await startPostgres();
    url = server.createDatabase('orgtier');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-team-policy-'));
    fs.mkdirSync(path.join(dir, 'ws'));
  });
  after(() => {
    team.killAll();
    server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const keyFor = async (email: string, role: string): Promise<string> => {
    const added = await run(['users', 'add', email, '--role', role]);
    assert.equal(added.code, 0, added.err);
    return team.createKey('cli', `${email.split('@')[0]}-key`, email, 1000);
  };

  test('an admin\'s change on one instance judges the next check on the other; members cannot change it; every change is versioned and audited', async () => {
    const admin = await keyFor('root@example.org', 'admin');
    const member = await keyFor('alice@example.org', 'member');
    const [a, b] = await Promise.all([serve('a'), serve('b')]);
    const check = async (port: number, key: string, command: string) => {
      const r = await call({ port }, 'POST', '/v1/check', { key, body: { command } });
      assert.equal(r.status, 200, r.text);
      return r.json as { decision: string; rules: { id: string; tier?: string; source?: { file: string } }[]; policyVersion: string };
    };
    assert.equal((await check(b.port, member, 'curl -s https://example.org')).decision, 'ask');

    // Members are refused every change, with a reason; reading is open to them.
    for (const [method, p, body] of [['POST', '/v1/org/policies', { rego: ORG_RULES, reason: 'mine' }], ['POST', '/v1/org/policies/rollback', { version: 1, reason: 'mine' }], ['DELETE', '/v1/org/policies/team_rules?reason=mine', undefined]] as const) {
      const refused = await call({ port: a.port }, method, p, { key: member, body });
      assert.equal(refused.status, 403, `${method} ${p}: ${refused.text}`);
      assert.match(refused.json.error.message, /Only an admin may change the organisation's policies/);
    }
    assert.equal((await call({ port: a.port }, 'GET', '/v1/org/policies', { key: member })).json.version, 0);

    const added = await call({ port: a.port }, 'POST', '/v1/org/policies', { key: admin, body: { rego: ORG_RULES, reason: 'no downloads' } });
    assert.equal(added.status, 200, added.text);
    assert.deepEqual([added.json.version, added.json.author], [1, 'root@example.org']);
    // The very next check on the other instance uses version 1.
    const curl = await check(b.port, member, 'curl -s https://example.org');
    assert.equal(curl.decision, 'deny');
    const hit = curl.rules.find((r) => r.id === 'org.no-curl');
    assert.deepEqual([hit?.tier, hit?.source?.file], ['org', 'org-policy:team_rules@v1']);
    assert.match(curl.policyVersion, /\+org@v1$/);

    const removed = await call({ port: b.port }, 'DELETE', '/v1/org/policies/team_rules?reason=too%20strict', { key: admin });
    assert.equal(removed.status, 200, removed.text);
    assert.equal((await check(a.port, member, 'curl -s https://example.org')).decision, 'ask');
    const rolled = await call({ port: b.port }, 'POST', '/v1/org/policies/rollback', { key: admin, body: { version: 1, reason: 'back to v1' } });
    assert.equal(rolled.status, 200, rolled.text);
    assert.equal((await check(a.port, member, 'curl -s https://example.org')).decision, 'deny');

    const history = await call({ port: a.port }, 'GET', '/v1/org/policies/history', { key: member });
    assert.deepEqual(history.json.versions.map((v: { version: number; change: string; author: string; reason: string }) => [v.version, v.change, v.author, v.reason]), [[1, 'add', 'root@example.org', 'no downloads'], [2, 'remove', 'root@example.org', 'too strict'], [3, 'rollback', 'root@example.org', 'back to v1']]);
    const old = await call({ port: b.port }, 'GET', '/v1/org/policies/versions/1', { key: member });
    assert.equal(old.json.modules[0].rego, ORG_RULES);

    // The CLI changes the same shared policies, as a named admin only.
    const byMember = await run(['policy', 'org', 'remove', 'team_rules', '--reason', 'x', '--as', 'alice@example.org']);
    assert.equal(byMember.code, 1);
    assert.match(byMember.err, /alice@example.org is a member/);
    const viaCli = await run(['policy', 'org', 'history', '--json']);
    assert.equal((JSON.parse(viaCli.out) as unknown[]).length, 3, viaCli.err);

    const db = new pg.Client(url);
    await db.connect();
    try {
      const changes = await db.query("SELECT action, resource, details FROM audit_log WHERE action LIKE 'policy.org.%' ORDER BY seq");
      assert.deepEqual(changes.rows.map((r) => [r.action, JSON.parse(r.details as string).version, JSON.parse(r.details as string).reason]), [['policy.org.add', 1, 'no downloads'], ['policy.org.remove', 2, 'too strict'], ['policy.org.rollback', 3, 'back to v1']]);
      const refusals = await db.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'api.refused' AND resource LIKE '/v1/org/policies%'");
      assert.equal(refusals.rows[0].n, 3, 'each refused change is audited');
      await assert.rejects(db.query("UPDATE org_policy_versions SET reason = 'rewritten' WHERE version = 1"), /append-only/);
      await assert.rejects(db.query('DELETE FROM org_policy_modules WHERE version = 1'), /append-only/);
    } finally {
      await db.end();
    }
    for (const { port } of [a, b]) assert.equal((await call({ port }, 'GET', '/v1/audit/verify', { key: admin })).json.intact, true);

    // A member's own policies live in the shared database and only tighten, for them alone.
    const files = { waive: path.join(dir, 'waive_push.rego'), noLs: path.join(dir, 'no_ls.rego') };
    fs.writeFileSync(files.waive, WAIVE_PUSH);
    fs.writeFileSync(files.noLs, NO_LS);
    const before = await check(a.port, member, 'git push origin main');
    const unreadable = await run(['policy', 'add', path.join(dir, 'missing.rego'), '--user', 'alice@example.org']);
    assert.equal(unreadable.code, 2);
    assert.match(unreadable.err, /cannot read .*missing\.rego: ENOENT/);
    for (const f of [files.waive, files.noLs]) {
      const r = await run(['policy', 'add', f, '--user', 'alice@example.org']);
      assert.equal(r.code, 0, r.err);
    }
    const after = await check(b.port, member, 'git push origin main');
    assert.equal(after.decision, before.decision, 'a member\'s waiver is not read');
    assert.deepEqual(after.rules.map((r) => r.id).sort(), before.rules.map((r) => r.id).sort());
    assert.equal((await check(b.port, member, 'ls -la')).decision, 'deny');
    assert.equal((await check(a.port, admin, 'ls -la')).decision, 'allow', 'her policy is hers only');
    // A plan is judged for the person who asked, with their own policies too.
    const plans = await Promise.all([member, admin].map((key) => call({ port: a.port }, 'POST', '/v1/plan', { key, body: { request: 'list files sorted by size', workspace: path.join(dir, 'ws') } })));
    for (const p of plans) assert.equal(p.status, 200, p.text);
    assert.match(plans[0].json.command, /^ls\b/, plans[0].text);
    assert.deepEqual([plans[0].json.policy.decision, plans[1].json.policy.decision], ['deny', 'allow'], plans[0].text);

    // Two admins' changes at once on two instances: one after the other, neither lost.
    const both = await Promise.all(['one', 'two'].map((n, i) => call({ port: [a, b][i].port }, 'POST', '/v1/org/policies', { key: admin, body: { rego: ORG_RULES.replace('paladin.org.team_rules', `paladin.org.rules_${n}`), reason: `change ${n}` } })));
    for (const r of both) assert.equal(r.status, 200, r.text);
    assert.deepEqual(both.map((r) => r.json.version).sort(), [4, 5]);
    const inForce = await call({ port: a.port }, 'GET', '/v1/org/policies', { key: member });
    assert.deepEqual([inForce.json.version, inForce.json.modules.map((m: { name: string }) => m.name)], [5, ['rules_one', 'rules_two', 'team_rules']]);
  });
});
