// The tamper-evident audit log. Each row stores SHA-256(previous row's hash ‖
// canonical JSON of its own fields), starting from a hash of zeros; triggers
// refuse UPDATE and DELETE. Every append signs the new head (HMAC with a key
// kept outside the database) in the same transaction, and then writes it to a
// file beside the database; a keyed checkpoint is also kept in the table every
// `checkpointEvery` rows. So no record is ever unsigned: a log whose tail was
// cut off, or that was rewritten and re-hashed from some row on, no longer
// matches what the head and the checkpoints vouch for.

import { createHash, randomUUID } from 'node:crypto';
import type { Actor } from '../protocol/types';
import type { AuditRow, AuditRowsQuery, BrokenLink, VerifyReport } from '../recordTypes';
import { StoreError, type Db } from '../store/database';
import { canonicalJson } from './canonicalJson';
import { auditKeyPath, checkpointFilePath, checkpointMac, checkpointValid, loadAuditKey, readCheckpointFile, writeCheckpointFile, type Checkpoint } from './auditKey';
import { maskSecrets } from './secretMask';

export const GENESIS_HASH = '0'.repeat(64);
export const CHECKPOINT_MAX_AGE_MS = 10 * 60_000;

const ROW_SELECT = 'SELECT seq, id, user_id, action, resource, details, ip_address, source, timestamp, prev_hash, hash FROM audit_log';

export type { AuditRow, BreakKind, BrokenLink, VerifyReport } from '../recordTypes';

