// `paladin policy allow-shape "<command>"`: judge the command, generate the
// narrow shape rule and its tests, prove them with `opa test`, and add the
// rule as a user policy. The files are kept where the person can read them.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Db } from '../store/database';
import { PolicyEngine } from './engine';
import { runOpa } from './opaCompiler';
import { generateShapeRule, type ShapeRule } from './shapeRule';
import { shapeTests } from './shapeTests';
import { addUserPolicy, enabledUserPolicies, UserPolicyError, type UserPolicyRow } from './userPolicies';

/** Where generated shape rules and their tests are kept: `policies/` beside the database. */
export function shapeRuleDir(dbPath: string): string {
  return path.join(dbPath === ':memory:' || dbPath === '' ? os.tmpdir() : path.dirname(path.resolve(dbPath)), 'policies');
}

export interface AllowShapeResult {
  rule: ShapeRule;
  files: { policy: string; test: string };
  /** Set unless `dryRun`. */
  row?: UserPolicyRow;
  tests: string;
}

export async function allowShape(
  db: Db,
  command: string,
  options: { dir: string; workspace?: string; createdBy?: string; dryRun?: boolean; signal?: AbortSignal },
): Promise<AllowShapeResult> {
  const engine = await PolicyEngine.create({ userPolicies: enabledUserPolicies(db) });
  const decision = engine.judge(command, { workspace: options.workspace, facts: true });
  const rule = generateShapeRule(command, decision);
  const test = shapeTests(rule, command, (c) => engine.facts(c, options.workspace));
  fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const files = { policy: path.join(options.dir, `${rule.name}.rego`), test: path.join(options.dir, `${rule.name}_test.rego`) };
  fs.writeFileSync(files.policy, rule.rego);
  fs.writeFileSync(files.test, test);
  const run = await runOpa(['test', files.policy, files.test], { signal: options.signal });
  const tests = (run.stdout + run.stderr).trim();
  if (run.code !== 0) throw new UserPolicyError(`The generated shape rule failed its own tests, so it was not added:\n${tests}`);
  if (options.dryRun) return { rule, files, tests };
  const row = await addUserPolicy(db, files.policy, { createdBy: options.createdBy, signal: options.signal });
  return { rule, files, row, tests };
}
