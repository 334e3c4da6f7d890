// Opens the store the shared (team) code paths use: PostgreSQL when a
// database URL is configured (PALADIN_DATABASE_URL or paladin.database.url),
// else the local SQLite file, with every migration applied either way.

import { openDatabase, StoreError } from './database';
import { migrations as coreMigrations, type Migration } from './migrations';
import { migratePostgres } from './postgresMigrate';
import { describeDatabaseUrl, PostgresStore } from './postgresStore';
import { SqliteStore, type SqlStore } from './sqlStore';

export interface SharedStoreOptions {
  /** postgres:// or postgresql:// URL; empty or absent: SQLite at `path`. */
  url?: string;
  path: string;
  migrations?: Migration[];
  poolSize?: number;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//i.test(url.trim());
}

export async function openSharedStore(options: SharedStoreOptions): Promise<SqlStore> {
  const all = [...coreMigrations, ...(options.migrations ?? [])];
  const url = options.url?.trim();
  if (!url) return new SqliteStore(openDatabase(options.path, { migrations: options.migrations }));
  if (!isPostgresUrl(url)) {
    throw new StoreError(`The database URL ${describeDatabaseUrl(url)} is not a PostgreSQL URL: set PALADIN_DATABASE_URL (or paladin.database.url) to postgres://USER:PASSWORD@HOST:PORT/DATABASE, or leave it empty to use the local SQLite file.`);
  }
  const store = new PostgresStore(url, { max: options.poolSize });
  try {
    await store.ping();
    await migratePostgres(store, all);
  } catch (err) {
    await store.close().catch(() => undefined);
    if (err instanceof StoreError) throw err;
    throw new StoreError(`Cannot use the PostgreSQL database ${store.description}: ${(err as Error).message}. Check that the server is running and the URL, user and password are right.`);
  }
  return store;
}
