// Text → vector. The built-in embedder needs no model: hashed word, word-pair
// and character n-gram features in a fixed dimension, L2-normalised. When an
// Ollama embedding model is configured and answers, its vectors are used
// instead (each stored vector records which embedder made it).

import { createHash } from 'node:crypto';

export interface Embedder {
  /** Recorded with every vector; a different id means a different space. */
  readonly id: string;
  embed(texts: string[], signal?: AbortSignal): Promise<Float32Array[]>;
}

export const HASH_DIM = 1024;
export const HASH_EMBEDDER_ID = `hash-v1-${HASH_DIM}`;
/** Bumped when `words` or the stop words change, so stored corpus texts are indexed again. */
export const WORDS_VERSION = 2;

const stop = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'on', 'for', 'and', 'or', 'is', 'are', 'me', 'my', 'i', 'it', 'all', 'with', 'that', 'this', 'please', 'can', 'you', 'how', 'do', 'show', 'what', 'which', 'some', 'from', 'by', 'be', 'we', 'our', 'at', 'as',
  // ... and as the stemmer leaves some of them: "this" → thi, "does" → doe.
  'thi', 'thes', 'doe', 'ha', 'wa']);

/** Lowercase words, with a light suffix strip so "files"/"file" and "listing"/"list" meet. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9_+.-]+|\*\.[a-z0-9]+/g) ?? []).map(stem).filter((w) => w.length > 0);
}

export function stem(w: string): string {
  w = w.replace(/^[.-]+|[.-]+$/g, '');
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && (w.endsWith('ed') || w.endsWith('es'))) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

function hash32(s: string): number {
  // FNV-1a: fast and stable across runs and machines.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Similarity is computed on sparse features in a large space (almost no
// collisions); only the stored KNN bits are folded down to HASH_DIM.
const FEATURE_SPACE = 1 << 22;

/** Sparse features of a text: index → weight (not yet normalised). */
export function hashFeatures(text: string): Map<number, number> {
  const features = new Map<number, number>();
  const add = (key: string, weight: number) => {
    const i = hash32(key) % FEATURE_SPACE;
    features.set(i, (features.get(i) ?? 0) + weight);
  };
  const ws = words(text);
  // Numbers are slot values ("the 5 biggest"), not what a request is about.
  const content = ws.filter((w) => !stop.has(w) && !/^\d+(\.\d+)?$/.test(w));
  for (const w of content) {
    add('w:' + w, 1.0);
    const padded = `<${w}>`;
    for (let i = 0; i + 3 <= padded.length; i++) add('c:' + padded.slice(i, i + 3), 0.12);
  }
  for (let i = 0; i + 1 < content.length; i++) add('b:' + content[i] + ' ' + content[i + 1], 0.6);
  return features;
}

export function normalise(features: Map<number, number>): Map<number, number> {
  let norm = 0;
  for (const v of features.values()) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  const out = new Map<number, number>();
  for (const [k, v] of features) out.set(k, v / norm);
  return out;
}

/** Stored documents' normalised features by id, so a rescore hashes a document's text once; bounded, cleared when full. */
export class DocumentFeatures {
  private readonly byDoc = new Map<number, Map<number, number>>();

  of(doc: number, text: string): Map<number, number> {
    let f = this.byDoc.get(doc);
    if (!f) {
      f = normalise(hashFeatures(text));
      if (this.byDoc.size > 50_000) this.byDoc.clear();
      this.byDoc.set(doc, f);
    }
    return f;
  }
}

export function sparseCosine(a: Map<number, number>, b: Map<number, number>): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, v] of small) {
    const w = large.get(k);
    if (w !== undefined) dot += v * w;
  }
  return dot;
}

/**
 * Presence bits of the hashed features, for sqlite-vec's bit[] Hamming KNN.
 * Hamming distance |A|+|B|-2|A∩B| favours short texts, so every vector gets
 * exactly BIT_ONES bits: its strongest features, padded with bits derived
 * from its own content. Then ranking by distance is ranking by overlap.
 */
export const BIT_ONES = 48;

export function hashBits(features: Map<number, number>): Uint8Array {
  const bits = new Uint8Array(HASH_DIM / 8);
  const set = new Set<number>();
  const strongest = [...features.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (const [key] of strongest) {
    if (set.size >= BIT_ONES) break;
    set.add(key % HASH_DIM);
  }
  let seed = strongest.length > 0 ? strongest[0][0] : 0;
  while (set.size < BIT_ONES) {
    seed = hash32(`pad:${seed}`);
    set.add(seed % HASH_DIM);
  }
  for (const k of set) bits[k >> 3] |= 1 << (k & 7);
  return bits;
}

export class HashEmbedder implements Embedder {
  readonly id = HASH_EMBEDDER_ID;
  async embed(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => {
      const v = new Float32Array(HASH_DIM);
      for (const [k, w] of normalise(hashFeatures(t))) v[k % HASH_DIM] += w;
      return v;
    });
  }
}

export function l2normalise(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n) || 1;
  return v.map((x) => x / n);
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) dot += a[i] * b[i];
  return dot;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
