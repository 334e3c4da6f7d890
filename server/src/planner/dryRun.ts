// Checked by a dry run: the plan's top candidates run in the sandbox, never
// on the real workspace, and the first whose result fits the request is
// preferred: output for a question, no error, the expected kind of change
// for an action. A candidate the policy finds read-only runs as it would by
// default, with the workspace mounted read-only (nothing to copy, read back
// or discard); any other runs in a throw-away snapshot. A candidate the
// policy denies, one that reaches the network and one with an unfilled slot
// is never tried.

import type { FileChange, PlanDryRun, PlanResult, PolicyDecision } from '../protocol/types';
import type { ExecutorStage, PlanProgress, PolicyStage } from '../stages';
import { RequestError } from '../kernel';
import { defaultMode, sandboxVerdict } from '../policy/sandboxVerdict';
import { placeholdersIn } from './placeholders';

export type DryRunMode = 'ro' | 'snapshot';

export interface DryRunner {
  /** Run `command` with the workspace read-only or in a snapshot; a snapshot's changes are kept aside until discarded. */
  run(command: string, mode: DryRunMode): Promise<{ runId: string; mode: DryRunMode; exitCode: number | null; end: string; stdout: string; changes: FileChange[] }>;
  discard(runId: string): Promise<void>;
  check(command: string): Promise<PolicyDecision>;
}

const PREVIEW_CHARS = 2_000;

/** Does this outcome give what the request asked for? */
export function fits(actions: string[], outcome: { exitCode: number | null; end: string; stdout: string; changes: FileChange[] }): { fits: boolean; why: string } {
  if (outcome.end !== 'exited') return { fits: false, why: `it ended by ${outcome.end}` };
  if (outcome.exitCode !== 0) return { fits: false, why: `it exited ${outcome.exitCode}` };
  if (actions.length === 0) {
    if (outcome.changes.length > 0) return { fits: false, why: `it changed ${outcome.changes.length} file(s) for a request to look` };
    return outcome.stdout.trim() === '' ? { fits: false, why: 'it printed nothing' } : { fits: true, why: 'it printed an answer and changed nothing' };
  }
  if (actions.includes('delete') && !outcome.changes.some((c) => c.kind === 'deleted')) return { fits: false, why: 'it deleted nothing' };
  if (actions.some((a) => a === 'create' || a === 'change' || a === 'move') && outcome.changes.length === 0 && outcome.stdout.trim() === '') return { fits: false, why: 'it changed nothing' };
  return { fits: true, why: outcome.changes.length > 0 ? `it changed ${outcome.changes.length} file(s) as asked` : 'it ran without error' };
}

/**
 * Try up to `top` candidates of `plan` in order; returns what was tried and
 * the command to prefer (the first that fits), if any did.
 */
export async function dryRunPlan(plan: PlanResult, runner: DryRunner, top = 2): Promise<{ dryRun: PlanDryRun; prefer?: string }> {
  const actions = plan.intent?.actions ?? [];
  const tried: PlanDryRun['tried'] = [];
  const commands = [plan.command, ...plan.candidates.map((c) => c.command)].filter((c, i, all) => c !== '' && all.indexOf(c) === i);
  let prefer: string | undefined;
  for (const command of commands) {
    if (tried.length >= top) break;
    if (placeholdersIn(command).length > 0) continue;
    const decision = await runner.check(command);
    // Only what could run in a copy without anyone's approval: never a denied, networked or approval-needing one.
    if (decision.decision === 'deny' || decision.risk.network || sandboxVerdict(decision, { mode: 'snapshot', network: false }).needsApproval) continue;
    // What a run of it would get by default: read-only when the policy finds it writes and deletes nothing.
    const mode: DryRunMode = defaultMode(decision) === 'ro' ? 'ro' : 'snapshot';
    const outcome = await runner.run(command, mode);
    // Only a snapshot that changed something keeps changes aside; they are never applied.
    if (outcome.changes.length > 0) await runner.discard(outcome.runId).catch(() => undefined);
    const verdict = fits(actions, outcome);
    tried.push({ command, mode: outcome.mode, exitCode: outcome.exitCode, fits: verdict.fits, why: verdict.why, preview: preview(outcome.stdout, outcome.changes), changes: outcome.changes.length });
    if (verdict.fits) {
      prefer = command;
      break;
    }
  }
  const note = tried.length === 0 ? 'no candidate could be tried: each needs approval (denied or reaching the network) or still has a value to fill in' : undefined;
  return { dryRun: { checked: tried.length > 0, ...(note ? { note } : {}), tried }, prefer };
}

