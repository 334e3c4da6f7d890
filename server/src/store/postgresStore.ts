// The shared store on PostgreSQL, through node-postgres's connection pool.
// Queries arrive in the common dialect and are rewritten once each (numbered
// placeholders); 64-bit integers come back as numbers, as SQLite gives them.

import pg from 'pg';
import { toPostgresQuery } from './dialect';
import type { SqlExecutor, SqlStore, SqlValue, TransactionOptions } from './sqlStore';

const INT8_OID = 20;
const NUMERIC_OID = 1700;

// Per pool, not global: another pg user in the same process keeps its own parsing.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as unknown as pg.CustomTypesConfig;

/** The URL with its password hidden, for messages and logs. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

export class PostgresStore implements SqlStore {
  readonly dialect = 'postgres' as const;
  readonly description: string;
  private readonly pool: pg.Pool;
  private readonly rewritten = new Map<string, string>();

  constructor(url: string, options: { max?: number; connectionTimeoutMillis?: number } = {}) {
    this.description = describeDatabaseUrl(url);
    this.pool = new pg.Pool({ connectionString: url, types, max: options.max ?? 10, connectionTimeoutMillis: options.connectionTimeoutMillis ?? 10_000 });
    // An idle connection dropped by the server (restart, failover) must not take the process down.
    this.pool.on('error', () => undefined);
  }

  private text(sql: string): string {
    let text = this.rewritten.get(sql);
    if (text === undefined) {
      text = toPostgresQuery(sql);
      this.rewritten.set(sql, text);
    }
    return text;
  }

  private executor(client: pg.Pool | pg.PoolClient): SqlExecutor {
    return {
      dialect: 'postgres',
      all: async <T>(sql: string, params: SqlValue[] = []) => (await client.query(this.text(sql), params)).rows as T[],
      get: async <T>(sql: string, params: SqlValue[] = []) => (await client.query(this.text(sql), params)).rows[0] as T | undefined,
      run: async (sql: string, params: SqlValue[] = []) => (await client.query(this.text(sql), params)).rowCount ?? 0,
    };
  }

  all<T>(sql: string, params?: SqlValue[]): Promise<T[]> {
    return this.executor(this.pool).all<T>(sql, params);
  }

  get<T>(sql: string, params?: SqlValue[]): Promise<T | undefined> {
    return this.executor(this.pool).get<T>(sql, params);
  }

  run(sql: string, params?: SqlValue[]): Promise<number> {
    return this.executor(this.pool).run(sql, params);
  }

  /** Run raw SQL text (several statements, no parameters): migrations. */
  async exec(sql: string, client?: pg.PoolClient): Promise<void> {
    await (client ?? this.pool).query(sql);
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.withClient(async (client) => {
      await client.query('BEGIN');
      try {
        if (options.durable === false) await client.query('SET LOCAL synchronous_commit = off');
        if (options.lock) await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [options.lock]);
        const value = await fn(this.executor(client));
        await client.query('COMMIT');
        return value;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  }

  /** One pooled connection for the length of `fn` (raw access for migrations). */
  async withClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    // The server may drop a checked-out connection between two queries (a
    // restart, a failover): the pool listens only to idle ones, and an
    // 'error' nobody listens to would end the process.
    let dropped: Error | undefined;
    const onError = (err: Error) => (dropped = err);
    client.on('error', onError);
    try {
      return await fn(client);
    } catch (err) {
      broken = err as Error;
      throw err;
    } finally {
      client.off('error', onError);
      // A connection that failed mid-transaction is dropped, not reused.
      client.release(dropped ?? (broken && !(broken instanceof pg.DatabaseError) ? broken : undefined));
    }
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
