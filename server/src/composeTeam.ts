// One Paladin for a team server: the instance's own stages, except that the
// audit records go to the shared chain and every verdict (checks, runs, and
// the planner's own checks) comes from the shared store's policy tiers: the
// organisation's version in force and each person's own policies; the
// planner's plan cache and retrieval store are the shared store's too.

import { Paladin } from './paladin';
import { createSharedPlannerStage } from './planner';
import { createTeamPolicyStage } from './policy';
import type { TeamStore } from './gateway/teamStore';

export async function teamPaladin(local: Paladin, team: TeamStore): Promise<Paladin> {
  const policy = await createTeamPolicyStage(team.store);
  // The local planner checked its candidates with the local tiers; replace it with one that uses the team's.
  local.stages.planner.dispose();
  const planner = await createSharedPlannerStage(local.db, local.settings, policy, team.store);
  return new Paladin(local.db, local.settings, { ...local.stages, policy, planner, records: team.records(local.stages.records, local.db, { keepSecrets: local.settings.history.keepSecrets }) });
}
