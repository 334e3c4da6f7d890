// Model budgets per user: an amount (in the currency of paladin.cost.prices)
// a user may spend on language models per day or per calendar month (UTC).
// A user whose spend reached the budget is refused model planning with 429
// until the period renews; the request that crosses the line still finishes,
// so a budget can be overshot by one request's cost (and, across instances,
// by the requests in flight at that moment).

import type { SqlStore } from '../store/sqlStore';
import { HttpError } from './httpError';
import { KeyError } from './apiKeys';

export type BudgetPeriod = 'day' | 'month';
export const BUDGET_PERIODS: BudgetPeriod[] = ['day', 'month'];

export interface BudgetState {
  email: string | null;
  budget: number | null;
  period: BudgetPeriod;
  spent: number;
  since: string;
  renewsAt: string;
}

/** The start of the period holding `now` and of the next one, in UTC. */
export function periodBounds(period: BudgetPeriod, now: number): { start: Date; end: Date } {
  const d = new Date(now);
  if (period === 'day') {
    const start = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
    return { start, end: new Date(start.getTime() + 86_400_000) };
  }
  return { start: new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)), end: new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)) };
}

export async function budgetState(store: SqlStore, userId: string, now = Date.now()): Promise<BudgetState | undefined> {
  const user = await store.get<{ email: string | null; budget: number | null; period: string | null }>('SELECT email, budget, budget_period AS period FROM users WHERE id = ?', [userId]);
  if (!user) return undefined;
  const period: BudgetPeriod = user.period === 'day' ? 'day' : 'month';
  const { start, end } = periodBounds(period, now);
  const row = await store.get<{ spent: number | string | null }>('SELECT SUM(cost) AS spent FROM model_usage WHERE user_id = ? AND created_at >= ?', [userId, start.toISOString()]);
  return { email: user.email, budget: user.budget === null ? null : Number(user.budget), period, spent: Number(row?.spent ?? 0), since: start.toISOString(), renewsAt: end.toISOString() };
}

/** Refuses with 429 when the user's budget for this period is spent; no budget set means no limit. */
export async function enforceBudget(store: SqlStore, userId: string, now = Date.now()): Promise<void> {
  const state = await budgetState(store, userId, now);
  if (!state || state.budget === null || state.spent < state.budget) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(state.renewsAt) - now) / 1000));
  const who = state.email ?? 'this user';
  throw new HttpError(
    429,
    'budget',
    `The model budget of ${money(state.budget)} a ${state.period} for ${who} is spent (${money(state.spent)} since ${state.since}); planning with a language model is refused until it renews at ${state.renewsAt}. The embedded planner ("planner": "embedded") still answers, and an admin can raise the budget: paladin users budget ${state.email ?? 'EMAIL'} AMOUNT.`,
    { retryAfterSeconds, budget: { amount: state.budget, period: state.period, spent: state.spent, since: state.since, renewsAt: state.renewsAt } },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

/** Set (or with `amount` null, remove) a user's budget. */
export async function setBudget(store: SqlStore, email: string, amount: number | null, period: BudgetPeriod): Promise<{ id: string; email: string; budget: number | null; period: BudgetPeriod }> {
  if (amount !== null && (!Number.isFinite(amount) || amount < 0)) throw new KeyError(`The budget must be a number of 0 or more, not ${amount}.`);
  if (!BUDGET_PERIODS.includes(period)) throw new KeyError(`The budget period must be day or month, not "${String(period)}".`);
  const changed = await store.run('UPDATE users SET budget = ?, budget_period = ? WHERE email = ?', [amount, amount === null ? null : period, email]);
  if (changed === 0) throw new KeyError(`No user has the email ${email}; \`paladin users list\` shows them.`);
  const row = await store.get<{ id: string }>('SELECT id FROM users WHERE email = ?', [email]);
  return { id: row!.id, email, budget: amount, period };
}

export function money(n: number): string {
  return n >= 1 ? n.toFixed(2) : n.toPrecision(3).replace(/\.?0+$/, '') || '0';
}
