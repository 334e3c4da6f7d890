// Where the planner keeps what it knows: the retrieval store and the plan
// cache, on the local SQLite file or on the team's PostgreSQL database. Both
// are reached asynchronously (on SQLite the work is still done at once,
// synchronously). This module decides what a failing database means:
//
// - the plan cache is an optimisation: when it cannot be read the request is
//   planned afresh, and when it cannot be written the plan is still answered
//   (it is policy-checked either way); the failure shows in `problem`;
// - retrieval is what the embedded planner plans from: without it, a request
//   fails with a clear "unavailable" error (HTTP 503) rather than an answer
//   made from nothing.

import { RequestError } from '../kernel';
import type { PlanResult } from '../protocol/types';
import type { Db } from '../store/database';
import { sqlStoreOf, type SqlStore } from '../store/sqlStore';
import type { Corpus } from './corpus';
import { PlanCache, type CacheEntry, type CacheKeyParts } from './planCache';
import { LocalRetrieval, type Retrieval, type SearchOptions } from './retrieval';
import type { Hit } from './retrievalFusion';
import { SharedRetrieval } from './sharedRetrieval';

export class PlannerData {
  /** The last failure of the plan cache, for the status line; cleared by the next success. */
  problem?: string;
  private loaded?: Promise<void>;

  constructor(
    readonly retrieval: Retrieval,
    readonly cache: PlanCache,
    /** Where the data lives, for messages (never a password). */
    readonly where: string,
    private readonly corpus: Corpus,
  ) {}

  /** On the local SQLite file: the corpus is loaded before this returns. */
  static local(db: Db, corpus: Corpus, ttlSeconds: () => number, now?: () => number): PlannerData {
    const retrieval = new LocalRetrieval(db);
    retrieval.index.loadCorpus(corpus);
    const data = new PlannerData(retrieval, new PlanCache(sqlStoreOf(db), ttlSeconds, now), db.name, corpus);
    data.loaded = Promise.resolve();
    return data;
  }

  /** On a shared (PostgreSQL) store: the corpus is loaded on first use, once for every instance. */
  static async shared(store: SqlStore, corpus: Corpus, ttlSeconds: () => number, now?: () => number): Promise<PlannerData> {
    const data = new PlannerData(await SharedRetrieval.open(store), new PlanCache(store, ttlSeconds, now), store.description, corpus);
    await data.ready();
    return data;
  }

  /** Resolves once the corpus is in the store; a failed load is tried again on the next call. */
  ready(): Promise<void> {
    this.loaded ??= this.retrieval.loadCorpus(this.corpus).then(
      () => undefined,
      (err: Error) => {
        this.loaded = undefined;
        throw this.unavailable(err);
      },
    );
    return this.loaded;
  }

  async search(request: string, options: SearchOptions): Promise<Hit[]> {
    await this.ready();
    try {
      return await this.retrieval.search(withWordParts(request), options);
    } catch (err) {
      throw this.unavailable(err as Error);
    }
  }

  async cachedPlan(request: string, parts: CacheKeyParts): Promise<PlanResult | undefined> {
    return this.guard(() => this.cache.getExact(request, parts));
  }

  async cachedShape(shape: string, parts: CacheKeyParts): Promise<{ entryId: string } | undefined> {
    return this.guard(() => this.cache.getShape(shape, parts));
  }

  async remember(parts: CacheKeyParts, entries: CacheEntry[]): Promise<void> {
    await this.guard(() => this.cache.putAll(parts, entries));
  }

  private async guard<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      const value = await work();
      this.problem = undefined;
      return value;
    } catch (err) {
      this.problem = `plan cache unreachable (${(err as Error).message}); planning without it`;
      return undefined;
    }
  }

  private unavailable(err: Error): RequestError {
    if (err instanceof RequestError) return err;
    return new RequestError(`The planner's store at ${this.where} cannot be reached: ${err.message}. Check that the database server is running; plans resume when it answers.`, 'unavailable');
  }
}

/**
 * "read-only", "case-insensitive", "human-readable": the request is searched
 * for the hyphenated word and for its parts, since the knowledge may say
 * "read only"; a "n't" is searched as "not" too. Only the query grows: the
 * stored texts are not changed, so their vectors stay valid.
 */
export function withWordParts(request: string): string {
  const parts = [...request.matchAll(/\b([A-Za-z]{2,})-([A-Za-z]{2,})(?:-([A-Za-z]{2,}))?\b/g)].map((m) => m.slice(1).filter(Boolean).join(' '));
  // "doesn't", "haven't": the knowledge says "not".
  if (/n['’]t\b/i.test(request) && !/\bnot\b/i.test(request)) parts.push('not');
  return parts.length === 0 ? request : `${request} ${parts.join(' ')}`;
}
