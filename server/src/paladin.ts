// The request flow, composed once: gateway → planner → policy → executor →
// records, over one store. The language server, the CLI and the HTTP API are
// thin fronts over this class; none of them plans, checks or runs by itself.

import { dataFolders } from './gateway/workspaceGrant';
import type { Actor, Consequences, ExplainResult, FileChange, OutputChunk, PlanResult, PlannerChoice, PolicyDecision, RunResult, WorkspaceMode } from './protocol/types';
import { checkByDryRun, sandboxState } from './planner/dryRun';
import { refineSource } from './planner/refine';
import { placeholdersIn, slotHint } from './planner/placeholders';
import type { Settings } from './settings/settings';
import type { Db } from './store/database';
import { summariseChanges } from './executor/consequences';
import { networkRecord } from './records/networkRecord';
import { allowShape, shapeRuleDir, type AllowShapeResult } from './policy/allowShape';
import { ShapeRuleError } from './policy/shapeRule';
import { defaultMode as sandboxDefaultMode, sandboxVerdict, type SandboxRequest } from './policy/sandboxVerdict';
import type { ApplyResult, ExecutorStage, ExplainerStage, PlannerStage, PlanProgress, PolicyStage, RecordsStage, TeamLink, UndoResult } from './stages';

// The shared kernel lives in kernel.ts; re-exported so existing importers keep compiling.
export { MAX_COMMAND_CHARS, MAX_REQUEST_CHARS, RequestError, resolveWorkspace, validateCommand } from './kernel';
import { MAX_REQUEST_CHARS, RequestError, resolveWorkspace, validateCommand } from './kernel';

export interface Stages {
  policy: PolicyStage;
  planner: PlannerStage;
  executor: ExecutorStage;
  explainer: ExplainerStage;
  records: RecordsStage;
  /** Set when a team server answers plan, check, explain, history and audit (runs stay on this machine). */
  team?: TeamLink;
}

export interface RunOptions {
  command: string;
  workspace?: string;
  mode?: WorkspaceMode;
  /** The person approved an `ask` decision (and the live mount, in live mode). */
  approved?: boolean;
  network?: boolean;
  /** Hosts allowed for this run on top of paladin.sandbox.network.allow (with `network`). */
  allowHosts?: string[];
  timeoutSeconds?: number;
  /** Sandbox image for this run; defaults to paladin.sandbox.image. */
  image?: string;
  historyId?: string;
  /** Running is refused in an untrusted workspace. */
  trusted?: boolean;
}

export class Paladin {
  constructor(
    readonly db: Db,
    readonly settings: Settings,
    readonly stages: Stages,
  ) {}

  /** The folders of Paladin's own data (database, audit key): never a workspace. */
  get dataDirs(): string[] {
    return dataFolders(this.settings.database.path);
  }

