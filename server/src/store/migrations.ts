// Versioned schema migrations. Each runs in its own transaction and is
// recorded in `schema_migrations`; a migration that fails rolls back and
// leaves the database exactly as it was. Ids are applied in ascending order,
// each once; never edit a migration that has shipped, add a new one.

export interface Migration {
  id: number;
  name: string;
  up: string;
}

export const migrations: Migration[] = [
  {
    id: 1,
    name: 'core data model',
    up: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT UNIQUE,
        password_hash TEXT,
        role TEXT NOT NULL DEFAULT 'user' CHECK (role IN ('owner', 'admin', 'user')),
        quota_commands_per_hour INTEGER NOT NULL DEFAULT 120 CHECK (quota_commands_per_hour >= 0),
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        last_login TEXT
      );

      CREATE TABLE command_history (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        query TEXT NOT NULL,
        planned_command TEXT NOT NULL,
        reasoning TEXT NOT NULL DEFAULT '',
        execution_status TEXT NOT NULL DEFAULT 'planned',
        exit_code INTEGER,
        output_hash TEXT,
        execution_time_ms INTEGER,
        planner TEXT,
        policy_decision TEXT,
        workspace TEXT,
        source TEXT NOT NULL DEFAULT 'cli',
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
      CREATE INDEX command_history_user_time ON command_history(user_id, created_at);

      CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        key_hash TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        expires_at TEXT,
        revoked_at TEXT,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );

      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        token_hash TEXT NOT NULL UNIQUE,
        expires_at TEXT NOT NULL,
        ip_address TEXT,
        user_agent TEXT,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        user_id TEXT REFERENCES users(id),
        action TEXT NOT NULL,
        resource TEXT,
        details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details)),
        ip_address TEXT,
        source TEXT,
        timestamp TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );

      CREATE TABLE safety_policies (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        rego_code TEXT NOT NULL,
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        version INTEGER NOT NULL DEFAULT 1,
        created_by TEXT REFERENCES users(id),
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        UNIQUE (name, version)
      );

      CREATE TABLE command_embeddings (
        id TEXT PRIMARY KEY,
        user_id TEXT REFERENCES users(id),
        command TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        embedder TEXT,
        usage_count INTEGER NOT NULL DEFAULT 0,
        success_rate REAL NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        UNIQUE (user_id, command)
      );
    `,
  },
];
