// The gateway's side of model cost: before a request that may plan with a
// language model, the user's budget must not be spent; while it is served,
// the tokens the models report are collected, then recorded against the
// user and the key that asked (and handed to the metrics).

import { collectModelUsage, type ModelUsage } from '../planner/modelUsage';
import type { ModelPrices } from '../settings/settings';
import type { Db } from '../store/database';
import { sqlStoreOf, type SqlStore } from '../store/sqlStore';
import { enforceBudget } from './budgets';
import { recordModelUsage } from './costLedger';
import type { Endpoint } from './endpoints';

export class Spending {
  private readonly store: SqlStore;

  constructor(
    db: Db | SqlStore,
    private readonly prices: () => ModelPrices,
    private readonly observe?: (usage: ModelUsage[]) => void,
  ) {
    this.store = sqlStoreOf(db);
  }

  /** Planning may ask a model unless the embedded planner was chosen; nothing else spends. */
  async refuseWhenSpent(endpoint: Endpoint, userId: string, body: Record<string, unknown>): Promise<void> {
    if (endpoint.operationId !== 'plan' || body.planner === 'embedded') return;
    await enforceBudget(this.store, userId);
  }

  track<T>(who: { userId: string; keyId: string | null }, fn: () => Promise<T>): Promise<T> {
    return collectModelUsage(fn, async (usage) => {
      this.observe?.(usage);
      await recordModelUsage(this.store, who, usage, this.prices());
    });
  }
}
