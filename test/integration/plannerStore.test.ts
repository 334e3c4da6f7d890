import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { stageMigrations } from '../../server/src/compose';
import { Planner } from '../../server/src/planner';
import { loadCorpus } from '../../server/src/planner/corpus';
import { RetrievalStore } from '../../server/src/planner/retrievalStore';
import { createPolicyStage } from '../../server/src/policy';
import type { PolicyDecision } from '../../server/src/protocol/types';
import type { PolicyStage } from '../../server/src/stages';
import { normaliseSettings } from '../../server/src/settings/settings';
import { localUserId, openDatabase, type Db } from '../../server/src/store/database';
import { startOllamaStandIn } from '../support/ollamaStandIn';

let dir: string;
let workspace: string;
let policy: PolicyStage;
const open: { close(): void }[] = [];
const planners: Planner[] = [];

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-planner-store-'));
  workspace = path.join(dir, 'ws');
  fs.mkdirSync(path.join(workspace, 'server', 'src'), { recursive: true });
  fs.mkdirSync(path.join(workspace, 'logs'));
  fs.writeFileSync(path.join(workspace, 'server', 'src', 'app.ts'), 'x\n');
  fs.writeFileSync(path.join(workspace, 'logs', 'app.log'), 'x\n');
  const db = fresh();
  policy = await createPolicyStage(db, normaliseSettings({}).settings);
});

after(() => {
  for (const p of planners) p.dispose();
  for (const d of open) d.close();
});

function fresh(file = path.join(dir, `${Math.random().toString(36).slice(2)}.db`)): Db {
  const db = openDatabase(file, { migrations: stageMigrations });
  open.push(db);
  return db;
}

function planner(db: Db, raw: Record<string, unknown> = {}, p: PolicyStage = policy): Planner {
  const created = new Planner(db, normaliseSettings(raw).settings, p);
  planners.push(created);
  return created;
}

test('the corpus is loaded into the store once, and again only when its content changes', () => {
  const file = path.join(dir, 'load.db');
  const db = fresh(file);
  const corpus = loadCorpus(undefined, { strict: false });
  const store = new RetrievalStore(db);
  assert.equal(store.loadCorpus(corpus), true);
  const count = store.count();
  assert.ok(count >= corpus.entries.length * 3);
  assert.equal(store.loadCorpus(corpus), false, 'same hash: nothing reloaded');
  const fts = db.prepare('SELECT count(*) AS n FROM planner_fts').get() as { n: number };
  const vec = db.prepare('SELECT count(*) AS n FROM planner_vec_hash').get() as { n: number };
  assert.equal(fts.n, count);
  assert.equal(vec.n, count);
  const changed = { ...corpus, entries: corpus.entries.slice(1), byId: new Map(corpus.entries.slice(1).map((e) => [e.id, e])), hash: 'other' };
  assert.equal(store.loadCorpus(changed), true);
  assert.ok(store.count() < count);
  assert.equal((db.prepare('SELECT count(*) AS n FROM planner_fts').get() as { n: number }).n, store.count(), 'no stale rows left in the full-text index');
});

test('retrieval finds the right knowledge through full text and vectors, fused', () => {
  const db = fresh();
  const store = new RetrievalStore(db);
  store.loadCorpus(loadCorpus(undefined, { strict: false }));
  const expectations: [string, RegExp][] = [
    ['find the largest files', /biggest|largest/],
    ['how much disk space is free', /^disk\./],
    ['show the commit history', /^git\./],
    ['which process listens on a port', /port/],
  ];
  for (const [request, expected] of expectations) {
    const hits = store.search(request, { k: 5 });
    assert.ok(hits.length > 0, request);
    assert.ok(hits.slice(0, 3).some((h) => expected.test(h.ref)), `${request}: ${hits.map((h) => h.ref).join(', ')}`);
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1].score >= hits[i].score, 'sorted by fused score');
    assert.ok(hits[0].similarity > 0 && hits[0].similarity <= 1);
  }
  assert.deepEqual(store.search('   ', { k: 5 }), []);
});

test('learn() records runs, and commands that succeeded are retrieved and boosted', async () => {
  const db = fresh();
  const userId = localUserId(db);
  const p = planner(db);
  const command = 'find logs -name "*.log" -newer logs/app.log | sort';
  db.prepare(`INSERT INTO command_history (id, user_id, query, planned_command) VALUES ('h1', ?, 'recently rotated log files', ?)`).run(userId, command);
  p.learn(userId, command, '', true);
  p.learn(userId, command, '', true);
  p.learn(userId, command, '', false);
  const row = db.prepare('SELECT usage_count, success_rate, description FROM command_embeddings WHERE command = ?').get(command) as { usage_count: number; success_rate: number; description: string };
  assert.equal(row.usage_count, 3);
  assert.ok(Math.abs(row.success_rate - 2 / 3) < 1e-9);
  assert.equal(row.description, 'recently rotated log files', 'the request it answered is found in history');
  const hits = await p.store.search('recently rotated log files', { k: 5 });
  assert.equal(hits[0].origin, 'history');
  assert.equal(hits[0].command, command);

  p.learn(userId, 'false-command-that-failed', 'never worked', false);
  assert.ok(!(await p.store.search('never worked', { k: 10 })).some((h) => h.command === 'false-command-that-failed'), 'failures are not suggested');

  const result = await p.plan({ request: 'recently rotated log files', workspace }, {});
  assert.ok(result.retrieved.some((r) => r.origin === 'history' && r.command === command));
});

