// A build step that makes set membership cheap in the compiled policy without
// changing what the Rego says. In OPA's WASM code, `x in {"a", "b"}` builds
// the set again every time the line is reached and then walks it, and a set
// rule (`read_only_programs := {...}`) is built again on every evaluation.
// The sources keep the readable form; in the copy that is compiled, every
// membership test of a literal string set (written in place, or a rule that
// is one) becomes a key lookup in the policy's data document
// (`data.paladin_sets.NAME[x]`), which is loaded once with the WASM and never
// rebuilt. Lines keep their numbers, so rule sources still point at the
// right line.
//
// Only forms whose meaning is the same are touched: a test standing alone in
// a body, a rule head's condition, or a `not` of one. `some x in {...}`
// iterates and is left alone, as is any use as a value (`y := x in S`).
// Without its data document the compiled policy refuses everything (see
// DATA_GUARD): a lookup in a missing set must never turn a deny into allow.

import { createHash } from 'node:crypto';

/** `x in {"a", "b"}` or `x in name` with what may come before it on the line. */
const MEMBERSHIP = /(^\s*|\bif\s+|;\s*|\|\s*)(not\s+)?([A-Za-z_][\w.]*(?:\[[^\]\n]*\])*)\s+in\s+(\{"[^{}\n]*"\}|[a-z_][a-z0-9_]*)(?=\s*(?:$|;|\]|\}|#))/gm;

/** Rules that are literal sets of strings: `name := {"a", "b"}`, one line or several. */
const STRING_SET_RULE = /^([a-z_][a-z0-9_]*) := \{((?:\s*"(?:[^"\\]|\\.)*"\s*,?)+)\s*\}/gm;

/** Where the sets live in the data document. */
export const SETS_ROOT = 'paladin_sets';

/** Appended to the compiled copy: no data document, no verdict but deny. */
export const DATA_GUARD = `
# Added by policies/memberSets.ts: the sets below are looked up in the data
# document loaded with the WASM; without it, every command is refused.
deny contains line_hit("internal.policy-data", "The policy's data document is not loaded, so Paladin cannot judge any command. Reinstall Paladin or run \`npm run build:policies\`.") if not data.${SETS_ROOT}
`;

/** Set name -> its members, as the data document holds them (keys of an object). */
export type SetTable = Record<string, Record<string, true>>;

function members(literal: string): Record<string, true> {
  const list = JSON.parse(`[${literal.trim().replace(/,\s*$/, '')}]`) as string[];
  return Object.fromEntries(list.map((s) => [s, true as const]));
}

/** The literal string set rules defined in these sources, with their members. */
export function stringSetRules(sources: string[]): SetTable {
  const sets: SetTable = {};
  for (const text of sources) for (const m of text.matchAll(STRING_SET_RULE)) sets[m[1]] = members(m[2]);
  return sets;
}

export interface Rewritten {
  text: string;
  /** How many membership tests became lookups. */
  rewritten: number;
}

/**
 * Rewrites one Rego file. `sets` holds the package's literal string set
 * rules; sets written in place are added to it under a name made from their
 * text.
 */
export function rewriteMembership(text: string, sets: SetTable): Rewritten {
  let rewritten = 0;
  const out = text.replace(MEMBERSHIP, (whole, before: string, not: string | undefined, subject: string, collection: string) => {
    let name = collection;
    if (collection.startsWith('{')) {
      name = `in_place_${createHash('sha256').update(collection).digest('hex').slice(0, 10)}`;
      sets[name] = members(collection.slice(1, -1));
    } else if (!Object.prototype.hasOwnProperty.call(sets, collection)) {
      return whole;
    }
    rewritten++;
    return `${before}${not ?? ''}data.${SETS_ROOT}.${name}[${subject}]`;
  });
  return { text: out, rewritten };
}
