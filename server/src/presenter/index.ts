import type { Settings } from '../settings/settings';
import type { Db } from '../store/database';
import type { Migration } from '../store/migrations';
import type { RecordsStage } from '../stages';

export const recordsMigrations: Migration[] = [];

export function createRecordsStage(_db: Db, _settings: Settings): RecordsStage {
  throw new Error('The records stage is not built yet.');
}