test('switching on an embedding model re-indexes in the background; requests are served meanwhile', async () => {
  let calls = 0;
  const ollama = await startOllamaStandIn({
    models: ['embed-model'],
    embed: async (input) => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 2));
      return input.map((t) => [t.length % 7, t.split(' ').length, 1, t.includes('git') ? 5 : 0]);
    },
  });
  try {
    const db = fresh();
    const p = planner(db, { 'ollama.url': ollama.url, 'ollama.embedModel': 'embed-model' });
    const during = await p.plan({ request: 'list the 5 biggest files under server', workspace }, {});
    assert.equal(during.planner, 'embedded');
    assert.equal(db.prepare(`SELECT complete FROM planner_embedders WHERE embedder = 'ollama:embed-model'`).get(), undefined, 'the request did not wait for indexing');
    await p.indexing;
    const docs = (db.prepare('SELECT count(*) AS n FROM planner_docs').get() as { n: number }).n;
    const vectors = db.prepare(`SELECT count(*) AS n, min(embedder) AS e FROM planner_vectors`).get() as { n: number; e: string };
    assert.equal(vectors.n, docs);
    assert.equal(vectors.e, 'ollama:embed-model');
    assert.equal((db.prepare(`SELECT complete FROM planner_embedders WHERE embedder = 'ollama:embed-model'`).get() as { complete: number }).complete, 1);
    assert.ok(calls > 1, 'indexed in batches');
    const before = ollama.requests.length;
    await p.plan({ request: 'show the commit history', workspace }, {});
    assert.ok(ollama.requests.slice(before).some((r) => r.path === '/api/embed'), 'queries use the new embedder once its index is complete');
  } finally {
    await ollama.close();
  }
});

test('cache: exact hits say so, expire, and are keyed by workspace and planner', async () => {
  const db = fresh();
  let now = 1_000_000;
  const p = new Planner(db, normaliseSettings({ 'planner.cacheTtlSeconds': 60 }).settings, policy, { now: () => now });
  planners.push(p);
  const first = await p.plan({ request: 'list the 5 biggest files under server', workspace }, {});
  assert.equal(first.cache, 'miss');
  const again = await p.plan({ request: '  List the 5 biggest files under server. ', workspace }, {});
  assert.equal(again.cache, 'hit');
  assert.equal(again.command, first.command);
  assert.ok((again.timings.total ?? 999) < 100, 'a hit skips planning');
  const other = fs.mkdtempSync(path.join(dir, 'other-'));
  assert.equal((await p.plan({ request: 'list the 5 biggest files under server', workspace: other }, {})).cache, 'miss', 'another workspace');
  assert.equal((await p.plan({ request: 'list the 5 biggest files under server', workspace, planner: 'embedded' }, {})).cache, 'miss', 'another planner choice');
  now += 61_000;
  assert.equal((await p.plan({ request: 'list the 5 biggest files under server', workspace }, {})).cache, 'miss', 'expired');
});

test('cache: the same shape with other values reuses the template, re-filled and re-checked', async () => {
  const db = fresh();
  const p = planner(db);
  const first = await p.plan({ request: 'list the 5 biggest files under server', workspace }, {});
  const second = await p.plan({ request: 'list the 2 biggest files under logs', workspace }, {});
  assert.equal(second.cache, 'miss');
  assert.equal(second.command, first.command.replace('server', 'logs').replace('head -n 5', 'head -n 2'));
  assert.equal(second.policy.decision, 'allow');
});

test('cache: a policy change is never served from the cache without a new check', async () => {
  const db = fresh();
  let version = 'v1';
  let denyFind = false;
  const changing: PolicyStage = {
    get version() {
      return version;
    },
    async check(command, options) {
      const real = await policy.check(command, options);
      if (!denyFind || !command.startsWith('find')) return { ...real, policyVersion: version };
      const denied: PolicyDecision = { ...real, decision: 'deny', rules: [{ id: 'test.no-find', severity: 'deny', reason: 'find is not allowed here', command_index: 0 }], policyVersion: version };
      return denied;
    },
    reload: async () => undefined,
  };
  const p = planner(db, {}, changing);
  const request = 'list the 5 biggest files under server';
  const before = await p.plan({ request, workspace }, {});
  assert.equal(before.policy.decision, 'allow');
  assert.equal((await p.plan({ request, workspace }, {})).cache, 'hit');
  version = 'v2';
  denyFind = true;
  const afterChange = await p.plan({ request, workspace }, {});
  assert.equal(afterChange.cache, 'miss');
  assert.equal(afterChange.policy.decision, 'deny');
  assert.equal(afterChange.policy.policyVersion, 'v2');
  assert.deepEqual(afterChange.policy.rules.map((r) => r.id), ['test.no-find']);
});

test('low confidence says so; bad requests are clear errors', async () => {
  const p = planner(fresh());
  const vague = await p.plan({ request: 'zorblax the quibbit frobnicator', workspace }, {}).catch((err: Error) => err);
  if (vague instanceof Error) assert.match(vague.message, /nothing close to this request/);
  else if (vague.abstained) {
    assert.equal(vague.command, '');
    assert.ok((vague.help ?? []).length > 0);
  } else {
    assert.ok(vague.confidence < 0.4, `confidence ${vague.confidence}`);
    assert.match(vague.reasoning, /Low confidence/);
  }
  await assert.rejects(p.plan({ request: '   ', workspace }, {}), /The request is empty/);
});
