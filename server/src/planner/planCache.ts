// Plans already made. Two keys: the exact request (normalised spacing and
// case), and its shape — the request with its values (numbers, names, sizes,
// quoted text) replaced by their kinds — which lets "the 5 biggest files in
// src" reuse the template chosen for "the 10 biggest files in lib", re-filled.
// Both keys include the workspace, the planner asked for and the policy
// version, so a policy change never serves a plan its policy did not check.
//
// Every query is written once for both engines (store/dialect.ts): on SQLite
// it runs synchronously on better-sqlite3; with a team database the cache is
// PostgreSQL's, so a plan cached by one instance is a hit on every other.

import { createHash } from 'node:crypto';
import type { PlanResult } from '../protocol/types';
import type { SqlStore } from '../store/sqlStore';
import type { Fact, RequestFacts } from './requestFacts';

export interface CacheKeyParts {
  workspace: string;
  planner: string;
  policyVersion: string;
  count: number;
}

export function normaliseRequest(request: string): string {
  return request.toLowerCase().replace(/\s+/g, ' ').replace(/[\s.!?]+$/, '').trim();
}

/** The request with every value replaced by its kind. */
export function requestShape(facts: RequestFacts): string {
  const spans: { at: number; end: number; kind: string }[] = [];
  const kinds: [keyof RequestFacts, string][] = [
    ['quoted', 'text'], ['urls', 'url'], ['sizes', 'size'], ['durations', 'duration'], ['columns', 'column'], ['ports', 'port'],
    ['paths', 'path'], ['files', 'path'], ['dirs', 'path'], ['globs', 'glob'], ['numbers', 'n'], ['hosts', 'host'], ['pids', 'pid'],
  ];
  for (const [key, kind] of kinds) {
    for (const f of facts[key] as Fact[]) {
      const at = f.at;
      const end = f.at + f.raw.length;
      if (facts.text.slice(at, end) !== f.raw) continue;
      if (spans.some((s) => at < s.end && s.at < end)) continue;
      spans.push({ at, end, kind });
    }
  }
  spans.sort((a, b) => b.at - a.at);
  let text = facts.text;
  for (const s of spans) text = text.slice(0, s.at) + `<${s.kind}>` + text.slice(s.end);
  return normaliseRequest(text);
}

export type CacheKind = 'exact' | 'shape';

/** One value to cache, by kind and key text. */
export interface CacheEntry {
  kind: CacheKind;
  text: string;
  value: unknown;
}

const SELECT = 'SELECT result, expires_at, policy_version FROM planner_cache WHERE key = ?';
const UPSERT = `INSERT INTO planner_cache (key, kind, workspace, planner, policy_version, result, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT(key) DO UPDATE SET result = excluded.result, created_at = excluded.created_at, expires_at = excluded.expires_at`;

export class PlanCache {
  constructor(
    private readonly store: SqlStore,
    private readonly ttlSeconds: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  private key(kind: CacheKind, text: string, parts: CacheKeyParts): string {
    return createHash('sha256').update(JSON.stringify([kind, text, parts.workspace, parts.planner, parts.policyVersion, parts.count])).digest('hex');
  }

  async getExact(request: string, parts: CacheKeyParts): Promise<PlanResult | undefined> {
    return (await this.get('exact', normaliseRequest(request), parts)) as PlanResult | undefined;
  }

  /** The knowledge entry a request of this shape was answered with. */
  async getShape(shape: string, parts: CacheKeyParts): Promise<{ entryId: string } | undefined> {
    return (await this.get('shape', shape, parts)) as { entryId: string } | undefined;
  }

  /** The entry for a request's plan, for `putAll`. */
  static exact(request: string, result: PlanResult): CacheEntry {
    return { kind: 'exact', text: normaliseRequest(request), value: result };
  }

  static shape(shape: string, value: { entryId: string }): CacheEntry {
    return { kind: 'shape', text: shape, value };
  }

  /**
   * Writes the entries in one transaction that is not flushed to disk on
   * commit: a cache is rebuilt by planning again, so losing its last rows to
   * a power cut costs nothing, while an fsync per plan costs more than the
   * plan itself on a busy disk.
   */
  async putAll(parts: CacheKeyParts, entries: CacheEntry[]): Promise<void> {
    const ttl = this.ttlSeconds();
    if (ttl <= 0 || entries.length === 0) return;
    const now = this.now();
    await this.store.transaction(async (tx) => {
      for (const e of entries) {
        await tx.run(UPSERT, [this.key(e.kind, e.text, parts), e.kind, parts.workspace, parts.planner, parts.policyVersion, JSON.stringify(e.value), now, now + ttl * 1000]);
      }
    }, { durable: false });
  }

  private async get(kind: CacheKind, text: string, parts: CacheKeyParts): Promise<unknown> {
    const row = await this.store.get<{ result: string; expires_at: number; policy_version: string }>(SELECT, [this.key(kind, text, parts)]);
    if (!row || row.expires_at <= this.now() || row.policy_version !== parts.policyVersion) return undefined;
    return JSON.parse(row.result);
  }

  /** Drop expired rows; cheap, called now and then. */
  prune(): Promise<number> {
    return this.store.run('DELETE FROM planner_cache WHERE expires_at <= ?', [this.now()]);
  }
}
