// The retrieval store's queries over its plain tables, written once for
// SQLite and PostgreSQL alike (store/dialect.ts rewrites placeholders and
// `json_each`). Only the two index searches differ by engine: FTS5 and
// sqlite-vec on SQLite, tsvector and stored vectors on PostgreSQL.

export const CORPUS_HASH = `SELECT value FROM planner_meta WHERE key = 'corpus_hash'`;
export const SET_CORPUS_HASH = `INSERT INTO planner_meta (key, value) VALUES ('corpus_hash', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`;
export const CORPUS_DOCS = `SELECT doc FROM planner_docs WHERE origin = 'corpus'`;
export const DELETE_CORPUS_DOCS = `DELETE FROM planner_docs WHERE origin = 'corpus'`;
export const EMBEDDERS_INCOMPLETE = `UPDATE planner_embedders SET complete = 0`;
export const INSERT_DOC = 'INSERT INTO planner_docs (origin, ref, text) VALUES (?, ?, ?) RETURNING doc';
export const HISTORY_DOC_EXISTS = `SELECT 1 AS one FROM planner_docs WHERE origin = 'history' AND ref = ?`;
export const COUNT_DOCS = 'SELECT count(*) AS n FROM planner_docs';
export const DOC_META = 'SELECT doc, origin, ref, text FROM planner_docs WHERE doc IN (SELECT CAST(value AS BIGINT) FROM json_each(?))';
export const HISTORY_ROWS = 'SELECT id, user_id, command, description, usage_count, success_rate FROM command_embeddings WHERE id IN (SELECT value FROM json_each(?)) AND success_rate > 0';
export const VECTORS_OF = 'SELECT doc, vector FROM planner_vectors WHERE embedder = ?';
export const EMBEDDER_COMPLETE = 'SELECT complete FROM planner_embedders WHERE embedder = ?';
export const DOCS_WITHOUT_VECTOR = 'SELECT d.doc, d.text FROM planner_docs d WHERE NOT EXISTS (SELECT 1 FROM planner_vectors v WHERE v.doc = d.doc AND v.embedder = ?) ORDER BY d.doc LIMIT ?';
export const PUT_VECTOR = 'INSERT INTO planner_vectors (doc, embedder, vector) VALUES (?, ?, ?) ON CONFLICT(doc, embedder) DO UPDATE SET vector = excluded.vector';
export const VECTOR_DIM = 'SELECT length(vector) / 4 AS dim FROM planner_vectors WHERE embedder = ? LIMIT 1';
export const MARK_EMBEDDER_COMPLETE = 'INSERT INTO planner_embedders (embedder, dim, complete, updated_at) VALUES (?, ?, 1, ?) ON CONFLICT(embedder) DO UPDATE SET dim = excluded.dim, complete = 1, updated_at = excluded.updated_at';
export const MARK_HISTORY_EMBEDDER = `UPDATE command_embeddings SET embedder = ? WHERE id IN (SELECT ref FROM planner_docs WHERE origin = 'history')`;

/** A run's outcome folded into the user's record of that command. */
export const LEARN_UPSERT = `INSERT INTO command_embeddings (id, user_id, command, description, embedder, usage_count, success_rate) VALUES (?, ?, ?, ?, NULL, 1, ?)
  ON CONFLICT(user_id, command) DO UPDATE SET
    success_rate = (command_embeddings.success_rate * command_embeddings.usage_count + excluded.success_rate) / (command_embeddings.usage_count + 1),
    usage_count = command_embeddings.usage_count + 1,
    description = CASE WHEN excluded.description <> '' THEN excluded.description ELSE command_embeddings.description END`;
export const LEARNED = 'SELECT id, description, success_rate FROM command_embeddings WHERE user_id = ? AND command = ?';
