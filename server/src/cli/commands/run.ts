// `paladin run`: check a command against the policy, run it in the sandbox,
// stream its output; `--apply RUNID` / `--discard RUNID` settle a snapshot run,
// `--undo RUNID` takes an apply back.

import { summariseChanges } from '../../executor/consequences';
import { RequestError, type Paladin } from '../../paladin';
import { describeConsequences } from '../../protocol/consequencesText';
import type { ApplyResult } from '../../stages';
import type { PolicyDecision, RunResult, WorkspaceMode } from '../../protocol/types';
import { describeNetwork } from '../../protocol/networkText';
import { formatRules } from '../ruleText';
import { Exit, UsageError, type CliContext, type Subcommand } from '../command';

const help = `Usage: paladin run "<command>" [--mode ro|snapshot|live] [--timeout S] [--image I]
                   [--workspace DIR] [--network [--allow-host H]...] [--yes] [--json] [--raw]
       paladin run --apply RUNID [--include-sensitive] [--json]
       paladin run --discard RUNID
       paladin run --undo RUNID [--json]

Checks the command against the policy, then runs it in a locked-down Docker
container and streams its stdout and stderr. A command the policy denies never
runs (exit 4). Offline runs in ro or snapshot mode need no approval, whatever
the host verdict: nothing leaves the sandbox until you apply. What crosses the
boundary needs --yes or a "y" at the prompt, else exit 3: --network, and
--mode live. After a snapshot run that changed files, Paladin shows what
applying would do (files deleted, changed, created, bytes, folders, sensitive
paths) and, at a terminal, asks whether to apply.

Options:
  --mode M             ro (workspace read-only), snapshot (works on a copy;
                       changes are kept for --apply) or live (read-write,
                       needs approval). Default: ro for read-only commands,
                       snapshot for commands that write.
  --timeout S          wall-clock limit in seconds (1-3600; default
                       paladin.sandbox.timeoutSeconds)
  --image I            sandbox image (default paladin.sandbox.image)
  --workspace DIR      the folder mounted at /workspace (default: current)
  --network            give the container network access (needs approval),
                       only to the hosts of paladin.sandbox.network.allow
                       (package registries by default) through Paladin's
                       proxy; every connection is logged, refused hosts are
                       listed after the run
  --allow-host H       with --network: also allow host H for this run (a
                       name, *.suffix or address, optionally :port); repeat
  --yes                approve what needs approval (network, live mode); it
                       never applies a snapshot's changes by itself
  --raw                write the command's output byte for byte. Without it,
                       terminal controls in the output (escape sequences:
                       colours, titles, clipboard writes, cursor moves; \r)
                       are shown as visible escapes, ESC as ␛. File names,
                       diffs and Paladin's own messages are always shown so.
  --json               after the output, print one JSON object: runId, exit
                       code, how it ended, durations, byte counts,
                       truncation, changes
  --apply RUNID        show what applying would do, then apply the changes a
                       snapshot run left
  --include-sensitive  with --apply: also write into .git/ and .vscode/
  --discard RUNID      drop the changes a snapshot run left
  --undo RUNID         put back what applying that run replaced (refused,
                       changing nothing, exit 8, when those files changed since)

Exit codes: 0 exited 0; 5 exited non-zero or hit a limit (timeout, memory,
output, cancelled); 1 sandbox error (Docker down, image missing); 3 needs
approval; 4 denied; 2 usage error (with --json, as {"error": {...}} on stdout); 8 --apply or
--discard failed (nothing was applied).
`;

export const runCommand: Subcommand = {
  name: 'run',
  summary: 'run a command in the sandbox (after the policy check); --apply a snapshot run',
  help,
  options: {
    mode: { type: 'string' },
    timeout: { type: 'string' },
    image: { type: 'string' },
    workspace: { type: 'string' },
    network: { type: 'boolean' },
    'allow-host': { type: 'string', multiple: true },
    yes: { type: 'boolean', short: 'y' },
    json: { type: 'boolean' },
    apply: { type: 'string' },
    'include-sensitive': { type: 'boolean' },
    discard: { type: 'string' },
    undo: { type: 'string' },
    raw: { type: 'boolean' },
  },
  allowPositionals: true,
  async run(ctx, { values, positionals }) {
    const json = values.json === true;
    if (typeof values.apply === 'string') return applyRun(ctx, values.apply, positionals, json, values['include-sensitive'] === true);
    if (typeof values.discard === 'string') return discardRun(ctx, values.discard, positionals, json);
    if (typeof values.undo === 'string') return undoRun(ctx, values.undo, positionals, json);
    return runInSandbox(ctx, values, positionals.join(' '), json);
  },
};

