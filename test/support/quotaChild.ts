// Child process for the multi-process quota test: after "go" on stdin, tries
// to take `attempts` units of user "shared"'s quota and prints how many it got.
import * as readline from 'node:readline';
import { consumeQuota } from '../../server/src/gateway/quota';
import { recordsMigrations } from '../../server/src/records';
import { openDatabase } from '../../server/src/store/database';

const [dbPath, attempts] = process.argv.slice(2);
const db = openDatabase(dbPath, { migrations: recordsMigrations });
process.stdout.write('ready\n');
readline.createInterface({ input: process.stdin }).once('line', () => {
  let got = 0;
  for (let i = 0; i < Number(attempts); i++) if (consumeQuota(db, 'shared').ok) got++;
  process.stdout.write(`got ${got}\n`);
  db.close();
  process.exit(0);
});
