// API keys and session tokens: 256 random bits each, shown once, stored only
// as their SHA-256. A presented secret is hashed and compared with
// timingSafeEqual, so the time a check takes says nothing about how close a
// guess came. The tables live in the shared store (SQLite or PostgreSQL), so a
// key or session made on one instance is good on every other.

import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Db } from '../store/database';
import { sqlStoreOf, type SqlStore } from '../store/sqlStore';
import type { KeyRight } from './workspaceGrant';

export const KEY_PREFIX = 'pld_';
export const SESSION_PREFIX = 'pls_';

export class KeyError extends Error {
  override name = 'KeyError';
}

export function newSecret(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

function sameHash(storedHex: string, computedHex: string): boolean {
  const a = Buffer.from(storedHex, 'hex');
  const b = Buffer.from(computedHex, 'hex');
  return a.length === 32 && b.length === 32 && timingSafeEqual(a, b);
}

export interface KeyInfo {
  id: string;
  name: string;
  userId: string;
  email: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  /** Folders (real paths) this key may use as workspaces; null: the server's list. */
  workspaces: string[] | null;
  /** Rights beyond running in those folders: live, network. */
  rights: KeyRight[];
  state: 'active' | 'expired' | 'revoked';
}

/** What a credential may do: its user, its key, the key's workspaces and rights. */
export interface Grant {
  keyId: string | null;
  workspaces: string[] | null;
  rights: KeyRight[];
}

/** The user with this email, created (role user, default quota) if asked. */
export async function userIdByEmail(db: Db | SqlStore, email: string, create: boolean): Promise<string | undefined> {
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new KeyError(`"${email}" is not an email address; pass --user name@host.`);
  const store = sqlStoreOf(db);
  const row = await store.get<{ id: string }>('SELECT id FROM users WHERE email = ?', [email]);
  if (row || !create) return row?.id;
  await store.run("INSERT OR IGNORE INTO users (id, email, role) VALUES (?, ?, 'user')", [randomUUID(), email]);
  return (await store.get<{ id: string }>('SELECT id FROM users WHERE email = ?', [email]))!.id;
}

export async function createApiKey(
  db: Db | SqlStore,
  options: { name: string; userId: string; expiresAt?: Date; workspaces?: readonly string[]; rights?: readonly KeyRight[] },
): Promise<{ id: string; key: string; name: string; expiresAt: string | null; workspaces: string[] | null; rights: KeyRight[] }> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(options.name)) {
    throw new KeyError(`"${options.name}" is not a usable key name: use 1-64 letters, digits, dots, dashes or underscores, starting with a letter or digit.`);
  }
  if (options.expiresAt && options.expiresAt.getTime() <= Date.now()) throw new KeyError('The expiry is in the past; give a future date or a span such as 30d.');
  const owner = await sqlStoreOf(db).get<{ disabled_at: string | null }>('SELECT disabled_at FROM users WHERE id = ?', [options.userId]);
  if (owner?.disabled_at) throw new KeyError('That user was disabled; an admin must add them again under a new email before they get keys.');
  const key = newSecret(KEY_PREFIX);
  const id = randomUUID();
  const expiresAt = options.expiresAt?.toISOString() ?? null;
  const workspaces = options.workspaces?.length ? [...options.workspaces] : null;
  const rights = [...new Set(options.rights ?? [])];
  try {
    await sqlStoreOf(db).run('INSERT INTO api_keys (id, user_id, key_hash, name, expires_at, created_at, workspaces, rights) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      id, options.userId, secretHash(key), options.name, expiresAt, new Date().toISOString(), workspaces ? JSON.stringify(workspaces) : null, JSON.stringify(rights),
    ]);
  } catch (err) {
    if (/UNIQUE constraint failed: api_keys\.name|api_keys_active_name/.test((err as Error).message)) {
      throw new KeyError(`An active key named "${options.name}" exists already; revoke it (paladin keys revoke ${options.name}) or pick another name.`);
    }
    throw err;
  }
  return { id, key, name: options.name, expiresAt, workspaces, rights };
}

