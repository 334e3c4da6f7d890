// The retrieval store on a team's PostgreSQL database: the same tables, data
// and fusion as on SQLite (retrievalSql.ts, retrievalFusion.ts), with the two
// index searches done PostgreSQL's way. Full text: the generated tsvector
// column and its GIN index, ranked BM25-like by the terms' rarity and the
// text's length. Vectors: the built-in embedder's bits held in this process
// (hammingIndex.ts), or pgvector's Hamming distance when the extension is
// installed. Every instance on the database searches and learns into one store.

import { randomUUID } from 'node:crypto';
import type { SqlExecutor, SqlStore } from '../store/sqlStore';
import type { Corpus } from './corpus';
import { DocumentFeatures, HASH_EMBEDDER_ID, hashBits, hashFeatures, normalise, type Embedder } from './embedder';
import { HammingIndex } from './hammingIndex';
import type { Retrieval, SearchOptions } from './retrieval';
import { attachHistory, commonLimit, dotRank, ftsTerms, fuse, LIST_DEPTH, rescore, selectiveTerms, type DocMeta, type Hit, type HistoryRow } from './retrievalFusion';
import * as q from './retrievalSql';

const CORPUS_LOCK = 'paladin.planner_corpus';
const HISTORY_LOCK = 'paladin.planner_history';
const CHUNK = 300;
/** A text's length in words, as FTS5 counts it for BM25. */
const WORD_COUNT = `cardinality(regexp_split_to_array(trim(text), '[^[:alnum:]]+'))`;

/**
 * How the built-in embedder's vectors are searched: in this process (the
 * default without pgvector), by pgvector's Hamming distance and HNSW index,
 * or by plain PostgreSQL's `bit_count` over every row (no memory held in the
 * process, a scan per search).
 */
export type VectorSearch = 'in-process' | 'pgvector' | 'bit-count';

/** The nearest bit vectors in the database, by search kind. */
const DATABASE_KNN: Record<Exclude<VectorSearch, 'in-process'>, string> = {
  pgvector: `SELECT rowid AS doc FROM planner_vec_hash ORDER BY bits <~> CAST(? AS bit(1024)) LIMIT ${LIST_DEPTH}`,
  // Ties as sqlite-vec orders them (hammingIndex.ts).
  'bit-count': `SELECT rowid AS doc FROM planner_vec_hash ORDER BY bit_count(bits # CAST(? AS bit(1024))), (rowid - 1) / 1024, rowid DESC LIMIT ${LIST_DEPTH}`,
};

export class SharedRetrieval implements Retrieval {
  private readonly bits = new HammingIndex('planner_vec_hash');
  private readonly df = new Map<string, number>();
  private dfAt = 0;
  private avgLength = 1;
  private readonly docFeatures = new DocumentFeatures();

  private constructor(
    private readonly store: SqlStore,
    readonly vectors: VectorSearch,
  ) {}

  /** The store on `store` (PostgreSQL), using pgvector when the extension is installed or can be, unless `vectors` says otherwise. */
  static async open(store: SqlStore, vectors?: VectorSearch): Promise<SharedRetrieval> {
    if (store.dialect !== 'postgres') throw new Error('SharedRetrieval needs a PostgreSQL store; on SQLite use LocalRetrieval.');
    if (vectors === 'bit-count') await addBitColumn(store);
    if (vectors === 'pgvector' && !(await enablePgvector(store))) throw new Error('pgvector is not installed on this PostgreSQL server, and this user may not create it.');
    return new SharedRetrieval(store, vectors ?? ((await enablePgvector(store)) ? 'pgvector' : 'in-process'));
  }

  async loadCorpus(corpus: Corpus): Promise<boolean> {
    if ((await this.store.get<{ value: string }>(q.CORPUS_HASH))?.value === corpus.hash) return false;
    // Instances starting together load it once: the others find the hash set when they get the lock.
    return this.store.transaction(async (tx) => {
      if ((await tx.get<{ value: string }>(q.CORPUS_HASH))?.value === corpus.hash) return false;
      await tx.run(`DELETE FROM planner_fts WHERE rowid IN (${q.CORPUS_DOCS})`);
      await tx.run(`DELETE FROM planner_vec_hash WHERE rowid IN (${q.CORPUS_DOCS})`);
      await tx.run(q.DELETE_CORPUS_DOCS);
      await tx.run(q.EMBEDDERS_INCOMPLETE);
      const texts = corpus.entries.flatMap((entry) => [...entry.intents, `${entry.explanation} ${entry.utilities.join(' ')}`].map((text) => ({ ref: entry.id, text })));
      for (let i = 0; i < texts.length; i += CHUNK) await insertDocs(tx, 'corpus', texts.slice(i, i + CHUNK));
      await tx.run(q.SET_CORPUS_HASH, [corpus.hash]);
      return true;
    }, { lock: CORPUS_LOCK });
  }

