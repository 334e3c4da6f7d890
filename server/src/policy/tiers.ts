// How the three tiers of policy make one verdict: the built-in policy, then
// the organisation's policies (kept in the database, changed by admins), then
// a person's own policies. The order is held here, by the shape of the
// combination, not by reading what any rule says:
//
// - the organisation tier adds asks and denies, and its waivers (narrow,
//   admin-approved shapes) may drop built-in `ask` hits; never a deny, never
//   another tier's hit, never a rule about what cannot be known (waivers.ts);
// - a person's own tier can only add: the verdict is the most severe of the
//   tiers above and the person's own hits, and the person's waivers are not
//   read at all, unless the person is their own organisation (one machine,
//   no team server: `ownMayWaive`).

import type { Decision, RuleHit } from '../protocol/types';
import { applyWaivers, type Waiver } from './waivers';

export type Tier = 'builtin' | 'org' | 'user';

export const SEVERITY: Record<Decision, number> = { allow: 0, ask: 1, deny: 2 };

/** What one tier's policies said about a command. */
export interface TierAnswer {
  hits: RuleHit[];
  waivers: Waiver[];
}

export interface Combined {
  decision: Decision;
  rules: RuleHit[];
  waived: (RuleHit & { waivedBy: string })[];
}

export function stricter(a: Decision, b: Decision): Decision {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

function strictest(start: Decision, rules: RuleHit[]): Decision {
  let decision = start;
  for (const r of rules) decision = stricter(decision, r.severity);
  return decision;
}

/**
 * The verdict of the built-in policy and the organisation's tier: organisation
 * hits added, organisation waivers (and, on one machine, the owner's own)
 * applied to built-in asks only, on a line where no tier denies.
 */
function governed(builtin: { decision: Decision; rules: RuleHit[] }, org: TierAnswer, waivers: Waiver[], anyDeny: boolean): Combined {
  let rules = [...builtin.rules, ...org.hits];
  let decision = builtin.decision;
  let waived: Combined['waived'] = [];
  if (waivers.length > 0 && builtin.decision === 'ask' && !anyDeny) {
    ({ kept: rules, waived } = applyWaivers(rules, waivers, builtin.rules));
    if (waived.length > 0) decision = 'allow';
  }
  return { decision: strictest(decision, rules), rules, waived };
}

/**
 * One verdict from the three tiers. A person's own tier is added last and
 * only ever raises the verdict: `decision` is at least the governed one.
 */
export function combineTiers(builtin: { decision: Decision; rules: RuleHit[] }, org: TierAnswer, own: TierAnswer, options: { ownMayWaive: boolean }): Combined {
  const anyDeny = [...builtin.rules, ...org.hits, ...own.hits].some((r) => r.severity === 'deny');
  const waivers = options.ownMayWaive ? [...org.waivers, ...own.waivers] : org.waivers;
  const base = governed(builtin, org, waivers, anyDeny);
  const rules = [...base.rules, ...own.hits];
  const decision = stricter(base.decision, strictest('allow', own.hits));
  rules.sort((a, b) => SEVERITY[b.severity] - SEVERITY[a.severity] || a.command_index - b.command_index || a.id.localeCompare(b.id));
  return { decision, rules, waived: base.waived };
}
