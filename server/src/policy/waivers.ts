// Shape rules may turn a built-in `ask` into allow for exactly the command
// shape a person approved. The engine, not the rule, holds the line: a waiver
// names one rule id at one command index; only built-in `ask` hits can be
// waived, never a `deny`, never a user or organisation policy's hit, and never a rule
// that says the command's effect cannot be known before it runs.

import type { RuleHit } from '../protocol/types';

export interface Waiver {
  id: string;
  command_index: number;
  policy: string;
}

/** Verdicts about what cannot be known statically: fail closed, whatever a user rule says. */
const NOT_WAIVABLE = new Set(['unknown.construct', 'parse.error', 'limits.exceeded', 'internal.error', 'exec.dynamic-code', 'exec.hidden-command', 'fs.unknown-target']);

export function waivable(id: string): boolean {
  return !NOT_WAIVABLE.has(id) && !id.startsWith('obfuscation.') && !id.startsWith('user.') && !id.startsWith('org.');
}

/** The `waive` answer of a user policy: objects {id, command_index}; anything else is an error. */
export function readWaivers(policy: string, out: { result?: unknown }[]): Waiver[] {
  const list = out?.[0]?.result;
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new Error(`user policy ${policy}: waive_ask must be a set of {"id", "command_index"} objects`);
  return list.map((w) => {
    const o = (typeof w === 'object' && w !== null ? w : {}) as Record<string, unknown>;
    if (typeof o.id !== 'string' || typeof o.command_index !== 'number') throw new Error(`user policy ${policy}: each waive_ask entry needs a string "id" and a number "command_index"`);
    return { id: o.id, command_index: o.command_index, policy };
  });
}

/**
 * Drop the built-in `ask` hits a waiver names exactly (id and command index).
 * `builtin` is the built-in policy's own list, so a user hit can never be
 * mistaken for a built-in one.
 */
export function applyWaivers(rules: RuleHit[], waivers: Waiver[], builtin: RuleHit[]): { kept: RuleHit[]; waived: (RuleHit & { waivedBy: string })[] } {
  const fromBuiltin = new Set(builtin.map((h) => `${h.id}\0${h.command_index}`));
  const kept: RuleHit[] = [];
  const waived: (RuleHit & { waivedBy: string })[] = [];
  for (const r of rules) {
    const key = `${r.id}\0${r.command_index}`;
    const by = r.severity === 'ask' && fromBuiltin.has(key) && waivable(r.id) ? waivers.find((w) => w.id === r.id && w.command_index === r.command_index) : undefined;
    if (by) waived.push({ ...r, waivedBy: by.policy });
    else kept.push(r);
  }
  return { kept, waived };
}
