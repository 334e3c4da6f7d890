// The one SQLite database Paladin keeps per user, shared by the extension,
// the CLI and the HTTP API. Several processes may have it open at once: WAL,
// a busy timeout, and synchronous=FULL so that nothing committed is lost when
// a process is killed.

import Database from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { migrations as coreMigrations, type Migration } from './migrations';

export type Db = Database.Database;

export class StoreError extends Error {
  override name = 'StoreError';
}

/** The id of the user who owns this machine's Paladin. */
export const LOCAL_USER_EMAIL = 'local@localhost';

export interface OpenOptions {
  /** Extra migrations registered by stages (applied with the core ones, by id). */
  migrations?: Migration[];
  readonly?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
    } catch (err) {
      throw new StoreError(`Cannot create the folder for the Paladin database at ${file}: ${(err as Error).message}. Set PALADIN_DB or paladin.database.path to a writable place.`);
    }
  }
  let db: Db;
  const isNew = file !== ':memory:' && !fs.existsSync(file);
  try {
    db = new Database(file, { readonly: options.readonly ?? false });
    // History and audit are nobody else's business on a shared machine.
    if (isNew) fs.chmodSync(file, 0o600);
  } catch (err) {
    throw new StoreError(`Cannot open the Paladin database at ${file}: ${(err as Error).message}`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    sqliteVec.load(db);
    if (!options.readonly) migrate(db, [...coreMigrations, ...(options.migrations ?? [])]);
  } catch (err) {
    db.close();
    if (err instanceof StoreError) throw err;
    throw new StoreError(`The Paladin database at ${file} could not be prepared: ${(err as Error).message}`);
  }
  return db;
}

/** Apply every migration not yet recorded, in id order, each in one transaction. */
export function migrate(db: Db, all: Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  )`);
  const ids = new Set<number>();
  for (const m of all) {
    if (ids.has(m.id)) throw new StoreError(`Two migrations share id ${m.id}.`);
    ids.add(m.id);
  }
  const applied = new Set((db.prepare('SELECT id FROM schema_migrations').all() as { id: number }[]).map((r) => r.id));
  const done: number[] = [];
  for (const m of [...all].sort((a, b) => a.id - b.id)) {
    if (applied.has(m.id)) continue;
    // IMMEDIATE: two processes opening a new database must not both migrate it.
    const run = db.transaction(() => {
      const again = db.prepare('SELECT 1 FROM schema_migrations WHERE id = ?').get(m.id);
      if (again) return false;
      db.exec(m.up);
      db.prepare('INSERT INTO schema_migrations (id, name) VALUES (?, ?)').run(m.id, m.name);
      return true;
    });
    try {
      if (run.immediate()) done.push(m.id);
    } catch (err) {
      throw new StoreError(`Migration ${m.id} (${m.name}) failed and was rolled back: ${(err as Error).message}`);
    }
  }
  return done;
}

/** The local user's id, created on first use. */
export function localUserId(db: Db): string {
  const row = db.prepare('SELECT id FROM users WHERE email = ?').get(LOCAL_USER_EMAIL) as { id: string } | undefined;
  if (row) return row.id;
  const id = randomUUID();
  db.prepare(`INSERT OR IGNORE INTO users (id, email, password_hash, role, quota_commands_per_hour) VALUES (?, ?, NULL, 'owner', 1000)`).run(id, LOCAL_USER_EMAIL);
  return (db.prepare('SELECT id FROM users WHERE email = ?').get(LOCAL_USER_EMAIL) as { id: string }).id;
}
