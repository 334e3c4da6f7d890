// `paladin policy org ...`: the organisation's policies, changed by admins.
// Every change is a new version (author, time, reason) and an audit record.

import * as os from 'node:os';
import { orgChangeDetails } from '../../gateway/orgPolicyApi';
import { addOrgPolicy, currentOrgVersion, orgPolicyHistory, orgPolicyVersion, removeOrgPolicy, rollbackOrgPolicies, type OrgVersion } from '../../policy/orgPolicies';
import { UserPolicyError } from '../../policy/userPolicies';
import { Exit, printJson, UsageError, type CliContext } from '../command';
import { activeUser, openPolicyStore, type PolicyStore } from '../openPolicyStore';
import { readRegoFile } from '../readRegoFile';

export const orgHelp = `  org add FILE --reason TEXT [--as EMAIL]
                           (admins) add or replace an organisation policy (package paladin.org.<name>)
  org remove NAME --reason TEXT [--as EMAIL]
                           (admins) take an organisation policy out
  org rollback N --reason TEXT [--as EMAIL]
                           (admins) make a new version whose policies are those of version N
  org list                 the organisation policies in force and their version
  org show [NAME] [--version N]
                           the Rego of the policies at a version (default: in force)
  org history              every version: change, author, time, reason`;

/** Who makes the change: an active admin named by --as (required on a team database), else this machine's owner. */
async function author(ps: PolicyStore, as: unknown): Promise<string> {
  if (typeof as !== 'string' || as.trim() === '') {
    if (ps.team) throw new UsageError('say which admin makes the change: --as EMAIL (it is kept with the version and in the audit log)');
    return `owner:${os.userInfo().username}`;
  }
  const user = await activeUser(ps.store, as);
  if (!user) throw new UserPolicyError(`No active user has the email ${as}; \`paladin users list\` shows them.`);
  if (user.role !== 'admin' && user.role !== 'owner') throw new UserPolicyError(`${as} is a member; only an admin may change the organisation's policies.`);
  return as;
}

function reasonOf(values: Record<string, unknown>): string {
  if (typeof values.reason !== 'string' || values.reason.trim() === '') throw new UsageError('give a reason: --reason "why this change" (it is kept with the version and in the audit log)');
  return values.reason;
}

function describe(v: OrgVersion): string {
  const what = v.change === 'rollback' ? `rolled back to version ${v.rolledBackTo}` : `${v.change === 'add' ? 'added' : 'removed'} ${v.name}`;
  return `v${v.version}  ${v.createdAt}  ${v.author}  ${what}: ${v.reason}\n      in force: ${v.modules.map((m) => m.name).join(', ') || '(none)'}\n`;
}

async function change(ctx: CliContext, ps: PolicyStore, sub: string, rest: string[], values: Record<string, unknown>): Promise<OrgVersion> {
  if (rest.length !== 1) throw new UsageError(`paladin policy org ${sub} takes one ${sub === 'add' ? 'Rego file' : sub === 'remove' ? 'policy name' : 'version number'}`);
  const reason = reasonOf(values);
  const who = { author: await author(ps, values.as), reason };
  if (sub === 'add') {
    return addOrgPolicy(ps.store, readRegoFile(rest[0]), who, { signal: ctx.signal });
  }
  if (sub === 'remove') return removeOrgPolicy(ps.store, rest[0], who);
  const to = Number(rest[0]);
  if (!Number.isInteger(to) || to < 1) throw new UsageError(`give the version to roll back to as a whole number, not "${rest[0]}"`);
  return rollbackOrgPolicies(ps.store, to, who);
}

async function read(ctx: CliContext, ps: PolicyStore, sub: string, rest: string[], values: Record<string, unknown>, json: boolean): Promise<number> {
  if (sub === 'history') {
    const versions = await orgPolicyHistory(ps.store);
    if (json) printJson(ctx, versions);
    else if (versions.length === 0) ctx.out.write('No organisation policies yet. An admin adds one with `paladin policy org add FILE --reason TEXT`.\n');
    else for (const v of versions) ctx.out.write(describe(v));
    return Exit.ok;
  }
  const current = await currentOrgVersion(ps.store);
  const version = values.version === undefined ? current : Number(values.version);
  if (!Number.isInteger(version) || version < 0) throw new UsageError(`--version must be a whole number, not "${String(values.version)}"`);
  if (version === 0) {
    if (json) printJson(ctx, { version: 0, modules: [] });
    else ctx.out.write('No organisation policies are in force (version 0).\n');
    return Exit.ok;
  }
  const v = await orgPolicyVersion(ps.store, version, sub === 'show');
  const modules = sub === 'show' && rest[0] ? v.modules.filter((m) => m.name === rest[0]) : v.modules;
  if (sub === 'show' && rest[0] && modules.length === 0) throw new UserPolicyError(`Version ${version} has no organisation policy named "${rest[0]}"; it has ${v.modules.map((m) => m.name).join(', ') || 'none'}.`);
  if (json) printJson(ctx, { ...v, modules });
  else if (sub === 'list') ctx.out.write(`Organisation policies, version ${v.version}${v.version === current ? ' (in force)' : ''}:\n${modules.map((m) => `  ${m.name}  since v${m.addedIn}  sha256 ${m.sha256.slice(0, 12)}\n`).join('') || '  (none)\n'}`);
  else for (const m of modules) ctx.out.write(`# ${m.name} (organisation policy version ${v.version}, this text since v${m.addedIn})\n${m.rego}\n`);
  return Exit.ok;
}

export async function orgCommand(ctx: CliContext, args: string[], values: Record<string, unknown>, json: boolean): Promise<number> {
  const [sub, ...rest] = args;
  const subs = ['add', 'remove', 'rollback', 'list', 'show', 'history'];
  if (!sub || !subs.includes(sub)) throw new UsageError(`say what to do with organisation policies: ${subs.join(', ')}${sub ? ` (not "${sub}")` : ''}`);
  const ps = await openPolicyStore(ctx);
  try {
    if (sub === 'list' || sub === 'show' || sub === 'history') return await read(ctx, ps, sub, rest, values, json);
    const v = await change(ctx, ps, sub, rest, values);
    await ps.audit(`policy.org.${v.change}`, v.name ?? `v${v.version}`, orgChangeDetails(v));
    if (json) printJson(ctx, v);
    else ctx.out.write(`Organisation policies are now version ${v.version}.\n${describe(v)}`);
    return Exit.ok;
  } finally {
    await ps.close();
  }
}
