// The CLI's composition of the store and the records stage alone, for
// subcommands that read or write history, the audit log and keys: they need
// neither Docker nor the policy. They read through the stage's read side.

import { openStore } from '../compose';
import { createRecordsStage, type Records } from '../records';
import type { Settings } from '../settings/settings';
import { localUserId, type Db } from '../store/database';

export interface OpenRecords {
  db: Db;
  records: Records;
  userId: string;
  close(): void;
}

export function openRecords(settings: Settings): OpenRecords {
  const db = openStore(settings);
  try {
    const records = createRecordsStage(db, settings);
    return { db, records, userId: localUserId(db), close: () => db.close() };
  } catch (err) {
    db.close();
    throw err;
  }
}
