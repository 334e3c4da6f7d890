// Full outputs of runs, kept compressed (brotli), capped, for a limited time,
// and addressed by the SHA-256 of the bytes kept: the same output twice is
// stored once.

import { createHash } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import type { StoredOutput } from '../recordTypes';
import type { Db } from '../store/database';

export type { StoredOutput } from '../recordTypes';

/** A kept output by hash, unless expired; parameters: the hash, the time now (one text for both engines). */
export const storedOutputQuery = 'SELECT hash, size, stored_size, truncated, created_at, expires_at, data FROM command_outputs WHERE hash = ? AND (expires_at IS NULL OR expires_at > ?)';

export interface StoredOutputRow {
  hash: string;
  size: number;
  stored_size: number;
  truncated: number;
  created_at: string;
  expires_at: string | null;
  data: Buffer;
}

export function isOutputHash(hash: string): boolean {
  return /^[0-9a-f]{64}$/.test(hash);
}

/** The output a row keeps, decompressed and checked against its hash. */
export function storedOutputFrom(row: StoredOutputRow | undefined, hash: string): StoredOutput | undefined {
  if (!row) return undefined;
  const data = brotliDecompressSync(row.data);
  if (createHash('sha256').update(data).digest('hex') !== row.hash) {
    throw new Error(`The stored output ${hash} is damaged: its content no longer matches its hash.`);
  }
  return { hash: row.hash, size: row.size, storedSize: row.stored_size, truncated: Number(row.truncated) === 1, createdAt: row.created_at, expiresAt: row.expires_at, data };
}

export class OutputStore {
  constructor(
    private readonly db: Db,
    private readonly options: { maxBytes: number; retentionDays: number },
  ) {}

  /** Keep `output` (the first maxBytes of it); returns the hash it is found by, or undefined when retention is 0. */
  put(output: Buffer, alreadyTruncated = false): { hash: string; truncated: boolean } | undefined {
    if (this.options.retentionDays <= 0) return undefined;
    const kept = output.length > this.options.maxBytes ? output.subarray(0, this.options.maxBytes) : output;
    const truncated = alreadyTruncated || kept.length < output.length;
    const hash = createHash('sha256').update(kept).digest('hex');
    const now = new Date();
    const expires = new Date(now.getTime() + this.options.retentionDays * 86_400_000).toISOString();
    const existing = this.db.prepare('SELECT 1 FROM command_outputs WHERE hash = ?').get(hash);
    if (existing) {
      this.db.prepare('UPDATE command_outputs SET expires_at = max(coalesce(expires_at, ?), ?) WHERE hash = ?').run(expires, expires, hash);
    } else {
      const data = brotliCompressSync(kept, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: kept.length } });
      this.db
        .prepare('INSERT OR IGNORE INTO command_outputs (hash, encoding, size, stored_size, truncated, data, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(hash, 'br', kept.length, data.length, truncated ? 1 : 0, data, now.toISOString(), expires);
    }
    return { hash, truncated };
  }

  get(hash: string): StoredOutput | undefined {
    if (!isOutputHash(hash)) return undefined;
    return storedOutputFrom(this.db.prepare(storedOutputQuery).get(hash, new Date().toISOString()) as StoredOutputRow | undefined, hash);
  }

  private lastPrune = 0;

  /** Prune at most once an hour, for long-running servers. */
  pruneIfDue(now = Date.now()): void {
    if (now - this.lastPrune < 3_600_000) return;
    this.prune(new Date(now));
  }

  /** Drop outputs past their expiry; returns how many went. */
  prune(now = new Date()): number {
    this.lastPrune = now.getTime();
    return this.db.prepare('DELETE FROM command_outputs WHERE expires_at IS NOT NULL AND expires_at <= ?').run(now.toISOString()).changes;
  }
}