type RunValues = Parameters<Subcommand['run']>[1]['values'];

async function applyRun(ctx: CliContext, runId: string, positionals: string[], json: boolean, includeSensitive: boolean): Promise<number> {
  if (positionals.length > 0) throw new UsageError('--apply takes a run id and no command');
  const paladin = await ctx.paladin();
  const settled = await settling(ctx, async () => {
    const pending = await paladin.pendingChanges(runId);
    if (!json) for (const line of describeConsequences(pending.consequences)) ctx.err.write(`[paladin] ${line}\n`);
    return { pending, result: await paladin.apply(ctx.actor, runId, { includeSensitive }) };
  });
  if (typeof settled === 'number') return settled;
  const { pending, result } = settled;
  if (json) ctx.out.write(JSON.stringify({ runId, consequences: pending.consequences, ...result }) + '\n');
  else printApplied(ctx, result, runId);
  return Exit.ok;
}

async function discardRun(ctx: CliContext, runId: string, positionals: string[], json: boolean): Promise<number> {
  if (positionals.length > 0) throw new UsageError('--discard takes a run id and no command');
  const paladin = await ctx.paladin();
  const failed = await settling(ctx, () => paladin.discard(ctx.actor, runId));
  if (typeof failed === 'number') return failed;
  if (json) ctx.out.write(JSON.stringify({ runId, discarded: true }) + '\n');
  else ctx.err.write(`discarded the changes of run ${runId}\n`);
  return Exit.ok;
}

/** The run options a command line asks for, checked. */
function runOptions(values: RunValues, command: string) {
  if (command.trim() === '') throw new UsageError('give the command to run, e.g. paladin run "ls -la"');
  const mode = values.mode as string | undefined;
  if (mode !== undefined && !['ro', 'snapshot', 'live'].includes(mode)) throw new UsageError(`--mode must be ro, snapshot or live, not "${mode}"`);
  let timeoutSeconds: number | undefined;
  if (values.timeout !== undefined) {
    timeoutSeconds = Number(values.timeout);
    if (!Number.isFinite(timeoutSeconds) || timeoutSeconds < 1 || timeoutSeconds > 3600) throw new UsageError(`--timeout must be seconds from 1 to 3600, not "${String(values.timeout)}"`);
  }
  return {
    command,
    workspace: values.workspace as string | undefined,
    mode: mode as WorkspaceMode | undefined,
    network: values.network === true,
    ...(values['allow-host'] ? { allowHosts: values['allow-host'] as string[] } : {}),
    timeoutSeconds,
    image: values.image as string | undefined,
    approved: values.yes === true,
  };
}

async function runInSandbox(ctx: CliContext, values: RunValues, command: string, json: boolean): Promise<number> {
  const options = runOptions(values, command);
  // A one-shot process cannot profit from warm containers; do not make any.
  ctx.settings.sandbox.poolSize = 0;
  const paladin = await ctx.paladin();
  let lastOut = '\n';
  const streams = values.raw === true && ctx.raw ? ctx.raw : ctx;
  const stream = {
    signal: ctx.signal,
    onOutput: (chunk: { stream: 'stdout' | 'stderr'; text: string }) => {
      if (chunk.stream === 'stdout') {
        streams.out.write(chunk.text);
        lastOut = chunk.text;
      } else streams.err.write(chunk.text);
    },
  };
  let result: RunResult;
  try {
    result = await paladin.run(ctx.actor, options, stream);
  } catch (err) {
    const policy = (err as { policy?: PolicyDecision }).policy;
    if (!json && policy && err instanceof RequestError && (err.code === 'denied' || err.code === 'needs-approval')) {
      ctx.err.write(formatRules(command, policy).join('\n') + '\n');
    }
    if (!(err instanceof RequestError) || err.code !== 'needs-approval' || options.approved || !ctx.interactive) throw err;
    ctx.err.write(`${err.message}\n`);
    if (!(await ctx.ask('Run it?'))) {
      ctx.err.write('not run.\n');
      return Exit.ask;
    }
    result = await paladin.run(ctx.actor, { ...options, approved: true }, stream);
  }
  report(ctx, result, json, lastOut);
  if (!json && ctx.interactive && (result.changes?.length ?? 0) > 0) await offerApply(ctx, paladin, result.runId, values['include-sensitive'] === true);
  if (result.end === 'exited' && result.exitCode === 0) return Exit.ok;
  return result.end === 'sandbox error' ? Exit.failure : Exit.commandFailed;
}

