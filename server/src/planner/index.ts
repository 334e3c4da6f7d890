// planner/: from a request in words to a validated, policy-checked plan.

import type { Settings } from '../settings/settings';
import type { Db } from '../store/database';
import type { PlannerStage, PolicyStage } from '../stages';
import type { SqlStore } from '../store/sqlStore';
import { loadCorpus } from './corpus';
import { PlannerData } from './plannerData';
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

/**
 * The planner stage of a team instance: retrieval and the plan cache on the
 * shared (PostgreSQL) store, so every instance learns into, searches and
 * caches in one place. Resolves once the knowledge corpus is in that store.
 */
export async function createSharedPlannerStage(db: Db, settings: Settings, policy: PolicyStage, store: SqlStore, options: PlannerOptions = {}): Promise<PlannerStage> {
  const corpus = options.corpus ?? loadCorpus(options.knowledgeDir, { strict: false });
  const data = await PlannerData.shared(store, corpus, () => settings.planner.cacheTtlSeconds, options.now);
  return createPlannerStage(db, settings, policy, { ...options, corpus, data: () => data });
}
