// History entries and stored outputs on the shared store (team mode), so that
// every instance lists, shows and reads what any instance recorded.
//
// The history's write rules (a plan becoming its run, an edited command's
// check, the masking of secrets) are the local store's: each write is made
// there first, synchronously, as on one machine, and the entry as it then
// stands (with its output) is copied to the shared store, in the order this
// process made the writes. A copy that fails (the database is down) is kept
// pending and sent again with the next one, so an entry written during an
// outage reaches the shared store once it is back. Reads go to the shared
// store only. Every query here is one text for both engines.

import type { HistoryEntry, HistoryFilter, StoredOutput } from '../recordTypes';
import type { Db } from '../store/database';
import type { SqlExecutor, SqlStore, SqlValue } from '../store/sqlStore';
import { historyFromRow, historySelect, historyWhere, maskedEntry } from './history';
import { isOutputHash, storedOutputFrom, storedOutputQuery, type StoredOutputRow } from './outputs';

const HISTORY_COLUMNS = [
  'id', 'user_id', 'query', 'planned_command', 'reasoning', 'execution_status', 'exit_code', 'output_hash', 'execution_time_ms', 'planner',
  'policy_decision', 'workspace', 'source', 'created_at', 'run_id', 'end_message', 'output_truncated', 'started_at', 'finished_at',
  'run_mode', 'changes_state', 'changes_count', 'checked_at', 'original_command', 'network_log',
];
const OUTPUT_COLUMNS = ['hash', 'encoding', 'size', 'stored_size', 'truncated', 'data', 'created_at', 'expires_at'];

