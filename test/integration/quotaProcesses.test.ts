// The quota cannot be double-spent by several server processes sharing one
// database: check-and-increment is one IMMEDIATE transaction.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import * as readline from 'node:readline';
import { test } from 'node:test';
import { usage } from '../../server/src/gateway/quota';
import { recordsFixture } from '../support/recordsFixture';
import { clearOfHourTurn } from '../support/waitFor';
import { scriptArgs } from '../support/nodeArgs';

test('4 processes racing for 17 units of quota get exactly 17 between them', { timeout: 60_000 }, async () => {
  const f = recordsFixture();
  f.db.prepare("INSERT INTO users (id, email, quota_commands_per_hour) VALUES ('shared', 'shared@localhost', 17)").run();
  await clearOfHourTurn();
  try {
    const children = Array.from({ length: 4 }, () => spawn(process.execPath, scriptArgs('test/support/quotaChild.ts', [f.dbPath, '10']), { stdio: ['pipe', 'pipe', 'inherit'] }));
    const readers = children.map((c) => readline.createInterface({ input: c.stdout! })[Symbol.asyncIterator]());
    for (const r of readers) assert.equal((await r.next()).value, 'ready');
    for (const c of children) c.stdin!.write('go\n');
    const got = await Promise.all(readers.map(async (r) => Number(String((await r.next()).value).replace('got ', ''))));
    await Promise.all(children.map((c) => (c.exitCode === null ? once(c, 'exit') : undefined)));
    assert.equal(got.reduce((a, b) => a + b, 0), 17, `per process: ${got.join(', ')}`);
    assert.equal(usage(f.db, 'shared'), 17);
  } finally {
    f.close();
  }
});
