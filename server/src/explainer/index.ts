import Docker from 'dockerode';
import type { Settings } from '../settings/settings';
import type { Db } from '../store/database';
import type { Migration } from '../store/migrations';
import type { ExplainerStage } from '../stages';
import { Explainer } from './explainer';
import { loadKnowledge } from './knowledgeMatch';
import { ManualCache, manualCacheMigrations } from './manualCache';
import { ManualLibrary } from './manualLibrary';

export const explainerMigrations: Migration[] = [...manualCacheMigrations];

export function createExplainerStage(db: Db, settings: Settings, options: { docker?: Docker | null } = {}): ExplainerStage {
  const docker = options.docker === undefined ? new Docker() : options.docker;
  const manuals = new ManualLibrary(new ManualCache(db), { image: settings.sandbox.image, docker });
  return new Explainer(manuals, loadKnowledge());
}

export { Explainer } from './explainer';
export { ManualLibrary } from './manualLibrary';
export { ManualCache } from './manualCache';
