// The handlers of the organisation policy endpoints. A change is made only
// for an admin (or the owner of a one-machine install), is recorded as a new
// version, and is appended to the audit log before the answer goes out.

import type { Actor } from '../protocol/types';
import { addOrgPolicy, currentOrgVersion, orgPolicyHistory, orgPolicyVersion, removeOrgPolicy, rollbackOrgPolicies, type OrgVersion } from '../policy/orgPolicies';
import type { SqlStore } from '../store/sqlStore';
import type { OrgPolicyOperation } from './orgPolicyEndpoints';
import { HttpError } from './httpError';

export interface OrgCall {
  actor: Actor;
  body: Record<string, unknown>;
  query: Record<string, unknown>;
  params: Record<string, string>;
  signal: AbortSignal;
}

type Audit = (actor: Actor, action: string, resource: string | null, details: Record<string, unknown>) => void;

/** The admin's email, or a 403 that says who may do this instead. */
export async function requireAdmin(store: SqlStore, userId: string): Promise<string> {
  const user = await store.get<{ role: string; email: string | null }>('SELECT role, email FROM users WHERE id = ?', [userId]);
  if (user && (user.role === 'admin' || user.role === 'owner')) return user.email ?? `owner:${userId}`;
  throw new HttpError(403, 'forbidden', 'Only an admin may change the organisation\'s policies, and this key belongs to a member. Ask an admin (`paladin users list` shows who), or add a policy of your own (`paladin policy add`), which can make verdicts stricter for you.');
}

/** The audit record of a change: who, which version, why, and the modules now in force. */
export function orgChangeDetails(v: OrgVersion): Record<string, unknown> {
  return { version: v.version, change: v.change, name: v.name, rolledBackTo: v.rolledBackTo, author: v.author, reason: v.reason, modules: v.modules.map((m) => `${m.name}@${m.sha256.slice(0, 12)}`) };
}

async function failing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'UserPolicyError') throw new HttpError(400, 'invalid', (err as Error).message);
    if (name === 'OpaMissingError') throw new HttpError(503, 'unavailable', `This server cannot compile policies: ${(err as Error).message}`);
    throw err;
  }
}

export function orgPolicyHandlers(store: SqlStore, audit: Audit): Record<OrgPolicyOperation, (call: OrgCall) => Promise<unknown>> {
  const change = async (call: OrgCall, make: (author: string) => Promise<OrgVersion>) => {
    const author = await requireAdmin(store, call.actor.userId);
    const v = await failing(() => make(author));
    audit(call.actor, `policy.org.${v.change}`, v.name ?? `v${v.version}`, orgChangeDetails(v));
    return v;
  };
  return {
    orgPolicies: async () => {
      const current = await currentOrgVersion(store);
      return current === 0 ? { version: 0, modules: [] } : orgPolicyVersion(store, current, false);
    },
    orgPolicyHistory: async () => ({ versions: await orgPolicyHistory(store) }),
    orgPolicyVersion: (call) => failing(() => orgPolicyVersion(store, Number(call.params.version), true)),
    orgPolicyAdd: (call) => change(call, (author) => addOrgPolicy(store, call.body.rego as string, { author, reason: call.body.reason as string }, { signal: call.signal })),
    orgPolicyRemove: (call) => change(call, (author) => removeOrgPolicy(store, call.params.name, { author, reason: call.query.reason as string })),
    orgPolicyRollback: (call) => change(call, (author) => rollbackOrgPolicies(store, call.body.version as number, { author, reason: call.body.reason as string })),
  };
}
