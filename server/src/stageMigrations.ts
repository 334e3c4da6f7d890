// Every stage's database migrations, gathered without loading the stages
// themselves: a one-shot check opens the same store as the editor but must not
// pay for the planner's models or the executor's Docker client.

import { manualCacheMigrations } from './explainer/manualCache';
import { plannerMigrations } from './planner/migrations';
import { policyMigrations } from './policy';
import { recordsMigrations } from './records';
import type { Settings } from './settings/settings';
import { openDatabase } from './store/database';
import type { Migration } from './store/migrations';

export const stageMigrations: Migration[] = [...policyMigrations, ...plannerMigrations, ...manualCacheMigrations, ...recordsMigrations];

export function openStore(settings: Settings) {
  return openDatabase(settings.database.path, { migrations: stageMigrations });
}
