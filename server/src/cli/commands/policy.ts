// `paladin policy`: user policies (add, list, enable, disable, test) and
// replaying history under the policies in force now.

import * as fs from 'node:fs';
import { openStore } from '../../compose';
import { resolveWorkspace, validateCommand } from '../../kernel';
import { allowShape, shapeRuleDir } from '../../policy/allowShape';
import { ShapeRuleError } from '../../policy/shapeRule';
import { createPolicyEngine, createPolicyStage } from '../../policy';
import { runOpa } from '../../policy/opaCompiler';
import { replayHistory } from '../../policy/replay';
import { addUserPolicy, compileUserPolicy, listUserPolicies, setUserPolicyEnabled, USER_ENTRY, UserPolicyError } from '../../policy/userPolicies';
import { localUserId, type Db } from '../../store/database';
import { Exit, printJson, UsageError, type CliContext, type Subcommand } from '../command';
import { exitFor, formatDecision } from './check';
import { memberPolicyCommand } from './policyMember';
import { orgCommand, orgHelp } from './policyOrg';

const help = `Usage: paladin policy <subcommand> [options]

User policies are Rego modules in \`package paladin.user.<name>\` that add
rules to Paladin's built-in policy. A rule is an object {"id", "reason",
"command_index"} in the set \`deny\` or \`ask\`; the decision is the strictest
of the built-in one and every enabled user policy, so a user policy can make
a decision stricter but never turn a built-in deny into ask or allow.
Organisation policies (\`package paladin.org.<name>\`, changed by admins, every
change a new version) come between the two: a person's own policies can only
tighten them. Compiling needs the OPA command line (\`opa\` on PATH, or
OPA=/path/to/opa). With PALADIN_DATABASE_URL set, policies live in the shared
database: add, list, enable and disable then need --user EMAIL.

Subcommands:
  add FILE                 compile FILE and store it as the next version of its policy (enabled)
  list                     every stored policy version and whether it is enabled
  enable NAME [--version N]   enable a policy (its newest version unless --version)
  disable NAME [--version N]  disable a policy (all its versions unless --version)
  test FILE... [--command CMD]
                           run \`opa test\` on the files (policy plus *_test.rego); with
                           --command, judge CMD with the built-in policy plus FILE instead
                           (a user policy, or an organisation policy in its own tier)
  allow-shape "<command>" [--workspace DIR] [--dry-run]
                           for a command the policy asks about: generate a narrow rule that
                           allows exactly this shape (program, subcommand, every argument;
                           free text such as a commit message may vary), with its own match
                           and near-miss tests, prove it with \`opa test\` and add it. It can
                           never weaken a deny: only built-in ask rules, at the same commands,
                           are waived. The files are kept in the data folder's policies/.
${orgHelp}
  replay [--limit N]       judge the commands in history again under the current policies
                           and list those whose decision would change (default limit 1000)

Options:
  --json          machine-readable output
  --version N     which version (enable, disable)
  --command CMD   a command to judge (test)
  --limit N       how many recent history entries to replay
  --workspace DIR folder the command's paths are judged against (allow-shape; default: current)
  --dry-run       write and test the shape rule, but do not add it (allow-shape)
  --reason TEXT   why (org add, remove, rollback)
  --as EMAIL      the admin making an organisation change (required on a team database)
  --user EMAIL    whose own policies (add, list, enable, disable on a team database)
Exit codes: 0 done (test: tests pass, or the decision is allow), 1 failure or failing tests,
2 usage error; test --command: 3 ask, 4 deny.
`;

