// `paladin check`: the policy's decision on a command, every rule that fired
// and why, the risk summary, and on request the facts the policy saw.

import * as fs from 'node:fs';
import { describeSandbox } from '../../policy/sandboxVerdict';
import type { PolicyDecision, WorkspaceMode } from '../../protocol/types';
import { formatRules } from '../ruleText';
import { Exit, printJson, UsageError, type Subcommand } from '../command';

const help = `Usage: paladin check "<command>" [--json] [--facts] [--workspace DIR] [--mode M] [--network]
       paladin check - [--json] [--facts]        (read the command from stdin)

Judges a shell command with Paladin's safety policy without running it: the
command is parsed as bash, described as facts (every program it can reach,
the paths it reads, writes and deletes, network use, code it runs), and the
Rego policy (built-in plus enabled user policies) decides allow, ask or deny.

Two verdicts come back. The host verdict (allow, ask, deny) says what running
the command on your machine would mean (copy, insert into a terminal, live
mode, applying its changes). The sandbox verdict says whether running it in
the sandbox, in the mode asked for, needs a person first: offline ro and
snapshot runs never do unless the policy denies; network access and live mode
do. Every ask and deny names its rule, the rule's source line, the part of the
command that fired it (underlined) and, when there is one, a safer way.

Options:
  --json            machine-readable output (the decision document)
  --facts           also print the facts document the policy evaluated
  --workspace DIR   folder whose paths count as the workspace (default: current)
  --mode M          the run mode the sandbox verdict is for: ro, snapshot or live
                    (default: ro for read-only commands, snapshot otherwise)
  --network         the sandbox verdict for a run with network access
Exit codes (the host verdict): 0 allow, 3 ask, 4 deny, 2 usage error, 1 failure.
--json prints {"error": {"code", "message"}} on usage errors too.
`;

export const checkCommand: Subcommand = {
  name: 'check',
  summary: 'judge a command with the safety policy: allow, ask or deny, with reasons',
  help,
  compose: 'checking',
  options: { json: { type: 'boolean' }, facts: { type: 'boolean' }, workspace: { type: 'string' }, mode: { type: 'string' }, network: { type: 'boolean' } },
  async run(ctx, args) {
    if (args.positionals.length === 0) throw new UsageError('give the command to check, quoted, e.g. paladin check "rm -rf build"');
    if (args.positionals.length > 1) throw new UsageError(`give the command as one quoted argument (got ${args.positionals.length} words): paladin check "${args.positionals.join(' ')}"`);
    let command = args.positionals[0];
    if (command === '-') command = fs.readFileSync(0, 'utf8').replace(/\n$/, '');
    const workspace = typeof args.values.workspace === 'string' ? args.values.workspace : undefined;
    const mode = modeOption(args.values.mode);
    const paladin = await ctx.paladin();
    const decision = await paladin.check(ctx.actor, command, { workspace, facts: args.values.facts === true, mode, network: args.values.network === true });
    if (args.values.json) printJson(ctx, decision);
    else ctx.out.write(formatDecision(command, decision, args.values.facts === true));
    return exitFor(decision);
  },
};

export function modeOption(value: unknown): WorkspaceMode | undefined {
  if (value === undefined) return undefined;
  if (value !== 'ro' && value !== 'snapshot' && value !== 'live') throw new UsageError(`--mode must be ro, snapshot or live, not "${String(value)}"`);
  return value;
}

export function exitFor(decision: PolicyDecision): number {
  return decision.decision === 'allow' ? Exit.ok : decision.decision === 'ask' ? Exit.ask : Exit.deny;
}

export function formatDecision(command: string, decision: PolicyDecision, withFacts = false): string {
  const lines = [`${decision.decision.toUpperCase()}: ${command.includes('\n') ? command.split('\n')[0] + ' ...' : command}`];
  if (decision.rules.length === 0 && decision.waived?.length) lines.push('  No rule objects: what it asked about is waived for exactly this shape.');
  else if (decision.rules.length === 0) lines.push('  No rule fired: the command only reads, inside the workspace.');
  lines.push(...formatRules(command, decision));
  const risk = decision.risk;
  const list = (xs: string[]) => (xs.length === 0 ? '-' : xs.join(', '));
  lines.push('', 'Risk:');
  lines.push(`  reads:     ${list(risk.reads)}`);
  lines.push(`  writes:    ${list(risk.writes)}`);
  lines.push(`  deletes:   ${list(risk.deletes)}`);
  lines.push(`  network:   ${risk.network ? 'yes' : 'no'}`);
  lines.push(`  privilege: ${risk.privilege ? 'yes' : 'no'}`);
  if (risk.runs_code === true) lines.push('  runs code: yes');
  if (decision.sandbox) lines.push(describeSandbox(decision.sandbox), ...decision.sandbox.notes.map((n) => `  ${n}`));
  lines.push(`Policy: ${decision.policyVersion}`);
  if (withFacts && decision.facts !== undefined) lines.push('', 'Facts:', JSON.stringify(decision.facts, null, 2));
  return lines.join('\n') + '\n';
}
