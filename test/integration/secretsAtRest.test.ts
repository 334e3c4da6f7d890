// Secrets in a run's command and output are masked before they are stored in
// the history and the stored outputs (the audit log's masker), and so in what
// `history` and GET /v1/history return; paladin.history.keepSecrets keeps
// them verbatim. Real HTTP API and real SQLite; the executor is the FAKE
// stage that prints the command's words as its output.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApiKey } from '../../server/src/gateway/apiKeys';
import { createApiServer } from '../../server/src/gateway/httpApi';
import { Paladin } from '../../server/src/paladin';
import { call, events } from '../support/apiClient';
import { FakeExecutorStage, FakeExplainerStage, FakePlannerStage, FakePolicyStage } from '../support/fakeStages';
import { recordsFixture } from '../support/recordsFixture';
import { runCli } from '../support/runCli';

const secrets = ['AKIAIOSFODNN7EXAMPLE', 'hunter2-very-secret', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'sk-proj-abcdefghijklmnopqrstuvwx', 'xoxb-1234567890-abcdefghij'];
const command = `echo AWS=${secrets[0]} password=${secrets[1]} ${secrets[2]} OPENAI_API_KEY=${secrets[3]} ${secrets[4]}`;

async function runThroughApi(raw: Record<string, unknown>) {
  const f = recordsFixture(raw);
  const policy = new FakePolicyStage();
  const paladin = new Paladin(f.db, f.settings, { policy, planner: new FakePlannerStage(policy), executor: new FakeExecutorStage(), explainer: new FakeExplainerStage(), records: f.records });
  const server = createApiServer({ paladin, port: 0, workspaceRoots: [f.dir] });
  const port = Number(new URL((await server.listen()).url!).port);
  const key = (await createApiKey(f.db, { name: 'k', userId: f.userId })).key;
  const run = await call({ port }, 'POST', '/v1/run', { key, body: { command, workspace: f.dir } });
  assert.equal(run.status, 200, run.text);
  const result = events(run.text).at(-1)!.data;
  const history = await call({ port }, 'GET', '/v1/history', { key });
  await server.close();
  return { f, result, history: history.json };
}

test('secrets in a run\'s command and output are masked in history rows, stored outputs and /v1/history', async () => {
  const { f, result, history } = await runThroughApi({});
  try {
    const row = f.db.prepare('SELECT planned_command, output_hash FROM command_history WHERE id = ?').get(result.historyId) as { planned_command: string; output_hash: string };
    const stored = f.records.outputs.get(row.output_hash)!.data.toString();
    const rawDb = f.db.prepare('SELECT group_concat(planned_command, char(10)) AS all_text FROM command_history').get() as { all_text: string };
    for (const s of secrets) {
      assert.ok(!row.planned_command.includes(s), `history row keeps ${s}: ${row.planned_command}`);
      assert.ok(!rawDb.all_text.includes(s));
      assert.ok(!stored.includes(s), `stored output keeps ${s}: ${stored}`);
      assert.ok(!JSON.stringify(history).includes(s), `/v1/history returns ${s}`);
    }
    assert.match(row.planned_command, /password=\*\*\*/);
    assert.match(stored, /^echo\n/, 'the rest of the output is kept');
    const cli = await runCli(['history', '--json'], f.dbPath);
    for (const s of secrets) assert.ok(!cli.out.includes(s), `paladin history prints ${s}`);
    const again = await runCli(['history', 'rerun', result.historyId, '--same'], f.dbPath);
    assert.equal(again.code, 1);
    assert.match(again.err, /stored with its secrets masked/);
  } finally {
    f.close();
  }
});

test('paladin.history.keepSecrets keeps commands and outputs verbatim', async () => {
  const { f, result } = await runThroughApi({ 'history.keepSecrets': true });
  try {
    const row = f.db.prepare('SELECT planned_command, output_hash FROM command_history WHERE id = ?').get(result.historyId) as { planned_command: string; output_hash: string };
    assert.equal(row.planned_command, command);
    assert.ok(f.records.outputs.get(row.output_hash)!.data.toString().includes(secrets[1]));
    // The audit log masks whatever the history keeps.
    assert.ok(!f.records.auditLog.rows().some((r) => r.details.includes(secrets[1])));
  } finally {
    f.close();
  }
});