/** Apply or discard; a refusal exits 6 with its reason (2 is for usage errors). */
async function settling<T>(ctx: CliContext, settle: () => Promise<T>): Promise<T | number> {
  try {
    return await settle();
  } catch (err) {
    if (!(err instanceof RequestError) || err.code !== 'invalid') throw err;
    ctx.err.write(`paladin run: ${err.message}\n`);
    return Exit.applyFailed;
  }
}

function report(ctx: CliContext, result: RunResult & { policy?: PolicyDecision }, json: boolean, lastOut: string): void {

  if (json) {
    if (!lastOut.endsWith('\n')) ctx.out.write('\n');
    ctx.out.write(JSON.stringify(result) + '\n');
    return;
  }
  for (const note of result.notes ?? []) ctx.err.write(`[paladin] ${note}\n`);
  for (const line of describeNetwork(result.network)) ctx.err.write(`[paladin] ${line}\n`);
  if (result.policy?.decision === 'ask' && result.mode !== 'live') {
    // The host verdict still stands: it ran without asking only because nothing left the sandbox.
    const ids = [...new Set(result.policy.rules.map((r) => r.id))].join(', ');
    ctx.err.write(`[paladin] on your machine this would need approval (${ids}); it ran in the sandbox (${result.mode}) instead${result.mode === 'snapshot' ? ': nothing is written to the workspace until you apply' : ''}.\n`);
  }
  if (result.end !== 'exited') ctx.err.write(`[paladin] ${result.end}${result.message ? `: ${result.message}` : ''}\n`);
  else if (result.exitCode !== 0) ctx.err.write(`[paladin] exit code ${result.exitCode}\n`);
  const changes = result.changes ?? [];
  if (changes.length > 0) {
    ctx.err.write(`[paladin] the run changed ${changes.length} file${changes.length === 1 ? '' : 's'} in its copy of the workspace:\n`);
    for (const c of changes) ctx.err.write(`  ${c.kind.padEnd(7)} ${c.path}${c.sensitive ? '  (inside .git/ or .vscode/: needs --include-sensitive)' : ''}${c.binary ? '  (binary)' : ''}\n`);
    for (const c of changes) if (c.diff) ctx.err.write(c.diff);
    for (const line of describeConsequences(result.consequences ?? summariseChanges(changes))) ctx.err.write(`[paladin] ${line}\n`);
    ctx.err.write(`[paladin] apply with: paladin run --apply ${result.runId}   (or drop: paladin run --discard ${result.runId})\n`);
  } else if (result.mode === 'snapshot' && result.end === 'exited') {
    ctx.err.write('[paladin] the run changed no files.\n');
  }
}

/** Consent moves to Apply: the consequences were just printed; a person at a terminal says yes or no. */
async function offerApply(ctx: CliContext, paladin: Paladin, runId: string, includeSensitive: boolean): Promise<void> {
  if (!(await ctx.ask('Apply these changes to the workspace?'))) {
    ctx.err.write(`[paladin] not applied; the changes are kept for 24 hours (paladin run --apply ${runId}).\n`);
    return;
  }
  printApplied(ctx, await paladin.apply(ctx.actor, runId, { includeSensitive }), runId);
}

function printApplied(ctx: CliContext, result: ApplyResult, runId: string): void {
  for (const p of result.applied) ctx.out.write(`applied  ${p}\n`);
  for (const s of result.skipped) ctx.out.write(`skipped  ${s.path}: ${s.reason}\n`);
  for (const f of result.failed ?? []) ctx.out.write(`failed   ${f.path}: ${f.reason}\n`);
  if (result.applied.length === 0 && result.skipped.length === 0 && (result.failed ?? []).length === 0) ctx.out.write('nothing to apply (the workspace already holds these changes)\n');
  if (result.applied.length > 0) ctx.err.write(`[paladin] take it back with: paladin run --undo ${runId}\n`);
}

async function undoRun(ctx: CliContext, runId: string, positionals: string[], json: boolean): Promise<number> {
  if (positionals.length > 0) throw new UsageError('--undo takes a run id and no command');
  const paladin = await ctx.paladin();
  const result = await settling(ctx, () => paladin.undo(ctx.actor, runId));
  if (typeof result === 'number') return result;
  if (json) ctx.out.write(JSON.stringify({ runId, ...result }) + '\n');
  else {
    for (const p of result.restored) ctx.out.write(`restored ${p}\n`);
    for (const s of result.skipped) ctx.out.write(`skipped  ${s.path}: ${s.reason}\n`);
    for (const f of result.failed ?? []) ctx.out.write(`failed   ${f.path}: ${f.reason}\n`);
    if (result.restored.length === 0 && result.skipped.length === 0) ctx.out.write('nothing to undo (the workspace already holds what the apply replaced)\n');
  }
  return (result.failed ?? []).length > 0 ? Exit.failure : Exit.ok;
}
