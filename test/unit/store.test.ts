import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { localUserId, migrate, openDatabase, StoreError } from '../../server/src/store/database';

function tempDb(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-store-')), 'paladin.db');
}

test('a new database is migrated, in WAL, with foreign keys and sqlite-vec', () => {
  const file = tempDb();
  const db = openDatabase(file);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
  for (const t of ['users', 'command_history', 'api_keys', 'sessions', 'audit_log', 'safety_policies', 'command_embeddings']) assert.ok(tables.includes(t), t);
  assert.match(String((db.prepare('SELECT vec_version() AS v').get() as { v: string }).v), /^v0\./);
  db.close();
});

test('re-opening an existing database keeps its rows and applies nothing twice', () => {
  const file = tempDb();
  const db = openDatabase(file);
  const id = localUserId(db);
  db.close();
  const again = openDatabase(file);
  assert.equal(localUserId(again), id);
  const applied = again.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number };
  assert.equal(applied.n, 1);
  again.close();
});

test('a failing migration rolls back and leaves the database as it was', () => {
  const file = tempDb();
  const db = openDatabase(file);
  assert.throws(
    () => migrate(db, [{ id: 999, name: 'broken', up: 'CREATE TABLE half_done (x INTEGER); INSERT INTO nowhere VALUES (1);' }]),
    (err: unknown) => err instanceof StoreError && /Migration 999 \(broken\) failed and was rolled back/.test((err as Error).message),
  );
  const half = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get() as { n: number };
  assert.equal(half.n, 0);
  const recorded = db.prepare('SELECT count(*) AS n FROM schema_migrations WHERE id = 999').get() as { n: number };
  assert.equal(recorded.n, 0);
  db.close();
});

test('a database folder that cannot be created is a clear error', () => {
  const file = tempDb();
  fs.writeFileSync(file, 'not a folder');
  assert.throws(() => openDatabase(path.join(file, 'sub', 'x.db')), /Set PALADIN_DB or paladin.database.path/);
});

test('a new database file is readable by its owner only', () => {
  const file = tempDb();
  openDatabase(file).close();
  assert.equal(fs.statSync(file).mode & 0o777, 0o600);
});
