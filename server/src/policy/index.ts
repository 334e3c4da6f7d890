// policy/: parse the command, describe it as facts, and judge the facts with
// the built-in Rego policy (compiled to WASM) plus the user's own policies.

import type { Settings } from '../settings/settings';
import type { Db } from '../store/database';
import type { Migration } from '../store/migrations';
import type { PolicyStage } from '../stages';
import { sqlStoreOf, type SqlStore } from '../store/sqlStore';
import { PolicyEngine, type PolicyEngineOptions } from './engine';
import { orgPolicyMigrations } from './orgPolicies';
import { TieredPolicyStage } from './tieredStage';

export { PolicyEngine, type PolicyEngineOptions, type UserPolicy } from './engine';
export { describeCommand } from './facts';
export type { Facts, CommandFact } from './factsTypes';

export const policyMigrations: Migration[] = [
  {
    id: 100,
    name: 'compiled user policies',
    up: `
      ALTER TABLE safety_policies ADD COLUMN wasm BLOB;
      ALTER TABLE safety_policies ADD COLUMN entry TEXT;
    `,
  },
  ...orgPolicyMigrations,
];

/**
 * A policy engine without a store: the built-in policy only (plus any user
 * policies given). Cheap after the first call in a process: the compiled
 * built-in policy is loaded once and shared.
 */
export function createPolicyEngine(options: PolicyEngineOptions = {}): Promise<PolicyEngine> {
  return PolicyEngine.create(options);
}

/**
 * The policy stage on one machine: the built-in policy, the organisation's
 * policies and the owner's own, all read from the local store at each check.
 */
export async function createPolicyStage(db: Db, _settings: Settings): Promise<PolicyStage> {
  return new TieredPolicyStage(await PolicyEngine.create(), sqlStoreOf(db), { own: 'all' });
}

/** The policy stage of a team server: organisation policies and each person's own, from the shared store. */
export async function createTeamPolicyStage(store: SqlStore): Promise<TieredPolicyStage> {
  return new TieredPolicyStage(await PolicyEngine.create(), store, { own: 'user' });
}
