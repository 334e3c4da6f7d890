// `paladin plan`: a request in words → a checked command, its reasoning and
// alternatives; `--run` hands it to `paladin run` (same checks, streaming and
// approval).

import { describeSandbox } from '../../policy/sandboxVerdict';
import type { PlannerChoice, PlanResult } from '../../protocol/types';
import { MAX_REQUEST_CHARS } from '../../protocol/limits';
import { Exit, UsageError, printJson, type CliContext, type Subcommand } from '../command';
import { runCommand } from './run';

const help = `Usage: paladin plan "<request>" [--json] [--planner auto|ollama|openai|embedded]
                    [--workspace DIR] [-n K] [--run [--yes] [--mode M]]
       paladin plan --refine last|HISTORY_ID|"earlier request" "<follow-up>"

Turns a request in plain words into one shell command, shows why, how sure
Paladin is, other candidates, and the policy's decision. Nothing runs unless
--run is given.

Options:
  --planner P      auto (default: paladin.planner.order, then Paladin's own
                   knowledge), ollama, openai or embedded (no model at all)
  --workspace DIR  the folder the command is for (default: current)
  -n K             how many candidates to show (1-10, default 3)
  --json           print one JSON object: command, reasoning, planner,
                   confidence, candidates, retrieved, policy, cache, timings
  --dry-run        try the top candidates in the sandbox first (read-only
                   ones with the workspace mounted read-only, others in
                   throw-away snapshots) and prefer the one whose result
                   fits (needs Docker; never tries a denied or networked one)
  --refine R       refine an earlier plan instead of starting over: R is
                   \`last\` (your latest plan), its history id, or its
                   request in words; the request is the follow-up, e.g.
                   paladin plan --refine last "only .ts files"
  --run            run the plan in the sandbox, as \`paladin run\` would
  --yes            with --run: approve what needs approval (network, live mode)
  --mode M         with --run: ro, snapshot or live

The OpenAI key is read from OPENAI_API_KEY. Requests are limited to
${MAX_REQUEST_CHARS} characters.
Exit codes: 0 planned (or ran and exited 0); 2 bad request; 1 no planner
could answer; 6 Paladin does not know a command for the request (it says
what would help); 7 the plan needs a value it shows as <slot> (it says
which, and how to give it); with --run, those of \`paladin run\`.
`;

export const planCommand: Subcommand = {
  name: 'plan',
  summary: 'turn a request in words into a checked shell command (--run to run it)',
  help,
  options: {
    json: { type: 'boolean' },
    planner: { type: 'string' },
    workspace: { type: 'string' },
    n: { type: 'string', short: 'n' },
    run: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    refine: { type: 'string' },
    yes: { type: 'boolean', short: 'y' },
    mode: { type: 'string' },
  },
  allowPositionals: true,
  async run(ctx, { values, positionals }) {
    const request = positionals.join(' ');
    if (request.trim() === '') throw new UsageError('give the request in words, e.g. paladin plan "list the 5 biggest files under src"');
    if (request.length > MAX_REQUEST_CHARS) throw new UsageError(`the request is ${request.length} characters long; the limit is ${MAX_REQUEST_CHARS}`);
    const planner = (values.planner as string | undefined) ?? 'auto';
    if (!['auto', 'ollama', 'openai', 'embedded'].includes(planner)) throw new UsageError(`--planner must be auto, ollama, openai or embedded, not "${planner}"`);
    let count: number | undefined;
    if (values.n !== undefined) {
      count = Number(values.n);
      if (!Number.isInteger(count) || count < 1 || count > 10) throw new UsageError(`-n must be a whole number from 1 to 10, not "${String(values.n)}"`);
    }
    if (values.run !== true && (values.yes === true || values.mode !== undefined)) throw new UsageError('--yes and --mode only go with --run');
    const json = values.json === true;
    const refine = values.refine as string | undefined;
    if (refine !== undefined && refine.trim() === '') throw new UsageError('--refine needs the plan to refine: last, its history id, or its request in words');

    const paladin = await ctx.paladin();
    const result = await paladin.plan(
      ctx.actor,
      { request, workspace: values.workspace as string | undefined, planner: planner as PlannerChoice, count, dryRun: values['dry-run'] === true, refine },
      { signal: ctx.signal, onProgress: json ? undefined : (p) => p.kind === 'token' && ctx.err.write(p.text) },
    );
    if (json) printJson(ctx, result);
    else if (result.abstained) printAbstention(ctx, result);
    else printPlan(ctx, result);
    if (result.abstained) return Exit.abstained;
    if (result.missing?.length) return Exit.incomplete;
    if (values.run !== true) return Exit.ok;
    if (!json) ctx.err.write('\n');
    return runCommand.run(ctx, {
      values: { workspace: values.workspace, mode: values.mode, yes: values.yes, json: values.json },
      positionals: [result.command],
    });
  },
};

