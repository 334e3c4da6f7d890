// A real on-disk Paladin store with the records stage, for tests.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stageMigrations } from '../../server/src/compose';
import { createRecordsStage, recordsMigrations, type Records } from '../../server/src/presenter';
import { normaliseSettings, type Settings } from '../../server/src/settings/settings';
import { localUserId, openDatabase, type Db } from '../../server/src/store/database';

export interface RecordsFixture {
  dir: string;
  dbPath: string;
  db: Db;
  settings: Settings;
  records: Records;
  userId: string;
  close(): void;
}

/** `allStages`: migrate with every stage's migrations (as the product does), for tests that use other real stages. */
export function recordsFixture(raw: Record<string, unknown> = {}, options: { allStages?: boolean } = {}): RecordsFixture {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-records-'));
  const dbPath = path.join(dir, 'paladin.db');
  const { settings } = normaliseSettings({ 'database.path': dbPath, ...raw });
  const db = openDatabase(dbPath, { migrations: options.allStages ? stageMigrations : recordsMigrations });
  const records = createRecordsStage(db, settings);
  return {
    dir,
    dbPath,
    db,
    settings,
    records,
    userId: localUserId(db),
    close: () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