function grantOf(row: { workspaces: string | null; rights: string | null }): Omit<Grant, 'keyId'> {
  const list = (text: string | null): string[] | null => {
    if (text === null) return null;
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  };
  return { workspaces: list(row.workspaces), rights: (list(row.rights) ?? []) as KeyRight[] };
}

function stateOf(row: { expiresAt: string | null; revokedAt: string | null }, now: number): KeyInfo['state'] {
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt && Date.parse(row.expiresAt) <= now) return 'expired';
  return 'active';
}

const keySelect = `SELECT k.id, k.name, k.user_id AS userId, u.email, k.created_at AS createdAt, k.expires_at AS expiresAt,
  k.revoked_at AS revokedAt, k.last_used_at AS lastUsedAt, k.workspaces, k.rights FROM api_keys k LEFT JOIN users u ON u.id = k.user_id`;

type KeyRow = Omit<KeyInfo, 'state' | 'workspaces' | 'rights'> & { workspaces: string | null; rights: string | null };

export async function listApiKeys(db: Db | SqlStore, now = Date.now()): Promise<KeyInfo[]> {
  const rows = await sqlStoreOf(db).all<KeyRow>(`${keySelect} ORDER BY k.created_at`);
  return rows.map((r) => ({ ...r, ...grantOf(r), state: stateOf(r, now) }));
}

/** Revoke by id or by the name of an active key; sessions opened with it end too. */
export async function revokeApiKey(db: Db | SqlStore, idOrName: string): Promise<KeyInfo> {
  return sqlStoreOf(db).transaction(async (tx) => {
    const row = (await tx.get<KeyRow>(`${keySelect} WHERE k.id = ?`, [idOrName])) ?? (await tx.get<KeyRow>(`${keySelect} WHERE k.name = ? AND k.revoked_at IS NULL`, [idOrName]));
    if (!row) throw new KeyError(`No key has the id or active name "${idOrName}"; \`paladin keys list\` shows them.`);
    if (row.revokedAt) throw new KeyError(`Key "${row.name}" (${row.id}) was revoked already, at ${row.revokedAt}.`);
    const now = new Date().toISOString();
    await tx.run('UPDATE api_keys SET revoked_at = ? WHERE id = ?', [now, row.id]);
    await tx.run('UPDATE sessions SET revoked_at = ? WHERE api_key_id = ? AND revoked_at IS NULL', [now, row.id]);
    return { ...row, ...grantOf(row), revokedAt: now, state: 'revoked' as const };
  });
}

export type AuthResult = ({ ok: true; userId: string; sessionId: string | null } & Grant) | { ok: false; reason: string };

type KeyAuthRow = { id: string; user_id: string; key_hash: string; expires_at: string | null; revoked_at: string | null; last_used_at: string | null; workspaces: string | null; rights: string | null; disabled_at: string | null };

/** Why this key may not be used now, or undefined. */
function keyRefusal(row: { revoked_at: string | null; expires_at: string | null }, now: number, via: string): string | undefined {
  if (row.revoked_at) return `${via} was revoked.`;
  if (row.expires_at && Date.parse(row.expires_at) <= now) return `${via} has expired.`;
  return undefined;
}

/**
 * Who presents this key or session token, or why they are refused. A session
 * is checked against its key on every request: it ends when the key expires
 * or is revoked, whatever the session's own expiry says.
 */