function printPlan(ctx: CliContext, r: PlanResult): void {
  const e = ctx.err;
  if (r.planner !== 'embedded') e.write('\n');
  ctx.out.write(r.command + '\n');
  e.write(`\n  ${r.reasoning}\n`);
  for (const a of r.assumptions) e.write(`  assumes: ${a}\n`);
  for (const x of r.expectedEffects) e.write(`  effect:  ${x}\n`);
  e.write(`\n  planner: ${r.planner}   confidence: ${r.confidence}   cache: ${r.cache}   ${r.timings.total ?? '?'} ms\n`);
  for (const s of r.skipped) e.write(`  skipped ${s.planner}: ${s.reason}\n`);
  const rules = r.policy.rules.map((x) => `${x.id} (${x.severity}): ${x.reason}`);
  e.write(`  policy:  ${r.policy.decision}${rules.length ? '\n    ' + rules.join('\n    ') : ''}\n`);
  if (r.policy.sandbox) e.write(`  ${describeSandbox(r.policy.sandbox)}\n`);
  printDryRun(ctx, r);
  if (r.refined) e.write(`  refines: ${r.refined.command ?? r.refined.request}${r.refined.changes ? ` (${r.refined.changes.join('; ')})` : ' (planned again with the follow-up)'}\n`);
  for (const m of r.missing ?? []) e.write(`  missing: <${m.slot}>: ${m.hint}; it cannot run until it is given\n`);
  printRejected(ctx, r);
  const others = r.candidates.filter((c) => c.command !== r.command);
  if (others.length > 0) {
    e.write('  other candidates:\n');
    for (const c of others) e.write(`    ${c.confidence.toFixed(2)}  ${c.command}\n`);
  }
}

function printRejected(ctx: CliContext, r: PlanResult): void {
  if (!r.rejected?.length) return;
  ctx.err.write('  set aside (would do more than asked):\n');
  for (const x of r.rejected) ctx.err.write(`    ${x.command}\n      ${x.reason}\n`);
}

/** No command: why, what would help, and the nearest candidates as suggestions only. */
function printAbstention(ctx: CliContext, r: PlanResult): void {
  const e = ctx.err;
  e.write(`Paladin does not know a command for this.\n  ${r.reasoning}\n`);
  for (const h of r.help ?? []) e.write(`  to help: ${h}\n`);
  if (r.suggestions?.length) {
    e.write('  nearest (not checked against your request, not runnable from here):\n');
    for (const c of r.suggestions) e.write(`    ${c.confidence.toFixed(2)}  ${c.command}\n`);
  }
  printRejected(ctx, r);
}

function printDryRun(ctx: CliContext, r: PlanResult): void {
  const d = r.dryRun;
  if (!d) return;
  if (!d.checked) {
    ctx.err.write(`  not checked by a dry run: ${d.note ?? 'nothing could be tried'}\n`);
    return;
  }
  const chosen = d.tried.find((t) => t.command === r.command);
  ctx.err.write(`  checked by a dry run${chosen ? ` (${chosen.fits ? 'fits' : 'does not fit'}: ${chosen.why})` : ''}; nothing in the workspace was changed\n`);
  for (const t of d.tried.filter((x) => x.command !== r.command)) ctx.err.write(`    tried ${t.command}: ${t.why}\n`);
  if (chosen?.preview) ctx.err.write(`  preview:\n${chosen.preview.split('\n').slice(0, 12).map((l) => `    ${l}`).join('\n')}\n`);
}
