// Child process for the kill-mid-write durability test: appends audit rows
// and takes quota units in a tight loop, printing each one only after its
// transaction committed ("a <id>", "q <count>"). The parent SIGKILLs it at
// random moments.
import { consumeQuota } from '../../server/src/gateway/quota';
import { createRecordsStage, recordsMigrations } from '../../server/src/records';
import { normaliseSettings } from '../../server/src/settings/settings';
import { openDatabase } from '../../server/src/store/database';

const dbPath = process.argv[2];
const { settings } = normaliseSettings({ 'database.path': dbPath, 'audit.checkpointEvery': 7 });
const db = openDatabase(dbPath, { migrations: recordsMigrations });
const records = createRecordsStage(db, settings);
db.prepare("INSERT OR IGNORE INTO users (id, email, quota_commands_per_hour) VALUES ('writer', 'writer@localhost', 1000000000)").run();
const actor = { userId: 'writer', source: 'api' as const, address: '127.0.0.1' };
process.stdout.write('ready\n');
for (let n = 0; ; n++) {
  const row = records.auditLog.append(actor, 'run.end', `h-${n}`, { n, pid: process.pid, output: 'x'.repeat(n % 500), token: 'sk-abcdefghijklmnopqrstuvwx' });
  process.stdout.write(`a ${row.id}\n`);
  const q = consumeQuota(db, 'writer');
  if (q.ok) process.stdout.write(`q ${q.limit - q.remaining}\n`);
}
