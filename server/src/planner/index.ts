import type { Settings } from '../settings/settings';
import type { Db } from '../store/database';
import type { Migration } from '../store/migrations';
import type { PlannerStage, PolicyStage } from '../stages';

export const plannerMigrations: Migration[] = [];

export function createPlannerStage(_db: Db, _settings: Settings, _policy: PolicyStage): PlannerStage {
  throw new Error('The planner stage is not built yet.');
}
