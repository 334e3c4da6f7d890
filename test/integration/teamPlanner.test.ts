// The planner's data on a real PostgreSQL server started for these tests:
// two instances (each its own local SQLite file and policy, one shared
// database) share the plan cache and the retrieval store; retrieval on
// PostgreSQL ranks as retrieval on SQLite does for the development requests;
// and a database that stops answering gives a clear error, then recovers.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { RequestError } from '../../server/src/kernel';
import { stageMigrations } from '../../server/src/compose';
import { createSharedPlannerStage, Planner } from '../../server/src/planner';
import { plannerMigrations } from '../../server/src/planner/migrations';
import { OllamaEmbedder } from '../../server/src/planner/ollamaProvider';
import { createPolicyStage } from '../../server/src/policy';
import { recordsMigrations } from '../../server/src/records';
import { normaliseSettings } from '../../server/src/settings/settings';
import type { PlannerStage } from '../../server/src/stages';
import { openDatabase, type Db } from '../../server/src/store/database';
import { openSharedStore } from '../../server/src/store/openSharedStore';
import type { SqlStore } from '../../server/src/store/sqlStore';
import { startOllamaStandIn } from '../support/ollamaStandIn';
import { SharedRetrieval } from '../../server/src/planner/sharedRetrieval';
import { hashBits, hashFeatures, normalise } from '../../server/src/planner/embedder';
import { postgresSkipReason, startPostgres, type TestPostgres } from '../support/postgres';

const skip = postgresSkipReason();
if (skip) console.log(`# PostgreSQL tests skipped: ${skip}`);

const settings = normaliseSettings({ 'planner.cacheTtlSeconds': 3600 }).settings;
const devRequests = (JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'bench', 'devset', 'requests.json'), 'utf8')) as { request: string }[]).map((r) => r.request);

interface Instance {
  db: Db;
  store: SqlStore;
  planner: PlannerStage & { store: Planner['store'] };
}

