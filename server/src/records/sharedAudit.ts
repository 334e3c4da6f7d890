// The audit hash chain on the shared store (SQLite or PostgreSQL), written by
// any number of processes on any number of hosts. The rows, hashes, signed
// head and checkpoints are those of audit.ts (same tables, same rowHash, same
// MACs); what differs is the serialisation point: every append holds one
// named lock (an advisory lock on PostgreSQL, the write lock on SQLite) from
// reading the head to committing the new row with its signed head, so two
// writers can never both extend the same head. The key is a file every
// instance is given (it never goes into the database).

import type { Actor } from '../protocol/types';
import type { AuditRow, AuditRowsQuery, BrokenLink, VerifyReport } from '../recordTypes';
import { StoreError } from '../store/database';
import type { SqlExecutor, SqlStore } from '../store/sqlStore';
import { GENESIS_HASH, nextAuditRow, rowHash, type AuditHead } from './audit';
import { checkpointMac, checkpointValid, loadAuditKey, type Checkpoint } from './auditKey';

export const AUDIT_APPEND_LOCK = 'paladin.audit_log';
const KEY_SUFFIX = '.audit-key';
const ROW_COLUMNS = 'seq, id, user_id, action, resource, details, ip_address, source, timestamp, prev_hash, hash';

/** The audit key at `file` (which must end in .audit-key); created when `create` and absent. */
export function loadSharedAuditKey(file: string, create: boolean): Buffer | undefined {
  if (!file.endsWith(KEY_SUFFIX)) {
    throw new StoreError(`The audit key file must be named *${KEY_SUFFIX} (got ${file}); set PALADIN_AUDIT_KEY_FILE to such a path, and give every instance the same file.`);
  }
  return loadAuditKey(file.slice(0, -KEY_SUFFIX.length), create);
}

export class SharedAuditLog {
  constructor(
    private readonly store: SqlStore,
    private readonly key: Buffer,
    private readonly checkpointEvery = 64,
    private readonly keyFile = 'the audit key file',
  ) {}

  /** Open the log with the key at `keyFile`; a new key is made only for an empty log. */
  static async open(store: SqlStore, keyFile: string, checkpointEvery = 64): Promise<SharedAuditLog> {
    const empty = !(await store.get('SELECT 1 FROM audit_log LIMIT 1'));
    const key = loadSharedAuditKey(keyFile, empty);
    if (!key) {
      throw new StoreError(`The audit key file ${keyFile} is missing although the audit log in ${store.description} holds records; copy the key every instance uses to that path (Paladin will not sign the log with a new key).`);
    }
    return new SharedAuditLog(store, key, checkpointEvery, keyFile);
  }