  async plan(
    actor: Actor,
    params: { request: string; workspace?: string; planner?: PlannerChoice; count?: number; dryRun?: boolean; refine?: string },
    options: { signal?: AbortSignal; onProgress?: (p: PlanProgress) => void } = {},
  ): Promise<PlanResult> {
    const request = (params.request ?? '').trim();
    if (request === '') throw new RequestError('The request is empty: say what you want done, e.g. "list the 10 biggest files under src".');
    if (request.length > MAX_REQUEST_CHARS) throw new RequestError(`The request is ${request.length} characters long; the limit is ${MAX_REQUEST_CHARS}. Shorten it.`);
    const workspace = resolveWorkspace(params.workspace, this.dataDirs);
    const refine = params.refine === undefined ? undefined : refineSource(this.db, actor.userId, params.refine);
    // The engine is asked whether a dry run can be made while the plan is being made.
    const sandbox = params.dryRun ? sandboxState(this.stages.executor) : undefined;
    let result = await this.stages.planner.plan({ request, workspace, planner: params.planner, count: params.count, refine }, options);
    if (sandbox) result = await checkByDryRun(result, this.stages, workspace, options.signal, options.onProgress, sandbox);
    // The planner's checks know no person; on a team server the plan's command is judged again with the asker's own policies.
    if (this.stages.policy.perPerson && result.command && !result.abstained) result.policy = await this.stages.policy.check(result.command, { workspace, userId: actor.userId });
    result.policy.sandbox ??= sandboxVerdict(result.policy);
    result.historyId = this.stages.records.recordPlan({
      actor,
      query: request,
      plannedCommand: result.command,
      reasoning: result.reasoning,
      planner: result.planner,
      policyDecision: result.policy.decision,
      workspace,
      status: 'planned',
    });
    this.stages.records.audit(actor, 'plan', result.historyId, {
      request,
      command: result.command,
      planner: result.planner,
      decision: result.policy.decision,
      rules: result.policy.rules.map((r) => r.id),
      policyVersion: result.policy.policyVersion,
      cache: result.cache,
      ...(result.abstained ? { abstained: true } : {}),
      ...(result.missing ? { missing: result.missing.map((m) => m.slot) } : {}),
      ...(result.rejected ? { rejected: result.rejected.map((r) => ({ command: r.command, planner: r.planner, reason: r.reason })) } : {}),
      // A model endpoint that failed (or whose circuit is open) is why another planner answered.
      ...(result.skipped.some((s) => s.endpoint) ? { skipped: result.skipped.filter((s) => s.endpoint) } : {}),
    });
    return result;
  }

  /** `historyId`: the command is a plan's, edited by a person; the history keeps the check. */
  async check(actor: Actor, command: string, options: { workspace?: string; facts?: boolean; historyId?: string } & SandboxRequest = {}): Promise<PolicyDecision> {
    validateCommand(command);
    const decision = await this.stages.policy.check(command, { workspace: options.workspace ? resolveWorkspace(options.workspace, this.dataDirs) : undefined, facts: options.facts, userId: actor.userId });
    decision.sandbox = sandboxVerdict(decision, { mode: options.mode, network: options.network });
    this.stages.records.audit(actor, 'check', null, {
      command,
      decision: decision.decision,
      rules: decision.rules.map((r) => r.id),
      policyVersion: decision.policyVersion,
    });
    if (options.historyId) this.stages.records.recordCheck?.(options.historyId, actor, command, decision.decision);
    return decision;
  }

  async run(
    actor: Actor,
    options: RunOptions,
    stream: { signal?: AbortSignal; onOutput?: (chunk: OutputChunk) => void; runId?: string } = {},
  ): Promise<RunResult & { policy: PolicyDecision }> {
    validateCommand(options.command);
    refuseUnfilledSlots(options.command);
    const workspace = resolveWorkspace(options.workspace, this.dataDirs);
    if (options.trusted === false) {
      throw new RequestError('This workspace is not trusted, so Paladin will not run commands in it. Planning, explaining and checking still work; trust the workspace to run.', 'untrusted');
    }
    const policy = await this.stages.policy.check(options.command, { workspace, userId: actor.userId });
    // The gate, once for every front: the host verdict refuses, the sandbox verdict asks.
    const sandbox = (policy.sandbox = sandboxVerdict(policy, { mode: options.mode, network: options.network }));
    const mode = sandbox.mode;
    const audit = { command: options.command, decision: policy.decision, rules: policy.rules.map((r) => r.id), policyVersion: policy.policyVersion };
    this.gate(actor, options, policy, sandbox, audit);

    const historyId = this.stages.records.recordRunStart(options.historyId, actor, options.command, workspace, policy.decision);
    this.stages.records.audit(actor, 'run.start', historyId, {
      ...audit,
      mode,
      network: options.network === true,
      ...(options.allowHosts?.length ? { allowHosts: options.allowHosts } : {}),
      image: options.image ?? this.settings.sandbox.image,
      limits: this.settings.sandbox,
    });
    let result: RunResult & { output?: Buffer };
    try {
      result = await this.stages.executor.run(
        { command: options.command, workspace, mode, network: options.network === true, allowHosts: options.allowHosts, timeoutSeconds: options.timeoutSeconds, image: options.image, userId: actor.userId },
        {
          signal: stream.signal,
          runId: stream.runId,
          onOutput: stream.onOutput ? (chunk) => stream.onOutput?.({ ...chunk, runId: stream.runId ?? '' }) : undefined,
        },
      );
    } catch (err) {
      this.recordSandboxError(actor, historyId, { ...options, runId: stream.runId }, mode, (err as Error).message);
      throw err;
    }
    const { output, ...plain } = result;
    if (plain.changes && plain.changes.length > 0) plain.consequences = summariseChanges(plain.changes);
    this.stages.records.recordRunEnd(historyId, plain, output);
    this.stages.records.audit(actor, 'run.end', historyId, {
      runId: plain.runId,
      end: plain.end,
      exitCode: plain.exitCode,
      durations: plain.durations,
      bytes: plain.bytes,
      truncated: plain.truncated,
      outputHash: plain.outputHash,
      changes: plain.changes?.length,
      ...(plain.network ? { network: networkRecord(plain.network) } : {}),
    });
    if (plain.end === 'exited' || plain.end === 'timeout' || plain.end === 'memory limit') {
      this.stages.planner.learn(actor.userId, options.command, '', plain.end === 'exited' && plain.exitCode === 0);
    }
    return { ...plain, historyId, policy };
  }

