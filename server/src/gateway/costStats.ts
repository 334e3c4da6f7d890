// What `paladin stats` prints: model tokens and cost by user, key, day (UTC)
// and model, from the rows the cost ledger wrote.

import type { SqlStore } from '../store/sqlStore';

export interface UsageRow {
  user: string;
  key: string | null;
  day: string;
  model: string;
  requests: number;
  promptTokens: number;
  completionTokens: number;
  cost: number;
}

export async function usageStats(store: SqlStore, options: { since?: Date } = {}): Promise<UsageRow[]> {
  const rows = await store.all<Record<keyof UsageRow, string | number | null>>(
    `SELECT COALESCE(u.email, m.user_id) AS "user", k.name AS "key", substr(m.created_at, 1, 10) AS "day", m.model AS "model",
       count(*) AS "requests", SUM(m.prompt_tokens) AS "promptTokens", SUM(m.completion_tokens) AS "completionTokens", SUM(m.cost) AS "cost"
     FROM model_usage m LEFT JOIN users u ON u.id = m.user_id LEFT JOIN api_keys k ON k.id = m.api_key_id
     WHERE m.created_at >= ?
     GROUP BY COALESCE(u.email, m.user_id), k.name, substr(m.created_at, 1, 10), m.model
     ORDER BY 3, 1, 2, 4`,
    [(options.since ?? new Date(0)).toISOString()],
  );
  // PostgreSQL sums integers as numeric and counts as bigint: both arrive as text.
  return rows.map((r) => ({
    user: String(r.user),
    key: r.key === null ? null : String(r.key),
    day: String(r.day),
    model: String(r.model),
    requests: Number(r.requests),
    promptTokens: Number(r.promptTokens),
    completionTokens: Number(r.completionTokens),
    cost: Number(r.cost),
  }));
}
