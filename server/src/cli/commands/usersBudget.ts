// `paladin users budget EMAIL AMOUNT|none [--per day|month]`: what a user's
// planning may spend on language models, read and checked here, set in the
// store and recorded in the audit log.

import { BUDGET_PERIODS, money, setBudget, type BudgetPeriod } from '../../gateway/budgets';
import type { Db } from '../../store/database';
import { sqlStoreOf, type SqlStore } from '../../store/sqlStore';
import { printJson, UsageError, Exit, type CliContext } from '../command';

export interface BudgetArgs {
  email: string;
  amount: number | null;
  period: BudgetPeriod;
}

export function budgetCommandArgs(email: string | undefined, amount: string | undefined, per: unknown): BudgetArgs {
  if (!email || amount === undefined) throw new UsageError('give the user\'s email and the amount: paladin users budget EMAIL AMOUNT [--per day|month] (AMOUNT none removes the budget)');
  const period = (per ?? 'month') as BudgetPeriod;
  if (!BUDGET_PERIODS.includes(period)) throw new UsageError(`--per must be day or month, not "${String(per)}"`);
  if (amount === 'none') return { email, amount: null, period };
  const value = Number(amount);
  if (!/^\d+(\.\d+)?$/.test(amount) || !Number.isFinite(value) || value > 1e9) throw new UsageError(`the budget must be an amount such as 5 or 12.50 (in the currency of paladin.cost.prices), or none; not "${amount}"`);
  return { email, amount: value, period };
}

export async function setUserBudget(
  ctx: CliContext,
  store: Db | SqlStore,
  args: BudgetArgs,
  audit: (action: string, resource: string, details: Record<string, unknown>) => Promise<void>,
  json: boolean,
): Promise<number> {
  const set = await setBudget(sqlStoreOf(store), args.email, args.amount, args.period);
  await audit('user.budget', set.id, { email: set.email, budget: set.budget, period: set.budget === null ? null : set.period });
  if (json) printJson(ctx, set);
  else if (set.budget === null) ctx.out.write(`${set.email} has no model budget now: their planning is not limited by cost.\n`);
  else ctx.out.write(`${set.email} may spend ${money(set.budget)} a ${set.period} on language models (UTC ${set.period === 'day' ? 'days' : 'months'}); past it their planning gets 429 until it renews.\n`);
  return Exit.ok;
}
