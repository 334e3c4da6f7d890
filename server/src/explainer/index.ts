import type { Settings } from '../settings/settings';
import type { Db } from '../store/database';
import type { Migration } from '../store/migrations';
import type { ExplainerStage } from '../stages';

export const explainerMigrations: Migration[] = [];

export function createExplainerStage(_db: Db, _settings: Settings): ExplainerStage {
  throw new Error('The explainer stage is not built yet.');
}
