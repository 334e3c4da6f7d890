// Organisation policies on a real store (SQLite here; the team test runs the
// same on PostgreSQL), compiled with the real `opa` CLI and evaluated with
// the built-in policy: versions with author and reason, rollback as a new
// version, rows nobody can rewrite, and a person's own policies, whatever
// they try, never weakening a verdict of the tiers above.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { openStore } from '../../server/src/compose';
import { addUser } from '../../server/src/gateway/users';
import { createPolicyEngine, createTeamPolicyStage } from '../../server/src/policy';
import { addMemberPolicy } from '../../server/src/policy/memberPolicies';
import { addOrgPolicy, orgPolicyHistory, orgPolicyVersion, removeOrgPolicy, rollbackOrgPolicies } from '../../server/src/policy/orgPolicies';
import { generateShapeRule } from '../../server/src/policy/shapeRule';
import { UserPolicyError } from '../../server/src/policy/userPolicies';
import type { Decision } from '../../server/src/protocol/types';
import { normaliseSettings } from '../../server/src/settings/settings';
import { sqlStoreOf } from '../../server/src/store/sqlStore';
import { ORG_RULES } from '../support/orgRules';
import { runCli } from '../support/runCli';

const SEVERITY: Record<Decision, number> = { allow: 0, ask: 1, deny: 2 };


const CORPUS = ['curl -s https://example.org', 'git push origin main', 'git clean -dx', 'ls && git clean -dx', 'rm -rf /', 'npm install', 'kubectl get pods', 'cat ~/.bashrc', 'git commit -am wip', 'ls -la', 'echo hi', 'sudo apt-get install jq'];

/** What a member might write to loosen a verdict; each is an ordinary user policy. */
function looseningAttempts(builtinAsks: { id: string; command_index: number }[]): Record<string, string> {
  const ids = [...new Set([...builtinAsks.map((a) => a.id), 'org.no-curl', 'no-curl', 'org.push-review', 'push-review', 'repo.change'])];
  const waiveEverything = ids.flatMap((id) => [0, 1, 2].map((i) => `waive_ask contains {"id": ${JSON.stringify(id)}, "command_index": ${i}}`)).join('\n');
  const head = (name: string) => `package paladin.user.${name}\n\nimport rego.v1\n\n`;
  return {
    waive_all: head('waive_all') + waiveEverything + '\n',
    allow_words: head('allow_words') + 'allow := true\n\ndecision := "allow"\n\nrules := []\n\nwaive contains {"id": "no-curl", "command_index": 0}\n',
    same_ids: head('same_ids') +
      'ask contains {"id": "org.no-curl", "reason": "only an ask", "command_index": c.index} if {\n\tsome c in input.commands\n\tc.program == "curl"\n}\n\n' +
      'ask contains {"id": "no-curl", "reason": "only an ask", "command_index": c.index} if {\n\tsome c in input.commands\n\tc.program == "curl"\n}\n\n' +
      'ask contains {"id": "repo.change", "severity": "allow", "command_index": 0} if true\n',
    empty_sets: head('empty_sets') + 'deny := set()\n\nask := set()\n\nwaive_ask contains {"id": "push-review", "command_index": 0}\n',
  };
}

function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-org-tier-'));
  const { settings } = normaliseSettings({ 'database.path': path.join(dir, 'p.db') });
  const db = openStore(settings);
  return { dir, db, store: sqlStoreOf(db), done: () => (db.close(), fs.rmSync(dir, { recursive: true, force: true })) };
}

