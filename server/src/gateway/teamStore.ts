// Team mode for the gateway: when a database URL is set, the tables that make
// several instances one service live in the shared store (users, API keys,
// sessions, quotas, the audit chain, organisation policies and each person's
// own policies, the plan cache, the retrieval store, and the history with its
// stored outputs); the manual cache stays in each instance's own SQLite file.
//
// Audit records are appended to the shared chain in the order this process
// makes them, history entries copied to the shared store likewise, and a
// request's answer waits for both to commit: an answer is never sent for
// something the audit log or the shared history does not hold.

import { AsyncLocalStorage } from 'node:async_hooks';
import * as path from 'node:path';
import type { Actor } from '../protocol/types';
import { plannerMigrations } from '../planner/migrations';
import { policyMigrations } from '../policy';
import { recordsMigrations } from '../records';
import { SharedAuditLog } from '../records/sharedAudit';
import { SharedHistory } from '../records/sharedHistory';
import type { Settings } from '../settings/settings';
import type { RecordsStage } from '../stages';
import type { Db } from '../store/database';
import { openSharedStore } from '../store/openSharedStore';
import type { SqlStore } from '../store/sqlStore';

const requestAppends = new AsyncLocalStorage<Promise<unknown>[]>();

export class TeamStore {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly histories: SharedHistory[] = [];

  constructor(
    readonly store: SqlStore,
    readonly audit: SharedAuditLog,
    private readonly report: (message: string) => void = (m) => process.stderr.write(m + '\n'),
  ) {}

  /** Append to the shared chain after every append this process queued before. */
  append(actor: Actor | undefined, action: string, resource: string | null, details: Record<string, unknown>): Promise<unknown> {
    const appended = this.tail.then(() => this.audit.append(actor, action, resource, actor?.client ? { ...details, client: actor.client } : details));
    this.tail = appended.catch(() => undefined);
    this.holdRequest(appended, `an audit record (${action}) could not be written to the shared log`);
    return appended;
  }

  /** The current request's answer waits for `work`; outside a request a failure is reported. */
  private holdRequest(work: Promise<unknown>, failure: string): void {
    const waiting = requestAppends.getStore();
    if (waiting) {
      // Handled here; the request's barrier rethrows the failure.
      work.catch(() => undefined);
      waiting.push(work);
    } else {
      work.catch((err: Error) => this.report(`paladin: ${failure}: ${err.message}`));
    }
  }

  private copied(history: SharedHistory, ids: string[]): void {
    this.holdRequest(history.copy(ids), 'a history entry could not be copied to the shared store (it is sent again with the next one)');
  }

  /**
   * The records stage of an instance on the shared store: every write is made
   * by the local stage (on `localDb`) and then copied to the shared history
   * (sharedHistory.ts); history, outputs and the audit log are read from the
   * shared store, and audit records appended to the shared chain.
   */
  records(local: RecordsStage, localDb: Db, options: { keepSecrets?: boolean } = {}): RecordsStage {
    const history = new SharedHistory(this.store, localDb, options);
    this.histories.push(history);
    const copy = (ids: string[]) => this.copied(history, ids);
    return {
      recordPlan: (entry) => {
        const id = local.recordPlan(entry);
        copy([id]);
        return id;
      },
      recordRunStart: (historyId, actor, command, workspace, policyDecision) => {
        const id = local.recordRunStart(historyId, actor, command, workspace, policyDecision);
        copy([id]);
        return id;
      },
      recordRunEnd: (historyId, result, output) => {
        local.recordRunEnd(historyId, result, output);
        copy([historyId]);
      },
      recordCheck: local.recordCheck && ((historyId, actor, command, decision) => {
        local.recordCheck!(historyId, actor, command, decision);
        copy([historyId]);
      }),
      recordChanges: local.recordChanges && ((runId, state) => {
        local.recordChanges!(runId, state);
        copy(history.entriesOfRun(runId));
      }),
      audit: (actor: Actor | undefined, action: string, resource: string | null, details: Record<string, unknown>) => void this.append(actor, action, resource, details),
      listHistory: (filter) => history.list(filter),
      historyEntries: (filter) => history.iterate(filter),
      historyEntry: (idOrPrefix) => history.get(idOrPrefix),
      storedOutput: (hash) => history.output(hash),
      auditRows: (query) => this.audit.rows(query),
      verifyAudit: (options) => this.audit.verify(options),
    };
  }

  /** A person's history entry made on another instance, brought into this one's file (see SharedHistory.fetch). */
  async fetchEntry(historyId: string, userId: string): Promise<void> {
    for (const history of this.histories) await history.fetch(historyId, userId);
  }

  /**
   * The local history rows refer to users by id; a user known to the shared
   * store is recorded locally too, so this instance's history can name them.
   */
  mirrorUser(db: Db, userId: string): void {
    db.prepare('INSERT OR IGNORE INTO users (id, email) VALUES (?, NULL)').run(userId);
  }

  close(): Promise<void> {
    return Promise.all([this.tail, ...this.histories.map((h) => h.settled())]).then(() => this.store.close());
  }
}

/** Run `fn` collecting the audit appends it causes (see `auditBarrier`). */
export function withAuditAppends<T>(fn: () => Promise<T>): Promise<T> {
  return requestAppends.run([], fn);
}

/** Resolves when every audit append made so far in this request committed; rejects if one failed. */
export async function auditBarrier(): Promise<void> {
  const waiting = requestAppends.getStore();
  while (waiting?.length) await Promise.all(waiting.splice(0));
}

/** The audit key every instance shares: PALADIN_AUDIT_KEY_FILE, else team.audit-key beside the local database. */
export function teamAuditKeyFile(settings: Settings, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.PALADIN_AUDIT_KEY_FILE || path.join(path.dirname(settings.database.path), 'team.audit-key'));
}

/** The shared store when `paladin.database.url` is set, else undefined (one machine, one SQLite file). */
export async function openTeamStore(settings: Settings, env: NodeJS.ProcessEnv = process.env): Promise<TeamStore | undefined> {
  if (!settings.database.url) return undefined;
  const store = await openSharedStore({ url: settings.database.url, path: settings.database.path, migrations: [...policyMigrations, ...recordsMigrations, ...plannerMigrations] });
  try {
    return new TeamStore(store, await SharedAuditLog.open(store, teamAuditKeyFile(settings, env), settings.audit.checkpointEvery));
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
}
