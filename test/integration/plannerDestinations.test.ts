// Where a request says things go ("unzip x.zip into out", "extract
// archive.tar to restored/", "clone … into vendor/b") is where the plan puts
// them, with the real store, knowledge and policy, also when that folder does
// not exist yet; an answer from a model that drops the place (`unzip x.zip`
// fills the current folder), or the folder a request packs, is turned away
// with its reason.
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
  try {
    const dropped = /does not put anything in \S+, where the request says it goes/;
    await expectTurnedAway(db, await createPolicyStage(db, normaliseSettings({}).settings), w.workspace, [
      ['unzip x.zip into out', 'unzip x.zip', dropped],
      ['extract archive.tar to restored/', 'tar -xf archive.tar', dropped],
      ['clone https://example.com/a/b.git into vendor/b', 'git clone https://example.com/a/b.git', dropped],
      // The folder packed is what the archive holds, and the archive is made.
      ['tar up the data folder as data.tar', 'tar -cf data.tar .', /does not pack data/],
      ['make a tarball of the data folder called site.tar', 'ln -s data site.tar', /makes no archive/],
    ]);
  } finally {
    db.close();
  }
});

test('an answer "to any prompts" names no place: the act is planned with the answer piped in', () => expectPlans((request) => w.plan(request), [
  ['unzip x.zip and answer "n" to any prompts', /^yes n \| unzip x\.zip$/],
  ['gunzip every file matching "app*.gz", replying "n" to any prompt', /^yes n \| .*gunzip\b/],
]));
