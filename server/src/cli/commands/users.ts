// `paladin users`: the people a (team) server serves, and their roles.

import { KeyError } from '../../gateway/apiKeys';
import { openTeamStore } from '../../gateway/teamStore';
import { addUser, disableUser, listUsers, TEAM_ROLES, type TeamRole } from '../../gateway/users';
import { money } from '../../gateway/budgets';
import { budgetCommandArgs, setUserBudget } from './usersBudget';
import { Exit, printJson, UsageError, type Subcommand } from '../command';
import { openRecords } from '../openRecords';

const help = `Usage:
  paladin users add EMAIL [--role admin|member] [--quota N] [--json]
  paladin users list [--json]
  paladin users disable EMAIL
  paladin users budget EMAIL AMOUNT|none [--per day|month]

Users of the HTTP API. An admin manages users and keys; a member uses the
API with keys made for them (paladin keys create NAME --user EMAIL). With
PALADIN_DATABASE_URL set, users live in the shared PostgreSQL database and
count on every instance. Disabling a user refuses their keys and ends their
sessions at once, everywhere; it is recorded in the audit log. A budget
caps what a user's planning may spend on language models per day or per
calendar month (UTC), in the currency of paladin.cost.prices; once spent,
their planning requests are refused with 429 until it renews (the embedded
planner still answers). \`paladin stats\` shows what was spent.

Options:
  --role R     admin or member (default member)
  --quota N    commands per hour (plan, check, run; default 120)
  --per P      the budget's period: day or month (default month)
  --json       machine-readable output
`;

export const usersCommand: Subcommand = {
  name: 'users',
  summary: 'add, list and disable the users of the HTTP API',
  help,
  allowPositionals: true,
  options: { json: { type: 'boolean' }, role: { type: 'string' }, quota: { type: 'string' }, per: { type: 'string' } },
  async run(ctx, { values, positionals }) {
    const [action, email, ...rest] = positionals;
    if (!action || !['add', 'list', 'disable', 'budget'].includes(action)) throw new UsageError(`say what to do with users: add EMAIL, list, disable EMAIL or budget EMAIL AMOUNT${action ? ` (not "${action}")` : ''}`);
    const budget = action === 'budget' ? budgetCommandArgs(email, rest.shift(), values.per) : undefined;
    const extra = rest;
    if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
    if (action !== 'list' && !email) throw new UsageError(`give the user's email: paladin users ${action} EMAIL`);
    const role = (values.role ?? 'member') as TeamRole;
    if (!TEAM_ROLES.includes(role)) throw new UsageError(`--role must be admin or member, not "${String(values.role)}"`);
    const quota = values.quota === undefined ? undefined : Number(values.quota);
    if (quota !== undefined && (!Number.isInteger(quota) || quota < 0 || quota > 1_000_000)) throw new UsageError(`--quota must be a whole number from 0 to 1000000, not "${String(values.quota)}"`);
    const local = openRecords(ctx.settings);
    const team = await openTeamStore(ctx.settings).catch((err: Error) => {
      local.close();
      throw err;
    });
    const store = team?.store ?? local.db;
    const actor = { userId: team ? '' : local.userId, source: 'cli' as const };
    const audit = async (action: string, resource: string, details: Record<string, unknown>) => {
      if (team) await team.append(actor, action, resource, details);
      else local.records.audit(actor, action, resource, details);
    };
    try {
      if (action === 'list') {
        const users = await listUsers(store);
        if (values.json) printJson(ctx, users);
        else if (users.length === 0) ctx.out.write('No users yet. Add one with `paladin users add EMAIL --role member`.\n');
        else for (const u of users) ctx.out.write(`${u.email.padEnd(28)}  ${u.role.padEnd(6)}  ${u.disabledAt ? `disabled ${u.disabledAt}` : 'active'}  ${u.activeKeys} key(s)  quota ${u.quota}/h${u.budget === null ? '' : `  budget ${money(u.budget)}/${u.budgetPeriod}`}\n`);
        return Exit.ok;
      }
      if (budget) return await setUserBudget(ctx, store, budget, audit, values.json === true);
      const user = action === 'add' ? await addUser(store, { email: email!, role, quota }) : await disableUser(store, email!);
      await audit(action === 'add' ? 'user.add' : 'user.disable', user.id, { email: user.email, role: user.role, ...(action === 'add' ? { quota: user.quota } : {}) });
      if (values.json) printJson(ctx, user);
      else ctx.out.write(action === 'add' ? `Added ${user.email} as ${user.role}. Make them a key: paladin keys create NAME --user ${user.email}\n` : `Disabled ${user.email}: their keys are refused and their sessions ended.\n`);
      return Exit.ok;
    } catch (err) {
      if (err instanceof KeyError) {
        ctx.err.write(`paladin users: ${err.message}\n`);
        return Exit.failure;
      }
      throw err;
    } finally {
      await team?.close();
      local.close();
    }
  },
};
