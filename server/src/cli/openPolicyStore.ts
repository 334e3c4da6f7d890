// The store policy subcommands change: the shared PostgreSQL database when
// PALADIN_DATABASE_URL is set (organisation policies and each person's own),
// else the local SQLite file; and the audit log that records each change.

import { openTeamStore, type TeamStore } from '../gateway/teamStore';
import type { Actor } from '../protocol/types';
import { sqlStoreOf, type SqlStore } from '../store/sqlStore';
import type { CliContext } from './command';
import { openRecords, type OpenRecords } from './openRecords';

export interface PolicyStore {
  store: SqlStore;
  team: TeamStore | undefined;
  local: OpenRecords;
  /** The CLI's actor: the local owner, or (team) no user row of this machine. */
  actor: Actor;
  /** Append to the audit log (the shared chain in team mode) and wait for it. */
  audit(action: string, resource: string | null, details: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export async function openPolicyStore(ctx: CliContext): Promise<PolicyStore> {
  const local = openRecords(ctx.settings);
  const team = await openTeamStore(ctx.settings).catch((err: Error) => {
    local.close();
    throw err;
  });
  const actor: Actor = { userId: team ? '' : local.userId, source: 'cli' };
  return {
    store: team?.store ?? sqlStoreOf(local.db),
    team,
    local,
    actor,
    audit: async (action, resource, details) => {
      if (team) await team.append(actor, action, resource, details);
      else local.records.audit(actor, action, resource, details);
    },
    close: async () => {
      await team?.close();
      local.close();
    },
  };
}

/** The user with this email in the store, if active, with their role. */
export async function activeUser(store: SqlStore, email: string): Promise<{ id: string; role: string } | undefined> {
  return store.get<{ id: string; role: string }>('SELECT id, role FROM users WHERE email = ? AND disabled_at IS NULL', [email]);
}
