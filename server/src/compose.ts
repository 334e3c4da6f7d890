// Builds one Paladin from settings: opens the store and creates each stage.
// Shared by the language server, the CLI and the HTTP API.

import { Paladin } from './paladin';
import type { Settings } from './settings/settings';
import { createPolicyStage } from './policy';
import { createPlannerStage } from './planner';
import { createExecutorStage } from './executor';
import { createExplainerStage } from './explainer';
import { createRecordsStage } from './records';
import { openStore } from './stageMigrations';
import { createTeamPaladin } from './remote/composeTeam';

export { openStore, stageMigrations } from './stageMigrations';

export async function createPaladin(settings: Settings): Promise<Paladin> {
  if (settings.server.url) return createTeamPaladin(settings);
  const db = openStore(settings);
  const policy = await createPolicyStage(db, settings);
  const records = createRecordsStage(db, settings);
  const planner = createPlannerStage(db, settings, policy);
  const executor = createExecutorStage(db, settings);
  const explainer = createExplainerStage(db, settings);
  return new Paladin(db, settings, { policy, planner, executor, explainer, records });
}