test('organisation policies are versioned with author and reason, rolled back by a new version, and never rewritten', async () => {
  const s = setup();
  try {
    const admin = { author: 'root@example.org', reason: 'no downloads' };
    const v1 = await addOrgPolicy(s.store, ORG_RULES, admin);
    assert.deepEqual([v1.version, v1.change, v1.name, v1.author, v1.reason], [1, 'add', 'team_rules', 'root@example.org', 'no downloads']);
    await assert.rejects(addOrgPolicy(s.store, ORG_RULES, admin), /exactly this text already \(version 1\)/);
    await assert.rejects(addOrgPolicy(s.store, ORG_RULES.replace('paladin.org.', 'paladin.user.'), admin), /must be in `package paladin\.org\.<name>`/);
    await assert.rejects(addOrgPolicy(s.store, ORG_RULES, { author: 'root@example.org', reason: ' ' }), UserPolicyError);
    const v2 = await removeOrgPolicy(s.store, 'team_rules', { author: 'ops@example.org', reason: 'too strict' });
    assert.deepEqual([v2.version, v2.modules], [2, []]);
    await assert.rejects(removeOrgPolicy(s.store, 'team_rules', admin), /No organisation policy named "team_rules" is in force \(version 2\)/);
    const v3 = await rollbackOrgPolicies(s.store, 1, { author: 'root@example.org', reason: 'back to v1' });
    assert.deepEqual([v3.version, v3.change, v3.rolledBackTo, v3.modules.map((m) => [m.name, m.addedIn])], [3, 'rollback', 1, [['team_rules', 1]]]);
    await assert.rejects(rollbackOrgPolicies(s.store, 3, admin), /is the one in force/);
    await assert.rejects(rollbackOrgPolicies(s.store, 9, admin), /from 1 to 3/);
    const history = await orgPolicyHistory(s.store);
    assert.deepEqual(history.map((v) => [v.version, v.change, v.author, v.modules.length]), [[1, 'add', 'root@example.org', 1], [2, 'remove', 'ops@example.org', 0], [3, 'rollback', 'root@example.org', 1]]);
    assert.equal((await orgPolicyVersion(s.store, 1)).modules[0].rego, ORG_RULES, 'an old version is readable with its text');
    assert.throws(() => s.db.prepare("UPDATE org_policy_versions SET reason = 'x' WHERE version = 1").run(), /append-only/);
    assert.throws(() => s.db.prepare('DELETE FROM org_policy_modules WHERE version = 1').run(), /append-only/);
  } finally {
    s.done();
  }
});

test('an organisation version in force applies at the next check, and its hits name the tier and version', async () => {
  const s = setup();
  try {
    const alice = await addUser(s.store, { email: 'alice@example.org', role: 'member' });
    const stage = await createTeamPolicyStage(s.store);
    assert.equal((await stage.check('curl -s https://example.org', { userId: alice.id })).decision, 'ask');
    await addOrgPolicy(s.store, ORG_RULES, { author: 'root@example.org', reason: 'r' });
    const curl = await stage.check('curl -s https://example.org', { userId: alice.id });
    assert.equal(curl.decision, 'deny');
    const hit = curl.rules.find((r) => r.id === 'org.no-curl')!;
    assert.deepEqual([hit.tier, hit.source], ['org', { file: 'org-policy:team_rules@v1', line: 5 }]);
    assert.match(curl.policyVersion, /^builtin-[0-9a-f]{12}\+org@v1$/);
    const clean = await stage.check('git clean -dx', { userId: alice.id });
    assert.equal(clean.decision, 'allow', 'the organisation waived the built-in ask for this shape');
    assert.equal(clean.waived?.[0].waivedBy, 'org.team_rules@v1');
    assert.equal((await stage.check('git clean -fdx', { userId: alice.id })).decision, 'deny', 'a deny is never waived');
    await removeOrgPolicy(s.store, 'team_rules', { author: 'root@example.org', reason: 'r' });
    assert.equal((await stage.check('curl -s https://example.org', { userId: alice.id })).decision, 'ask');
  } finally {
    s.done();
  }
});

