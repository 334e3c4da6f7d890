// A real on-disk Paladin store with the records stage, for tests.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stageMigrations } from '../../server/src/compose';
import { createRecordsStage, recordsMigrations, type Records } from '../../server/src/records';
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
  // `dir` for the test's files (it may serve as a workspace) and the data beside
  // it, not inside: a workspace never is, holds or lies in Paladin's data folder.
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-records-'));
  const dir = path.join(base, 'work');
  fs.mkdirSync(dir);
  const dbPath = path.join(base, 'data', 'paladin.db');
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
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
}
