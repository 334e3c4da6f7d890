// The gateway's tables: hourly usage counts for quotas, and the bookkeeping
// columns keys and sessions need (a key's workspaces: a JSON array of real
// paths, NULL for the server's list; its rights: a JSON array of KeyRight).

import type { Migration } from '../store/migrations';

export const gatewayMigrations: Migration[] = [
  {
    id: 550,
    name: 'gateway: usage counts, key and session bookkeeping',
    up: `
      CREATE TABLE api_usage (
        user_id TEXT NOT NULL REFERENCES users(id),
        window_start INTEGER NOT NULL,
        count INTEGER NOT NULL DEFAULT 0 CHECK (count >= 0),
        PRIMARY KEY (user_id, window_start)
      ) WITHOUT ROWID;
      ALTER TABLE api_keys ADD COLUMN last_used_at TEXT;
      CREATE UNIQUE INDEX api_keys_active_name ON api_keys(name) WHERE revoked_at IS NULL;
      ALTER TABLE sessions ADD COLUMN api_key_id TEXT REFERENCES api_keys(id);
      ALTER TABLE sessions ADD COLUMN revoked_at TEXT;
      CREATE INDEX sessions_expiry ON sessions(expires_at);
    `,
  },
  {
    id: 551,
    name: 'gateway: the workspaces and rights an API key holds',
    up: `
      ALTER TABLE api_keys ADD COLUMN workspaces TEXT;
      ALTER TABLE api_keys ADD COLUMN rights TEXT NOT NULL DEFAULT '[]';
    `,
  },
  {
    id: 552,
    name: 'gateway: users can be disabled',
    up: `ALTER TABLE users ADD COLUMN disabled_at TEXT;`,
  },
  {
    id: 560,
    name: 'gateway: model tokens and cost per user and key, budgets per user',
    up: `
      CREATE TABLE model_usage (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        user_id TEXT NOT NULL REFERENCES users(id),
        api_key_id TEXT,
        provider TEXT NOT NULL,
        model TEXT NOT NULL,
        prompt_tokens INTEGER NOT NULL CHECK (prompt_tokens >= 0),
        completion_tokens INTEGER NOT NULL CHECK (completion_tokens >= 0),
        cost REAL NOT NULL DEFAULT 0 CHECK (cost >= 0),
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
      CREATE INDEX model_usage_user_time ON model_usage(user_id, created_at);
      CREATE INDEX model_usage_time ON model_usage(created_at);
      ALTER TABLE users ADD COLUMN budget REAL CHECK (budget IS NULL OR budget >= 0);
      ALTER TABLE users ADD COLUMN budget_period TEXT CHECK (budget_period IS NULL OR budget_period IN ('day', 'month'));
    `,
  },
];