function upsert(table: string, columns: string[], key: string, keep: string[] = []): string {
  const updated = columns.filter((c) => c !== key && !keep.includes(c)).map((c) => `${c} = excluded.${c}`);
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT (${key}) DO UPDATE SET ${updated.join(', ')}`;
}

const UPSERT_ENTRY = upsert('command_history', HISTORY_COLUMNS, 'id');
// The same output kept by two runs is one row; a later expiry wins.
const UPSERT_OUTPUT = upsert('command_outputs', OUTPUT_COLUMNS, 'hash', ['encoding', 'size', 'stored_size', 'truncated', 'data', 'created_at']);
const PAGE = 500;

function refused(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('23') || code.startsWith('SQLITE_CONSTRAINT'));
}

export class SharedHistory {
  private tail: Promise<void> = Promise.resolve();
  // Entries whose latest state has not reached the shared store yet.
  private readonly unsent = new Set<string>();
  private readonly shown: (entry: HistoryEntry) => HistoryEntry;

  constructor(
    private readonly store: SqlStore,
    private readonly local: Db,
    options: { keepSecrets?: boolean } = {},
  ) {
    this.shown = options.keepSecrets ? (e) => e : maskedEntry;
  }

  /** Copy these entries as they stand locally (and any left unsent) after every copy queued before; rejects if the copy failed. */
  copy(ids: string[]): Promise<void> {
    const sent = this.tail.then(() => this.send(ids));
    this.tail = sent.catch(() => undefined);
    return sent;
  }

  /**
   * Make a person's entry recorded by another instance known to this one's
   * own file, so that a run of that plan (or a refinement of it) made here
   * joins it as it would on the instance that planned it.
   */
  async fetch(id: string, userId: string): Promise<void> {
    if (this.local.prepare('SELECT 1 FROM command_history WHERE id = ?').get(id)) return;
    const entry = await this.store.get<Record<string, SqlValue>>(`SELECT ${HISTORY_COLUMNS.join(', ')} FROM command_history WHERE id = ? AND user_id = ?`, [id, userId]);
    if (!entry) return;
    this.local.prepare(`INSERT OR IGNORE INTO command_history (${HISTORY_COLUMNS.join(', ')}) VALUES (${HISTORY_COLUMNS.map(() => '?').join(', ')})`).run(...HISTORY_COLUMNS.map((c) => entry[c] ?? null));
  }

  /** The local entries of a run (by its id), for copying what became of its changes. */
  entriesOfRun(runId: string): string[] {
    return (this.local.prepare('SELECT id FROM command_history WHERE run_id = ?').all(runId) as { id: string }[]).map((r) => r.id);
  }

  /** Resolves when every copy queued so far settled. */
  settled(): Promise<void> {
    return this.tail;
  }

  private async send(ids: string[]): Promise<void> {
    for (const id of ids) this.unsent.add(id);
    let refusal: unknown;
    for (const id of [...this.unsent]) {
      // Read when sent, not when queued: the latest local state is the one to copy.
      const entry = this.local.prepare(`SELECT ${HISTORY_COLUMNS.join(', ')} FROM command_history WHERE id = ?`).get(id) as Record<string, SqlValue> | undefined;
      try {
        if (entry) await this.store.transaction((tx) => this.write(tx, entry));
      } catch (err) {
        // An entry the database refuses (a constraint: SQLSTATE class 23) would
        // be refused at every retry: it is not kept. Anything else (the
        // database away) stops here, and the rest is tried again next time.
        if (!refused(err)) throw err;
        refusal = err;
      }
      this.unsent.delete(id);
    }
    if (refusal) throw refusal;
  }

  private async write(tx: SqlExecutor, entry: Record<string, SqlValue>): Promise<void> {
    const hash = entry.output_hash;
    if (typeof hash === 'string') {
      const output = this.local.prepare(`SELECT ${OUTPUT_COLUMNS.join(', ')} FROM command_outputs WHERE hash = ?`).get(hash) as Record<string, SqlValue> | undefined;
      if (output) await tx.run(UPSERT_OUTPUT, OUTPUT_COLUMNS.map((c) => output[c]));
    }
    await tx.run(UPSERT_ENTRY, HISTORY_COLUMNS.map((c) => entry[c] ?? null));
  }

  async list(filter: HistoryFilter = {}): Promise<HistoryEntry[]> {
    const { where, params } = historyWhere(filter);
    const limited = filter.limit !== undefined && filter.limit >= 0;
    const rows = await this.store.all<Record<string, unknown>>(`${historySelect}${where} ORDER BY created_at DESC, id DESC${limited ? ' LIMIT ?' : ''}`, limited ? [...params, filter.limit!] : params);
    return rows.map((row) => this.shown(historyFromRow(row)));
  }

  /** Newest first, a page at a time. */
  async *iterate(filter: HistoryFilter = {}): AsyncGenerator<HistoryEntry> {
    const { where, params } = historyWhere(filter);
    const limit = filter.limit !== undefined && filter.limit >= 0 ? filter.limit : Infinity;
    for (let offset = 0; offset < limit; offset += PAGE) {
      const size = Math.min(PAGE, limit - offset);
      const rows = await this.store.all<Record<string, unknown>>(`${historySelect}${where} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`, [...params, size, offset]);
      for (const row of rows) yield this.shown(historyFromRow(row));
      if (rows.length < size) return;
    }
  }

  /** An entry by its id or a unique prefix of it (at least 4 characters). */
  async get(idOrPrefix: string): Promise<HistoryEntry | undefined> {
    const exact = await this.store.get<Record<string, unknown>>(`${historySelect} WHERE id = ?`, [idOrPrefix]);
    if (exact) return this.shown(historyFromRow(exact));
    if (idOrPrefix.length < 4 || !/^[0-9a-f-]+$/i.test(idOrPrefix)) return undefined;
    const rows = await this.store.all<Record<string, unknown>>(`${historySelect} WHERE id LIKE ? LIMIT 2`, [idOrPrefix.toLowerCase() + '%']);
    if (rows.length > 1) throw new RangeError(`History id prefix "${idOrPrefix}" matches more than one entry; give more of the id.`);
    return rows[0] ? this.shown(historyFromRow(rows[0])) : undefined;
  }

  async output(hash: string): Promise<StoredOutput | undefined> {
    if (!isOutputHash(hash)) return undefined;
    return storedOutputFrom(await this.store.get<StoredOutputRow>(storedOutputQuery, [hash, new Date().toISOString()]), hash);
  }
}
