// What every retrieval store does once its indexes have answered: fuse the
// ranked lists (full text, vectors) by reciprocal rank, keep the user's
// commands that ran well, score each hit's closeness to the request, and
// boost past successes. Pure: the SQLite and the PostgreSQL stores share it.

import { sparseCosine, words } from './embedder';

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

export interface DocMeta {
  origin: 'corpus' | 'history';
  ref: string;
  text: string;
}

export interface HistoryRow {
  id: string;
  user_id: string | null;
  command: string;
  description: string;
  usage_count: number;
  success_rate: number;
}

export type FusedHit = Hit & { docs: number[] };

const RRF_K = 60;
/** Candidates taken from each index. */
export const LIST_DEPTH = 60;

/** Reciprocal-rank fusion of the lists of doc ids, by the ref each doc belongs to. */
export function fuse(lists: number[][], meta: Map<number, DocMeta>): FusedHit[] {
  const byRef = new Map<string, FusedHit>();
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
  return [...byRef.values()];
}

/** The command and record of each history hit, for `userId`'s commands only when given. */
export function attachHistory(hits: Hit[], rows: HistoryRow[], userId: string | undefined): void {
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

/** The `k` best hits: corpus hits and known history, scored by closeness and past success. */
export function rescore(hits: FusedHit[], queryFeatures: Map<number, number>, featuresOf: (doc: number) => Map<number, number>, k: number): Hit[] {
  const kept = hits.filter((h) => h.origin === 'corpus' || h.command !== undefined);
  for (const h of kept) {
    for (const doc of h.docs) h.similarity = Math.max(h.similarity, sparseCosine(queryFeatures, featuresOf(doc)));
    // Commands that ran well before rank higher, more so the more often they did.
    if (h.origin === 'history') h.score *= 1 + (h.successRate ?? 0) * Math.min(1, Math.log1p(h.usageCount ?? 0) / Math.log(10));
    h.score += h.similarity * 0.02;
  }
  kept.sort((a, b) => b.score - a.score);
  return kept.slice(0, k).map(({ docs: _docs, ...hit }) => hit);
}

/** Docs ranked by the dot product of their external embedder's vector with the query's, best first. */
export function dotRank(rows: { doc: number; vector: Buffer }[], query: Float32Array): number[] {
  const scored = rows.map((r) => {
    const v = new Float32Array(r.vector.buffer, r.vector.byteOffset, r.vector.byteLength / 4);
    let dot = 0;
    for (let i = 0; i < Math.min(v.length, query.length); i++) dot += v[i] * query[i];
    return { doc: r.doc, dot };
  });
  scored.sort((a, b) => b.dot - a.dot);
  return scored.slice(0, LIST_DEPTH).map((s) => s.doc);
}

/** The request's searchable words: no numbers, no words too common to tell texts apart (also as the stemmer leaves them: "this" → thi). */
export function ftsTerms(request: string): string[] {
  return [...new Set(words(request).filter((w) => w.length > 1 && !/^\d+(\.\d+)?$/.test(w) && !/^(the|and|for|all|with|that|this|from|into|what|which|show|please|me|my|in|of|to|on|at|by|is|are|it|an|or|be|do|how|can|you|some|any|there|here|where|get|give|thi|thes|doe|ha|wa)$/.test(w)))].slice(0, 24);
}

/** How many texts a term may be in and still be searched for: a tenth of them, within bounds. */
export function commonLimit(total: number): number {
  return Math.min(2_000, Math.max(200, Math.floor(total / 10)));
}

/** The rarest terms worth searching for, given how many texts hold each (counted up to `limit + 1`). */
export function selectiveTerms(withDf: { t: string; n: number }[], limit: number): string[] {
  const present = withDf.filter((x) => x.n > 0).sort((a, b) => a.n - b.n);
  let kept = present.filter((x) => x.n <= limit).slice(0, 6);
  if (kept.length === 0) kept = present.slice(0, 1);
  return kept.map((x) => x.t);
}