  /** The gate, once for every front: the host verdict refuses, the sandbox verdict asks. */
  private gate(actor: Actor, options: RunOptions, policy: PolicyDecision, sandbox: NonNullable<PolicyDecision['sandbox']>, audit: Record<string, unknown>): void {
    const mode = sandbox.mode;
    if (policy.decision === 'deny') {
      this.stages.records.audit(actor, 'run.denied', options.historyId ?? null, audit);
      const reasons = policy.rules.filter((r) => r.severity === 'deny').map((r) => `${r.id}: ${r.reason}`);
      throw Object.assign(new RequestError(`Paladin's policy denies this command.\n${reasons.join('\n')}`, 'denied'), { policy });
    }
    if (sandbox.needsApproval && !options.approved) {
      this.stages.records.audit(actor, 'run.needs-approval', options.historyId ?? null, { ...audit, mode, network: sandbox.network, why: sandbox.reasons });
      throw Object.assign(new RequestError(`This command needs your approval before it runs:\n${sandbox.reasons.join('\n')}`, 'needs-approval'), { policy });
    }
    if (sandbox.needsApproval) this.stages.records.audit(actor, 'run.approved', options.historyId ?? null, { ...audit, mode, network: sandbox.network, approvedBy: actor.userId, source: actor.source });
  }

  /** A run the sandbox could not carry out still ends in the history and the audit log. */
  private recordSandboxError(actor: Actor, historyId: string, options: RunOptions & { runId?: string }, mode: WorkspaceMode, message: string): void {
    const failed: RunResult = {
      runId: options.runId ?? '',
      command: options.command,
      exitCode: null,
      end: 'sandbox error',
      message,
      durations: { queueMs: 0, startMs: 0, runMs: 0 },
      bytes: { stdout: 0, stderr: 0 },
      truncated: false,
      mode,
      image: options.image ?? this.settings.sandbox.image,
    };
    this.stages.records.recordRunEnd(historyId, failed);
    this.stages.records.audit(actor, 'run.end', historyId, { end: 'sandbox error', message });
  }

  async apply(actor: Actor, runId: string, options: { includeSensitive?: boolean } = {}): Promise<ApplyResult> {
    const result = await this.stages.executor.apply(runId, options);
    this.stages.records.audit(actor, 'apply', runId, { applied: result.applied, skipped: result.skipped, includeSensitive: options.includeSensitive === true });
    if (result.applied.length > 0) this.stages.records.recordChanges?.(runId, 'applied');
    return result;
  }

  /** What applying a snapshot run's pending changes would do, before a person says yes. */
  async pendingChanges(runId: string): Promise<{ changes: FileChange[]; consequences: Consequences }> {
    if (!this.stages.executor.pendingChanges) throw new RequestError('This sandbox cannot list pending changes.', 'unavailable');
    const changes = await this.stages.executor.pendingChanges(runId);
    return { changes, consequences: summariseChanges(changes) };
  }

