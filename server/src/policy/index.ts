import type { Settings } from '../settings/settings';
import type { Db } from '../store/database';
import type { Migration } from '../store/migrations';
import type { PolicyStage } from '../stages';

export const policyMigrations: Migration[] = [];

export async function createPolicyStage(_db: Db, _settings: Settings): Promise<PolicyStage> {
  throw new Error('The policy stage is not built yet.');
}
