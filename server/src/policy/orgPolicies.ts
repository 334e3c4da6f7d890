// The organisation's policies: Rego modules in `package paladin.org.<name>`,
// kept in the database (PostgreSQL on a team server, the local SQLite file
// otherwise) and changed by admins only. Every change makes a new version of
// the whole set, with its author, time and reason; nothing is ever updated or
// deleted (triggers refuse it), so every earlier version stays readable, and
// rolling back is one more version whose set is an earlier one's.

import { createHash } from 'node:crypto';
import type { Migration } from '../store/migrations';
import type { SqlExecutor, SqlStore } from '../store/sqlStore';
import { compileUserPolicy, UserPolicyError } from './userPolicies';

export const orgPolicyMigrations: Migration[] = [
  {
    id: 105,
    name: 'policy: versioned organisation policies',
    up: `
      CREATE TABLE org_policy_versions (
        version INTEGER PRIMARY KEY,
        change TEXT NOT NULL CHECK (change IN ('add', 'remove', 'rollback')),
        name TEXT,
        rolled_back_to INTEGER,
        author TEXT NOT NULL,
        reason TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
      CREATE TABLE org_policy_modules (
        version INTEGER NOT NULL REFERENCES org_policy_versions(version),
        name TEXT NOT NULL,
        rego_code TEXT NOT NULL,
        wasm BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        added_in INTEGER NOT NULL,
        PRIMARY KEY (version, name)
      );
      CREATE TRIGGER org_policy_versions_no_update BEFORE UPDATE ON org_policy_versions
      BEGIN SELECT RAISE(ABORT, 'org_policy_versions is append-only: make a new version instead'); END;
      CREATE TRIGGER org_policy_versions_no_delete BEFORE DELETE ON org_policy_versions
      BEGIN SELECT RAISE(ABORT, 'org_policy_versions is append-only: make a new version instead'); END;
      CREATE TRIGGER org_policy_modules_no_update BEFORE UPDATE ON org_policy_modules
      BEGIN SELECT RAISE(ABORT, 'org_policy_modules is append-only: make a new version instead'); END;
      CREATE TRIGGER org_policy_modules_no_delete BEFORE DELETE ON org_policy_modules
      BEGIN SELECT RAISE(ABORT, 'org_policy_modules is append-only: make a new version instead'); END;
    `,
  },
];

/** Every writer of the organisation's policies takes this lock: versions are numbered one after another. */
const ORG_LOCK = 'paladin.org_policies';

export interface OrgModule {
  name: string;
  sha256: string;
  /** The version that brought in this text of the module. */
  addedIn: number;
  rego?: string;
}

export interface OrgVersion {
  version: number;
  change: 'add' | 'remove' | 'rollback';
  /** The module added or removed. */
  name: string | null;
  rolledBackTo: number | null;
  author: string;
  reason: string;
  createdAt: string;
  modules: OrgModule[];
}

export interface OrgAuthor {
  /** An admin's email (or, on one machine, the owner's login). */
  author: string;
  reason: string;
}

function checkAuthor(who: OrgAuthor): void {
  if (!who.author || who.author.trim() === '') throw new UserPolicyError('Say who makes the change: an admin\'s email.');
  if (!who.reason || who.reason.trim() === '') throw new UserPolicyError('Give a reason for the change (--reason "..."): it is kept with the version and in the audit log.');
  if (who.reason.length > 1000) throw new UserPolicyError(`The reason is ${who.reason.length} characters long; keep it under 1000.`);
}

/** The version in force now; 0 before the first change. */
export async function currentOrgVersion(store: SqlExecutor): Promise<number> {
  const row = await store.get<{ v: number | null }>('SELECT MAX(version) AS v FROM org_policy_versions');
  return Number(row?.v ?? 0);
}

/** The modules of one version, with their compiled WASM, to load. */
export async function orgModulesAt(store: SqlExecutor, version: number): Promise<{ name: string; rego: string; wasm: Buffer }[]> {
  const rows = await store.all<{ name: string; rego_code: string; wasm: Buffer }>('SELECT name, rego_code, wasm FROM org_policy_modules WHERE version = ? ORDER BY name', [version]);
  return rows.map((r) => ({ name: r.name, rego: r.rego_code, wasm: Buffer.from(r.wasm) }));
}

/** Every version, oldest first, each with the modules in force from it on (texts only with `withRego`). */
export async function orgPolicyHistory(store: SqlExecutor, options: { version?: number; withRego?: boolean } = {}): Promise<OrgVersion[]> {
  const where = options.version === undefined ? '' : 'WHERE version = ?';
  const params = options.version === undefined ? [] : [options.version];
  const versions = await store.all<{ version: number; change: OrgVersion['change']; name: string | null; rolled_back_to: number | null; author: string; reason: string; created_at: string }>(
    `SELECT version, change, name, rolled_back_to, author, reason, created_at FROM org_policy_versions ${where} ORDER BY version`, params);
  const modules = await store.all<{ version: number; name: string; sha256: string; added_in: number; rego_code: string }>(
    `SELECT version, name, sha256, added_in, ${options.withRego ? 'rego_code' : "'' AS rego_code"} FROM org_policy_modules ${where} ORDER BY version, name`, params);
  return versions.map((v) => ({
    version: Number(v.version), change: v.change, name: v.name, rolledBackTo: v.rolled_back_to === null ? null : Number(v.rolled_back_to),
    author: v.author, reason: v.reason, createdAt: v.created_at,
    modules: modules.filter((m) => Number(m.version) === Number(v.version)).map((m) => ({ name: m.name, sha256: m.sha256, addedIn: Number(m.added_in), ...(options.withRego ? { rego: m.rego_code } : {}) })),
  }));
}

