// A person's own policies on a team server: the same safety_policies table as
// on one machine, in the shared store, each row belonging to the user who
// added it (created_by). They apply to that person's checks and runs only,
// and can only make a verdict stricter (tiers.ts): their waivers are not read.
// Versions count per policy name across the team, so two people may both have
// a policy called no_npm without their versions colliding.

import { randomUUID } from 'node:crypto';
import type { SqlStore } from '../store/sqlStore';
import { compileUserPolicy, USER_ENTRY, UserPolicyError, type UserPolicyRow } from './userPolicies';

const LOCK = 'paladin.safety_policies';

type Row = Omit<UserPolicyRow, 'enabled'> & { enabled: number };

async function rowsOf(store: SqlStore, userId: string, name?: string): Promise<UserPolicyRow[]> {
  const rows = await store.all<Row>(
    `SELECT id, name, version, enabled, created_at FROM safety_policies WHERE created_by = ?${name === undefined ? '' : ' AND name = ?'} ORDER BY name, version`,
    name === undefined ? [userId] : [userId, name],
  );
  return rows.map((r) => ({ ...r, version: Number(r.version), enabled: Number(r.enabled) === 1 }));
}

export function listMemberPolicies(store: SqlStore, userId: string): Promise<UserPolicyRow[]> {
  return rowsOf(store, userId);
}

/** Compile and store the next version of the person's policy, enabled alone among their versions of it. */
export async function addMemberPolicy(store: SqlStore, userId: string, rego: string, options: { signal?: AbortSignal } = {}): Promise<UserPolicyRow> {
  const { name, wasm } = await compileUserPolicy(rego, { signal: options.signal });
  const id = randomUUID();
  await store.transaction(async (tx) => {
    const row = await tx.get<{ v: number | null }>('SELECT MAX(version) AS v FROM safety_policies WHERE name = ?', [name]);
    await tx.run('UPDATE safety_policies SET enabled = 0 WHERE name = ? AND created_by = ?', [name, userId]);
    await tx.run('INSERT INTO safety_policies (id, name, rego_code, enabled, version, created_by, wasm, entry) VALUES (?, ?, ?, 1, ?, ?, ?, ?)', [id, name, rego, Number(row?.v ?? 0) + 1, userId, wasm, USER_ENTRY]);
  }, { lock: LOCK });
  return (await rowsOf(store, userId, name)).find((r) => r.id === id)!;
}

/** Enable one version of the person's policy (the newest unless given), or disable it. */
export async function setMemberPolicyEnabled(store: SqlStore, userId: string, name: string, enabled: boolean, version?: number): Promise<UserPolicyRow> {
  const rows = await rowsOf(store, userId, name);
  if (rows.length === 0) throw new UserPolicyError(`You have no policy named "${name}". \`paladin policy list\` shows yours.`);
  const target = version === undefined ? rows[rows.length - 1] : rows.find((r) => r.version === version);
  if (!target) throw new UserPolicyError(`Your policy "${name}" has no version ${version}; it has ${rows.map((r) => r.version).join(', ')}.`);
  await store.transaction(async (tx) => {
    if (enabled || version === undefined) await tx.run('UPDATE safety_policies SET enabled = 0 WHERE name = ? AND created_by = ?', [name, userId]);
    if (enabled || version !== undefined) await tx.run('UPDATE safety_policies SET enabled = ? WHERE id = ?', [enabled ? 1 : 0, target.id]);
  }, { lock: LOCK });
  return (await rowsOf(store, userId, name)).find((r) => r.id === target.id)!;
}
