// User policies: extra Rego modules kept in the safety_policies table, each
// compiled to its own WASM with the `opa` CLI when it is added. They add rules
// (deny or ask); the engine keeps the strictest decision, so a user policy
// never turns a built-in `deny` into anything milder. One exception, narrow by
// construction: a `waive_ask` set (written by `paladin policy allow-shape`)
// may name built-in `ask` hits, by rule id and command index, that the engine
// then drops for that line; it never drops a deny (see waivers.ts).

import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadPolicy } from '@open-policy-agent/opa-wasm';
import type { Db } from '../store/database';
import type { UserPolicy } from './policyModules';
import { describeCommand } from './facts';
import { compileWasm } from './opaCompiler';

/** The package every user policy is compiled under, wrapping the user's own package. */
export const USER_ENTRY = 'paladin_user_entry';

export interface UserPolicyRow {
  id: string;
  name: string;
  version: number;
  enabled: boolean;
  created_at: string;
}

export class UserPolicyError extends Error {
  override name = 'UserPolicyError';
}

/** `package paladin.user.NAME` → NAME; anything else is refused with what to write instead. */
export function userPackageName(rego: string): string {
  return tierPackageName(rego, 'user');
}

/** `package paladin.TIER.NAME` → NAME, for the user tier or the organisation's (`paladin.org.NAME`). */
export function tierPackageName(rego: string, tier: 'user' | 'org'): string {
  const what = tier === 'org' ? 'An organisation policy' : 'A user policy';
  const m = rego.match(/^\s*package\s+([A-Za-z0-9_.]+)\s*$/m);
  if (!m) throw new UserPolicyError(`The file has no \`package\` line. ${what} starts with \`package paladin.${tier}.<name>\`.`);
  const parts = m[1].split('.');
  if (parts.length !== 3 || parts[0] !== 'paladin' || parts[1] !== tier || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(parts[2])) {
    throw new UserPolicyError(`The package is "${m[1]}"; ${what.toLowerCase()} must be in \`package paladin.${tier}.<name>\` (name: letters, digits, _).`);
  }
  return parts[2];
}

function wrapper(name: string, tier: 'user' | 'org'): string {
  return [
    `package ${USER_ENTRY}`,
    '',
    'import rego.v1',
    '',
    `deny := [h | some h in data.paladin.${tier}.${name}.deny]`,
    '',
    `ask := [h | some h in data.paladin.${tier}.${name}.ask]`,
    '',
    `waive := [h | some h in data.paladin.${tier}.${name}.waive_ask]`,
    '',
  ].join('\n');
}

/** Compile a user policy's Rego to WASM and check that it answers with rule lists. */
export async function compileUserPolicy(rego: string, options: { signal?: AbortSignal; tier?: 'user' | 'org' } = {}): Promise<{ name: string; wasm: Buffer }> {
  const tier = options.tier ?? 'user';
  const name = tierPackageName(rego, tier);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-user-policy-'));
  try {
    fs.writeFileSync(path.join(dir, 'policy.rego'), rego);
    fs.writeFileSync(path.join(dir, 'entry.rego'), wrapper(name, tier));
    const wasm = await compileWasm([path.join(dir, 'policy.rego'), path.join(dir, 'entry.rego')], [`${USER_ENTRY}/deny`, `${USER_ENTRY}/ask`, `${USER_ENTRY}/waive`], { signal: options.signal });
    const loaded = await loadPolicy(wasm);
    const sample = describeCommand('ls -la');
    for (const severity of ['deny', 'ask', 'waive']) {
      const out = loaded.evaluate(sample, `${USER_ENTRY}/${severity}`) as { result?: unknown }[];
      if (!Array.isArray(out?.[0]?.result)) throw new UserPolicyError(`The policy's ${severity === 'waive' ? 'waive_ask' : severity} rules did not evaluate to a set of rule objects.`);
    }
    return { name, wasm };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function addUserPolicy(db: Db, file: string, options: { createdBy?: string; signal?: AbortSignal } = {}): Promise<UserPolicyRow> {
  let rego: string;
  try {
    rego = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UserPolicyError(`Cannot read ${file}: ${(err as Error).message}.`);
  }
  const { name, wasm } = await compileUserPolicy(rego, options);
  const id = randomUUID();
  const insert = db.transaction(() => {
    const row = db.prepare('SELECT MAX(version) AS v FROM safety_policies WHERE name = ?').get(name) as { v: number | null };
    const version = (row.v ?? 0) + 1;
    db.prepare('UPDATE safety_policies SET enabled = 0 WHERE name = ?').run(name);
    db.prepare('INSERT INTO safety_policies (id, name, rego_code, enabled, version, created_by, wasm, entry) VALUES (?, ?, ?, 1, ?, ?, ?, ?)').run(id, name, rego, version, options.createdBy ?? null, wasm, USER_ENTRY);
    return version;
  });
  insert.immediate();
  return getRow(db, id);
}

function getRow(db: Db, id: string): UserPolicyRow {
  const r = db.prepare('SELECT id, name, version, enabled, created_at FROM safety_policies WHERE id = ?').get(id) as Omit<UserPolicyRow, 'enabled'> & { enabled: number };
  return { ...r, enabled: r.enabled === 1 };
}

export function listUserPolicies(db: Db): UserPolicyRow[] {
  return (db.prepare('SELECT id, name, version, enabled, created_at FROM safety_policies ORDER BY name, version').all() as (Omit<UserPolicyRow, 'enabled'> & { enabled: number })[]).map((r) => ({ ...r, enabled: r.enabled === 1 }));
}

/** Enable one version of a policy (the newest unless given; others of that name are disabled), or disable it. */
export function setUserPolicyEnabled(db: Db, name: string, enabled: boolean, version?: number): UserPolicyRow {
  const rows = listUserPolicies(db).filter((r) => r.name === name);
  if (rows.length === 0) throw new UserPolicyError(`There is no user policy named "${name}". \`paladin policy list\` shows them.`);
  const target = version === undefined ? rows[rows.length - 1] : rows.find((r) => r.version === version);
  if (!target) throw new UserPolicyError(`The user policy "${name}" has no version ${version}; it has ${rows.map((r) => r.version).join(', ')}.`);
  db.transaction(() => {
    if (enabled) db.prepare('UPDATE safety_policies SET enabled = 0 WHERE name = ?').run(name);
    if (enabled || version !== undefined) db.prepare('UPDATE safety_policies SET enabled = ? WHERE id = ?').run(enabled ? 1 : 0, target.id);
    else db.prepare('UPDATE safety_policies SET enabled = 0 WHERE name = ?').run(name);
  }).immediate();
  return getRow(db, target.id);
}

export function enabledUserPolicies(db: Db): UserPolicy[] {
  const rows = db.prepare('SELECT name, version, entry, wasm, rego_code FROM safety_policies WHERE enabled = 1 AND wasm IS NOT NULL ORDER BY name, version').all() as { name: string; version: number; entry: string | null; wasm: Buffer; rego_code: string | null }[];
  return rows.map((r) => ({ name: r.name, version: r.version, entry: r.entry ?? USER_ENTRY, wasm: r.wasm, rego: r.rego_code ?? undefined }));
}
