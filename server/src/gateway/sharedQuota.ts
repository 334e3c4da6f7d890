// Hourly quotas on the shared store, exact across any number of instances:
// taking a unit is one statement (an upsert that increments only while the
// count is below the user's quota, and returns the new count), so the
// database's row lock on the counter decides and no two instances can both
// take the last unit. The same statement runs on SQLite and PostgreSQL.

import type { SqlStore } from '../store/sqlStore';
import type { QuotaResult } from './quota';

const HOUR = 3_600_000;

const TAKE_UNIT = `INSERT INTO api_usage (user_id, window_start, count)
  SELECT id, ?, 1 FROM users WHERE id = ? AND quota_commands_per_hour > 0
  ON CONFLICT (user_id, window_start) DO UPDATE SET count = api_usage.count + 1
  WHERE api_usage.count < (SELECT quota_commands_per_hour FROM users WHERE id = excluded.user_id)
  RETURNING count`;

export async function consumeSharedQuota(store: SqlStore, userId: string, now = Date.now()): Promise<QuotaResult> {
  const windowStart = Math.floor(now / HOUR) * HOUR;
  const resetAt = windowStart + HOUR;
  const taken = await store.all<{ count: number }>(TAKE_UNIT, [windowStart, userId]);
  const user = await store.get<{ quota: number }>('SELECT quota_commands_per_hour AS quota FROM users WHERE id = ?', [userId]);
  const limit = user?.quota ?? 0;
  if (taken.length === 0) return { ok: false, limit, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)), resetAt };
  // The first unit of a new hour clears counters older than a day.
  if (taken[0].count === 1) await store.run('DELETE FROM api_usage WHERE user_id = ? AND window_start < ?', [userId, windowStart - 24 * HOUR]);
  return { ok: true, limit, remaining: Math.max(0, limit - taken[0].count), resetAt };
}

export async function sharedUsage(store: SqlStore, userId: string, now = Date.now()): Promise<number> {
  const row = await store.get<{ count: number }>('SELECT count FROM api_usage WHERE user_id = ? AND window_start = ?', [userId, Math.floor(now / HOUR) * HOUR]);
  return row?.count ?? 0;
}