/** The fields a row's hash covers, in canonical form. `seq` is left out: order is carried by prev_hash. */
export function rowHash(prevHash: string, row: Pick<AuditRow, 'id' | 'user_id' | 'action' | 'resource' | 'details' | 'ip_address' | 'source' | 'timestamp'>): string {
  // Written out by hand, keys in sorted order: byte-identical to
  // canonicalJson() of the same object (all members are strings or null), and
  // several times faster, which matters when verifying 100,000 rows.
  const body =
    '{"action":' + JSON.stringify(row.action) +
    ',"details":' + JSON.stringify(row.details) +
    ',"id":' + JSON.stringify(row.id) +
    ',"ip_address":' + JSON.stringify(row.ip_address ?? null) +
    ',"resource":' + JSON.stringify(row.resource ?? null) +
    ',"source":' + JSON.stringify(row.source ?? null) +
    ',"timestamp":' + JSON.stringify(row.timestamp) +
    ',"user_id":' + JSON.stringify(row.user_id ?? null) +
    '}';
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/** The last row of a chain: what the next row links to. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** The row that follows `head` (none: the first), its details masked and canonical, its hash over the link. */
export function nextAuditRow(head: AuditHead | undefined, actor: Actor | undefined, action: string, resource: string | null, details: Record<string, unknown>): AuditRow {
  const fields = {
    id: randomUUID(),
    user_id: actor?.userId || null,
    action,
    resource: resource ?? null,
    details: canonicalJson(maskSecrets(details ?? {})),
    ip_address: actor?.address ?? null,
    source: actor?.source ?? null,
    timestamp: new Date().toISOString(),
  };
  const prev = head?.hash ?? GENESIS_HASH;
  return { seq: (head?.seq ?? 0) + 1, ...fields, prev_hash: prev, hash: rowHash(prev, fields) };
}


export class AuditLog {
  private readonly insert;
  private readonly head;
  private readonly lastCheckpoint;
  private readonly insertCheckpoint;
  private readonly upsertHead;
  private key: Buffer | undefined;

  constructor(
    private readonly db: Db,
    private readonly dbPath: string,
    private readonly checkpointEvery = 64,
  ) {
    this.insert = db.prepare(`INSERT INTO audit_log (seq, id, user_id, action, resource, details, ip_address, source, timestamp, prev_hash, hash)
      VALUES (@seq, @id, @user_id, @action, @resource, @details, @ip_address, @source, @timestamp, @prev_hash, @hash)`);
    this.head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    this.lastCheckpoint = db.prepare('SELECT seq, created_at AS createdAt FROM audit_checkpoints ORDER BY id DESC LIMIT 1');
    this.insertCheckpoint = db.prepare('INSERT INTO audit_checkpoints (seq, hash, created_at, mac) VALUES (?, ?, ?, ?)');
    this.upsertHead = db.prepare('INSERT INTO audit_head (id, seq, hash, created_at, mac) VALUES (1, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, created_at = excluded.created_at, mac = excluded.mac');
  }

  /**
   * Append one row and sign the new head. BEGIN IMMEDIATE takes the write
   * lock before the head is read, so appends from several processes
   * serialise and never fork the chain; the signed head commits with the row.
   */
  append(actor: Actor | undefined, action: string, resource: string | null, details: Record<string, unknown>): AuditRow {
    const write = this.db.transaction((): { row: AuditRow; signed: Checkpoint } => {
      const row = nextAuditRow(this.head.get() as AuditHead | undefined, actor, action, resource, details);
      this.insert.run(row);
      return { row, signed: this.signHead(row) };
    });
    const { row, signed } = write.immediate();
    // After the commit, so the file never vouches for a row that was rolled back.
    writeCheckpointFile(this.dbPath, signed);
    return row;
  }

  /** Checkpoint the head now, in the table too (a log written before heads were signed is adopted this way). */
  checkpoint(): Checkpoint | undefined {
    const cp = this.db
      .transaction(() => {
        const head = this.head.get() as { seq: number; hash: string } | undefined;
        return head ? this.signHead(head, true) : undefined;
      })
      .immediate();
    if (cp) writeCheckpointFile(this.dbPath, cp, true);
    return cp;
  }

  /** Sign a log written before heads were signed, once, at the first writable open. */
  adoptUnsignedHead(): boolean {
    const pending = this.db.prepare('SELECT seq FROM audit_head WHERE id = 1').get() as { seq: number } | undefined;
    if (pending?.seq !== -1) return false;
    this.checkpoint();
    return true;
  }

  // Inside the append's transaction: the head row is replaced, and every
  // `checkpointEvery` rows a checkpoint is kept in the table as well.
  private signHead(head: { seq: number; hash: string }, keep = false): Checkpoint {
    // A key is made for a new log only (or one written before heads were
    // signed): a log that lost its key is not silently signed with a new one.
    this.key ??= loadAuditKey(this.dbPath, head.seq === 1 || this.unsignedLog());
    if (!this.key) {
      throw new StoreError(`The audit key file ${auditKeyPath(this.dbPath)} is missing although this audit log was signed with it; Paladin will not sign the log with a new key. Restore the key file from a backup (then run \`paladin audit verify\`).`);
    }
    const base = { seq: head.seq, hash: head.hash, createdAt: new Date().toISOString() };
    const cp: Checkpoint = { ...base, mac: checkpointMac(this.key!, base) };
    this.upsertHead.run(cp.seq, cp.hash, cp.createdAt, cp.mac);
    const last = this.lastCheckpoint.get() as { seq: number; createdAt: string } | undefined;
    if (keep || !last || head.seq - last.seq >= this.checkpointEvery || (head.seq > last.seq && Date.now() - Date.parse(last.createdAt) > CHECKPOINT_MAX_AGE_MS)) {
      this.insertCheckpoint.run(cp.seq, cp.hash, cp.createdAt, cp.mac);
    }
    return cp;
  }

  private unsignedLog(): boolean {
    const head = this.db.prepare('SELECT seq FROM audit_head WHERE id = 1').get() as { seq: number } | undefined;
    const checkpoint = this.db.prepare('SELECT 1 FROM audit_checkpoints LIMIT 1').get();
    return head?.seq === -1 || (!head && !checkpoint && readCheckpointFile(this.dbPath) === undefined);
  }

  /** Walk the whole chain; report "intact, N records" or the first broken link. */
  verify(): VerifyReport {
    const walk = this.startWalk();
    for (const row of this.db.prepare(`${ROW_SELECT} ORDER BY seq`).iterate() as IterableIterator<AuditRow>) walk.visit(row);
    return walk.finish();
  }

  /**
   * The same walk in pages, yielding to the event loop between them, for a
   * server that must keep answering while a long log is checked. Appends made
   * meanwhile land after the walk's position and are checked too.
   */
  async verifyAsync(options: { signal?: AbortSignal; pageSize?: number } = {}): Promise<VerifyReport> {
    const walk = this.startWalk();
    const page = this.db.prepare(`${ROW_SELECT} WHERE seq > ? ORDER BY seq LIMIT ?`);
    let after = Number.MIN_SAFE_INTEGER;
    for (;;) {
      options.signal?.throwIfAborted();
      const rows = page.all(after, options.pageSize ?? 5_000) as AuditRow[];
      for (const row of rows) walk.visit(row);
      if (rows.length === 0) break;
      after = rows[rows.length - 1].seq;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return walk.finish();
  }

  private startWalk(): { visit(row: AuditRow): void; finish(): VerifyReport } {
    const started = performance.now();
    const warnings: string[] = [];
    const checkpoints = (this.db.prepare('SELECT seq, hash, created_at AS createdAt, mac FROM audit_checkpoints ORDER BY seq').all() as Checkpoint[]).map((cp) => ({ ...cp, where: 'table' }));
    const head = this.db.prepare('SELECT seq, hash, created_at AS createdAt, mac FROM audit_head WHERE id = 1 AND seq >= 0').get() as Checkpoint | undefined;
    if (head) checkpoints.push({ ...head, where: 'signed head' });
    const file = readCheckpointFile(this.dbPath);
    if (file === 'unreadable') warnings.push('The checkpoint file next to the database is unreadable; only the checkpoints in the database were checked.');
    else if (file) checkpoints.push({ ...file, where: 'file' });
    const wanted = new Map<number, string>();
    for (const cp of checkpoints) wanted.set(cp.seq, '');

    let records = 0;
    let expectedPrev = GENESIS_HASH;
    let expectedSeq = 1;
    let headSeq = 0;
    let firstBroken: BrokenLink | undefined;
    const visit = (row: AuditRow) => {
      records++;
      if (!firstBroken) {
        if (rowHash(row.prev_hash, row) !== row.hash) {
          firstBroken = { seq: row.seq, id: row.id, kind: 'modified', message: `Record #${row.seq} (${row.action}, ${row.timestamp}) was changed after it was written: its content no longer matches its hash.` };
        } else if (row.prev_hash !== expectedPrev) {
          firstBroken =
            row.seq > expectedSeq
              ? { seq: row.seq, id: row.id, kind: 'deleted', message: `Record${row.seq - expectedSeq > 1 ? 's' : ''} #${expectedSeq}${row.seq - expectedSeq > 1 ? `-#${row.seq - 1}` : ''} ${row.seq - expectedSeq > 1 ? 'are' : 'is'} missing: record #${row.seq} does not follow record #${expectedSeq - 1}.` }
              : { seq: row.seq, id: row.id, kind: 'reordered', message: `Record #${row.seq} does not follow record #${row.seq - 1}: records were reordered or inserted, or #${row.seq - 1} was changed and re-hashed.` };
        }
      }
      if (wanted.has(row.seq)) wanted.set(row.seq, row.hash);
      expectedPrev = row.hash;
      expectedSeq = row.seq + 1;
      headSeq = row.seq;
    };

    const finish = (): VerifyReport => {
      if (!firstBroken && checkpoints.length > 0) firstBroken = this.checkCheckpoints(checkpoints, wanted, headSeq);
      if (!firstBroken && records > 0) firstBroken = this.unsignedTail(checkpoints, headSeq);
      return { intact: !firstBroken, records, headSeq, headHash: expectedPrev, checkpoints: checkpoints.length, firstBroken, warnings, ms: performance.now() - started };
    };
    return { visit, finish };
  }

  // Every append signs its head, so records after the last signature were
  // written by something without the key, or the signatures were removed.
  private unsignedTail(checkpoints: (Checkpoint & { where: string })[], headSeq: number): BrokenLink | undefined {
    if (!loadAuditKey(this.dbPath, false)) {
      return { seq: 0, kind: 'checkpoint', message: `The audit key file (${auditKeyPath(this.dbPath)}) is missing, so nothing vouches for the ${headSeq} record(s): a truncated or rewritten log would go unnoticed. Restore the key file from a backup.` };
    }
    // Both copies of the head exist as soon as one record does; one missing
    // means something removed it, perhaps to roll the log back to an older checkpoint.
    const missing = [
      !checkpoints.some((cp) => cp.where === 'signed head') && 'the signed head in the database',
      this.dbPath !== ':memory:' && this.dbPath !== '' && !checkpoints.some((cp) => cp.where === 'file') && `the head file ${checkpointFilePath(this.dbPath)}`,
    ].filter(Boolean);
    if (missing.length) {
      return { seq: headSeq, kind: 'unsigned', message: `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing although the log holds ${headSeq} record(s) and its key exists: the log was changed outside Paladin (records after the last checkpoint may have been removed).` };
    }
    const signed = checkpoints.reduce((max, cp) => Math.max(max, cp.seq), 0);
    if (signed >= headSeq) return undefined;
    const what = signed === 0 ? 'No record carries a signature although the audit key exists: the signed head and the checkpoints were removed' : `Records #${signed + 1}-#${headSeq} follow the last signed head (#${signed}) unsigned: they were written without the audit key, or the signed head was removed`;
    return { seq: signed + 1, kind: 'unsigned', message: `${what}. Every append signs its head, so the log was changed outside Paladin.` };
  }

  private checkCheckpoints(checkpoints: (Checkpoint & { where: string })[], wanted: Map<number, string>, headSeq: number): BrokenLink | undefined {
    const key = loadAuditKey(this.dbPath, false);
    if (!key) {
      return { seq: 0, kind: 'checkpoint', message: `The audit key file (${this.dbPath}.audit-key) is missing, so the ${checkpoints.length} checkpoint(s) cannot be checked and a truncated or rewritten log would go unnoticed. Restore the key file from a backup.` };
    }
    for (const cp of checkpoints) {
      if (!checkpointValid(key, cp)) {
        return { seq: cp.seq, kind: 'checkpoint', message: `The checkpoint of record #${cp.seq} (${cp.where}, ${cp.createdAt}) does not carry a valid MAC: it was forged, or the audit key file was replaced.` };
      }
      if (cp.seq > headSeq) {
        return { seq: headSeq + 1, kind: 'truncated', message: `The log ends at record #${headSeq}, but a checkpoint taken ${cp.createdAt} vouches for record #${cp.seq}: records #${headSeq + 1}-#${cp.seq} or more were removed from the end.` };
      }
      const actual = wanted.get(cp.seq);
      if (actual !== cp.hash) {
        return actual
          ? { seq: cp.seq, kind: 'modified', message: `Record #${cp.seq} is not the one a checkpoint taken ${cp.createdAt} vouched for: the log was rewritten and re-hashed at or before #${cp.seq}.` }
          : { seq: cp.seq, kind: 'deleted', message: `Record #${cp.seq}, vouched for by a checkpoint taken ${cp.createdAt}, is missing.` };
      }
    }
    return undefined;
  }

  /** Rows in order, for export and tail; details parsed. */
  rows(options: AuditRowsQuery = {}): AuditRow[] {
    if (options.last !== undefined) {
      const rows = this.db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?').all(options.last) as AuditRow[];
      return rows.reverse();
    }
    return this.db.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?').all(options.afterSeq ?? 0, options.limit ?? -1) as AuditRow[];
  }

  iterate(): IterableIterator<AuditRow> {
    return this.db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>;
  }
}
