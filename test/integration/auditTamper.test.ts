// Every single-row modification, deletion and reordering of a 10,000-row audit
// log is found by the verifier. Tampering is done the way an attacker with
// the database file would: triggers dropped, rows changed directly in SQLite.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { auditKeyPath, checkpointFilePath } from '../../server/src/records/auditKey';
import { AuditLog, GENESIS_HASH, rowHash, type AuditRow } from '../../server/src/records/audit';
import type { Actor } from '../../server/src/protocol/types';
import { recordsFixture } from '../support/recordsFixture';

const ROWS = 10_000;
const TRIALS_PER_KIND = 100;

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

test('cutting the tail is detected however much of the signing the attacker removes along with it', () => {
  // Each trial: a fresh 200-row log (checkpoints kept in the table every 64
  // rows, as by default), then the last K rows cut, with more and more of
  // what vouches for them removed too.
  const removals: Record<string, string[]> = {
    'rows only': [],
    'rows and the signed head': ['head'],
    'rows, head and the head file': ['head', 'file'],
    'rows, head, file and the checkpoints after the cut': ['head', 'file', 'later-checkpoints'],
    'rows, head, file and every checkpoint': ['head', 'file', 'all-checkpoints'],
    'rows re-hashed from #1, head, file and every checkpoint': ['head', 'file', 'all-checkpoints', 'rehash'],
    'everything, the key file included': ['head', 'file', 'all-checkpoints', 'rehash', 'key'],
  };
  const missed: string[] = [];
  // 71 cuts back to exactly the checkpoint kept in the table at #129.
  for (const cut of [1, 3, 40, 71, 137]) {
    for (const [name, parts] of Object.entries(removals)) {
      const f = recordsFixture({ 'audit.checkpointEvery': 64 });
      try {
        f.db.pragma('synchronous = OFF'); // only to build the log quickly
        for (let i = 0; i < 200; i++) f.records.audit(undefined, 'run.end', `h-${i}`, { i });
        f.db.pragma('synchronous = FULL');
        assert.equal(f.records.auditLog.verify().intact, true);
        const keep = 200 - cut;
        f.db.exec('DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_checkpoints_no_delete;');
        f.db.prepare('DELETE FROM audit_log WHERE seq > ?').run(keep);
        const hasHead = f.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'audit_head'").get();
        if (parts.includes('head') && hasHead) f.db.exec('DELETE FROM audit_head');
        if (parts.includes('file')) fs.rmSync(checkpointFilePath(f.dbPath));
        if (parts.includes('later-checkpoints')) f.db.prepare('DELETE FROM audit_checkpoints WHERE seq > ?').run(keep);
        if (parts.includes('all-checkpoints')) f.db.exec('DELETE FROM audit_checkpoints');
        if (parts.includes('rehash')) {
          let prev = GENESIS_HASH;
          for (const row of f.db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[]) {
            const hash = rowHash(prev, { ...row, details: row.details.replace('"i"', '"j"') });
            f.db.prepare('UPDATE audit_log SET details = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(row.details.replace('"i"', '"j"'), prev, hash, row.seq);
            prev = hash;
          }
        }
        if (parts.includes('key')) fs.rmSync(auditKeyPath(f.dbPath));
        const report = f.records.auditLog.verify();
        if (report.intact) missed.push(`cut ${cut}, ${name}`);
        else assert.ok(['truncated', 'unsigned', 'checkpoint', 'modified'].includes(report.firstBroken!.kind), report.firstBroken!.message);
      } finally {
        f.close();
      }
    }
  }
  assert.deepEqual(missed, [], 'every cut is found');
});

test('no record is ever left unsigned: the head is signed at every append, also across processes\' turns', () => {
  const f = recordsFixture({ 'audit.checkpointEvery': 1000 });
  try {
    for (let i = 1; i <= 50; i++) {
      f.records.audit(undefined, 'check', null, { i });
      const head = f.db.prepare('SELECT seq FROM audit_head').get() as { seq: number };
      assert.equal(head.seq, i);
      assert.equal(JSON.parse(fs.readFileSync(checkpointFilePath(f.dbPath), 'utf8')).seq, i);
    }
    // A row appended by something without the key (the triggers allow inserts).
    const last = f.records.auditLog.rows({ last: 1 })[0];
    const forged = { ...last, id: 'forged', details: '{"command":"ls"}', prev_hash: last.hash };
    f.db.prepare('INSERT INTO audit_log (seq, id, user_id, action, resource, details, ip_address, source, timestamp, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      last.seq + 1, forged.id, forged.user_id, forged.action, forged.resource, forged.details, forged.ip_address, forged.source, forged.timestamp, forged.prev_hash, rowHash(forged.prev_hash, forged));
    const report = f.records.auditLog.verify();
    assert.equal(report.intact, false);
    assert.equal(report.firstBroken!.kind, 'unsigned');
    assert.match(report.firstBroken!.message, /#51-#51 follow the last signed head \(#50\) unsigned/);
  } finally {
    f.close();
  }
});

test('a log whose key file was removed is not signed again with a new key', () => {
  const f = recordsFixture();
  try {
    for (let i = 0; i < 5; i++) f.records.audit(undefined, 'plan', null, { i });
    fs.rmSync(auditKeyPath(f.dbPath));
    // A fresh process, as after a restart: nothing cached.
    const log = new AuditLog(f.db, f.dbPath);
    assert.throws(() => log.append(undefined, 'plan', null, {}), /audit key file .* is missing although this audit log was signed/);
    assert.equal(fs.existsSync(auditKeyPath(f.dbPath)), false, 'no new key was made');
    assert.equal(log.verify().intact, false);
  } finally {
    f.close();
  }
});
