// Where a request says things go ("unzip x.zip into out", "extract
// archive.tar to restored/", "clone … into vendor/b") is where the plan puts
// them, with the real store, knowledge and policy, also when that folder does
// not exist yet; an answer from a model that drops the place (`unzip x.zip`
// fills the current folder) is turned away with its reason.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { stageMigrations } from '../../server/src/compose';
import { Planner } from '../../server/src/planner';
import { createPolicyStage } from '../../server/src/policy';
import { normaliseSettings } from '../../server/src/settings/settings';
import { openDatabase } from '../../server/src/store/database';
import { startOllamaStandIn } from '../support/ollamaStandIn';
import { expectPlans, plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('destinations', ['data'], ['x.zip', 'archive.tar', 'notes.txt']);
});

after(() => w.close());

test('the place a request names is where the embedded plan puts things', () => expectPlans((request) => w.plan(request), [
  ['unzip x.zip into out', /^unzip x\.zip -d out$/],
  ['unzip x.zip to ./unz', /^unzip x\.zip -d \.\/unz$/],
  ['extract archive.tar to restored/', /tar -xf archive\.tar -C restored$/],
  ['extract archive.tar into the folder restored', /tar -xf archive\.tar -C restored$/],
  ['clone https://example.com/a/b.git into vendor/b', /^git clone https:\/\/example\.com\/a\/b\.git vendor\/b$/],
  ['download https://example.com/a.txt to data/', /^curl .*--output-dir data .*https:\/\/example\.com\/a\.txt$/],
  // Said nowhere: the act's own place.
  ['unzip x.zip', /^unzip x\.zip$/],
]));

test('a model answer that drops the place is turned away, with the reason', async () => {
  const db = openDatabase(path.join(w.workspace, '..', 'model.db'), { migrations: stageMigrations });
  const policy = await createPolicyStage(db, normaliseSettings({}).settings);
  const cases: [string, string][] = [
    ['unzip x.zip into out', 'unzip x.zip'],
    ['extract archive.tar to restored/', 'tar -xf archive.tar'],
    ['clone https://example.com/a/b.git into vendor/b', 'git clone https://example.com/a/b.git'],
  ];
  try {
    for (const [request, reply] of cases) {
      const ollama = await startOllamaStandIn({ models: ['m'], chat: () => JSON.stringify({ command: reply, reasoning: 'as asked', assumptions: [], expected_effects: [] }) });
      const planner = new Planner(db, normaliseSettings({ 'planner.cacheTtlSeconds': 0, 'ollama.url': ollama.url, 'ollama.model': 'm' }).settings, policy);
      try {
        const result = await planner.plan({ request, workspace: w.workspace }, {});
        const rejected = result.rejected?.find((r) => r.command === reply);
        assert.ok(rejected, `${reply} should be turned away for "${request}": ${JSON.stringify(result.rejected)}`);
        assert.equal(rejected.planner, 'ollama');
        assert.match(rejected.reason, /does not put anything in \S+, where the request says it goes/);
        assert.notEqual(result.command, reply);
      } finally {
        planner.dispose();
        await ollama.close();
      }
    }
  } finally {
    db.close();
  }
});