test('a member\'s own policies never weaken a verdict, whatever they try; their denies still apply to them alone', async () => {
  const s = setup();
  try {
    const alice = await addUser(s.store, { email: 'alice@example.org', role: 'member' });
    const bob = await addUser(s.store, { email: 'bob@example.org', role: 'member' });
    await addOrgPolicy(s.store, ORG_RULES, { author: 'root@example.org', reason: 'r' });
    const stage = await createTeamPolicyStage(s.store);
    const before = new Map<string, { decision: Decision; rules: string[] }>();
    for (const c of CORPUS) {
      const d = await stage.check(c, { userId: alice.id });
      before.set(c, { decision: d.decision, rules: d.rules.map((r) => r.id) });
    }
    // Shape rules for every built-in ask, as `allow-shape` writes them for one machine.
    const builtin = await createPolicyEngine();
    const attempts = looseningAttempts(CORPUS.flatMap((c) => builtin.judge(c).rules.filter((r) => r.severity === 'ask')));
    for (const c of ['git push origin main', 'npm install', 'git clean -dx', 'kubectl get pods', 'cat ~/.bashrc']) {
      const d = builtin.judge(c, { facts: true });
      if (d.decision === 'ask') attempts[`shape_${Object.keys(attempts).length}`] = generateShapeRule(c, d).rego;
    }
    let tried = 0;
    for (const rego of Object.values(attempts)) {
      await addMemberPolicy(s.store, alice.id, rego);
      tried++;
      for (const c of CORPUS) {
        const d = await stage.check(c, { userId: alice.id });
        const was = before.get(c)!;
        assert.ok(SEVERITY[d.decision] >= SEVERITY[was.decision], `${c}: ${was.decision} became ${d.decision} with ${rego.split('\n')[0]}`);
        for (const id of was.rules) assert.ok(d.rules.some((r) => r.id === id), `${c}: ${id} disappeared with ${rego.split('\n')[0]}`);
        assert.ok(!d.waived?.some((w) => !w.waivedBy.startsWith('org.')), `${c}: a member's waiver was used`);
      }
    }
    assert.ok(tried >= 8, `only ${tried} attempts`);
    const curl = await stage.check('curl -s https://example.org', { userId: alice.id });
    assert.ok(curl.rules.some((r) => r.id === 'user.org.no-curl' && r.tier === 'user'), 'a member rule copying an org id is the member\'s, prefixed');
    // A member's own deny: hers, not Bob's.
    await addMemberPolicy(s.store, alice.id, 'package paladin.user.no_ls\n\nimport rego.v1\n\ndeny contains {"id": "no-ls", "reason": "no ls", "command_index": c.index} if {\n\tsome c in input.commands\n\tc.program == "ls"\n}\n');
    assert.equal((await stage.check('ls -la', { userId: alice.id })).decision, 'deny');
    assert.equal((await stage.check('ls -la', { userId: bob.id })).decision, 'allow');
    await assert.rejects(addMemberPolicy(s.store, alice.id, ORG_RULES), /must be in `package paladin\.user\.<name>`/, 'a member cannot write into the organisation\'s package');
  } finally {
    s.done();
  }
});

test('`paladin policy org` on one machine: versions, show, rollback, a check naming the tier, and an audit record per change', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-org-cli-'));
  const dbPath = path.join(dir, 'p.db');
  const file = path.join(dir, 'team_rules.rego');
  fs.writeFileSync(file, ORG_RULES);
  const cli = (...argv: string[]) => runCli(argv, dbPath);
  try {
    const noReason = await cli('policy', 'org', 'add', file);
    assert.equal(noReason.code, 2);
    assert.match(noReason.err, /give a reason: --reason/);
    const unreadable = await cli('policy', 'org', 'add', path.join(dir, 'missing.rego'), '--reason', 'no downloads');
    assert.equal(unreadable.code, 2);
    assert.match(unreadable.err, /cannot read .*missing\.rego: ENOENT/);
    const tried = await cli('policy', 'test', file, '--command', 'git clean -dx');
    assert.equal(tried.code, 0, tried.err);
    assert.match(tried.out, /\(waived\) repo\.change: allowed for exactly this shape by org\.team_rules/);
    assert.equal((await cli('policy', 'org', 'add', file, '--reason', 'no downloads')).code, 0);
    assert.equal((await cli('policy', 'org', 'remove', 'team_rules', '--reason', 'too strict')).code, 0);
    assert.equal((await cli('check', 'curl -s https://example.org')).code, 3);
    const rolled = await cli('policy', 'org', 'rollback', '1', '--reason', 'back', '--json');
    assert.equal(JSON.parse(rolled.out).version, 3, rolled.err);
    const denied = await cli('check', 'curl -s https://example.org', '--json');
    assert.equal(denied.code, 4);
    const hit = (JSON.parse(denied.out) as { rules: { id: string; tier?: string; source?: { file: string } }[] }).rules.find((r) => r.id === 'org.no-curl');
    assert.deepEqual([hit?.tier, hit?.source?.file], ['org', 'org-policy:team_rules@v3']);
    assert.match((await cli('policy', 'org', 'show', 'team_rules', '--version', '1')).out, /package paladin\.org\.team_rules/);
    const history = await cli('policy', 'org', 'history');
    assert.match(history.out, /v1 .* added team_rules: no downloads[\s\S]*v2 .* removed team_rules: too strict[\s\S]*v3 .* rolled back to version 1: back/);
    const db = openStore(normaliseSettings({ 'database.path': dbPath }).settings);
    try {
      const rows = db.prepare("SELECT action, details FROM audit_log WHERE action LIKE 'policy.org.%' ORDER BY seq").all() as { action: string; details: string }[];
      assert.deepEqual(rows.map((r) => [r.action, JSON.parse(r.details).version]), [['policy.org.add', 1], ['policy.org.remove', 2], ['policy.org.rollback', 3]]);
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
