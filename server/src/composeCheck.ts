// A Paladin for one-shot checks (`paladin check`, the agent hooks): the same
// class over the same store, policy and records, without the stages that
// need Docker, models or manuals. Agents call a hook on every command, so
// this path stays small; asking it to plan, run or explain says so plainly.

import { Paladin, RequestError } from './paladin';
import { createPolicyStage } from './policy';
import { createRecordsStage } from './records';
import type { Settings } from './settings/settings';
import { openStore } from './stageMigrations';
import type { ExecutorStage, ExplainerStage, PlannerStage } from './stages';

function notLoaded<T extends object>(stage: string): T {
  return new Proxy({} as T, {
    get(_target, prop) {
      if (prop === 'dispose') return () => Promise.resolve();
      if (prop === 'then' || typeof prop === 'symbol') return undefined;
      return () => {
        throw new RequestError(`The ${stage} is not loaded in a one-shot check; use \`paladin run\`, \`paladin plan\` or \`paladin explain\`.`, 'unavailable');
      };
    },
  });
}

export async function createCheckingPaladin(settings: Settings): Promise<Paladin> {
  const db = openStore(settings);
  try {
    const policy = await createPolicyStage(db, settings);
    const records = createRecordsStage(db, settings, { housekeeping: false });
    return new Paladin(db, settings, {
      policy,
      records,
      planner: notLoaded<PlannerStage>('planner'),
      executor: notLoaded<ExecutorStage>('sandbox'),
      explainer: notLoaded<ExplainerStage>('explainer'),
    });
  } catch (err) {
    db.close();
    throw err;
  }
}
