// Migrations on PostgreSQL: the same list SQLite applies, rewritten by the
// dialect layer, each in its own transaction and recorded in
// schema_migrations. Every step holds one advisory lock, so several
// instances starting at once on a new database migrate it exactly once.

import { POSTGRES_PRELUDE, toPostgresDdl } from './dialect';
import { StoreError } from './database';
import type { Migration } from './migrations';
import type { PostgresStore } from './postgresStore';

const MIGRATION_LOCK = 'paladin.schema_migrations';

export async function migratePostgres(store: PostgresStore, all: Migration[]): Promise<number[]> {
  const ids = new Set<number>();
  for (const m of all) {
    if (ids.has(m.id)) throw new StoreError(`Two migrations share id ${m.id}.`);
    ids.add(m.id);
  }
  await store.transaction(async (tx) => {
    if (await tx.get(`SELECT 1 FROM pg_proc WHERE proname = 'paladin_json_valid'`)) return;
    await tx.run(POSTGRES_PRELUDE);
    await tx.run(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id BIGINT PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL DEFAULT (${toPostgresDdl(`strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`)})
    )`);
  }, { lock: MIGRATION_LOCK });
  const done: number[] = [];
  for (const m of [...all].sort((a, b) => a.id - b.id)) {
    try {
      const applied = await store.transaction(async (tx) => {
        if (await tx.get('SELECT 1 FROM schema_migrations WHERE id = ?', [m.id])) return false;
        await tx.run(toPostgresDdl(m.up));
        await tx.run('INSERT INTO schema_migrations (id, name) VALUES (?, ?)', [m.id, m.name]);
        return true;
      }, { lock: MIGRATION_LOCK });
      if (applied) done.push(m.id);
    } catch (err) {
      throw new StoreError(`Migration ${m.id} (${m.name}) failed on PostgreSQL and was rolled back: ${(err as Error).message}`);
    }
  }
  return done;
}