/** One version of the set, or a clear error. */
export async function orgPolicyVersion(store: SqlExecutor, version: number, withRego = true): Promise<OrgVersion> {
  const [found] = await orgPolicyHistory(store, { version, withRego });
  if (!found) throw new UserPolicyError(`There is no organisation policy version ${version}; \`paladin policy org history\` lists them.`);
  return found;
}

async function newVersion(tx: SqlExecutor, change: OrgVersion['change'], name: string | null, rolledBackTo: number | null, who: OrgAuthor): Promise<number> {
  const version = (await currentOrgVersion(tx)) + 1;
  await tx.run('INSERT INTO org_policy_versions (version, change, name, rolled_back_to, author, reason) VALUES (?, ?, ?, ?, ?, ?)', [version, change, name, rolledBackTo, who.author.trim(), who.reason.trim()]);
  return version;
}

/** Compile the module and make it part of a new version (replacing the module of the same name). */
export async function addOrgPolicy(store: SqlStore, rego: string, who: OrgAuthor, options: { signal?: AbortSignal } = {}): Promise<OrgVersion> {
  checkAuthor(who);
  const { name, wasm } = await compileUserPolicy(rego, { tier: 'org', signal: options.signal });
  const sha256 = createHash('sha256').update(rego).digest('hex');
  const version = await store.transaction(async (tx) => {
    const current = await currentOrgVersion(tx);
    const same = await tx.get('SELECT 1 AS x FROM org_policy_modules WHERE version = ? AND name = ? AND sha256 = ?', [current, name, sha256]);
    if (same) throw new UserPolicyError(`The organisation policy ${name} is in force with exactly this text already (version ${current}); nothing changed.`);
    const next = await newVersion(tx, 'add', name, null, who);
    await tx.run('INSERT INTO org_policy_modules (version, name, rego_code, wasm, sha256, added_in) SELECT ?, name, rego_code, wasm, sha256, added_in FROM org_policy_modules WHERE version = ? AND name <> ?', [next, current, name]);
    await tx.run('INSERT INTO org_policy_modules (version, name, rego_code, wasm, sha256, added_in) VALUES (?, ?, ?, ?, ?, ?)', [next, name, rego, wasm, sha256, next]);
    return next;
  }, { lock: ORG_LOCK });
  return orgPolicyVersion(store, version, false);
}

/** A new version without the module `name`. */
export async function removeOrgPolicy(store: SqlStore, name: string, who: OrgAuthor): Promise<OrgVersion> {
  checkAuthor(who);
  const version = await store.transaction(async (tx) => {
    const current = await currentOrgVersion(tx);
    if (!(await tx.get('SELECT 1 AS x FROM org_policy_modules WHERE version = ? AND name = ?', [current, name]))) {
      throw new UserPolicyError(`No organisation policy named "${name}" is in force (version ${current}); \`paladin policy org list\` shows those that are.`);
    }
    const next = await newVersion(tx, 'remove', name, null, who);
    await tx.run('INSERT INTO org_policy_modules (version, name, rego_code, wasm, sha256, added_in) SELECT ?, name, rego_code, wasm, sha256, added_in FROM org_policy_modules WHERE version = ? AND name <> ?', [next, current, name]);
    return next;
  }, { lock: ORG_LOCK });
  return orgPolicyVersion(store, version, false);
}

/** A new version whose set of modules is version `to`'s. */
export async function rollbackOrgPolicies(store: SqlStore, to: number, who: OrgAuthor): Promise<OrgVersion> {
  checkAuthor(who);
  const version = await store.transaction(async (tx) => {
    const current = await currentOrgVersion(tx);
    if (!Number.isInteger(to) || to < 1 || to > current) throw new UserPolicyError(`Roll back to a version from 1 to ${current} (\`paladin policy org history\` lists them), not ${to}.`);
    if (to === current) throw new UserPolicyError(`Version ${to} is the one in force; nothing to roll back.`);
    const next = await newVersion(tx, 'rollback', null, to, who);
    await tx.run('INSERT INTO org_policy_modules (version, name, rego_code, wasm, sha256, added_in) SELECT ?, name, rego_code, wasm, sha256, added_in FROM org_policy_modules WHERE version = ?', [next, to]);
    return next;
  }, { lock: ORG_LOCK });
  return orgPolicyVersion(store, version, false);
}
