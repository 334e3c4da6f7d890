// policy/: parse the command, describe it as facts, and judge the facts with
// the built-in Rego policy (compiled to WASM) plus the user's own policies.

import type { Settings } from '../settings/settings';
import type { Db } from '../store/database';
import type { Migration } from '../store/migrations';
import type { PolicyStage } from '../stages';
import { PolicyEngine, type PolicyEngineOptions } from './engine';
import { enabledUserPolicies } from './userPolicies';

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
];

/**
 * A policy engine without a store: the built-in policy only (plus any user
 * policies given). Cheap after the first call in a process: the compiled
 * built-in policy is loaded once and shared.
 */
export function createPolicyEngine(options: PolicyEngineOptions = {}): Promise<PolicyEngine> {
  return PolicyEngine.create(options);
}

export async function createPolicyStage(db: Db, _settings: Settings): Promise<PolicyStage> {
  const engine = await PolicyEngine.create({ userPolicies: enabledUserPolicies(db) });
  return {
    get version() {
      return engine.version;
    },
    check: (command, options) => engine.check(command, options),
    reload: () => engine.setUserPolicies(enabledUserPolicies(db)),
  };
}
