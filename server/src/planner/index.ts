// planner/: from a request in words to a validated, policy-checked plan.

import type { Settings } from '../settings/settings';
import type { Db } from '../store/database';
import type { PlannerStage, PolicyStage } from '../stages';
import { Planner, type PlannerOptions } from './plannerStage';

export { plannerMigrations } from './migrations';
export { Planner, type PlannerOptions } from './plannerStage';

/**
 * The planner stage. The OpenAI key is `options.apiKey` (the editor passes the
 * one it keeps in SecretStorage) or else the OPENAI_API_KEY environment
 * variable; it is held in memory only.
 */
export function createPlannerStage(db: Db, settings: Settings, policy: PolicyStage, options: PlannerOptions = {}): PlannerStage {
  const apiKey = options.apiKey ?? (process.env.OPENAI_API_KEY?.trim() || undefined);
  return new Planner(db, settings, policy, { ...options, apiKey });
}
