// Child process for the concurrent-append test: after "go" on stdin, appends
// `count` audit rows as fast as it can, then prints "done".
import * as readline from 'node:readline';
import { createRecordsStage, recordsMigrations } from '../../server/src/records';
import { normaliseSettings } from '../../server/src/settings/settings';
import { openDatabase } from '../../server/src/store/database';

const [dbPath, count] = process.argv.slice(2);
const { settings } = normaliseSettings({ 'database.path': dbPath, 'audit.checkpointEvery': 16 });
const db = openDatabase(dbPath, { migrations: recordsMigrations });
const records = createRecordsStage(db, settings);
process.stdout.write('ready\n');
readline.createInterface({ input: process.stdin }).once('line', () => {
  for (let i = 0; i < Number(count); i++) records.audit(undefined, 'concurrent', String(process.pid), { i });
  process.stdout.write('done\n');
  db.close();
  process.exit(0);
});