  async indexHistory(ref: string, command: string, description: string): Promise<void> {
    await this.store.transaction((tx) => indexHistoryIn(tx, ref, command, description), { lock: HISTORY_LOCK });
  }

  async learn(userId: string, command: string, description: string, succeeded: boolean): Promise<void> {
    await this.store.transaction(async (tx) => {
      await tx.run(q.LEARN_UPSERT, [randomUUID(), userId, command, description, succeeded ? 1 : 0]);
      const row = await tx.get<{ id: string; description: string; success_rate: number }>(q.LEARNED, [userId, command]);
      if (row && row.success_rate > 0) await indexHistoryIn(tx, row.id, command, row.description);
    }, { lock: HISTORY_LOCK });
  }

  async count(): Promise<number> {
    return (await this.store.get<{ n: number }>(q.COUNT_DOCS))?.n ?? 0;
  }

  async search(request: string, options: SearchOptions = {}): Promise<Hit[]> {
    const lists: number[][] = [];
    const fts = await this.fullText(request);
    if (fts.length > 0) lists.push(fts);
    const queryFeatures = normalise(hashFeatures(request));
    if (queryFeatures.size > 0) lists.push(await this.nearest(hashBits(queryFeatures)));
    if (options.external) lists.push(dotRank(await this.store.all<{ doc: number; vector: Buffer }>(q.VECTORS_OF, [options.external.embedder]), options.external.vector));
    const docs = [...new Set(lists.flat())];
    if (docs.length === 0) return [];
    const rows = await this.store.all<DocMeta & { doc: number }>(q.DOC_META, [JSON.stringify(docs)]);
    const meta = new Map(rows.map((r) => [r.doc, r]));
    const hits = fuse(lists, meta);
    const refs = hits.filter((h) => h.origin === 'history').map((h) => h.ref);
    if (refs.length > 0) attachHistory(hits, await this.store.all<HistoryRow>(q.HISTORY_ROWS, [JSON.stringify(refs)]), options.userId);
    return rescore(hits, queryFeatures, (doc) => this.docFeatures.of(doc, meta.get(doc)?.text ?? ''), options.k ?? 10);
  }

  /** Docs holding the request's rarest words, best first: BM25 with every term counted once. */
  private async fullText(request: string): Promise<number[]> {
    const terms = ftsTerms(request);
    if (terms.length === 0) return [];
    const total = await this.count();
    if (Math.abs(total - this.dfAt) > this.dfAt * 0.1) {
      this.df.clear();
      this.dfAt = total;
      const avg = await this.store.get<{ avg: number | null }>(`SELECT avg(${WORD_COUNT})::float8 AS avg FROM planner_fts`);
      this.avgLength = Math.max(1, avg?.avg ?? 1);
    }
    const limit = commonLimit(total);
    const withDf: { t: string; n: number }[] = [];
    for (const t of terms) {
      let n = this.df.get(t);
      if (n === undefined) {
        n = (await this.store.get<{ n: number }>(`SELECT count(*) AS n FROM (SELECT 1 FROM planner_fts WHERE tsv @@ websearch_to_tsquery('english', ?) LIMIT ${limit + 1}) t`, [t]))?.n ?? 0;
        if (this.df.size > 20_000) this.df.clear();
        this.df.set(t, n);
      }
      withDf.push({ t, n });
    }
    const kept = selectiveTerms(withDf, limit);
    if (kept.length === 0) return [];
    // FTS5's BM25 weights, so both engines order the same texts alike.
    const idf = kept.map((t) => Math.max(1e-6, Math.log((total - (this.df.get(t) ?? 0) + 0.5) / ((this.df.get(t) ?? 0) + 0.5))));
    const weights = kept.map(() => `CASE WHEN tsv @@ websearch_to_tsquery('english', ?) THEN CAST(? AS DOUBLE PRECISION) ELSE 0 END`).join(' + ');
    const rows = await this.store.all<{ doc: number }>(
      `SELECT rowid AS doc FROM planner_fts WHERE tsv @@ websearch_to_tsquery('english', ?)
        ORDER BY (${weights}) / (1 + 1.2 * (0.25 + 0.75 * ${WORD_COUNT} / CAST(? AS DOUBLE PRECISION))) DESC, rowid LIMIT ${LIST_DEPTH}`,
      [kept.join(' or '), ...kept.flatMap((t, i) => [t, idf[i]]), this.avgLength],
    );
    return rows.map((r) => r.doc);
  }

