// Nothing committed is lost when the process writing the audit log and the
// quota counts is killed mid-write: a child appends in a tight loop and is
// SIGKILLed at random moments, 50 times over one database.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as readline from 'node:readline';
import { test } from 'node:test';
import { usage } from '../../server/src/gateway/quota';
import { recordsFixture } from '../support/recordsFixture';
import { scriptArgs } from '../support/nodeArgs';

const KILLS = 50;

test(`SIGKILL mid-write ${KILLS} times: every reported row is there, the chain verifies, integrity_check is ok`, { timeout: 600_000 }, async () => {
  const f = recordsFixture();
  f.db.close();
  const reported = new Set<string>();
  let lastQuota = 0;
  let seed = 4242;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  try {
    for (let round = 0; round < KILLS; round++) {
      const target = 1 + random(150);
      const child = spawn(process.execPath, scriptArgs('test/support/auditWriterChild.ts', [f.dbPath]), { stdio: ['ignore', 'pipe', 'inherit'] });
      const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
      const lines = readline.createInterface({ input: child.stdout! });
      let seen = 0;
      for await (const line of lines) {
        if (line.startsWith('a ')) reported.add(line.slice(2));
        else if (line.startsWith('q ')) lastQuota = Math.max(lastQuota, Number(line.slice(2)));
        else continue;
        if (++seen === target) {
          // Sometimes at once, sometimes a moment later, so the kill lands at different points of a write.
          if (random(2) === 0) child.kill('SIGKILL');
          else setTimeout(() => child.kill('SIGKILL'), random(5));
        }
      }
      assert.equal(await exited, 'SIGKILL', `round ${round}: the child was killed, not finished`);

      const { openDatabase } = await import('../../server/src/store/database');
      const { recordsMigrations, createRecordsStage } = await import('../../server/src/records');
      const db = openDatabase(f.dbPath, { migrations: recordsMigrations });
      try {
        assert.equal(db.pragma('integrity_check', { simple: true }), 'ok', `round ${round}`);
        const ids = new Set((db.prepare('SELECT id FROM audit_log').all() as { id: string }[]).map((r) => r.id));
        const lost = [...reported].filter((id) => !ids.has(id));
        assert.deepEqual(lost, [], `round ${round}: committed rows lost`);
        const report = createRecordsStage(db, { ...f.settings }).auditLog.verify();
        assert.equal(report.intact, true, `round ${round}: ${report.firstBroken?.message}`);
        const used = usage(db, 'writer');
        assert.ok(used >= lastQuota && used <= lastQuota + 1, `round ${round}: quota count ${used}, last reported ${lastQuota}`);
        const leaked = db.prepare("SELECT count(*) AS n FROM audit_log WHERE details LIKE '%sk-abcdef%'").get() as { n: number };
        assert.equal(leaked.n, 0);
      } finally {
        db.close();
      }
    }
    console.log(`${KILLS} kills, ${reported.size} reported rows all present, last quota count ${lastQuota}`);
  } finally {
    f.close();
  }
});