  /** Restores what applying a snapshot run replaced; every attempt is audited, refused ones too. */
  async undo(actor: Actor, runId: string): Promise<UndoResult> {
    if (!this.stages.executor.undo) throw new RequestError('This sandbox cannot undo an apply.', 'unavailable');
    let result: UndoResult;
    try {
      result = await this.stages.executor.undo(runId);
    } catch (err) {
      this.stages.records.audit(actor, 'undo', runId, { refused: (err as Error).message });
      throw err;
    }
    this.stages.records.audit(actor, 'undo', runId, { restored: result.restored, skipped: result.skipped, ...(result.failed ? { failed: result.failed } : {}) });
    if (result.restored.length > 0) this.stages.records.recordChanges?.(runId, 'undone');
    return result;
  }

  async discard(actor: Actor, runId: string): Promise<void> {
    await this.stages.executor.discard(runId);
    this.stages.records.audit(actor, 'discard', runId, {});
    this.stages.records.recordChanges?.(runId, 'discarded');
  }

  async explain(actor: Actor, command: string, options: { workspace?: string; signal?: AbortSignal } = {}): Promise<ExplainResult> {
    validateCommand(command);
    const explaining = this.stages.explainer.explain(command, { signal: options.signal });
    // A team server's explainer judges too: one request, and its verdict.
    const judging = this.stages.explainer.judges
      ? explaining.then((p) => p.policy ?? Promise.reject(new RequestError('The explainer gave no verdict for this command.', 'unavailable')))
      : this.stages.policy.check(command, { workspace: options.workspace ? resolveWorkspace(options.workspace, this.dataDirs) : undefined, userId: actor.userId });
    const [parts, policy] = await Promise.all([explaining, judging]);
    policy.sandbox = sandboxVerdict(policy);
    this.stages.records.audit(actor, 'explain', null, { command, decision: policy.decision });
    return { ...parts, policy };
  }

  /** Add a user rule allowing exactly this command's shape (its `ask` only; never a deny), then judge the command again. */
  async allowShape(actor: Actor, command: string, options: { workspace?: string; signal?: AbortSignal } = {}): Promise<AllowShapeResult & { policy: PolicyDecision }> {
    validateCommand(command);
    if (this.stages.team) throw new RequestError(`The team server ${this.stages.team.host} decides with the organisation's policies; a rule added on this machine would not apply. Ask its admin to add the rule there.`, 'invalid');
    const workspace = resolveWorkspace(options.workspace);
    const dir = shapeRuleDir(this.settings.database.path);
    let result: AllowShapeResult;
    try {
      result = await allowShape(this.db, command, { dir, workspace, createdBy: actor.userId, signal: options.signal });
    } catch (err) {
      if (err instanceof ShapeRuleError || (err as Error).name === 'UserPolicyError') throw new RequestError((err as Error).message, 'invalid');
      if ((err as Error).name === 'OpaMissingError') throw new RequestError((err as Error).message, 'unavailable');
      throw err;
    }
    await this.stages.policy.reload();
    this.stages.records.audit(actor, 'policy.allow-shape', result.rule.name, { command, version: result.row?.version, waives: result.rule.waives });
    return { ...result, policy: await this.check(actor, command, { workspace }) };
  }

  async dispose(): Promise<void> {
    this.stages.planner.dispose();
    await this.stages.executor.dispose();
  }
}

/** Read-only commands see the workspace read-only; anything that writes, deletes or is `ask` works on a copy. */
export function defaultMode(policy: PolicyDecision): WorkspaceMode {
  return sandboxDefaultMode(policy);
}
/** A plan that still holds `<slot>` is a question, not a command: it never runs. */
function refuseUnfilledSlots(command: string): void {
  const slots = placeholdersIn(command);
  if (slots.length === 0) return;
  const how = slots.map((s) => `<${s}>: ${slotHint(s)}`).join('; ');
  throw new RequestError(`This command still has ${slots.length === 1 ? 'a value' : 'values'} to fill in, so it will not run. Replace ${how} (or plan again with it in the request).`);
}
