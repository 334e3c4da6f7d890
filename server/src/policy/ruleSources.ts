// Where each rule is written. A verdict names the rule id; a person who wants
// to read or change the rule needs its file and line. The built-in sources
// ship with Paladin (policies/paladin/*.rego, next to the compiled WASM), so
// they are read once per process at first use; user policies carry their own
// Rego text. An id is located where it is first written as a string literal,
// preferring a rule head (`deny contains ...` / `ask contains ...`).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot, regoSources } from './policyFiles';

export interface RuleSource {
  file: string;
  line: number;
}

/** Rule ids look like `fs.delete-root`: dotted words, no spaces. */
const ID = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)+$/;
/** A user's rule ids need no dot (`no-npm`); the engine prefixes them with `user.`. */
const USER_ID = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const LITERAL = /"((?:[^"\\\n]|\\.)*)"/g;
const HEAD = /^\s*(deny|ask|waive_ask)\s+contains\b/;

/** Every id-shaped string literal in `text`, with the line it is first written on (rule heads first). */
export function indexRuleIds(text: string, file: string, into: Map<string, RuleSource & { head: boolean }> = new Map(), idPattern: RegExp = ID): Map<string, RuleSource & { head: boolean }> {
  const lines = text.split('\n');
  let headStart = -10;
  lines.forEach((line, i) => {
    if (HEAD.test(line)) headStart = i;
    else if (/^\S/.test(line)) headStart = -10;
    // The head of a multi-line rule may put the id a line or two below `contains`.
    const head = i - headStart <= 2;
    if (!line.includes('"')) return;
    const code = line.replace(/^\s*#.*$/, '');
    for (const m of code.matchAll(LITERAL)) {
      const id = m[1];
      if (!idPattern.test(id)) continue;
      const known = into.get(id);
      if (!known || (head && !known.head)) into.set(id, { file, line: i + 1, head });
    }
  });
  return into;
}

let builtin: Map<string, RuleSource & { head: boolean }> | undefined;

/** The built-in rules' sources, read once; an empty index when the sources are not installed. */
export function builtinRuleSources(root?: string): Map<string, RuleSource & { head: boolean }> {
  if (builtin && root === undefined) return builtin;
  const index = new Map<string, RuleSource & { head: boolean }>();
  try {
    const base = root ?? packageRoot();
    const dir = path.join(base, 'policies', 'paladin');
    for (const file of regoSources(dir)) indexRuleIds(fs.readFileSync(file, 'utf8'), path.relative(base, file).split(path.sep).join('/'), index);
  } catch {
    // Without the sources a verdict still names its rule; only the line is missing.
  }
  if (root === undefined) builtin = index;
  return index;
}

/** The label a user policy's rules are located under. */
export function userPolicyFile(name: string, version: number): string {
  return `user-policy:${name}@v${version}`;
}

/** The label an organisation module's rules are located under: its name and the organisation policy version. */
export function orgPolicyFile(name: string, orgVersion: number): string {
  return `org-policy:${name}@v${orgVersion}`;
}

/** A user or organisation policy's rule ids and where each is written, under `file` (see userPolicyFile, orgPolicyFile). */
export function userRuleSources(rego: string, file: string): Map<string, RuleSource & { head: boolean }> {
  return indexRuleIds(rego, file, new Map(), USER_ID);
}
