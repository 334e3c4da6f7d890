// Hourly quotas: each user's `quota_commands_per_hour`, counted per clock
// hour in SQLite. The read and the increment happen in one IMMEDIATE
// transaction, so concurrent requests (from one server or several) cannot
// both take the last unit, and counts survive a restart.

import type { Db } from '../store/database';

const HOUR = 3_600_000;

export type QuotaResult = { ok: true; limit: number; remaining: number; resetAt: number } | { ok: false; limit: number; retryAfterSeconds: number; resetAt: number };

export function consumeQuota(db: Db, userId: string, now = Date.now()): QuotaResult {
  const windowStart = Math.floor(now / HOUR) * HOUR;
  const resetAt = windowStart + HOUR;
  return db
    .transaction((): QuotaResult => {
      const user = db.prepare('SELECT quota_commands_per_hour AS quota FROM users WHERE id = ?').get(userId) as { quota: number } | undefined;
      const limit = user?.quota ?? 0;
      const row = db.prepare('SELECT count FROM api_usage WHERE user_id = ? AND window_start = ?').get(userId, windowStart) as { count: number } | undefined;
      const used = row?.count ?? 0;
      if (used >= limit) return { ok: false, limit, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)), resetAt };
      db.prepare('INSERT INTO api_usage (user_id, window_start, count) VALUES (?, ?, 1) ON CONFLICT (user_id, window_start) DO UPDATE SET count = count + 1').run(userId, windowStart);
      if (!row) db.prepare('DELETE FROM api_usage WHERE user_id = ? AND window_start < ?').run(userId, windowStart - 24 * HOUR);
      return { ok: true, limit, remaining: limit - used - 1, resetAt };
    })
    .immediate();
}

export function usage(db: Db, userId: string, now = Date.now()): number {
  const row = db.prepare('SELECT count FROM api_usage WHERE user_id = ? AND window_start = ?').get(userId, Math.floor(now / HOUR) * HOUR) as { count: number } | undefined;
  return row?.count ?? 0;
}
