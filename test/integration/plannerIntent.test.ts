// The planner with the real policy stage: candidates (its own and a model's)
// that do more than the request asked never reach the person; requests that
// are no shell task abstain; unfilled slots are reported and never run.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { stageMigrations } from '../../server/src/compose';
import { Planner } from '../../server/src/planner';
import { createPolicyStage } from '../../server/src/policy';
import type { PolicyStage } from '../../server/src/stages';
import { normaliseSettings } from '../../server/src/settings/settings';
import { openDatabase, type Db } from '../../server/src/store/database';
import { modelAnswer, shownCommands } from '../support/modelAnswers';
import { startOllamaStandIn } from '../support/ollamaStandIn';
import { startOpenAiStandIn } from '../support/openaiStandIn';

let workspace: string;
let db: Db;
let policy: PolicyStage;
const planners: Planner[] = [];

before(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-planner-intent-'));
  workspace = path.join(dir, 'ws');
  for (const d of ['data', 'logs', 'src', 'archive']) fs.mkdirSync(path.join(workspace, d), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'data', 'users.csv'), 'id,name\n1,ann\n');
  fs.writeFileSync(path.join(workspace, 'logs', 'app.log'), 'INFO up\n');
  fs.writeFileSync(path.join(workspace, 'src', 'main.ts'), 'export {};\n');
  db = openDatabase(path.join(dir, 'paladin.db'), { migrations: stageMigrations });
  policy = await createPolicyStage(db, normaliseSettings({}).settings);
});

after(() => {
  for (const p of planners) p.dispose();
  db.close();
});

function planner(raw: Record<string, unknown> = {}, apiKey?: string): Planner {
  const p = new Planner(db, normaliseSettings({ 'planner.cacheTtlSeconds': 0, ...raw }).settings, policy, { apiKey });
  planners.push(p);
  return p;
}


test('Ollama answering "rm -rf data" to a request to look: rejected with the reason, the plan only looks', async () => {
  const ollama = await startOllamaStandIn({ models: ['m'], chat: () => modelAnswer('rm -rf data') });
  try {
    const result = await planner({ 'ollama.url': ollama.url, 'ollama.model': 'm' }).plan({ request: "show what's in data", workspace }, {});
    assert.ok(!shownCommands(result).includes('rm -rf data'));
    const rejected = result.rejected?.find((r) => r.command === 'rm -rf data');
    assert.ok(rejected, JSON.stringify(result.rejected));
    assert.equal(rejected.planner, 'ollama');
    assert.match(rejected.reason, /deletes data, but the request asks only to look/);
    for (const command of shownCommands(result)) {
      const d = await policy.check(command, { workspace });
      assert.deepEqual([d.risk.writes, d.risk.deletes], [[], []], command);
    }
  } finally {
    await ollama.close();
  }
});

test('OpenAI answering "touch backup.tmp" to "is there a file called backup.tmp": rejected', async () => {
  const api = await startOpenAiStandIn({ apiKey: 'sk-t', models: ['g'], chat: () => modelAnswer('touch backup.tmp') });
  try {
    const result = await planner({ 'openai.baseUrl': api.url, 'openai.model': 'g', 'planner.order': ['openai', 'embedded'] }, 'sk-t').plan({ request: 'is there a file called backup.tmp somewhere', workspace }, {});
    assert.ok(!shownCommands(result).includes('touch backup.tmp'));
    assert.match(result.rejected?.find((r) => r.planner === 'openai')?.reason ?? '', /writes backup.tmp/);
  } finally {
    await api.close();
  }
});

test('a model adding an unstated age filter or widening the scope is rejected; the embedded plan does what was asked', async () => {
  const replies = ["find logs -name '*.log' -mtime +7 -delete", "find . -name '*.log' -delete"];
  for (const reply of replies) {
    const ollama = await startOllamaStandIn({ models: ['m'], chat: () => modelAnswer(reply) });
    try {
      const result = await planner({ 'ollama.url': ollama.url, 'ollama.model': 'm' }).plan({ request: 'delete all .log files under logs', workspace }, {});
      assert.ok(result.rejected?.some((r) => r.command === reply), `${reply} should be rejected: ${JSON.stringify(result)}`);
      assert.ok(!shownCommands(result).includes(reply));
      if (!result.abstained) {
        assert.equal(result.planner, 'embedded');
        const d = await policy.check(result.command, { workspace, facts: true });
        assert.ok(d.risk.deletes.length > 0, `${result.command} deletes`);
        assert.doesNotMatch(result.command, /-mtime|-size/);
      }
    } finally {
      await ollama.close();
    }
  }
});

test('requests that are no shell task abstain, with help and no command, even with a model configured', async () => {
  let asked = 0;
  const ollama = await startOllamaStandIn({ models: ['m'], chat: () => (asked++, modelAnswer('who')) });
  try {
    const p = planner({ 'ollama.url': ollama.url, 'ollama.model': 'm' });
    for (const request of ['bake me a cake', 'sing me a song', 'tell me a joke about penguins']) {
      const result = await p.plan({ request, workspace }, {});
      assert.equal(result.abstained, true, request);
      assert.equal(result.command, '');
      assert.equal(result.policy.decision, 'deny');
      assert.ok((result.help ?? []).length > 0);
    }
    assert.equal(asked, 0, 'the model is not asked to plan a non-task');
  } finally {
    await ollama.close();
  }
});

test('the embedded planner on the requests that went wrong: look stays look, deletes are asked-for deletes', async () => {
  const p = planner();
  const look = await p.plan({ request: 'show me what is inside the data directory', workspace, planner: 'embedded' }, {});
  for (const command of shownCommands(look)) assert.deepEqual((await policy.check(command, { workspace })).risk.deletes, [], command);
  const find = await p.plan({ request: 'is there a file called backup.tmp somewhere', workspace, planner: 'embedded' }, {});
  for (const command of shownCommands(find)) assert.deepEqual((await policy.check(command, { workspace })).risk.writes, [], command);
  const big = await p.plan({ request: 'find files larger than 10MB and delete them', workspace, planner: 'embedded' }, {});
  assert.equal(big.abstained, undefined);
  const d = await policy.check(big.command, { workspace });
  assert.ok(d.risk.deletes.length > 0, big.command);
  assert.match(big.command, /-size \+10M/);
});

test('a plan with an unfilled slot says which value is missing and how to give it', async () => {
  const ollama = await startOllamaStandIn({ models: ['m'], chat: () => modelAnswer("grep -rn '<pattern>' src") });
  try {
    const result = await planner({ 'ollama.url': ollama.url, 'ollama.model': 'm' }).plan({ request: 'search the src folder', workspace }, {});
    assert.equal(result.command, "grep -rn '<pattern>' src");
    assert.deepEqual(result.missing?.map((m) => m.slot), ['pattern']);
    assert.match(result.missing?.[0].hint ?? '', /quotes/);
  } finally {
    await ollama.close();
  }
});
