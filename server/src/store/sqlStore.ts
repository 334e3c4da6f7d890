// The store as the shared (team) code paths see it: an asynchronous SQL
// interface with the same meaning on SQLite and PostgreSQL. Queries are
// written once, in the subset both engines read (see dialect.ts).
//
// On SQLite every call runs synchronously on better-sqlite3 with a cached
// prepared statement and returns an already-settled promise, so this path
// costs no more than the synchronous one plus a microtask. On PostgreSQL the
// calls go to a connection pool.

import type Database from 'better-sqlite3';
import type { Dialect } from './dialect';

export type SqlValue = string | number | bigint | null | Buffer;

/** What a query can do, inside a transaction or outside one. */
export interface SqlExecutor {
  readonly dialect: Dialect;
  all<T>(sql: string, params?: SqlValue[]): Promise<T[]>;
  get<T>(sql: string, params?: SqlValue[]): Promise<T | undefined>;
  /** Run a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: SqlValue[]): Promise<number>;
}

export interface TransactionOptions {
  /**
   * A name every writer of the same thing agrees on: transactions holding the
   * same lock run one after another, across processes and hosts (a
   * transaction-scoped advisory lock on PostgreSQL; SQLite's write lock,
   * taken at BEGIN IMMEDIATE, already serialises every writer).
   */
  lock?: string;
  /**
   * The commit need not reach the disk before it returns (data that can be
   * made again, such as a cache): a crash may lose the last such commits but
   * never leaves the database inconsistent. SQLite: `synchronous = NORMAL` for
   * this transaction; PostgreSQL: `SET LOCAL synchronous_commit = off`.
   */
  durable?: boolean;
}

export interface SqlStore extends SqlExecutor {
  /** Where the data lives, for messages (never a password). */
  readonly description: string;
  /** Run `fn` in one transaction: all of it commits, or none of it. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** SQLite through better-sqlite3, with its statements cached by text. */
export class SqliteStore implements SqlStore {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();
  // An open transaction owns the connection: other callers wait for it to end.
  private busy: Promise<void> = Promise.resolve();
  private inTransaction = false;

  constructor(
    readonly db: Database.Database,
    readonly description = db.name,
  ) {}

  private statement(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  private allNow<T>(sql: string, params: SqlValue[] = []): T[] {
    return this.statement(sql).all(...params) as T[];
  }

  private getNow<T>(sql: string, params: SqlValue[] = []): T | undefined {
    return this.statement(sql).get(...params) as T | undefined;
  }

  private runNow(sql: string, params: SqlValue[] = []): number {
    const stmt = this.statement(sql);
    // RETURNING makes a statement a reader in better-sqlite3's eyes.
    return stmt.reader ? stmt.all(...params).length : stmt.run(...params).changes;
  }

  all<T>(sql: string, params?: SqlValue[]): Promise<T[]> {
    return this.inTransaction ? this.busy.then(() => this.allNow<T>(sql, params)) : settle(() => this.allNow<T>(sql, params));
  }

  get<T>(sql: string, params?: SqlValue[]): Promise<T | undefined> {
    return this.inTransaction ? this.busy.then(() => this.getNow<T>(sql, params)) : settle(() => this.getNow<T>(sql, params));
  }

  run(sql: string, params?: SqlValue[]): Promise<number> {
    return this.inTransaction ? this.busy.then(() => this.runNow(sql, params)) : settle(() => this.runNow(sql, params));
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const tx: SqlExecutor = {
      dialect: 'sqlite',
      all: (sql, params) => settle(() => this.allNow(sql, params)),
      get: (sql, params) => settle(() => this.getNow(sql, params)),
      run: (sql, params) => settle(() => this.runNow(sql, params)),
    };
    const result = this.busy.then(async () => {
      this.inTransaction = true;
      const before = options.durable === false ? (this.db.pragma('synchronous', { simple: true }) as number) : undefined;
      if (before !== undefined) this.db.pragma('synchronous = NORMAL');
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const value = await fn(tx);
        this.db.exec('COMMIT');
        return value;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      } finally {
        if (before !== undefined) this.db.pragma(`synchronous = ${Number(before) || 2}`);
        this.inTransaction = false;
      }
    });
    this.busy = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  ping(): Promise<void> {
    return settle(() => void this.getNow('SELECT 1'));
  }

  close(): Promise<void> {
    return settle(() => void this.db.close());
  }
}

function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (err) {
    return Promise.reject(err as Error);
  }
}

const wrapped = new WeakMap<Database.Database, SqliteStore>();

/** The shared-store view of a SQLite connection (one per connection, so statements stay cached), or the store itself. */
export function sqlStoreOf(db: Database.Database | SqlStore): SqlStore {
  if ('dialect' in db) return db;
  let store = wrapped.get(db);
  if (!store) {
    store = new SqliteStore(db);
    wrapped.set(db, store);
  }
  return store;
}
