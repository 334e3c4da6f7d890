import type { Settings } from '../settings/settings';
import type { Db } from '../store/database';
import type { ExecutorStage } from '../stages';

export function createExecutorStage(_db: Db, _settings: Settings): ExecutorStage {
  throw new Error('The executor stage is not built yet.');
}
