// `paladin policy`: user policies (add, list, enable, disable, test) and
// replaying history under the policies in force now.

import * as fs from 'node:fs';
import { openStore } from '../../compose';
import { createPolicyEngine, createPolicyStage } from '../../policy';
import { runOpa } from '../../policy/opaCompiler';
import { replayHistory } from '../../policy/replay';
import { addUserPolicy, compileUserPolicy, listUserPolicies, setUserPolicyEnabled, USER_ENTRY, UserPolicyError } from '../../policy/userPolicies';
import { localUserId, type Db } from '../../store/database';
import { Exit, printJson, UsageError, type CliContext, type Subcommand } from '../command';
import { exitFor, formatDecision } from './check';

const help = `Usage: paladin policy <subcommand> [options]

User policies are Rego modules in \`package paladin.user.<name>\` that add
rules to Paladin's built-in policy. A rule is an object {"id", "reason",
"command_index"} in the set \`deny\` or \`ask\`; the decision is the strictest
of the built-in one and every enabled user policy, so a user policy can make
a decision stricter but never turn a built-in deny into ask or allow.
Compiling needs the OPA command line (\`opa\` on PATH, or OPA=/path/to/opa).

Subcommands:
  add FILE                 compile FILE and store it as the next version of its policy (enabled)
  list                     every stored policy version and whether it is enabled
  enable NAME [--version N]   enable a policy (its newest version unless --version)
  disable NAME [--version N]  disable a policy (all its versions unless --version)
  test FILE... [--command CMD]
                           run \`opa test\` on the files (policy plus *_test.rego); with
                           --command, judge CMD with the built-in policy plus FILE instead
  replay [--limit N]       judge the commands in history again under the current policies
                           and list those whose decision would change (default limit 1000)

Options:
  --json          machine-readable output
  --version N     which version (enable, disable)
  --command CMD   a command to judge (test)
  --limit N       how many recent history entries to replay
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
  summary: 'manage user policies (add, list, enable, disable, test) and replay history',
  help,
  allowPositionals: true,
  options: { json: { type: 'boolean' }, version: { type: 'string' }, command: { type: 'string' }, limit: { type: 'string' } },
  async run(ctx, args) {
    const [sub, ...rest] = args.positionals;
    const json = args.values.json === true;
    try {
      switch (sub) {
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
          throw new UsageError('give a subcommand: add, list, enable, disable, test or replay');
        default:
          throw new UsageError(`unknown subcommand "${sub}"; one of add, list, enable, disable, test, replay`);
      }
    } catch (err) {
      if (err instanceof UserPolicyError || (err as Error).name === 'OpaMissingError') {
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
    const { name, wasm } = await compileUserPolicy(fs.readFileSync(policyFile, 'utf8'), { signal: ctx.signal });
    const engine = await createPolicyEngine({ userPolicies: [{ name, version: 0, entry: USER_ENTRY, wasm }] });
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
