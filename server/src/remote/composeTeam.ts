// Builds a Paladin whose plan, check, explain, history and audit go to a team
// server, while runs execute in this machine's Docker engine on the local
// workspace, gated by the team server's verdict (Paladin.run asks the policy
// stage, which is the server). A refused URL builds nothing: the editor says
// why instead of judging with this machine's policies.

import { Paladin } from '../paladin';
import { createExecutorStage } from '../executor';
import { createExplainerStage } from '../explainer';
import { createPlannerStage } from '../planner';
import { createPolicyStage } from '../policy';
import { createRecordsStage } from '../records';
import { registerSecret } from '../records/secretMask';
import type { Settings } from '../settings/settings';
import { openStore } from '../stageMigrations';
import { RemoteExplainerStage, RemotePlannerStage, RemotePolicyStage, teamLink } from './remoteStages';
import { parseServerUrl } from './serverUrl';
import { TeamClient } from './teamClient';

export async function createTeamPaladin(settings: Settings): Promise<Paladin> {
  const parsed = parseServerUrl(settings.server.url);
  if (!parsed.ok) throw new Error(parsed.reason);
  registerSecret(settings.server.apiKey);
  const client = new TeamClient({ url: parsed.url, host: parsed.host, apiKey: settings.server.apiKey, timeoutMs: Math.max(settings.planner.timeoutMs + 10_000, 30_000) });
  const db = openStore(settings);
  // The local policy stage only serves the local planner's summaries; it never judges here.
  const localPolicy = await createPolicyStage(db, settings);
  const records = createRecordsStage(db, settings);
  const planner = new RemotePlannerStage(client, createPlannerStage(db, settings, localPolicy));
  const executor = createExecutorStage(db, settings);
  const explainer = new RemoteExplainerStage(client, createExplainerStage(db, settings));
  return new Paladin(db, settings, { policy: new RemotePolicyStage(client), planner, executor, explainer, records, team: teamLink(client) });
}
