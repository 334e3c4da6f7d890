// `paladin policy add|list|enable|disable --user EMAIL` on a team database:
// a person's own policies, kept in the shared store. They apply to that
// person's checks and runs on every instance and can only make verdicts
// stricter; each change is recorded in the shared audit log.

import { addMemberPolicy, listMemberPolicies, setMemberPolicyEnabled } from '../../policy/memberPolicies';
import { UserPolicyError, type UserPolicyRow } from '../../policy/userPolicies';
import { Exit, printJson, UsageError, type CliContext } from '../command';
import { activeUser, openPolicyStore } from '../openPolicyStore';
import { readRegoFile } from '../readRegoFile';

export async function memberPolicyCommand(ctx: CliContext, sub: string, rest: string[], values: Record<string, unknown>, json: boolean): Promise<number> {
  if (typeof values.user !== 'string' || values.user.trim() === '') throw new UsageError(`on a team database, say whose policies: paladin policy ${sub} ... --user EMAIL`);
  const email = values.user;
  const version = values.version === undefined ? undefined : Number(values.version);
  if (version !== undefined && (!Number.isInteger(version) || version < 1)) throw new UsageError(`--version must be a whole number of at least 1 (got "${String(values.version)}")`);
  const ps = await openPolicyStore(ctx);
  try {
    const user = await activeUser(ps.store, email);
    if (!user) throw new UserPolicyError(`No active user has the email ${email}; \`paladin users list\` shows them.`);
    if (sub === 'list') {
      const rows = await listMemberPolicies(ps.store, user.id);
      if (json) printJson(ctx, rows);
      else if (rows.length === 0) ctx.out.write(`${email} has no policies of their own.\n`);
      else for (const r of rows) ctx.out.write(`${r.enabled ? 'enabled ' : 'disabled'}  ${r.name}  v${r.version}  ${r.created_at}\n`);
      return Exit.ok;
    }
    if (rest.length !== 1) throw new UsageError(sub === 'add' ? 'give one Rego file: paladin policy add my_policy.rego --user EMAIL' : `give the policy's name: paladin policy ${sub} NAME --user EMAIL`);
    let row: UserPolicyRow;
    if (sub === 'add') {
      row = await addMemberPolicy(ps.store, user.id, readRegoFile(rest[0]), { signal: ctx.signal });
    } else row = await setMemberPolicyEnabled(ps.store, user.id, rest[0], sub === 'enable', version);
    await ps.audit(`policy.user.${sub}`, row.name, { user: email, version: row.version, enabled: row.enabled });
    if (json) printJson(ctx, row);
    else ctx.out.write(`${sub === 'add' ? 'Added' : sub === 'enable' ? 'Enabled' : 'Disabled'} ${email}'s policy ${row.name} version ${row.version}${row.enabled ? ' (enabled)' : ''}.\n`);
    return Exit.ok;
  } finally {
    await ps.close();
  }
}
