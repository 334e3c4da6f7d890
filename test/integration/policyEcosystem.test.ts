// The compiled built-in policy against the ecosystem corpora: everyday
// developer commands across package managers, builds, databases, clusters,
// clouds and git (never deny; read-only and builds allowed), and honest
// destructive mistakes with the same tools (never allow, at least 95% deny).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPolicyEngine } from '../../server/src/policy';
import { byEcosystem, readCorpus } from '../support/corpora';

const WORKSPACE = '/home/dev/project';
const everyday = readCorpus('everyday');
const destructive = readCorpus('destructive');

test('the corpora are big and broad', () => {
  assert.ok(everyday.length >= 500, `${everyday.length} everyday commands`);
  assert.ok(destructive.length >= 300, `${destructive.length} destructive commands`);
  const need = ['node', 'python', 'jvm', 'dotnet', 'ruby', 'php', 'go', 'rust', 'c', 'terraform', 'docker', 'kubernetes', 'databases', 'git'];
  for (const e of need) assert.ok((byEcosystem(everyday).get(e) ?? []).length >= 15, `everyday ${e}`);
  for (const e of ['databases', 'terraform', 'kubernetes', 'docker', 'cloud', 'git', 'publishing', 'system packages', 'permissions', 'shell']) {
    assert.ok((byEcosystem(destructive).get(e) ?? []).length >= 15, `destructive ${e}`);
  }
});

test('no everyday command is denied', async () => {
  const engine = await createPolicyEngine();
  const denied = everyday.filter((e) => engine.judge(e.command, { workspace: WORKSPACE }).decision === 'deny');
  assert.deepEqual(denied.map((e) => `${e.ecosystem}: ${e.command} (${engine.judge(e.command, { workspace: WORKSPACE }).rules.map((r) => r.id).join(', ')})`), []);
});

test('no destructive mistake is allowed, and at least 95% are denied', async () => {
  const engine = await createPolicyEngine();
  const verdicts = destructive.map((e) => ({ e, d: engine.judge(e.command, { workspace: WORKSPACE }) }));
  assert.deepEqual(verdicts.filter((v) => v.d.decision === 'allow').map((v) => `${v.e.ecosystem}: ${v.e.command}`), []);
  const denied = verdicts.filter((v) => v.d.decision === 'deny').length;
  assert.ok(denied / destructive.length >= 0.95, `${denied}/${destructive.length} denied; asked: ${verdicts.filter((v) => v.d.decision === 'ask').map((v) => v.e.command).join(' | ')}`);
});

test('read-only and build subcommands are allowed, their destructive siblings denied, with their own reasons', async () => {
  const engine = await createPolicyEngine();
  const allowed = ['terraform validate', 'terraform fmt -check', 'mvn test', 'go vet ./...', 'cargo clippy', 'npm test', 'dotnet build', 'helm template ./chart', 'docker ps', 'make', 'pytest', "psql -c 'SELECT 1'", 'cmake --build build'];
  for (const c of allowed) assert.equal(engine.judge(c, { workspace: WORKSPACE }).decision, 'allow', c);
  const pairs: [string, RegExp][] = [
    ['terraform destroy -auto-approve', /deletes every resource/],
    ['kubectl delete ns prod', /deletes resources from the cluster/],
    ["psql -c 'DELETE FROM users'", /no WHERE clause/],
    ['npm publish', /publishes/],
    ['git push --force-with-lease', /replaces the remote's history/],
  ];
  for (const [c, reason] of pairs) {
    const d = engine.judge(c, { workspace: WORKSPACE });
    assert.equal(d.decision, 'deny', c);
    assert.ok(d.rules.some((r) => r.id.startsWith('tools.') && reason.test(r.reason)), `${c}: ${d.rules.map((r) => r.reason).join(' / ')}`);
  }
});

test('a known tool\'s unknown subcommand, and query text Paladin cannot see, are asked about', async () => {
  const engine = await createPolicyEngine();
  for (const c of ['terraform frobnicate', 'cargo frobnicate', 'kubectl frobnicate', 'psql -f migrate.sql', 'psql app < dump.sql', 'cat x.sql | psql', "psql -c \"$QUERY\""]) {
    const d = engine.judge(c, { workspace: WORKSPACE });
    assert.equal(d.decision, 'ask', c);
    assert.ok(d.rules.some((r) => r.id === 'tools.unknown-subcommand'), `${c}: ${d.rules.map((r) => r.id).join(', ')}`);
  }
  assert.ok(engine.judge('frobnicate', { workspace: WORKSPACE }).rules.some((r) => r.id === 'unknown.program'));
});

test('a destructive command reached through a tool\'s run subcommand is judged as itself', async () => {
  const engine = await createPolicyEngine();
  for (const c of ['poetry run rm -rf /', 'bundle exec rm -rf ~', 'pnpm exec rm -rf /', 'yarn dlx rm -rf ~', 'uv run psql -c "DROP TABLE t"']) assert.equal(engine.judge(c, { workspace: WORKSPACE }).decision, 'deny', c);
  assert.equal(engine.judge('poetry run pytest', { workspace: WORKSPACE }).decision, 'allow');
});
