// Several processes appending to one audit log at once never fork the chain.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as readline from 'node:readline';
import { test } from 'node:test';
import { recordsFixture } from '../support/recordsFixture';
import { scriptArgs } from '../support/nodeArgs';

test('4 processes appending 150 audit rows each at once leave one intact chain of 600', { timeout: 120_000 }, async () => {
  const f = recordsFixture({ 'audit.checkpointEvery': 16 });
  try {
    const children = Array.from({ length: 4 }, () => spawn(process.execPath, scriptArgs('test/support/auditAppendChild.ts', [f.dbPath, '150']), { stdio: ['pipe', 'pipe', 'inherit'] }));
    const readers = children.map((c) => readline.createInterface({ input: c.stdout! })[Symbol.asyncIterator]());
    for (const r of readers) assert.equal((await r.next()).value, 'ready');
    for (const c of children) c.stdin!.write('go\n');
    for (const r of readers) assert.equal((await r.next()).value, 'done');
    const report = f.records.auditLog.verify();
    assert.equal(report.intact, true, report.firstBroken?.message);
    assert.equal(report.records, 600);
    assert.ok(report.checkpoints >= 600 / 16 - 1, `checkpoints: ${report.checkpoints}`);
    const writers = f.db.prepare("SELECT count(DISTINCT resource) AS n FROM audit_log WHERE action = 'concurrent'").get() as { n: number };
    assert.equal(writers.n, 4);
    // Interleaved, not one after the other: the appends really raced.
    const order = (f.db.prepare('SELECT resource FROM audit_log ORDER BY seq').all() as { resource: string }[]).map((r) => r.resource);
    const switches = order.filter((r, i) => i > 0 && r !== order[i - 1]).length;
    console.log(`writer switches along the chain: ${switches}`);
  } finally {
    f.close();
  }
});
