// Model tokens and their cost, recorded per user and per API key: every
// usage a provider reported while a request was served becomes one row, its
// cost priced at that moment with paladin.cost.prices (per 1M tokens), so a
// later change of prices never rewrites what was spent.

import type { ModelUsage } from '../planner/modelUsage';
import type { ModelPrices } from '../settings/settings';
import type { SqlStore } from '../store/sqlStore';

export function costOf(usage: ModelUsage, prices: ModelPrices): number {
  const price = prices[usage.model];
  if (!price) return 0;
  return (usage.promptTokens * price.prompt + usage.completionTokens * price.completion) / 1_000_000;
}

export async function recordModelUsage(store: SqlStore, who: { userId: string; keyId: string | null }, usage: ModelUsage[], prices: ModelPrices, now = Date.now()): Promise<void> {
  const at = new Date(now).toISOString();
  for (const u of usage) {
    await store.run(
      'INSERT INTO model_usage (user_id, api_key_id, provider, model, prompt_tokens, completion_tokens, cost, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [who.userId, who.keyId, u.provider, u.model, u.promptTokens, u.completionTokens, costOf(u, prices), at],
    );
  }
}
