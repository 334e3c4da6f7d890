// planner/: from a request in words to a validated, policy-checked plan.

import type { Settings } from '../settings/settings';
import type { Db } from '../store/database';
import type { PlannerStage, PolicyStage } from '../stages';
import { Planner, type PlannerOptions } from './plannerStage';

export { plannerMigrations } from './migrations';
export { Planner, type PlannerOptions } from './plannerStage';

/**
 * The planner stage. The OpenAI key is `options.apiKey`, else
 * `settings.openai.apiKey` (the editor puts the one it keeps in SecretStorage
 * there, in memory), else the OPENAI_API_KEY environment variable (the CLI).
 * It is never stored or logged.
 */
export function createPlannerStage(db: Db, settings: Settings, policy: PolicyStage, options: PlannerOptions = {}): PlannerStage {
  const apiKey = options.apiKey ?? (settings.openai.apiKey || process.env.OPENAI_API_KEY?.trim() || undefined);
  return new Planner(db, settings, policy, { ...options, apiKey });
}
