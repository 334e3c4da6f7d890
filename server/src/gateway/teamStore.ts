// Team mode for the gateway: when a database URL is set, the tables that make
// several instances one service live in the shared store (users, API keys,
// sessions, quotas, the audit chain, organisation policies and each person's
// own policies, the plan cache and the retrieval store), while the rest
// (history and stored outputs) stay in each instance's own SQLite file until
// they move too.
//
// Audit records are appended to the shared chain in the order this process
// makes them, and a request's answer waits for its records to commit: an
// answer is never sent for something the audit log does not hold.

import { AsyncLocalStorage } from 'node:async_hooks';
import * as path from 'node:path';
import type { Actor } from '../protocol/types';
import { plannerMigrations } from '../planner/migrations';
import { policyMigrations } from '../policy';
import { recordsMigrations } from '../records';
import { SharedAuditLog } from '../records/sharedAudit';
import type { Settings } from '../settings/settings';
import type { RecordsStage } from '../stages';
import type { Db } from '../store/database';
import { openSharedStore } from '../store/openSharedStore';
import type { SqlStore } from '../store/sqlStore';

const requestAppends = new AsyncLocalStorage<Promise<unknown>[]>();

export class TeamStore {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly store: SqlStore,
    readonly audit: SharedAuditLog,
    private readonly report: (message: string) => void = (m) => process.stderr.write(m + '\n'),
  ) {}

  /** Append to the shared chain after every append this process queued before. */
  append(actor: Actor | undefined, action: string, resource: string | null, details: Record<string, unknown>): Promise<unknown> {
    const appended = this.tail.then(() => this.audit.append(actor, action, resource, actor?.client ? { ...details, client: actor.client } : details));
    this.tail = appended.catch(() => undefined);
    const waiting = requestAppends.getStore();
    if (waiting) {
      // Handled here; the request's barrier rethrows the failure.
      appended.catch(() => undefined);
      waiting.push(appended);
    } else {
      appended.catch((err: Error) => this.report(`paladin: an audit record (${action}) could not be written to the shared log: ${err.message}`));
    }
    return appended;
  }

  /**
   * The local records stage with the audit log on the shared chain: records
   * are appended there, and audit reads and verification read it; history
   * and outputs stay with the local stage.
   */
  records(local: RecordsStage): RecordsStage {
    return {
      recordPlan: (entry) => local.recordPlan(entry),
      recordRunStart: (historyId, actor, command, workspace, policyDecision) => local.recordRunStart(historyId, actor, command, workspace, policyDecision),
      recordRunEnd: (historyId, result, output) => local.recordRunEnd(historyId, result, output),
      recordCheck: local.recordCheck && ((historyId, actor, command, decision) => local.recordCheck!(historyId, actor, command, decision)),
      recordChanges: local.recordChanges && ((runId, state) => local.recordChanges!(runId, state)),
      audit: (actor: Actor | undefined, action: string, resource: string | null, details: Record<string, unknown>) => void this.append(actor, action, resource, details),
      listHistory: (filter) => local.listHistory(filter),
      historyEntries: (filter) => local.historyEntries(filter),
      historyEntry: (idOrPrefix) => local.historyEntry(idOrPrefix),
      storedOutput: (hash) => local.storedOutput(hash),
      auditRows: (query) => this.audit.rows(query),
      verifyAudit: (options) => this.audit.verify(options),
    };
  }

  /**
   * The local history rows refer to users by id; a user known to the shared
   * store is recorded locally too, so this instance's history can name them.
   */
  mirrorUser(db: Db, userId: string): void {
    db.prepare('INSERT OR IGNORE INTO users (id, email) VALUES (?, NULL)').run(userId);
  }

  close(): Promise<void> {
    return this.tail.then(() => this.store.close());
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
