// executor/: runs commands in locked-down, single-use Docker containers.
import type { Settings } from '../settings/settings';
import type { Db } from '../store/database';
import type { ExecutorStage } from '../stages';
import { Executor } from './executor';

export { Executor } from './executor';

/** The executor keeps no rows of its own: history and audit belong to the records stage. */
export const executorMigrations = [];

export function createExecutorStage(_db: Db, settings: Settings): ExecutorStage {
  const executor = new Executor(settings);
  // The start-up sweep runs in the background; the first run waits for it and reports its failure.
  executor.startup().catch(() => undefined);
  return executor;
}
