// What the planner asks of a retrieval store, asynchronously: the local
// SQLite store (FTS5 and sqlite-vec, answering synchronously underneath) and
// the team's PostgreSQL store (sharedRetrieval.ts) both provide it.

import type { Corpus } from './corpus';
import type { Embedder } from './embedder';
import type { Hit } from './retrievalFusion';
import { RetrievalStore, type ExternalQuery } from './retrievalStore';
import type { Db } from '../store/database';

export interface SearchOptions {
  k?: number;
  userId?: string;
  external?: ExternalQuery;
}

export interface Retrieval {
  /** Load the corpus into the indexes unless the same content is already there. Resolves to whether it loaded. */
  loadCorpus(corpus: Corpus): Promise<boolean>;
  /** Index a command the user ran successfully (once per command_embeddings row). */
  indexHistory(ref: string, command: string, description: string): Promise<void>;
  /** Fold a run's outcome into the user's record of the command; index it once it has run well. */
  learn(userId: string, command: string, description: string, succeeded: boolean): Promise<void>;
  count(): Promise<number>;
  search(request: string, options?: SearchOptions): Promise<Hit[]>;
  /** Whether `embedder` has a vector for every doc. */
  isComplete(embedder: string): Promise<boolean>;
  /** Give every doc a vector from `embedder`, a batch at a time, yielding between batches. */
  reindex(embedder: Embedder, signal?: AbortSignal, batch?: number): Promise<number>;
}

/** The local store behind the asynchronous interface: each call does its work at once, synchronously. */
export class LocalRetrieval implements Retrieval {
  readonly index: RetrievalStore;

  constructor(db: Db) {
    this.index = new RetrievalStore(db);
  }

  async loadCorpus(corpus: Corpus): Promise<boolean> {
    return this.index.loadCorpus(corpus);
  }

  async indexHistory(ref: string, command: string, description: string): Promise<void> {
    this.index.indexHistory(ref, command, description);
  }

  async learn(userId: string, command: string, description: string, succeeded: boolean): Promise<void> {
    this.index.learn(userId, command, description, succeeded);
  }

  async count(): Promise<number> {
    return this.index.count();
  }

  async search(request: string, options?: SearchOptions): Promise<Hit[]> {
    return this.index.search(request, options);
  }

  async isComplete(embedder: string): Promise<boolean> {
    return this.index.isComplete(embedder);
  }

  reindex(embedder: Embedder, signal?: AbortSignal, batch?: number): Promise<number> {
    return this.index.reindex(embedder, signal, batch);
  }
}