async function withStore<T>(ctx: CliContext, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = openStore(ctx.settings);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

function intOption(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a whole number of at least 1 (got "${String(value)}")`);
  return n;
}

export const policyCommand: Subcommand = {
  name: 'policy',
  summary: 'manage user and organisation policies (add, list, enable, disable, test, org) and replay history',
  help,
  allowPositionals: true,
  options: {
    json: { type: 'boolean' }, version: { type: 'string' }, command: { type: 'string' }, limit: { type: 'string' }, workspace: { type: 'string' }, 'dry-run': { type: 'boolean' },
    reason: { type: 'string' }, as: { type: 'string' }, user: { type: 'string' },
  },
  async run(ctx, args) {
    const [sub, ...rest] = args.positionals;
    const json = args.values.json === true;
    try {
      if (typeof args.values.user === 'string' && !ctx.settings.database.url) throw new UsageError('--user is for a team database (PALADIN_DATABASE_URL); on one machine the policies are yours');
      if (ctx.settings.database.url && ['add', 'list', 'enable', 'disable'].includes(sub ?? '')) return await memberPolicyCommand(ctx, sub!, rest, args.values, json);
      switch (sub) {
        case 'org':
          return await orgCommand(ctx, rest, args.values, json);
        case 'add': {
          if (rest.length !== 1) throw new UsageError('give one Rego file: paladin policy add my_policy.rego');
          const row = await withStore(ctx, (db) => addUserPolicy(db, rest[0], { createdBy: localUserId(db), signal: ctx.signal }));
          if (json) printJson(ctx, row);
          else ctx.out.write(`Added policy ${row.name} version ${row.version} (enabled).\n`);
          return Exit.ok;
        }
        case 'list': {
          const rows = await withStore(ctx, async (db) => listUserPolicies(db));
          if (json) printJson(ctx, rows);
          else if (rows.length === 0) ctx.out.write('No user policies. Add one with `paladin policy add FILE`.\n');
          else for (const r of rows) ctx.out.write(`${r.enabled ? 'enabled ' : 'disabled'}  ${r.name}  v${r.version}  ${r.created_at}\n`);
          return Exit.ok;
        }
        case 'enable':
        case 'disable': {
          if (rest.length !== 1) throw new UsageError(`give the policy's name: paladin policy ${sub} NAME`);
          const version = intOption(args.values.version, 'version');
          const row = await withStore(ctx, async (db) => setUserPolicyEnabled(db, rest[0], sub === 'enable', version));
          if (json) printJson(ctx, row);
          else ctx.out.write(`${sub === 'enable' ? 'Enabled' : 'Disabled'} policy ${row.name}${version !== undefined || sub === 'enable' ? ` version ${row.version}` : ''}.\n`);
          return Exit.ok;
        }
        case 'test':
          return await testPolicy(ctx, rest, typeof args.values.command === 'string' ? args.values.command : undefined, json);
        case 'allow-shape':
          return await allowShapeCommand(ctx, rest, args.values, json);
        case 'replay': {
          const limit = intOption(args.values.limit, 'limit');
          const result = await withStore(ctx, async (db) => replayHistory(db, await createPolicyStage(db, ctx.settings), { limit, signal: ctx.signal }));
          if (json) printJson(ctx, result);
          else {
            ctx.out.write(`Replayed ${result.checked} commands from history under ${result.policyVersion}: ${result.changed.length} would be decided differently.\n`);
            for (const c of result.changed) ctx.out.write(`  ${c.before} -> ${c.after}  ${c.command}${c.rules.length ? `  (${c.rules.join(', ')})` : ''}\n`);
          }
          return Exit.ok;
        }
        case undefined:
          throw new UsageError('give a subcommand: add, list, enable, disable, test, allow-shape, org or replay');
        default:
          throw new UsageError(`unknown subcommand "${sub}"; one of add, list, enable, disable, test, allow-shape, org, replay`);
      }
    } catch (err) {
      if (err instanceof UserPolicyError || err instanceof ShapeRuleError || (err as Error).name === 'OpaMissingError') {
        if (json) printJson(ctx, { error: { code: 'failure', message: (err as Error).message, exitCode: Exit.failure } });
        ctx.err.write(`paladin policy ${sub}: ${(err as Error).message}\n`);
        return Exit.failure;
      }
      throw err;
    }
  },
};

async function testPolicy(ctx: CliContext, files: string[], command: string | undefined, json: boolean): Promise<number> {
  if (files.length === 0) throw new UsageError('give the policy file (and its *_test.rego files): paladin policy test my_policy.rego my_policy_test.rego');
  for (const f of files) if (!fs.existsSync(f)) throw new UsageError(`no such file: ${f}`);
  if (command !== undefined) {
    const policyFile = files.find((f) => !f.endsWith('_test.rego')) ?? files[0];
    const rego = fs.readFileSync(policyFile, 'utf8');
    // An organisation policy is tried in its own tier, where its waivers count.
    const tier = /^\s*package\s+paladin\.org\./m.test(rego) ? 'org' : 'user';
    const { name, wasm } = await compileUserPolicy(rego, { signal: ctx.signal, tier });
    const module = [{ name, version: 0, entry: USER_ENTRY, wasm, rego }];
    const engine = await createPolicyEngine(tier === 'org' ? { orgPolicies: module } : { userPolicies: module });
    const decision = engine.judge(command);
    if (json) printJson(ctx, decision);
    else ctx.out.write(formatDecision(command, decision));
    return exitFor(decision);
  }
  const run = await runOpa(['test', '-v', ...files], { signal: ctx.signal });
  const output = (run.stdout + run.stderr).trim();
  if (json) printJson(ctx, { passed: run.code === 0, output });
  else ctx.out.write(output + '\n');
  return run.code === 0 ? Exit.ok : Exit.failure;
}

async function allowShapeCommand(ctx: CliContext, rest: string[], values: Record<string, unknown>, json: boolean): Promise<number> {
  if (rest.length !== 1 || rest[0].trim() === '') throw new UsageError('give the command, quoted: paladin policy allow-shape "git push origin main"');
  const command = rest[0];
  validateCommand(command);
  const workspace = typeof values.workspace === 'string' ? resolveWorkspace(values.workspace) : process.cwd();
  const dir = shapeRuleDir(ctx.settings.database.path);
  const result = await withStore(ctx, (db) => allowShape(db, command, { dir, workspace, createdBy: localUserId(db), dryRun: values['dry-run'] === true, signal: ctx.signal }));
  if (json) {
    printJson(ctx, { name: result.rule.name, version: result.row?.version, added: result.row !== undefined, waives: result.rule.waives, shape: result.rule.summary, files: result.files, tests: result.tests });
    return Exit.ok;
  }
  ctx.out.write(`${result.row ? `Added policy ${result.row.name} version ${result.row.version} (enabled)` : `Wrote ${result.rule.name} (not added: --dry-run)`}.\n`);
  ctx.out.write(`It allows exactly:\n${result.rule.summary.map((l) => `  ${l}`).join('\n')}\n`);
  ctx.out.write(`by waiving the built-in ask rules ${[...new Set(result.rule.waives.map((w) => w.id))].join(', ')} for that shape only. A deny is never waived.\n`);
  ctx.out.write(`Rule: ${result.files.policy}\nTests (passed): ${result.files.test}\n`);
  return Exit.ok;
}