  async append(actor: Actor | undefined, action: string, resource: string | null, details: Record<string, unknown>): Promise<AuditRow> {
    return this.store.transaction(async (tx) => {
      const head = await tx.get<AuditHead>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
      const row = nextAuditRow(head, actor, action, resource, details);
      await tx.run(`INSERT INTO audit_log (${ROW_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
        row.seq, row.id, row.user_id, row.action, row.resource, row.details, row.ip_address, row.source, row.timestamp, row.prev_hash, row.hash,
      ]);
      await this.signHead(tx, row);
      return row;
    }, { lock: AUDIT_APPEND_LOCK });
  }

  // In the append's transaction: the head is replaced; every `checkpointEvery` rows a checkpoint is kept too.
  private async signHead(tx: SqlExecutor, head: { seq: number; hash: string }): Promise<void> {
    const base = { seq: head.seq, hash: head.hash, createdAt: new Date().toISOString() };
    const cp: Checkpoint = { ...base, mac: checkpointMac(this.key, base) };
    await tx.run('INSERT INTO audit_head (id, seq, hash, created_at, mac) VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, created_at = excluded.created_at, mac = excluded.mac', [cp.seq, cp.hash, cp.createdAt, cp.mac]);
    const last = await tx.get<{ seq: number }>('SELECT seq FROM audit_checkpoints ORDER BY id DESC LIMIT 1');
    if (!last || head.seq - last.seq >= this.checkpointEvery) {
      await tx.run('INSERT INTO audit_checkpoints (seq, hash, created_at, mac) VALUES (?, ?, ?, ?)', [cp.seq, cp.hash, cp.createdAt, cp.mac]);
    }
  }

  /** Walk the whole chain in pages; "intact, N records" or the first broken link. */
  async verify(options: { pageSize?: number; signal?: AbortSignal } = {}): Promise<VerifyReport> {
    const started = performance.now();
    // Other instances append while this walk runs: checkpoints are read before
    // it and the signed head after it, so every row walked is vouched for.
    const checkpoints = await this.store.all<Checkpoint>('SELECT seq, hash, created_at AS "createdAt", mac FROM audit_checkpoints ORDER BY seq');
    const wanted = new Map<number, string>(checkpoints.map((cp) => [cp.seq, '']));
    let records = 0;
    let expectedPrev = GENESIS_HASH;
    let expectedSeq = 1;
    let firstBroken: BrokenLink | undefined;
    for (let after = 0; ; ) {
      options.signal?.throwIfAborted();
      const rows = await this.store.all<AuditRow>(`SELECT ${ROW_COLUMNS} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?`, [after, options.pageSize ?? 5_000]);
      if (rows.length === 0) break;
      for (const row of rows) {
        records++;
        firstBroken ??= brokenLink(row, expectedPrev, expectedSeq);
        if (wanted.has(row.seq)) wanted.set(row.seq, row.hash);
        expectedPrev = row.hash;
        expectedSeq = row.seq + 1;
      }
      after = rows[rows.length - 1].seq;
    }
    const headSeq = expectedSeq - 1;
    firstBroken ??= this.checkSignatures(checkpoints, wanted, headSeq);
    firstBroken ??= await this.checkHead(headSeq);
    return { intact: !firstBroken, records, headSeq, headHash: expectedPrev, checkpoints: checkpoints.length + 1, firstBroken, warnings: [], ms: performance.now() - started };
  }

  /** Rows in order: the last N, or those after a sequence number. */
  async rows(options: AuditRowsQuery = {}): Promise<AuditRow[]> {
    if (options.last !== undefined) {
      const rows = await this.store.all<AuditRow>(`SELECT ${ROW_COLUMNS} FROM audit_log ORDER BY seq DESC LIMIT ?`, [options.last]);
      return rows.reverse();
    }
    // LIMIT ALL is PostgreSQL's; a bound larger than any log holds reads the same on both engines.
    return this.store.all<AuditRow>(`SELECT ${ROW_COLUMNS} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?`, [options.afterSeq ?? 0, options.limit ?? Number.MAX_SAFE_INTEGER]);
  }

  private checkSignatures(checkpoints: Checkpoint[], wanted: Map<number, string>, headSeq: number): BrokenLink | undefined {
    for (const cp of checkpoints) {
      const where = 'table';
      if (!checkpointValid(this.key, cp)) {
        return { seq: cp.seq, kind: 'checkpoint', message: `The checkpoint of record #${cp.seq} (${where}, ${cp.createdAt}) does not carry a valid MAC: it was forged, or the key in ${this.keyFile} differs from the one this log was signed with.` };
      }
      if (cp.seq > headSeq) {
        return { seq: headSeq + 1, kind: 'truncated', message: `The log ends at record #${headSeq}, but a checkpoint taken ${cp.createdAt} vouches for record #${cp.seq}: records were removed from the end.` };
      }
      if (wanted.get(cp.seq) !== cp.hash) {
        return { seq: cp.seq, kind: 'modified', message: `Record #${cp.seq} is not the one a checkpoint taken ${cp.createdAt} vouched for: the log was rewritten and re-hashed at or before #${cp.seq}.` };
      }
    }
    return undefined;
  }

  // Every append signs the head in its own transaction, so the head read after
  // the walk is at or past its last row; behind it means rows written without the key.
  private async checkHead(walkedTo: number): Promise<BrokenLink | undefined> {
    const head = await this.store.get<Checkpoint>('SELECT seq, hash, created_at AS "createdAt", mac FROM audit_head WHERE id = 1 AND seq >= 0');
    if (!head) {
      return walkedTo > 0 ? { seq: 1, kind: 'unsigned', message: `The signed head is missing although the log holds ${walkedTo} record(s): it was removed outside Paladin.` } : undefined;
    }
    if (!checkpointValid(this.key, head)) {
      return { seq: head.seq, kind: 'checkpoint', message: `The signed head (record #${head.seq}, ${head.createdAt}) does not carry a valid MAC: it was forged, or the key in ${this.keyFile} differs from the one this log was signed with.` };
    }
    const row = await this.store.get<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = ?', [head.seq]);
    if (!row) return { seq: head.seq, kind: 'truncated', message: `The signed head vouches for record #${head.seq}, which is missing: records were removed from the end.` };
    if (row.hash !== head.hash) return { seq: head.seq, kind: 'modified', message: `Record #${head.seq} is not the one the signed head vouches for: the log was rewritten and re-hashed.` };
    if (head.seq < walkedTo) {
      return { seq: head.seq + 1, kind: 'unsigned', message: `Records #${head.seq + 1}-#${walkedTo} follow the signed head unsigned: they were written without the audit key, outside Paladin.` };
    }
    return undefined;
  }
}

function brokenLink(row: AuditRow, expectedPrev: string, expectedSeq: number): BrokenLink | undefined {
  if (rowHash(row.prev_hash, row) !== row.hash) {
    return { seq: row.seq, id: row.id, kind: 'modified', message: `Record #${row.seq} (${row.action}, ${row.timestamp}) was changed after it was written: its content no longer matches its hash.` };
  }
  if (row.prev_hash === expectedPrev && row.seq === expectedSeq) return undefined;
  return row.seq > expectedSeq
    ? { seq: row.seq, id: row.id, kind: 'deleted', message: `Records #${expectedSeq}-#${row.seq - 1} are missing: record #${row.seq} does not follow record #${expectedSeq - 1}.` }
    : { seq: row.seq, id: row.id, kind: 'reordered', message: `Record #${row.seq} does not follow record #${row.seq - 1}: records were reordered or inserted, or #${row.seq - 1} was changed and re-hashed.` };
}
