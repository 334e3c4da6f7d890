// The planner's tables: what retrieval searches (the knowledge corpus and the
// user's commands that ran well), its full-text and vector indexes, and the
// plan cache. Ids 200-299 belong to the planner.

import type { Migration } from '../store/migrations';

export const plannerMigrations: Migration[] = [
  {
    id: 200,
    name: 'planner retrieval store and plan cache',
    up: `
      -- One row per searchable text: an intent phrasing of a corpus entry, or a
      -- past command with the request it answered. doc is the rowid shared by
      -- the full-text and vector indexes.
      CREATE TABLE planner_docs (
        doc INTEGER PRIMARY KEY,
        origin TEXT NOT NULL CHECK (origin IN ('corpus', 'history')),
        ref TEXT NOT NULL,
        text TEXT NOT NULL
      );
      CREATE INDEX planner_docs_ref ON planner_docs(origin, ref);

      CREATE VIRTUAL TABLE planner_fts USING fts5(text, tokenize = 'porter unicode61');

      -- The built-in embedder's vectors (hash-v1-1024), as presence bits for
      -- Hamming KNN; candidates are re-scored exactly in memory.
      CREATE VIRTUAL TABLE planner_vec_hash USING vec0(embedding bit[1024]);

      -- Vectors from an external embedder (Ollama), each recorded with its embedder.
      CREATE TABLE planner_vectors (
        doc INTEGER NOT NULL REFERENCES planner_docs(doc) ON DELETE CASCADE,
        embedder TEXT NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (doc, embedder)
      );
      CREATE TABLE planner_embedders (
        embedder TEXT PRIMARY KEY,
        dim INTEGER NOT NULL,
        complete INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1)),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );

      CREATE TABLE planner_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE planner_cache (
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('exact', 'shape')),
        workspace TEXT NOT NULL,
        planner TEXT NOT NULL,
        policy_version TEXT NOT NULL,
        result TEXT NOT NULL CHECK (json_valid(result)),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX planner_cache_expiry ON planner_cache(expires_at);
    `,
  },
];
