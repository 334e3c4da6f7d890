// Every single-row modification, deletion and reordering of a 10,000-row audit
// log is found by the verifier. Tampering is done the way an attacker with
// the database file would: triggers dropped, rows changed directly in SQLite.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor } from '../../server/src/protocol/types';
import { recordsFixture } from '../support/recordsFixture';

const ROWS = 10_000;
const TRIALS_PER_KIND = 250;

test(`single-row tampering with a ${ROWS}-row audit log is always detected`, { timeout: 300_000 }, () => {
  const f = recordsFixture({ 'audit.checkpointEvery': 500 });
  try {
    const actor: Actor = { userId: f.userId, source: 'api', address: '127.0.0.1' };
    f.db.pragma('synchronous = OFF'); // only to build the log quickly
    const actions = ['plan', 'check', 'run.start', 'run.end', 'apply'];
    for (let i = 0; i < ROWS; i++) f.records.audit(actor, actions[i % actions.length], `h-${i}`, { command: `echo ${i}`, decision: 'allow', rules: [] });
    f.records.auditLog.checkpoint();
    f.db.pragma('synchronous = FULL');
    f.db.pragma('foreign_keys = OFF'); // as an attacker would, to write any user id

    const clean = f.records.auditLog.verify();
    assert.equal(clean.intact, true, clean.firstBroken?.message);
    assert.equal(clean.records, ROWS);
    console.log(`verify of ${ROWS} rows: ${clean.ms.toFixed(1)} ms`);

    // Positions: both ends, checkpoint boundaries, then random ones.
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return 1 + (seed % n);
    };
    const positions = [1, 2, 499, 500, 501, ROWS - 1, ROWS];
    while (positions.length < TRIALS_PER_KIND) positions.push(random(ROWS));

    const columns = ['action', 'details', 'user_id', 'resource', 'timestamp', 'source', 'ip_address', 'id', 'prev_hash', 'hash'];
    const tamper: Record<string, (seq: number, trial: number) => void> = {
      modify: (seq, trial) => {
        const column = columns[trial % columns.length];
        const value = column === 'details' ? '{"command":"rm -rf /"}' : column === 'timestamp' ? '2020-01-01T00:00:00.000Z' : column.endsWith('hash') ? 'f'.repeat(64) : `forged-${trial}`;
        f.db.prepare(`UPDATE audit_log SET ${column} = ? WHERE seq = ?`).run(value, seq);
      },
      delete: (seq) => {
        f.db.prepare('DELETE FROM audit_log WHERE seq = ?').run(seq);
      },
      reorder: (seq) => {
        const other = seq === ROWS ? seq - 1 : seq + 1 + (seq % 7 === 0 ? 5 : 0) > ROWS ? ROWS : seq + 1 + (seq % 7 === 0 ? 5 : 0);
        f.db.prepare('UPDATE audit_log SET seq = -1 WHERE seq = ?').run(seq);
        f.db.prepare('UPDATE audit_log SET seq = ? WHERE seq = ?').run(seq, other);
        f.db.prepare('UPDATE audit_log SET seq = ? WHERE seq = -1').run(other);
      },
    };
    const detected: Record<string, number> = {};
    const times: number[] = [];
    for (const [kind, change] of Object.entries(tamper)) {
      detected[kind] = 0;
      positions.forEach((seq, trial) => {
        f.db.exec('BEGIN; DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
        try {
          change(seq, trial);
          const report = f.records.auditLog.verify();
          times.push(report.ms);
          if (!report.intact) {
            detected[kind]++;
            // The first broken link is at the tampered row or the one after it.
            assert.ok(report.firstBroken!.seq >= seq - 1 && report.firstBroken!.seq <= seq + 7, `${kind} at #${seq}: reported #${report.firstBroken!.seq}`);
          }
        } finally {
          f.db.exec('ROLLBACK');
        }
      });
    }
    console.log(`detected: ${JSON.stringify(detected)} of ${positions.length} each; verify median ${times.sort((a, b) => a - b)[times.length >> 1].toFixed(1)} ms`);
    for (const kind of Object.keys(tamper)) assert.equal(detected[kind], positions.length, `${kind}: ${detected[kind]}/${positions.length} detected`);
    assert.equal(f.records.auditLog.verify().intact, true, 'rolled back to the intact log');
  } finally {
    f.close();
  }
});
