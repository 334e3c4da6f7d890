// Plans already made. Two keys: the exact request (normalised spacing and
// case), and its shape — the request with its values (numbers, names, sizes,
// quoted text) replaced by their kinds — which lets "the 5 biggest files in
// src" reuse the template chosen for "the 10 biggest files in lib", re-filled.
// Both keys include the workspace, the planner asked for and the policy
// version, so a policy change never serves a plan its policy did not check.

import { createHash } from 'node:crypto';
import type { PlanResult } from '../protocol/types';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/database';
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

export class PlanCache {
  private readonly statements = new Map<string, Statement>();
  private stmt(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  constructor(
    private readonly db: Db,
    private readonly ttlSeconds: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  private key(kind: 'exact' | 'shape', text: string, parts: CacheKeyParts): string {
    return createHash('sha256').update(JSON.stringify([kind, text, parts.workspace, parts.planner, parts.policyVersion, parts.count])).digest('hex');
  }

  getExact(request: string, parts: CacheKeyParts): PlanResult | undefined {
    return this.get('exact', normaliseRequest(request), parts) as PlanResult | undefined;
  }

  /** The knowledge entry a request of this shape was answered with. */
  getShape(shape: string, parts: CacheKeyParts): { entryId: string } | undefined {
    return this.get('shape', shape, parts) as { entryId: string } | undefined;
  }

  putExact(request: string, parts: CacheKeyParts, result: PlanResult): void {
    this.put('exact', normaliseRequest(request), parts, result);
  }

  putShape(shape: string, parts: CacheKeyParts, value: { entryId: string }): void {
    this.put('shape', shape, parts, value);
  }

  /**
   * Runs `fn`'s writes in one transaction that is not flushed to disk on
   * commit: a cache is rebuilt by planning again, so losing its last rows to
   * a power cut costs nothing, while an fsync per plan costs more than the
   * plan itself on a busy disk. WAL keeps the database consistent either way.
   */
  batch(fn: () => void): void {
    if (this.ttlSeconds() <= 0) return;
    const before = this.db.pragma('synchronous', { simple: true }) as number;
    this.db.pragma('synchronous = NORMAL');
    try {
      this.db.transaction(fn)();
    } finally {
      this.db.pragma(`synchronous = ${Number(before) || 2}`);
    }
  }

  private get(kind: 'exact' | 'shape', text: string, parts: CacheKeyParts): unknown {
    const row = this.stmt('SELECT result, expires_at, policy_version FROM planner_cache WHERE key = ?').get(this.key(kind, text, parts)) as { result: string; expires_at: number; policy_version: string } | undefined;
    if (!row || row.expires_at <= this.now() || row.policy_version !== parts.policyVersion) return undefined;
    return JSON.parse(row.result);
  }

  private put(kind: 'exact' | 'shape', text: string, parts: CacheKeyParts, value: unknown): void {
    const ttl = this.ttlSeconds();
    if (ttl <= 0) return;
    const now = this.now();
    this
      .stmt(`INSERT INTO planner_cache (key, kind, workspace, planner, policy_version, result, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(key) DO UPDATE SET result = excluded.result, created_at = excluded.created_at, expires_at = excluded.expires_at`)
      .run(this.key(kind, text, parts), kind, parts.workspace, parts.planner, parts.policyVersion, JSON.stringify(value), now, now + ttl * 1000);
  }

  /** Drop expired rows; cheap, called now and then. */
  prune(): number {
    return this.db.prepare('DELETE FROM planner_cache WHERE expires_at <= ?').run(this.now()).changes;
  }
}
