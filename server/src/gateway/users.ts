// The people a team server serves. Two roles: admin (manages users and keys)
// and member (uses the API with their own keys); the store keeps a member as
// role 'user', the word the schema has always used. A disabled user's keys
// and sessions stop working at once, on every instance.

import { randomUUID } from 'node:crypto';
import type { Db } from '../store/database';
import { sqlStoreOf, type SqlExecutor, type SqlStore } from '../store/sqlStore';
import { KeyError } from './apiKeys';

export type TeamRole = 'admin' | 'member';
export const TEAM_ROLES: TeamRole[] = ['admin', 'member'];

export interface UserInfo {
  id: string;
  email: string;
  role: TeamRole | 'owner';
  quota: number;
  createdAt: string;
  disabledAt: string | null;
  activeKeys: number;
  /** What the user's planning may spend on language models per period; null: no limit. */
  budget: number | null;
  budgetPeriod: 'day' | 'month' | null;
}

const stored = (role: TeamRole) => (role === 'member' ? 'user' : 'admin');
const shown = (role: string): UserInfo['role'] => (role === 'user' ? 'member' : (role as UserInfo['role']));

function checkEmail(email: string): void {
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new KeyError(`"${email}" is not an email address; give the user's email, e.g. alice@example.org.`);
}

export async function addUser(db: Db | SqlStore, options: { email: string; role: TeamRole; quota?: number }): Promise<UserInfo> {
  checkEmail(options.email);
  if (!TEAM_ROLES.includes(options.role)) throw new KeyError(`The role must be admin or member, not "${String(options.role)}".`);
  const store = sqlStoreOf(db);
  const added = await store.run('INSERT OR IGNORE INTO users (id, email, role, quota_commands_per_hour) VALUES (?, ?, ?, ?)', [randomUUID(), options.email, stored(options.role), options.quota ?? 120]);
  if (added === 0) throw new KeyError(`A user with the email ${options.email} exists already; \`paladin users list\` shows them.`);
  return (await findUser(store, options.email))!;
}

export async function findUser(db: Db | SqlStore, email: string): Promise<UserInfo | undefined> {
  return (await selectUsers(sqlStoreOf(db), 'WHERE u.email = ?', [email]))[0];
}

export async function listUsers(db: Db | SqlStore): Promise<UserInfo[]> {
  return selectUsers(sqlStoreOf(db), 'WHERE u.email IS NOT NULL', []);
}

async function selectUsers(store: SqlExecutor, where: string, params: string[]): Promise<UserInfo[]> {
  const rows = await store.all<Omit<UserInfo, 'role'> & { role: string }>(
    `SELECT u.id, u.email, u.role, u.quota_commands_per_hour AS quota, u.created_at AS "createdAt", u.disabled_at AS "disabledAt", u.budget, u.budget_period AS "budgetPeriod",
      (SELECT count(*) FROM api_keys k WHERE k.user_id = u.id AND k.revoked_at IS NULL) AS "activeKeys"
      FROM users u ${where} ORDER BY u.created_at, u.email`,
    params,
  );
  return rows.map((r) => ({ ...r, role: shown(r.role), activeKeys: Number(r.activeKeys), budget: r.budget === null ? null : Number(r.budget) }));
}

/** Disable a user: their keys and sessions are refused from now on, on every instance. */
export async function disableUser(db: Db | SqlStore, email: string): Promise<UserInfo> {
  checkEmail(email);
  const store = sqlStoreOf(db);
  return store.transaction(async (tx) => {
    const now = new Date().toISOString();
    const changed = await tx.run('UPDATE users SET disabled_at = ? WHERE email = ? AND disabled_at IS NULL', [now, email]);
    const user = (await selectUsers(tx, 'WHERE u.email = ?', [email]))[0];
    if (!user) throw new KeyError(`No user has the email ${email}; \`paladin users list\` shows them.`);
    if (changed === 0) throw new KeyError(`${email} was disabled already, at ${user.disabledAt}.`);
    await tx.run('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL', [now, user.id]);
    return user;
  });
}