/** One offline run of `command` through the executor, its output kept (up to 64,000 characters). */
async function runIn(executor: ExecutorStage, params: { command: string; workspace: string; mode: DryRunMode }, signal?: AbortSignal) {
  let stdout = '';
  const onOutput = (c: { stream: string; text: string }) => {
    if (c.stream === 'stdout' && stdout.length < 64_000) stdout += c.text;
  };
  const r = await executor.run({ ...params, network: false }, { signal, onOutput });
  return { runId: r.runId, mode: params.mode, exitCode: r.exitCode, end: r.end, stdout, changes: r.changes ?? [] };
}

function preview(stdout: string, changes: FileChange[]): string {
  const lines = changes.slice(0, 20).map((c) => `${c.kind} ${c.path}`);
  const text = [stdout.slice(0, PREVIEW_CHARS), ...lines].filter((x) => x !== '').join('\n');
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
}

type SandboxState = Awaited<ReturnType<ExecutorStage['status']>>;

/** Whether the sandbox can run a dry run; never rejects. Asked while the plan is made, it costs the plan nothing. */
export function sandboxState(executor: ExecutorStage): Promise<SandboxState> {
  return executor.status().catch((err: Error) => ({ state: 'docker unreachable' as const, detail: err.message }));
}

/**
 * Check `plan` by a dry run through the executor stage, when Docker is there;
 * prefer the candidate that fits. Says why when it cannot run.
 */
export async function checkByDryRun(
  plan: PlanResult,
  stages: { executor: ExecutorStage; policy: PolicyStage },
  workspace: string,
  signal?: AbortSignal,
  onProgress?: (p: PlanProgress) => void,
  ready: Promise<SandboxState> = sandboxState(stages.executor),
): Promise<PlanResult> {
  if (plan.abstained) return plan;
  const status = await ready;
  if (status.state !== 'ready') {
    const note = `no dry run: the sandbox is not available (${status.state}: ${status.detail})`;
    onProgress?.({ kind: 'step', step: 'dryRun', text: note });
    return { ...plan, dryRun: { checked: false, note, tried: [] } };
  }
  // Each candidate is judged once: the one preferred keeps the decision it was tried with.
  const decisions = new Map<string, Promise<PolicyDecision>>();
  const runner: DryRunner = {
    check: (command) => {
      const known = decisions.get(command) ?? stages.policy.check(command, { workspace });
      decisions.set(command, known);
      return known;
    },
    discard: (runId) => stages.executor.discard(runId),
    run: async (command, mode) => {
      try {
        return await runIn(stages.executor, { command, workspace, mode }, signal);
      } catch (err) {
        // A workspace that may not be mounted read-only here (mounts below it, sockets) can still be tried in a snapshot.
        if (mode === 'snapshot' || !(err instanceof RequestError)) throw err;
        return runIn(stages.executor, { command, workspace, mode: 'snapshot' }, signal);
      }
    },
  };
  const { dryRun, prefer } = await dryRunPlan(plan, runner);
  for (const t of dryRun.tried) onProgress?.({ kind: 'step', step: 'dryRun', text: `dry run of ${t.command}: ${t.fits ? 'fits' : 'does not fit'} (${t.why})` });
  if (dryRun.note) onProgress?.({ kind: 'step', step: 'dryRun', text: dryRun.note });
  if (!prefer || prefer === plan.command) return { ...plan, dryRun };
  const policy = await runner.check(prefer);
  const first = dryRun.tried[0];
  return {
    ...plan,
    command: prefer,
    policy,
    reasoning: `${plan.reasoning} Checked by a dry run: ${first ? `${first.command} did not fit (${first.why}); ` : ''}this one did.`,
    candidates: [...plan.candidates.filter((c) => c.command === prefer), ...plan.candidates.filter((c) => c.command !== prefer)],
    dryRun,
  };
}
