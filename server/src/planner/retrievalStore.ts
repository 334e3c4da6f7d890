// Retrieval over the knowledge corpus and the user's own commands that ran
// well, on the local SQLite file: BM25 full text (FTS5) and vector KNN
// (sqlite-vec), fused by reciprocal rank, with past successes boosted
// (retrievalFusion.ts). Synchronous; the planner reaches it through
// retrieval.ts. A team database has its own: sharedRetrieval.ts.

import type { Statement } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { Db } from '../store/database';
import type { Corpus } from './corpus';
import { DocumentFeatures, HASH_EMBEDDER_ID, hashBits, hashFeatures, normalise, type Embedder } from './embedder';
import { attachHistory, commonLimit, dotRank, ftsTerms, fuse, LIST_DEPTH, rescore, selectiveTerms, type DocMeta, type Hit, type HistoryRow } from './retrievalFusion';
import * as q from './retrievalSql';

export type { Hit } from './retrievalFusion';
export { ftsTerms } from './retrievalFusion';

/** An external embedder's vector for the query, when that embedder's index is complete. */
export interface ExternalQuery {
  embedder: string;
  vector: Float32Array;
}

export class RetrievalStore {
  private readonly docFeatures = new DocumentFeatures();

  /** Prepared statements by their SQL: preparing costs more than most of these queries. */
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  private stmt(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      if (this.statements.size > 200) this.statements.clear();
      this.statements.set(sql, s);
    }
    return s;
  }

  /** Load the corpus into the indexes unless the same content is already there. Returns whether it loaded. */
  loadCorpus(corpus: Corpus): boolean {
    const row = this.db.prepare(q.CORPUS_HASH).get() as { value: string } | undefined;
    if (row?.value === corpus.hash) return false;
    const load = this.db.transaction(() => {
      const old = this.db.prepare(q.CORPUS_DOCS).all() as { doc: number }[];
      const delFts = this.db.prepare('DELETE FROM planner_fts WHERE rowid = ?');
      const delVec = this.db.prepare('DELETE FROM planner_vec_hash WHERE rowid = ?');
      for (const { doc } of old) {
        delFts.run(doc);
        delVec.run(BigInt(doc));
      }
      this.db.prepare(q.DELETE_CORPUS_DOCS).run();
      this.db.prepare(q.EMBEDDERS_INCOMPLETE).run();
      for (const entry of corpus.entries) {
        const texts = [...entry.intents, `${entry.explanation} ${entry.utilities.join(' ')}`];
        for (const text of texts) this.insertDoc('corpus', entry.id, text);
      }
      this.db.prepare(q.SET_CORPUS_HASH).run(corpus.hash);
    });
    load.immediate();
    return true;
  }

  /** Add a doc to every index; returns its rowid. */
  insertDoc(origin: 'corpus' | 'history', ref: string, text: string): number {
    const doc = Number((this.stmt(q.INSERT_DOC).get(origin, ref, text) as { doc: number }).doc);
    this.stmt('INSERT INTO planner_fts (rowid, text) VALUES (?, ?)').run(doc, text);
    this.stmt('INSERT INTO planner_vec_hash (rowid, embedding) VALUES (?, vec_bit(?))').run(BigInt(doc), hashBits(hashFeatures(text)));
    return doc;
  }

  /** Index a command the user ran successfully (once per command_embeddings row). */
  indexHistory(ref: string, command: string, description: string): void {
    const exists = this.stmt(q.HISTORY_DOC_EXISTS).get(ref);
    if (exists) return;
    this.insertDoc('history', ref, `${description} ${command}`.trim());
  }

  count(): number {
    return (this.stmt(q.COUNT_DOCS).get() as { n: number }).n;
  }

  /** Milliseconds spent in each part of the last search. */
  lastTimings: Record<string, number> = {};

  search(request: string, options: { k?: number; userId?: string; external?: ExternalQuery } = {}): Hit[] {
    const k = options.k ?? 10;
    let mark = performance.now();
    const lap = (name: string) => {
      const now = performance.now();
      this.lastTimings[name] = Math.round((now - mark) * 100) / 100;
      mark = now;
    };
    const lists: number[][] = [];
    const fts = this.selectiveQuery(request);
    if (fts) {
      lists.push((this.stmt(`SELECT rowid AS doc FROM planner_fts WHERE planner_fts MATCH ? ORDER BY bm25(planner_fts) LIMIT ${LIST_DEPTH}`).all(fts) as { doc: number }[]).map((r) => r.doc));
    }
    lap('fts');
    const queryFeatures = normalise(hashFeatures(request));
    if (queryFeatures.size > 0) {
      const rows = this.stmt(`SELECT rowid AS doc FROM planner_vec_hash WHERE embedding MATCH vec_bit(?) AND k = ${LIST_DEPTH}`).all(hashBits(queryFeatures)) as { doc: number | bigint }[];
      lists.push(rows.map((r) => Number(r.doc)));
    }
    lap('vector');
    if (options.external) lists.push(this.externalKnn(options.external));

    const docs = new Set(lists.flat());
    if (docs.size === 0) return [];
    const meta = this.docMeta([...docs]);
    const hits = fuse(lists, meta);
    lap('fuse');
    const refs = hits.filter((h) => h.origin === 'history').map((h) => h.ref);
    if (refs.length > 0) attachHistory(hits, this.stmt(q.HISTORY_ROWS).all(JSON.stringify(refs)) as HistoryRow[], options.userId);
    lap('history');
    const kept = rescore(hits, queryFeatures, (doc) => this.docFeatures.of(doc, meta.get(doc)?.text ?? ''), k);
    lap('rescore');
    return kept;
  }

  private readonly df = new Map<string, number>();
  private dfAt = 0;

  /**
   * The FTS query of the request's rarest words, without those in a tenth of all texts or more:
   * they barely change BM25's order but make it score most of the table
   * (with 100,000 stored commands, "files" alone matches tens of thousands).
   */
  private selectiveQuery(request: string): string {
    const terms = ftsTerms(request);
    if (terms.length === 0) return '';
    const total = this.count();
    if (Math.abs(total - this.dfAt) > this.dfAt * 0.1) {
      this.df.clear();
      this.dfAt = total;
    }
    // Only "at most `limit` or more?" matters, so counting stops there: a common word costs no more than a rare one.
    const limit = commonLimit(total);
    const count = this.stmt(`SELECT count(*) AS n FROM (SELECT 1 FROM planner_fts WHERE planner_fts MATCH ? LIMIT ${limit + 1})`);
    const withDf = terms.map((t) => {
      let n = this.df.get(t);
      if (n === undefined) {
        n = (count.get(quote(t)) as { n: number }).n;
        if (this.df.size > 20_000) this.df.clear();
        this.df.set(t, n);
      }
      return { t, n };
    });
    return selectiveTerms(withDf, limit).map(quote).join(' OR ');
  }

  private docMeta(docs: number[]): Map<number, DocMeta> {
    const rows = this.stmt(q.DOC_META).all(JSON.stringify(docs)) as (DocMeta & { doc: number })[];
    return new Map(rows.map((r) => [r.doc, r]));
  }

  private externalKnn(query: ExternalQuery): number[] {
    return dotRank(this.stmt(q.VECTORS_OF).all(query.embedder) as { doc: number; vector: Buffer }[], query.vector);
  }

  /** Fold a run's outcome into the user's record of the command; index it once it has run well. */
  learn(userId: string, command: string, description: string, succeeded: boolean): void {
    this.db.transaction(() => {
      this.stmt(q.LEARN_UPSERT).run(randomUUID(), userId, command, description, succeeded ? 1 : 0);
      const row = this.stmt(q.LEARNED).get(userId, command) as { id: string; description: string; success_rate: number };
      if (row.success_rate > 0) this.indexHistory(row.id, command, row.description);
    }).immediate();
  }

  /** Whether `embedder` has a vector for every doc. */
  isComplete(embedder: string): boolean {
    if (embedder === HASH_EMBEDDER_ID) return true;
    const row = this.db.prepare(q.EMBEDDER_COMPLETE).get(embedder) as { complete: number } | undefined;
    return row?.complete === 1;
  }

  /**
   * Give every doc a vector from `embedder`, a batch at a time, yielding to the
   * event loop between batches so requests are never blocked. Marks the
   * embedder complete at the end.
   */
  async reindex(embedder: Embedder, signal?: AbortSignal, batch = 32): Promise<number> {
    let done = 0;
    const insert = this.db.prepare(q.PUT_VECTOR);
    for (;;) {
      signal?.throwIfAborted();
      const todo = this.db.prepare(q.DOCS_WITHOUT_VECTOR).all(embedder.id, batch) as { doc: number; text: string }[];
      if (todo.length === 0) break;
      const vectors = await embedder.embed(todo.map((t) => t.text), signal);
      this.db.transaction(() => {
        todo.forEach((t, i) => insert.run(t.doc, embedder.id, Buffer.from(vectors[i].buffer, vectors[i].byteOffset, vectors[i].byteLength)));
      })();
      done += todo.length;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const dim = (this.db.prepare(q.VECTOR_DIM).get(embedder.id) as { dim: number } | undefined)?.dim ?? 0;
    this.db.prepare(q.MARK_EMBEDDER_COMPLETE).run(embedder.id, dim, new Date().toISOString());
    this.db.prepare(q.MARK_HISTORY_EMBEDDER).run(embedder.id);
    return done;
  }
}

/** Quoted, so no word is read as FTS syntax. */
function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/** An FTS5 query that ORs the request's words. */
export function ftsQuery(request: string): string {
  return ftsTerms(request).map(quote).join(' OR ');
}
