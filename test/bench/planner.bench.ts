// Planner figures: embedded plan time and cache hits with 10,000 entries in
// the store, retrieval at 100,000 stored commands, utility accuracy on a
// fixed 1,000-pair sample of NL2Bash, and the dev set's execution-based
// solve rate. `npm run bench planner`; PALADIN_BENCH_DEVSET=0 skips the dev
// set (it needs Docker and the paladin-test:debian image).

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stageMigrations } from '../../server/src/compose';
import { Planner } from '../../server/src/planner';
import type { LocalRetrieval } from '../../server/src/planner/retrieval';
import { fillTemplate } from '../../server/src/planner/templateFill';
import { createPolicyStage } from '../../server/src/policy';
import { normaliseSettings } from '../../server/src/settings/settings';
import { localUserId, openDatabase, type Db } from '../../server/src/store/database';
import { developmentSets, freshSecond, guards, heldOut } from './plannerSets';
import { ms, percentile, type BenchRow } from './row';

const area = 'planner';
const NL2BASH = process.env.PALADIN_NL2BASH_DIR ?? path.join(__dirname, '..', '..', '..', 'shared', 'benchmarks', 'nl2bash');

/** Deterministic PRNG so the sample and the synthetic history are the same every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const values: Record<string, string[]> = {
  path: ['src', 'lib', 'docs', 'server', 'test', 'build', 'logs', 'assets'],
  file: ['notes.txt', 'app.log', 'main.py', 'index.js', 'README.md', 'data.csv', 'config.yml'],
  word: ['error', 'TODO', 'warning', 'deprecated', 'timeout', 'password', 'fixme', 'retry'],
  n: ['2', '3', '5', '10', '20', '50'],
};

/** Fill the store with `n` synthetic past commands built from the knowledge, each with a request. */
export function addHistory(db: Db, planner: Planner, n: number, seed: number): void {
  const rand = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const userId = localUserId(db);
  const entries = planner.corpus.entries;
  const insert = db.prepare('INSERT OR IGNORE INTO command_embeddings (id, user_id, command, description, usage_count, success_rate) VALUES (?, ?, ?, ?, ?, ?)');
  const start = (db.prepare('SELECT count(*) AS n FROM command_embeddings').get() as { n: number }).n;
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const e = pick(entries);
      const slotValues = Object.fromEntries(Object.entries(e.slots).map(([k, s]) => [k, s.type === 'file' ? pick(values.file) : s.type === 'count' || s.type === 'number' ? pick(values.n) : s.type === 'pattern' || s.type === 'string' ? pick(values.word) : pick(values.path)]));
      const command = `${fillTemplate(e, slotValues).command} # ${start + i}`;
      const description = `${pick(e.intents)} ${pick(values.path)} ${pick(values.word)}`;
      const id = `bench-${seed}-${start + i}`;
      insert.run(id, userId, command, description, 1 + Math.floor(rand() * 9), 0.5 + rand() / 2);
      (planner.store as LocalRetrieval).index.indexHistory(id, command, description);
    }
  })();
}

