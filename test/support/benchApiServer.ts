// The API server as its own process, for the records benchmark: the real
// policy stage when it can be built, else the FAKE policy (said in the first
// line of output). Check does not touch the planner or the executor, so those
// are FAKE stages here.
import { createApiServer } from '../../server/src/gateway/httpApi';
import { Paladin } from '../../server/src/paladin';
import { createPolicyStage } from '../../server/src/policy';
import { stageMigrations } from '../../server/src/compose';
import { createRecordsStage } from '../../server/src/records';
import { normaliseSettings } from '../../server/src/settings/settings';
import type { PolicyStage } from '../../server/src/stages';
import { openDatabase } from '../../server/src/store/database';
import { FakeExecutorStage, FakeExplainerStage, FakePlannerStage, FakePolicyStage } from './fakeStages';

async function start(): Promise<void> {
  const { settings } = normaliseSettings({ 'database.path': process.argv[2] });
  const db = openDatabase(settings.database.path, { migrations: stageMigrations });
  let policy: PolicyStage;
  let policyName = 'real policy';
  try {
    policy = await createPolicyStage(db, settings);
  } catch {
    policy = new FakePolicyStage();
    policyName = 'FAKE policy (the real one is not built yet)';
  }
  const records = createRecordsStage(db, settings);
  const paladin = new Paladin(db, settings, { policy, planner: new FakePlannerStage(policy), executor: new FakeExecutorStage(), explainer: new FakeExplainerStage(), records });
  const server = createApiServer({ paladin, port: 0 });
  const { url } = await server.listen();
  process.stdout.write(JSON.stringify({ url, policy: policyName }) + '\n');
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
}

void start();
