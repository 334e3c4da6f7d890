// The built-in embedder's bit vectors of a shared store, held in this process
// for nearest-neighbour search by Hamming distance (what sqlite-vec does on
// SQLite, for PostgreSQL without pgvector). Rows are only ever added, except
// when the corpus is reloaded: the index fetches what is new by rowid and
// reloads everything when the table's row count says something went away.

import type { SqlExecutor } from '../store/sqlStore';
import { LIST_DEPTH } from './retrievalFusion';

const WORDS = 1024 / 32;

export class HammingIndex {
  private docs: number[] = [];
  private bits = new Uint32Array(0);
  private top = 0;
  // Searches running at once refresh one after another, so no rows are fetched twice.
  private refreshing: Promise<void> = Promise.resolve();

  constructor(private readonly table: string) {}

  get size(): number {
    return this.docs.length;
  }

  /** Bring the index up to date with the table. */
  refresh(db: SqlExecutor): Promise<void> {
    const run = this.refreshing.then(() => this.catchUp(db));
    this.refreshing = run.catch(() => undefined);
    return run;
  }

  private async catchUp(db: SqlExecutor): Promise<void> {
    const state = await db.get<{ n: number; top: number }>(`SELECT count(*) AS n, coalesce(max(rowid), 0) AS top FROM ${this.table}`);
    const n = state?.n ?? 0;
    const top = state?.top ?? 0;
    if (top < this.top || (top === this.top && n !== this.docs.length)) this.clear();
    if (top > this.top) await this.fetch(db, this.top);
    if (this.docs.length !== n) {
      this.clear();
      await this.fetch(db, 0);
    }
  }

  private clear(): void {
    this.docs = [];
    this.bits = new Uint32Array(0);
    this.top = 0;
  }

  private async fetch(db: SqlExecutor, after: number): Promise<void> {
    const rows = await db.all<{ rowid: number; embedding: Buffer }>(`SELECT rowid, embedding FROM ${this.table} WHERE rowid > ? ORDER BY rowid`, [after]);
    if (rows.length === 0) return;
    const grown = new Uint32Array((this.docs.length + rows.length) * WORDS);
    grown.set(this.bits);
    for (const [i, r] of rows.entries()) {
      grown.set(wordsOf(r.embedding), (this.docs.length + i) * WORDS);
    }
    for (const r of rows) this.docs.push(r.rowid);
    this.bits = grown;
    this.top = rows[rows.length - 1].rowid;
  }

  /**
   * The `depth` docs nearest to `query`. Equal distances are ordered as
   * sqlite-vec orders them (by blocks of 1,024 rows, the higher rowid first
   * within a block), so both engines rank the same texts alike.
   */
  nearest(query: Uint8Array, depth = LIST_DEPTH): number[] {
    const q = wordsOf(Buffer.from(query.buffer, query.byteOffset, query.byteLength));
    const n = this.docs.length;
    const dist = new Uint16Array(n);
    const histogram = new Uint32Array(1025);
    for (let d = 0; d < n; d++) {
      let sum = 0;
      const at = d * WORDS;
      for (let w = 0; w < WORDS; w++) sum += popcount(this.bits[at + w] ^ q[w]);
      dist[d] = sum;
      histogram[sum]++;
    }
    // The distance the depth-th nearest lies at: everything closer is in, then ties by rowid.
    let cut = 0;
    for (let taken = 0; cut <= 1024 && taken + histogram[cut] < depth; cut++) taken += histogram[cut];
    const picked: number[] = [];
    for (let d = 0; d < n; d++) if (dist[d] <= cut) picked.push(d);
    const block = (d: number) => Math.floor((this.docs[d] - 1) / 1024);
    picked.sort((a, b) => dist[a] - dist[b] || block(a) - block(b) || this.docs[b] - this.docs[a]);
    return picked.slice(0, depth).map((d) => this.docs[d]);
  }
}

function wordsOf(bytes: Buffer): Uint32Array {
  const out = new Uint32Array(WORDS);
  for (let i = 0; i < Math.min(bytes.length, WORDS * 4); i++) out[i >> 2] |= bytes[i] << ((i & 3) * 8);
  return out;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