/** Program names in a command line: the first word of each simple command, plus what xargs/-exec run. */
export function utilities(command: string): Set<string> {
  const out = new Set<string>();
  const segments = command.replace(/\\\n/g, ' ').split(/\|\||&&|[|;&\n]|\$\(|`|\bxargs\b(?:\s+-\S+(?:\s+\d+)?)*|-exec(?:dir)?\b|-ok\b|\bsudo\b|\btime\b|\bnohup\b/);
  for (const seg of segments) {
    const words = seg.trim().replace(/^[({!\s]+/, '').split(/\s+/);
    let i = 0;
    while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i])) i++;
    const w = (words[i] ?? '').replace(/^.*\//, '').replace(/[)"'}]+$/, '');
    if (/^[A-Za-z][\w.+-]*$/.test(w) && !['then', 'do', 'else', 'fi', 'done', 'if', 'for', 'while', 'in'].includes(w)) out.add(w);
  }
  return out;
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-planner-bench-'));
  const workspace = path.join(dir, 'ws');
  for (const p of values.path) fs.mkdirSync(path.join(workspace, p), { recursive: true });
  for (const f of values.file) fs.writeFileSync(path.join(workspace, f), 'x\n');
  const db = openDatabase(path.join(dir, 'paladin.db'), { migrations: stageMigrations });
  const settings = normaliseSettings({ 'planner.cacheTtlSeconds': 3600 }).settings;
  const policy = await createPolicyStage(db, settings);
  const planner = new Planner(db, settings, policy);
  try {
    addHistory(db, planner, 10_000 - (await planner.store.count()), 1);
    rows.push({ area, metric: 'entries in the store', value: await planner.store.count(), note: `${planner.corpus.entries.length} knowledge entries (their intents) + synthetic past commands` });

    // Requests nobody cached: knowledge intents with values from the workspace.
    const rand = mulberry32(7);
    const requests: string[] = [];
    for (let i = 0; i < 300; i++) {
      const e = planner.corpus.entries[Math.floor(rand() * planner.corpus.entries.length)];
      requests.push(`${e.intents[Math.floor(rand() * e.intents.length)]} in ${values.path[i % values.path.length]} ${i}`);
    }
    for (const r of requests.slice(0, 20)) await planner.plan({ request: r + ' warm', workspace, planner: 'embedded' }, {});
    const planTimes: number[] = [];
    const plannerOnly: number[] = [];
    for (const request of requests) {
      const t = performance.now();
      const result = await planner.plan({ request, workspace, planner: 'embedded' }, {});
      planTimes.push(performance.now() - t);
      plannerOnly.push((result.timings.total ?? 0) - (result.timings.checks ?? result.timings.policy ?? 0));
    }
    rows.push({ area, metric: 'embedded plan p50 (ms)', value: ms(percentile(planTimes, 50)), note: `goal ≤ 30; p95 ${ms(percentile(planTimes, 95))}; includes the intent and policy checks of every candidate screened; 10,000 entries` });
    rows.push({ area, metric: 'embedded plan without the checks p50 (ms)', value: ms(percentile(plannerOnly, 50)), note: `p95 ${ms(percentile(plannerOnly, 95))}` });
    const hits: number[] = [];
    for (const request of requests) {
      const t = performance.now();
      const result = await planner.plan({ request, workspace, planner: 'embedded' }, {});
      hits.push(performance.now() - t);
      if (result.cache !== 'hit') throw new Error(`expected a cache hit for "${request}"`);
    }
    rows.push({ area, metric: 'cache hit p50 (ms)', value: ms(percentile(hits, 50)), note: `goal ≤ 2; p95 ${ms(percentile(hits, 95))}` });

    const commands = () => (db.prepare('SELECT count(*) AS n FROM command_embeddings').get() as { n: number }).n;
    addHistory(db, planner, 100_000 - commands(), 2);
    const stored = commands();
    const retrieval: number[] = [];
    for (const request of requests.slice(0, 200)) {
      const t = performance.now();
      await planner.store.search(request, { k: 12 });
      retrieval.push(performance.now() - t);
    }
    rows.push({ area, metric: 'retrieval p95 at 100k commands (ms)', value: ms(percentile(retrieval, 95)), note: `goal ≤ 25; p50 ${ms(percentile(retrieval, 50))}; ${stored} stored commands, ${await planner.store.count()} indexed texts` });
  } finally {
    planner.dispose();
    db.close();
  }

  rows.push(...(await nl2bash()));
  rows.push(...(await guards()));
  if (process.env.PALADIN_BENCH_DEVSET !== '0') rows.push(...(await developmentSets()), ...(await heldOut()), ...(await freshSecond()));
  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}

/** A planner over a fresh store with no history: what a new user gets. */
async function freshPlanner(dir: string): Promise<{ planner: Planner; db: Db }> {
  const db = openDatabase(path.join(dir, `fresh-${Date.now()}.db`), { migrations: stageMigrations });
  const settings = normaliseSettings({ 'planner.cacheTtlSeconds': 0 }).settings;
  return { planner: new Planner(db, settings, await createPolicyStage(db, settings)), db };
}

export async function nl2bash(): Promise<BenchRow[]> {
  const nlFile = path.join(NL2BASH, 'all.nl');
  if (!fs.existsSync(nlFile)) return [{ area, metric: 'NL2Bash utility accuracy', value: 'n/a', note: `no corpus at ${NL2BASH} (set PALADIN_NL2BASH_DIR)` }];
  const nl = fs.readFileSync(nlFile, 'utf8').split('\n');
  const cm = fs.readFileSync(path.join(NL2BASH, 'all.cm'), 'utf8').split('\n');
  const rand = mulberry32(2018);
  const chosen = new Set<number>();
  while (chosen.size < 1000) {
    const i = Math.floor(rand() * Math.min(nl.length, cm.length));
    // The files end with a newline: the empty last "pair" is no request.
    if (nl[i]?.trim() && cm[i]?.trim()) chosen.add(i);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-nl2bash-'));
  const { planner, db } = await freshPlanner(dir);
  let exact = 0;
  let first = 0;
  let failed = 0;
  let abstained = 0;
  try {
    for (const i of chosen) {
      const reference = utilities(cm[i]);
      let planned = new Set<string>();
      try {
        const result = await planner.plan({ request: nl[i].slice(0, 2000), workspace: dir, planner: 'embedded' }, {});
        if (result.abstained) abstained++;
        planned = utilities(result.command);
      } catch {
        failed++;
      }
      if (reference.size > 0 && [...reference].every((u) => planned.has(u)) && planned.size === reference.size) exact++;
      if ([...reference][0] !== undefined && [...reference][0] === [...planned][0]) first++;
    }
  } finally {
    planner.dispose();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return [
    { area, metric: 'NL2Bash utility accuracy (same set of programs)', value: `${(exact / 10).toFixed(1)}%`, note: `goal ≥ 60%; 1,000 pairs, seed 2018, embedded planner; ${failed} requests got no plan` },
    { area, metric: 'NL2Bash first-program accuracy', value: `${(first / 10).toFixed(1)}%`, note: `goal ≥ 75%; the first program of the planned command is the reference's; an abstention (${abstained} of 1,000) counts as a miss` },
  ];
}
