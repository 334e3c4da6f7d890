// A copy, a move or a rename keeps its direction with the real store,
// knowledge and policy: the plan reads the named source and writes the place
// after "to", a rename leaves the file in its folder, and an answer from a
// model that goes the other way round is turned away with its reason.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { stageMigrations } from '../../server/src/compose';
import { createPolicyStage } from '../../server/src/policy';
import { normaliseSettings } from '../../server/src/settings/settings';
import { openDatabase } from '../../server/src/store/database';
import { expectTurnedAway } from '../support/modelAnswers';
import { expectPlans, plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('copy-direction', ['backup', 'src/lib', 'docs'], ['people.csv', 'src/main.ts', 'src/lib/util.ts', 'docs/guide.md']);
});

after(() => w.close());

test('the named source is read and the place after "to" is written', async () => {
  for (const request of ['copy people.csv to backup', 'copy people.csv to backup/people.csv', 'duplicate people.csv as people.bak', 'copy the file docs/guide.md into backup']) {
    const r = await w.result(request);
    const [from, to] = /(?:copy|duplicate) (?:the file )?(\S+) (?:to|as|into) (\S+)/.exec(request)?.slice(1) as [string, string];
    for (const c of [r.command, ...r.candidates.map((x) => x.command)].filter((x): x is string => !!x)) {
      assert.doesNotMatch(c, new RegExp(`\\b${to.replace(/[./]/g, '\\$&')}\\S*\\s+(?:\\./)?${from.replace(/[./]/g, '\\$&')}$`), `"${request}" → ${c} copies the other way round`);
    }
    assert.match(r.command ?? '', new RegExp(`^(?:cp|rsync)\\b.*${from.replace(/[./]/g, '\\$&')}.*\\s${to.replace(/[./]/g, '\\$&')}`), `"${request}" → ${r.command}`);
  }
});

test('a rename leaves the file in its folder', () => expectPlans((request) => w.plan(request), [
  ['rename main.ts to index.ts', /^mv -n src\/main\.ts src\/index\.ts$/],
  ['rename util.ts to helpers.ts', /^mv -n src\/lib\/util\.ts src\/lib\/helpers\.ts$/],
  ['change the name of the folder lib to library', /^mv -n src\/lib src\/library$/],
]));

test('a model answer that goes the other way round is turned away, with the reason', async () => {
  const db = openDatabase(path.join(w.workspace, '..', 'model.db'), { migrations: stageMigrations });
  const policy = await createPolicyStage(db, normaliseSettings({}).settings);
  const cases: [string, string, RegExp][] = [
    ['copy people.csv to backup', 'cp -r backup people.csv', /writes over people\.csv, which the request copies from/],
    ['move docs/guide.md into backup', 'mv backup/guide.md docs/guide.md', /writes over docs\/guide\.md/],
    ['rename main.ts to index.ts', 'mv -n src/main.ts index.ts', /moves src\/main\.ts into the current folder/],
  ];
  try {
    await expectTurnedAway(db, policy, w.workspace, cases);
  } finally {
    db.close();
  }
});
