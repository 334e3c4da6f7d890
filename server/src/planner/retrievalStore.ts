// Retrieval over the knowledge corpus and the user's own commands that ran
// well: BM25 full text (FTS5) and vector KNN (sqlite-vec), fused by
// reciprocal rank, with past successes boosted.

import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/database';
import type { Corpus } from './corpus';
import { HASH_EMBEDDER_ID, hashBits, hashFeatures, normalise, sparseCosine, words, type Embedder } from './embedder';

export interface Hit {
  origin: 'corpus' | 'history';
  /** Corpus entry id or command_embeddings id. */
  ref: string;
  /** Fused score (higher is better). */
  score: number;
  /** Best cosine similarity of the request to one of this ref's texts (0..1). */
  similarity: number;
  /** For history hits: the command and how it fared. */
  command?: string;
  description?: string;
  usageCount?: number;
  successRate?: number;
}

const RRF_K = 60;
const LIST_DEPTH = 60;

/** An external embedder's vector for the query, when that embedder's index is complete. */
export interface ExternalQuery {
  embedder: string;
  vector: Float32Array;
}

export class RetrievalStore {
  private readonly docText = new Map<number, Map<number, number>>();

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
    const row = this.db.prepare(`SELECT value FROM planner_meta WHERE key = 'corpus_hash'`).get() as { value: string } | undefined;
    if (row?.value === corpus.hash) return false;
    const load = this.db.transaction(() => {
      const old = this.db.prepare(`SELECT doc FROM planner_docs WHERE origin = 'corpus'`).all() as { doc: number }[];
      const delFts = this.db.prepare('DELETE FROM planner_fts WHERE rowid = ?');
      const delVec = this.db.prepare('DELETE FROM planner_vec_hash WHERE rowid = ?');
      for (const { doc } of old) {
        delFts.run(doc);
        delVec.run(BigInt(doc));
      }
      this.db.prepare(`DELETE FROM planner_docs WHERE origin = 'corpus'`).run();
      this.db.prepare(`UPDATE planner_embedders SET complete = 0`).run();
      for (const entry of corpus.entries) {
        const texts = [...entry.intents, `${entry.explanation} ${entry.utilities.join(' ')}`];
        for (const text of texts) this.insertDoc('corpus', entry.id, text);
      }
      this.db.prepare(`INSERT INTO planner_meta (key, value) VALUES ('corpus_hash', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(corpus.hash);
    });
    load.immediate();
    return true;
  }

  /** Add a doc to every index; returns its rowid. */
  insertDoc(origin: 'corpus' | 'history', ref: string, text: string): number {
    const doc = Number(this.stmt('INSERT INTO planner_docs (origin, ref, text) VALUES (?, ?, ?)').run(origin, ref, text).lastInsertRowid);
    this.stmt('INSERT INTO planner_fts (rowid, text) VALUES (?, ?)').run(doc, text);
    this.stmt('INSERT INTO planner_vec_hash (rowid, embedding) VALUES (?, vec_bit(?))').run(BigInt(doc), hashBits(hashFeatures(text)));
    return doc;
  }

  /** Index a command the user ran successfully (once per command_embeddings row). */
  indexHistory(ref: string, command: string, description: string): void {
    const exists = this.stmt(`SELECT 1 FROM planner_docs WHERE origin = 'history' AND ref = ?`).get(ref);
    if (exists) return;
    this.insertDoc('history', ref, `${description} ${command}`.trim());
  }

  count(): number {
    return (this.stmt('SELECT count(*) AS n FROM planner_docs').get() as { n: number }).n;
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
    const byRef = new Map<string, Hit & { docs: number[] }>();
    for (const list of lists) {
      const seenRefs = new Set<string>();
      list.forEach((doc, rank) => {
        const m = meta.get(doc);
        if (!m) return;
        const key = `${m.origin}:${m.ref}`;
        let hit = byRef.get(key);
        if (!hit) {
          hit = { origin: m.origin, ref: m.ref, score: 0, similarity: 0, docs: [] };
          byRef.set(key, hit);
        }
        hit.docs.push(doc);
        // A ref counts once per list, at its best rank.
        if (seenRefs.has(key)) return;
        seenRefs.add(key);
        hit.score += 1 / (RRF_K + rank + 1);
      });
    }
    lap('fuse');
    const hits = [...byRef.values()];
    this.attachHistory(hits, options.userId);
    lap('history');
    const kept = hits.filter((h) => h.origin === 'corpus' || h.command !== undefined);
    for (const h of kept) {
      for (const doc of h.docs) h.similarity = Math.max(h.similarity, sparseCosine(queryFeatures, this.features(doc, meta.get(doc)?.text ?? '')));
      // Commands that ran well before rank higher, more so the more often they did.
      if (h.origin === 'history') h.score *= 1 + (h.successRate ?? 0) * Math.min(1, Math.log1p(h.usageCount ?? 0) / Math.log(10));
      h.score += h.similarity * 0.02;
    }
    kept.sort((a, b) => b.score - a.score);
    lap('rescore');
    return kept.slice(0, k).map(({ docs: _docs, ...hit }) => hit);
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
    const limit = Math.min(2_000, Math.max(200, Math.floor(total / 10)));
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
    const present = withDf.filter((x) => x.n > 0).sort((a, b) => a.n - b.n);
    let kept = present.filter((x) => x.n <= limit).slice(0, 6);
    if (kept.length === 0) kept = present.slice(0, 1);
    return kept.map((x) => quote(x.t)).join(' OR ');
  }

  private features(doc: number, text: string): Map<number, number> {
    let f = this.docText.get(doc);
    if (!f) {
      f = normalise(hashFeatures(text));
      if (this.docText.size > 50_000) this.docText.clear();
      this.docText.set(doc, f);
    }
    return f;
  }

  private docMeta(docs: number[]): Map<number, { origin: 'corpus' | 'history'; ref: string; text: string }> {
    const out = new Map<number, { origin: 'corpus' | 'history'; ref: string; text: string }>();
    const rows = this.stmt('SELECT doc, origin, ref, text FROM planner_docs WHERE doc IN (SELECT value FROM json_each(?))').all(JSON.stringify(docs)) as { doc: number; origin: 'corpus' | 'history'; ref: string; text: string }[];
    for (const r of rows) out.set(r.doc, r);
    return out;
  }

  private attachHistory(hits: Hit[], userId: string | undefined): void {
    const refs = hits.filter((h) => h.origin === 'history').map((h) => h.ref);
    if (refs.length === 0) return;
    const rows = this
      .stmt('SELECT id, user_id, command, description, usage_count, success_rate FROM command_embeddings WHERE id IN (SELECT value FROM json_each(?)) AND success_rate > 0')
      .all(JSON.stringify(refs)) as { id: string; user_id: string | null; command: string; description: string; usage_count: number; success_rate: number }[];
    const byId = new Map(rows.filter((r) => userId === undefined || r.user_id === userId).map((r) => [r.id, r]));
    for (const h of hits) {
      const r = byId.get(h.ref);
      if (h.origin !== 'history' || !r) continue;
      h.command = r.command;
      h.description = r.description;
      h.usageCount = r.usage_count;
      h.successRate = r.success_rate;
    }
  }

  private externalKnn(q: ExternalQuery): number[] {
    const rows = this.stmt('SELECT doc, vector FROM planner_vectors WHERE embedder = ?').all(q.embedder) as { doc: number; vector: Buffer }[];
    const scored = rows.map((r) => {
      const v = new Float32Array(r.vector.buffer, r.vector.byteOffset, r.vector.byteLength / 4);
      let dot = 0;
      for (let i = 0; i < Math.min(v.length, q.vector.length); i++) dot += v[i] * q.vector[i];
      return { doc: r.doc, dot };
    });
    scored.sort((a, b) => b.dot - a.dot);
    return scored.slice(0, LIST_DEPTH).map((s) => s.doc);
  }

  /** Whether `embedder` has a vector for every doc. */
  isComplete(embedder: string): boolean {
    if (embedder === HASH_EMBEDDER_ID) return true;
    const row = this.db.prepare('SELECT complete FROM planner_embedders WHERE embedder = ?').get(embedder) as { complete: number } | undefined;
    return row?.complete === 1;
  }

  /**
   * Give every doc a vector from `embedder`, a batch at a time, yielding to the
   * event loop between batches so requests are never blocked. Marks the
   * embedder complete at the end.
   */
  async reindex(embedder: Embedder, signal?: AbortSignal, batch = 32): Promise<number> {
    let done = 0;
    const insert = this.db.prepare('INSERT OR REPLACE INTO planner_vectors (doc, embedder, vector) VALUES (?, ?, ?)');
    for (;;) {
      signal?.throwIfAborted();
      const todo = this.db
        .prepare(`SELECT d.doc, d.text FROM planner_docs d WHERE NOT EXISTS (SELECT 1 FROM planner_vectors v WHERE v.doc = d.doc AND v.embedder = ?) LIMIT ?`)
        .all(embedder.id, batch) as { doc: number; text: string }[];
      if (todo.length === 0) break;
      const vectors = await embedder.embed(todo.map((t) => t.text), signal);
      this.db.transaction(() => {
        todo.forEach((t, i) => insert.run(t.doc, embedder.id, Buffer.from(vectors[i].buffer, vectors[i].byteOffset, vectors[i].byteLength)));
      })();
      done += todo.length;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const dim = (this.db.prepare('SELECT length(vector) / 4 AS dim FROM planner_vectors WHERE embedder = ? LIMIT 1').get(embedder.id) as { dim: number } | undefined)?.dim ?? 0;
    this.db
      .prepare(`INSERT INTO planner_embedders (embedder, dim, complete) VALUES (?, ?, 1) ON CONFLICT(embedder) DO UPDATE SET dim = excluded.dim, complete = 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`)
      .run(embedder.id, dim);
    this.db.prepare(`UPDATE command_embeddings SET embedder = ? WHERE id IN (SELECT ref FROM planner_docs WHERE origin = 'history')`).run(embedder.id);
    return done;
  }
}

function ftsTerms(request: string): string[] {
  return [...new Set(words(request).filter((w) => w.length > 1 && !/^\d+(\.\d+)?$/.test(w) && !/^(the|and|for|all|with|that|this|from|into|what|which|show|please|me|my|in|of|to|on|at|by|is|are|it|an|or|be|do|how|can|you|some|any|there|here|where|get|give)$/.test(w)))].slice(0, 24);
}

/** Quoted, so no word is read as FTS syntax. */
function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/** An FTS5 query that ORs the request's words. */
export function ftsQuery(request: string): string {
  return ftsTerms(request).map(quote).join(' OR ');
}