export async function authenticate(db: Db | SqlStore, presented: string | undefined, now = Date.now()): Promise<AuthResult> {
  if (!presented) return { ok: false, reason: 'No API key was given: send "Authorization: Bearer <key>" (create one with `paladin keys create NAME`).' };
  const hash = secretHash(presented);
  const store = sqlStoreOf(db);
  if (presented.startsWith(KEY_PREFIX)) {
    const row = await store.get<KeyAuthRow>('SELECT k.id, k.user_id, k.key_hash, k.expires_at, k.revoked_at, k.last_used_at, k.workspaces, k.rights, u.disabled_at FROM api_keys k LEFT JOIN users u ON u.id = k.user_id WHERE k.key_hash = ?', [hash]);
    if (!row || !sameHash(row.key_hash, hash)) return { ok: false, reason: 'The API key is not known.' };
    if (row.disabled_at) return { ok: false, reason: 'The user this API key belongs to was disabled by an admin.' };
    const refused = keyRefusal(row, now, 'The API key');
    if (refused) return { ok: false, reason: refused };
    // Bookkeeping at most once a minute: a write per request would cost an fsync each.
    if (!row.last_used_at || now - Date.parse(row.last_used_at) > 60_000) await store.run('UPDATE api_keys SET last_used_at = ? WHERE id = ?', [new Date(now).toISOString(), row.id]);
    return { ok: true, userId: row.user_id, keyId: row.id, sessionId: null, ...grantOf(row) };
  }
  if (presented.startsWith(SESSION_PREFIX)) {
    const row = await store.get<{ id: string; user_id: string; token_hash: string; expires_at: string; revoked_at: string | null; api_key_id: string | null; key_id: string | null; key_expires_at: string | null; key_revoked_at: string | null; workspaces: string | null; rights: string | null; disabled_at: string | null }>(
      `SELECT s.id, s.user_id, s.token_hash, s.expires_at, s.revoked_at, s.api_key_id, k.id AS key_id, k.expires_at AS key_expires_at, k.revoked_at AS key_revoked_at,
        k.workspaces, k.rights, u.disabled_at FROM sessions s LEFT JOIN api_keys k ON k.id = s.api_key_id LEFT JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
      [hash],
    );
    if (!row || !sameHash(row.token_hash, hash)) return { ok: false, reason: 'The session token is not known.' };
    if (row.revoked_at) return { ok: false, reason: 'The session was ended (logged out, its API key was revoked, or its user disabled).' };
    if (row.disabled_at) return { ok: false, reason: 'The user this session belongs to was disabled by an admin.' };
    if (Date.parse(row.expires_at) <= now) return { ok: false, reason: 'The session has expired; log in again with POST /v1/sessions.' };
    // A session without a live key is no session: it cannot outlive what it was made from.
    if (!row.key_id) return { ok: false, reason: 'The session\'s API key no longer exists; log in again with a valid key.' };
    const refused = keyRefusal({ revoked_at: row.key_revoked_at, expires_at: row.key_expires_at }, now, 'The API key this session was opened with');
    if (refused) return { ok: false, reason: `${refused} The session ended with it.` };
    return { ok: true, userId: row.user_id, keyId: row.api_key_id, sessionId: row.id, ...grantOf(row) };
  }
  return { ok: false, reason: `The credential is neither an API key (${KEY_PREFIX}...) nor a session token (${SESSION_PREFIX}...).` };
}

/** Log in once with an API key: a session token for `hours`, bound to the key. */
export async function createSession(db: Db | SqlStore, options: { userId: string; apiKeyId: string | null; address?: string; userAgent?: string; hours: number }): Promise<{ id: string; token: string; expiresAt: string }> {
  const token = newSecret(SESSION_PREFIX);
  const id = randomUUID();
  const store = sqlStoreOf(db);
  const keyExpiry = options.apiKeyId ? (await store.get<{ expires_at: string | null }>('SELECT expires_at FROM api_keys WHERE id = ?', [options.apiKeyId]))?.expires_at : null;
  // Never later than the key's own expiry.
  const expiresAt = new Date(Math.min(Date.now() + options.hours * 3_600_000, keyExpiry ? Date.parse(keyExpiry) : Infinity)).toISOString();
  await store.run('INSERT INTO sessions (id, user_id, token_hash, expires_at, ip_address, user_agent, api_key_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    id, options.userId, secretHash(token), expiresAt, options.address ?? null, (options.userAgent ?? '').slice(0, 256) || null, options.apiKeyId, new Date().toISOString(),
  ]);
  return { id, token, expiresAt };
}

export async function endSession(db: Db | SqlStore, sessionId: string): Promise<void> {
  await sqlStoreOf(db).run('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [new Date().toISOString(), sessionId]);
}
