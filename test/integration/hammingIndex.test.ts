// The in-process vector index PostgreSQL uses without pgvector finds the
// same nearest texts, in the same order, as sqlite-vec on SQLite (real
// SQLite with sqlite-vec, the shipped corpus, the development requests), and
// follows the table as rows are added and taken away.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { stageMigrations } from '../../server/src/compose';
import { loadCorpus } from '../../server/src/planner/corpus';
import { hashBits, hashFeatures, normalise } from '../../server/src/planner/embedder';
import { HammingIndex } from '../../server/src/planner/hammingIndex';
import { RetrievalStore } from '../../server/src/planner/retrievalStore';
import { openDatabase, type Db } from '../../server/src/store/database';
import { sqlStoreOf } from '../../server/src/store/sqlStore';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-hamming-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
const requests = (JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'bench', 'devset', 'requests.json'), 'utf8')) as { request: string }[]).map((r) => r.request);

function sqliteVec(db: Db, bits: Uint8Array): number[] {
  return (db.prepare('SELECT rowid AS doc FROM planner_vec_hash WHERE embedding MATCH vec_bit(?) AND k = 60').all(bits) as { doc: number | bigint }[]).map((r) => Number(r.doc));
}

function differing(db: Db, index: HammingIndex): string[] {
  return requests.filter((request) => {
    const bits = hashBits(normalise(hashFeatures(request)));
    return JSON.stringify(index.nearest(bits)) !== JSON.stringify(sqliteVec(db, bits));
  });
}

test('the in-process Hamming index ranks as sqlite-vec does, and follows additions and removals', async () => {
  const db = openDatabase(path.join(dir, 'h.db'), { migrations: stageMigrations });
  try {
    const store = new RetrievalStore(db);
    store.loadCorpus(loadCorpus(undefined, { strict: false }));
    const index = new HammingIndex('planner_vec_hash');
    await index.refresh(sqlStoreOf(db));
    assert.equal(index.size, store.count());
    assert.deepEqual(differing(db, index), [], 'every request finds the same 60 texts in the same order');

    for (let i = 0; i < 50; i++) store.indexHistory(`h${i}`, `git log --oneline -n ${i}`, `show the last ${i} commits`);
    db.prepare('DELETE FROM planner_vec_hash WHERE rowid IN (SELECT rowid FROM planner_vec_hash ORDER BY rowid LIMIT 10)').run();
    await Promise.all([index.refresh(sqlStoreOf(db)), index.refresh(sqlStoreOf(db))]);
    assert.equal(index.size, (db.prepare('SELECT count(*) AS n FROM planner_vec_hash').get() as { n: number }).n, 'added rows fetched once, removed ones gone');
    const bits = hashBits(normalise(hashFeatures('show the last 7 commits')));
    assert.deepEqual(index.nearest(bits).slice(0, 10), sqliteVec(db, bits).slice(0, 10));
  } finally {
    db.close();
  }
});
