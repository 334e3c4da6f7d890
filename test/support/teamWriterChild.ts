// Child process for the shared-store tests and bench: opens the store named
// on the command line (a postgres:// URL or a SQLite path), says "ready",
// and after "go" on stdin either appends `count` audit rows or tries to take
// `count` units of user "shared"'s quota; then prints one JSON line:
// { done, ms } (units actually taken, or rows appended).
import * as readline from 'node:readline';
import { consumeSharedQuota } from '../../server/src/gateway/sharedQuota';
import { recordsMigrations } from '../../server/src/records';
import { SharedAuditLog } from '../../server/src/records/sharedAudit';
import { openSharedStore } from '../../server/src/store/openSharedStore';

const [target, mode, count, keyFile] = process.argv.slice(2);

async function main(): Promise<void> {
  const postgres = target.startsWith('postgres');
  const store = await openSharedStore({ url: postgres ? target : undefined, path: target, migrations: recordsMigrations, poolSize: 2 });
  const audit = mode === 'audit' ? await SharedAuditLog.open(store, keyFile, 16) : undefined;
  process.stdout.write('ready\n');
  await new Promise((resolve) => readline.createInterface({ input: process.stdin }).once('line', resolve));
  const started = performance.now();
  let done = 0;
  for (let i = 0; i < Number(count); i++) {
    if (audit) {
      await audit.append({ userId: 'shared', source: 'api', address: `pid-${process.pid}` }, 'check', `c-${i}`, { i, pid: process.pid });
      done++;
    } else if ((await consumeSharedQuota(store, 'shared')).ok) {
      done++;
    }
  }
  process.stdout.write(JSON.stringify({ done, ms: performance.now() - started }) + '\n');
  await store.close();
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    process.stderr.write(`child failed: ${err.stack}\n`);
    process.exit(1);
  },
);
