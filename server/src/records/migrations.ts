// Schema for history outputs and the audit log's protections (ids 500-599,
// shared with the gateway's tables).

import type { Migration } from '../store/migrations';

export const recordMigrations: Migration[] = [
  {
    id: 500,
    name: 'audit log: append-only triggers and keyed checkpoints',
    up: `
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: its rows cannot be changed'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: its rows cannot be deleted'); END;
      CREATE INDEX audit_log_action ON audit_log(action);

      CREATE TABLE audit_checkpoints (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        seq INTEGER NOT NULL,
        hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        mac TEXT NOT NULL
      );
      CREATE INDEX audit_checkpoints_seq ON audit_checkpoints(seq);
      CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
      BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END;
      CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
      BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END;
    `,
  },
  {
    id: 501,
    name: 'history: run details and compressed outputs',
    up: `
      ALTER TABLE command_history ADD COLUMN run_id TEXT;
      ALTER TABLE command_history ADD COLUMN end_message TEXT;
      ALTER TABLE command_history ADD COLUMN output_truncated INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE command_history ADD COLUMN started_at TEXT;
      ALTER TABLE command_history ADD COLUMN finished_at TEXT;
      CREATE INDEX command_history_time ON command_history(created_at);
      CREATE INDEX command_history_status ON command_history(execution_status, created_at);

      CREATE TABLE command_outputs (
        hash TEXT PRIMARY KEY CHECK (length(hash) = 64),
        encoding TEXT NOT NULL CHECK (encoding IN ('br')),
        size INTEGER NOT NULL,
        stored_size INTEGER NOT NULL,
        truncated INTEGER NOT NULL DEFAULT 0 CHECK (truncated IN (0, 1)),
        data BLOB NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT
      );
      CREATE INDEX command_outputs_expiry ON command_outputs(expires_at);
    `,
  },
  {
    id: 502,
    name: 'audit: the signed head, replaced at every append',
    // seq -1: a log written before heads were signed; the first writable open signs its head once.
    up: `
      CREATE TABLE audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL,
        hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        mac TEXT NOT NULL
      );
      INSERT INTO audit_head (id, seq, hash, created_at, mac) SELECT 1, -1, '', '', '' WHERE EXISTS (SELECT 1 FROM audit_log);
    `,
  },
  {
    id: 503,
    name: 'history: run mode, what became of a run\'s changes, and the check of an edited command',
    up: `
      ALTER TABLE command_history ADD COLUMN run_mode TEXT;
      ALTER TABLE command_history ADD COLUMN changes_state TEXT CHECK (changes_state IN ('pending', 'applied', 'discarded', 'undone'));
      ALTER TABLE command_history ADD COLUMN changes_count INTEGER;
      ALTER TABLE command_history ADD COLUMN checked_at TEXT;
      ALTER TABLE command_history ADD COLUMN original_command TEXT;
      CREATE INDEX command_history_run ON command_history(run_id);
    `,
  },
  {
    id: 504,
    name: 'history: the network a run reached (allow-list, connections, refused hosts)',
    up: `ALTER TABLE command_history ADD COLUMN network_log TEXT;`,
  },
];
