// A build step that makes set membership cheap in the compiled policy without
// changing what the Rego says. In OPA's WASM code, `x in {"a", "b"}` builds
// the set again every time the line is reached and then walks it, and
// `x in named_set` walks it too; a key lookup (`named_set[x]`) on a set that
// is built once per evaluation costs a fifth as much. The sources keep the
// readable form; the copy that is compiled gets every membership test of a
// literal string set (or of a rule that is one) rewritten to a lookup in a
// set rule appended to the same file. Lines keep their numbers, so rule
// sources still point at the right line.
//
// Only forms whose meaning is the same are touched: a test standing alone in
// a body, a rule head's condition, or a `not` of one. `some x in {...}`
// iterates and is left alone, as is any use as a value (`y := x in S`).

import { createHash } from 'node:crypto';

/** `x in {"a", "b"}` or `x in name` with what may come before it on the line. */
const MEMBERSHIP = /(^\s*|\bif\s+|;\s*|\|\s*)(not\s+)?([A-Za-z_][\w.]*(?:\[[^\]\n]*\])*)\s+in\s+(\{"[^{}\n]*"\}|[a-z_][a-z0-9_]*)(?=\s*(?:$|;|\]|\}|#))/gm;

/** Rules that are literal sets of strings: `name := {"a", "b"}`, one line or several. */
const STRING_SET_RULE = /^([a-z_][a-z0-9_]*) := \{(\s*"(?:[^"\\]|\\.)*"\s*,?)+\s*\}/gm;

export interface Rewritten {
  text: string;
  /** How many membership tests became lookups. */
  rewritten: number;
}

/** The names of the set rules defined in these sources that hold only string literals. */
export function stringSetRules(sources: string[]): Set<string> {
  const names = new Set<string>();
  for (const text of sources) for (const m of text.matchAll(STRING_SET_RULE)) names.add(m[1]);
  return names;
}

/** Rewrites one Rego file; `sets` are the package's literal string set rules. */
export function rewriteMembership(text: string, sets: Set<string>): Rewritten {
  const hoisted = new Map<string, string>();
  let rewritten = 0;
  const out = text.replace(MEMBERSHIP, (whole, before: string, not: string | undefined, subject: string, collection: string) => {
    let name: string;
    if (collection.startsWith('{')) {
      name = `member_set_${createHash('sha256').update(collection).digest('hex').slice(0, 10)}`;
      hoisted.set(name, collection);
    } else if (sets.has(collection)) {
      name = collection;
    } else {
      return whole;
    }
    rewritten++;
    return `${before}${not ?? ''}${name}[${subject}]`;
  });
  if (hoisted.size === 0) return { text: out, rewritten };
  const rules = [...hoisted].map(([name, literal]) => `${name} := ${literal}`);
  return { text: `${out.replace(/\n*$/, '\n')}\n# Sets hoisted by policies/memberSets.ts.\n${rules.join('\n\n')}\n`, rewritten };
}