  private async nearest(query: Uint8Array): Promise<number[]> {
    if (this.vectors !== 'in-process') {
      const rows = await this.store.all<{ doc: number }>(DATABASE_KNN[this.vectors], [bitString(query)]);
      return rows.map((r) => r.doc);
    }
    await this.bits.refresh(this.store);
    return this.bits.nearest(query);
  }

  async isComplete(embedder: string): Promise<boolean> {
    if (embedder === HASH_EMBEDDER_ID) return true;
    return (await this.store.get<{ complete: number }>(q.EMBEDDER_COMPLETE, [embedder]))?.complete === 1;
  }

  async reindex(embedder: Embedder, signal?: AbortSignal, batch = 32): Promise<number> {
    let done = 0;
    for (;;) {
      signal?.throwIfAborted();
      const todo = await this.store.all<{ doc: number; text: string }>(q.DOCS_WITHOUT_VECTOR, [embedder.id, batch]);
      if (todo.length === 0) break;
      const vectors = await embedder.embed(todo.map((t) => t.text), signal);
      await this.store.transaction(async (tx) => {
        for (const [i, t] of todo.entries()) await tx.run(q.PUT_VECTOR, [t.doc, embedder.id, Buffer.from(vectors[i].buffer, vectors[i].byteOffset, vectors[i].byteLength)]);
      });
      done += todo.length;
    }
    const dim = (await this.store.get<{ dim: number }>(q.VECTOR_DIM, [embedder.id]))?.dim ?? 0;
    await this.store.run(q.MARK_EMBEDDER_COMPLETE, [embedder.id, dim, new Date().toISOString()]);
    await this.store.run(q.MARK_HISTORY_EMBEDDER, [embedder.id]);
    return done;
  }
}

async function indexHistoryIn(tx: SqlExecutor, ref: string, command: string, description: string): Promise<void> {
  if (await tx.get(q.HISTORY_DOC_EXISTS, [ref])) return;
  await insertDocs(tx, 'history', [{ ref, text: `${description} ${command}`.trim() }]);
}

/** Add docs to every index, a few hundred per statement. */
async function insertDocs(tx: SqlExecutor, origin: 'corpus' | 'history', docs: { ref: string; text: string }[]): Promise<void> {
  const values = (columns: number, rows: number) => Array.from({ length: rows }, () => `(${Array(columns).fill('?').join(', ')})`).join(', ');
  const made = await tx.all<{ doc: number; text: string }>(`INSERT INTO planner_docs (origin, ref, text) VALUES ${values(3, docs.length)} RETURNING doc, text`, docs.flatMap((d) => [origin, d.ref, d.text]));
  await tx.run(`INSERT INTO planner_fts (rowid, text) VALUES ${values(2, made.length)}`, made.flatMap((m) => [m.doc, m.text]));
  await tx.run(`INSERT INTO planner_vec_hash (rowid, embedding) VALUES ${values(2, made.length)}`, made.flatMap((m) => [m.doc, Buffer.from(hashBits(hashFeatures(m.text)))]));
}

/** The bits as PostgreSQL's bit-string input reads them ('x' then hex). */
function bitString(bits: Uint8Array): string {
  return 'x' + Buffer.from(bits).toString('hex');
}

const SCHEMA_LOCK = 'paladin.schema_migrations';
/** The stored bytes as a `bit(1024)` column, computed by the database: what a database-side search ranks. */
const ADD_BITS = `ALTER TABLE planner_vec_hash ADD COLUMN IF NOT EXISTS bits bit(1024) GENERATED ALWAYS AS (CAST('x' || encode(embedding, 'hex') AS bit(1024))) STORED`;

async function addBitColumn(store: SqlStore): Promise<void> {
  await store.transaction((tx) => tx.run(ADD_BITS), { lock: SCHEMA_LOCK });
}

/**
 * Whether pgvector can rank the stored bits: the extension is installed, or
 * available and this user may create it. Then the bits get a `bit(1024)`
 * column computed from the stored bytes and an HNSW index for Hamming distance.
 */
async function enablePgvector(store: SqlStore): Promise<boolean> {
  try {
    if (!(await store.get('SELECT 1 AS one FROM pg_available_extensions WHERE name = ?', ['vector']))) return false;
    await store.transaction(async (tx) => {
      if (!(await tx.get('SELECT 1 AS one FROM pg_extension WHERE extname = ?', ['vector']))) await tx.run('CREATE EXTENSION IF NOT EXISTS vector');
      await tx.run(ADD_BITS);
      await tx.run('CREATE INDEX IF NOT EXISTS planner_vec_hash_bits ON planner_vec_hash USING hnsw (bits bit_hamming_ops)');
    }, { lock: SCHEMA_LOCK });
    return true;
  } catch {
    // No right to create the extension, or a pgvector too old for bit vectors: the in-process search serves.
    return false;
  }
}