describe('the planner on a shared PostgreSQL database', { skip }, () => {
  let server: TestPostgres;
  let url: string;
  let dir: string;
  let workspace: string;
  const instances: Instance[] = [];
  let local: Planner;
  let localDb: Db;

  async function instance(name: string): Promise<Instance> {
    const db = openDatabase(path.join(dir, `${name}.db`), { migrations: stageMigrations });
    const store = await openSharedStore({ url, path: '', migrations: [...recordsMigrations, ...plannerMigrations] });
    const policy = await createPolicyStage(db, settings);
    const planner = (await createSharedPlannerStage(db, settings, policy, store)) as Instance['planner'];
    const made = { db, store, planner };
    instances.push(made);
    return made;
  }

  before(async () => {
    server = await startPostgres();
    url = server.createDatabase('planner');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-team-planner-'));
    workspace = path.join(dir, 'ws');
    fs.mkdirSync(path.join(workspace, 'src'), { recursive: true });
    fs.writeFileSync(path.join(workspace, 'src', 'main.py'), 'x\n');
    localDb = openDatabase(path.join(dir, 'local.db'), { migrations: stageMigrations });
    local = new Planner(localDb, settings, await createPolicyStage(localDb, settings));
    // Two instances starting at once load the knowledge corpus into the database once.
    await Promise.all([instance('a'), instance('b')]);
  });

  after(async () => {
    for (const i of instances) {
      i.planner.dispose();
      await i.store.close().catch(() => undefined);
      i.db.close();
    }
    local?.dispose();
    localDb?.close();
    server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the corpus is loaded once, with as many texts as on SQLite', async () => {
    const [a, b] = instances;
    assert.equal(await a.planner.store.count(), await local.store.count());
    assert.equal(await b.planner.store.count(), await local.store.count());
    const hashes = await a.store.all<{ value: string }>(`SELECT value FROM planner_meta WHERE key = 'corpus_hash'`);
    assert.equal(hashes.length, 1);
  });

  test('a plan made by one instance is a cache hit on the other', async () => {
    const [a, b] = instances;
    const request = 'list the 3 biggest files in src';
    const first = await a.planner.plan({ request, workspace, planner: 'embedded' }, {});
    assert.equal(first.cache, 'miss');
    assert.ok(first.command, 'the first instance planned a command');
    const second = await b.planner.plan({ request, workspace, planner: 'embedded' }, {});
    assert.equal(second.cache, 'hit', 'the second instance found the first one\'s plan');
    assert.equal(second.command, first.command);
    const rows = await b.store.get<{ n: number }>('SELECT count(*) AS n FROM planner_cache');
    assert.ok((rows?.n ?? 0) >= 1);
  });

  test('a command learned on one instance is retrieved on the other', async () => {
    const [a, b] = instances;
    await a.store.run(`INSERT INTO users (id, email) VALUES ('u1', 'u1@example.org') ON CONFLICT DO NOTHING`);
    const command = 'journalctl --vacuum-size=200M';
    a.planner.learn('u1', command, 'shrink the system journal to two hundred megabytes', true);
    // learn() is fire-and-forget; wait for its row rather than for time.
    for (let i = 0; i < 200 && !(await b.store.get(`SELECT 1 AS one FROM planner_docs WHERE origin = 'history'`)); i++) await new Promise((r) => setTimeout(r, 10));
    const hits = await b.planner.store.search('shrink the system journal', { k: 5 });
    assert.equal(hits[0]?.command, command, 'the other instance retrieves the learned command first');
  });

  test('retrieval on PostgreSQL ranks the top candidates as retrieval on SQLite does', async () => {
    const [a] = instances;
    let top1 = 0;
    let overlap = 0;
    const sample = devRequests.slice(0, 150);
    for (const request of sample) {
      const onSqlite = (await local.store.search(request, { k: 5 })).filter((h) => h.origin === 'corpus').map((h) => h.ref);
      const onPostgres = (await a.planner.store.search(request, { k: 5 })).filter((h) => h.origin === 'corpus').map((h) => h.ref);
      if (onSqlite[0] === onPostgres[0]) top1++;
      overlap += onSqlite.filter((ref) => onPostgres.includes(ref)).length / Math.max(1, onSqlite.length);
    }
    const top1Pct = (100 * top1) / sample.length;
    const top5Pct = (100 * overlap) / sample.length;
    console.log(`# retrieval agreement, ${sample.length} development requests: same first candidate ${top1Pct.toFixed(1)}%, top-5 overlap ${top5Pct.toFixed(1)}%`);
    assert.ok(top1Pct >= 80, `the first candidate agrees for ${top1Pct.toFixed(1)}% of requests`);
    assert.ok(top5Pct >= 80, `the top five overlap by ${top5Pct.toFixed(1)}%`);
  });

  test('the database-side vector search (the bit column pgvector ranks) finds what the in-process one finds', async () => {
    const [a] = instances;
    const inDatabase = await SharedRetrieval.open(a.store, 'bit-count');
    assert.equal(inDatabase.vectors, 'bit-count');
    const inProcess = await SharedRetrieval.open(a.store, 'in-process');
    const nearest = (r: SharedRetrieval, request: string) => (r as unknown as { nearest(q: Uint8Array): Promise<number[]> }).nearest(hashBits(normalise(hashFeatures(request))));
    for (const request of devRequests.slice(0, 40)) assert.deepEqual(await nearest(inDatabase, request), await nearest(inProcess, request), request);
    const available = await a.store.get('SELECT 1 AS one FROM pg_available_extensions WHERE name = ?', ['vector']);
    if (!available) await assert.rejects(SharedRetrieval.open(a.store, 'pgvector'), /pgvector is not installed/);
    else console.log('# pgvector is available here: the pgvector search is used by default');
  });

  test('an embedding model indexed by one instance serves the other\'s searches', async () => {
    const [a, b] = instances;
    const ollama = await startOllamaStandIn({ models: ['embed-model'], embed: async (input) => input.map((t) => [t.length % 7, t.split(' ').length, 1, t.includes('git') ? 5 : 0]) });
    try {
      const embedder = new OllamaEmbedder({ url: ollama.url, model: 'embed-model', timeoutMs: 10_000 });
      assert.equal(await b.planner.store.isComplete(embedder.id), false);
      const done = await a.planner.store.reindex(embedder, undefined, 500);
      assert.equal(done, await a.planner.store.count());
      assert.equal(await b.planner.store.isComplete(embedder.id), true, 'the other instance sees the index complete');
      const [vector] = await embedder.embed(['show the git log']);
      const hits = await b.planner.store.search('show the git log', { k: 5, external: { embedder: embedder.id, vector } });
      assert.ok(hits.length > 0);
    } finally {
      await ollama.close();
    }
  });

  test('with the database down a plan fails as unavailable, naming the database; it recovers when the database is back', async () => {
    const [a, b] = instances;
    const request = 'show every python file in src';
    const before = await a.planner.plan({ request, workspace, planner: 'embedded' }, {});
    server.halt();
    try {
      await assert.rejects(a.planner.plan({ request: 'count the lines of every python file', workspace, planner: 'embedded' }, {}), (err: Error) => {
        assert.ok(err instanceof RequestError, err.message);
        assert.equal(err.code, 'unavailable');
        assert.match(err.message, /postgres:\/\/paladin@127\.0\.0\.1:\d+\/planner/);
        assert.match(err.message, /database server is running/);
        return true;
      });
      assert.match(a.planner.describe().detail, /plan cache unreachable/);
    } finally {
      server.resume();
    }
    const after = await b.planner.plan({ request, workspace, planner: 'embedded' }, {});
    assert.equal(after.cache, 'hit', 'the plan cached before the outage is still there');
    assert.equal(after.command, before.command);
    const fresh = await a.planner.plan({ request: 'count the lines of every python file', workspace, planner: 'embedded' }, {});
    assert.equal(fresh.cache, 'miss');
    assert.doesNotMatch(a.planner.describe().detail, /plan cache unreachable/);
  });
});
