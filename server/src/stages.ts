// The contracts between the stages of a request. Each stage folder exports a
// factory that returns one of these; `paladin.ts` composes them, and the
// language server, the CLI and the HTTP API all go through that composition.

import type {
  Actor,
  ExplainResult,
  FileChange,
  OutputChunk,
  PlanResult,
  PlannerChoice,
  PlanStepName,
  PolicyDecision,
  RetrievedExample,
  RunResult,
  TeamServerStatus,
  WorkspaceMode,
} from './protocol/types';
import type { EndpointState } from './planner/modelEndpoint';

/** policy/: parse the command and evaluate the Rego policy on its facts. */
export interface PolicyStage {
  /** Built-in policy hash plus the organisation policy version and enabled user policy versions. */
  readonly version: string;
  /** `userId`: whose own policies apply (a team server judges each person with theirs). */
  check(command: string, options?: { workspace?: string; facts?: boolean; userId?: string }): Promise<PolicyDecision>;
  /** Reload user policies from the store (after add/enable/disable). */
  reload(): Promise<void>;
  /** Each person is judged with their own policies (a team server): a plan's command is judged again for the person who asked. */
  readonly perPerson?: boolean;
}

export type PlanProgress =
  | { kind: 'retrieved'; examples: RetrievedExample[] }
  | { kind: 'token'; text: string }
  | { kind: 'candidate'; command: string; confidence: number }
  | PlanStep;

/** The earlier plan a follow-up refines: its request, and its command when it is known by its history id. */
export interface RefineSource {
  request: string;
  command?: string;
  historyId?: string;
}

/** A step of the embedded planner or of the dry run, as it happens (see PlanStep in protocol/types.ts). */
export type PlanStep = { kind: 'step'; step: PlanStepName; text: string };

export interface PlanParams {
  request: string;
  workspace: string;
  planner?: PlannerChoice;
  count?: number;
  /** `request` is a follow-up refining this earlier plan. */
  refine?: RefineSource;
}

/** planner/: from a request in words to a validated, policy-checked plan. */
export interface PlannerStage {
  plan(params: PlanParams, options: { signal?: AbortSignal; onProgress?: (p: PlanProgress) => void }): Promise<PlanResult>;
  /** A run of `command` finished; feed the outcome back into retrieval. */
  learn(userId: string, command: string, description: string, succeeded: boolean): void;
  /** Which planner would answer now, for the status bar. */
  describe(): { active: 'ollama' | 'openai' | 'embedded'; detail: string };
  /** Each model endpoint's circuit breaker, requests in flight, answer time, tokens and last probe (no network). */
  endpointStates?(): EndpointState[];
  /**
   * A short plain-text summary of a run's long output by the configured
   * models, in planning order; undefined when none is configured or all fail
   * (never throws for a model's failure). Optional: stand-ins need not write summaries.
   */
  summarise?(output: string, options: { command: string; signal?: AbortSignal }): Promise<{ text: string; planner: 'ollama' | 'openai'; model: string } | undefined>;
  dispose(): void;
}

export interface RunParams {
  command: string;
  workspace: string;
  mode: WorkspaceMode;
  network?: boolean;
  /** Hosts added to the network allow-list for this run only (entries as in paladin.sandbox.network.allow). */
  allowHosts?: string[];
  timeoutSeconds?: number;
  image?: string;
  /** Who asked: runs queue fairly per user, and pending changes are capped per user. */
  userId?: string;
}

export interface UndoResult {
  restored: string[];
  skipped: { path: string; reason: string }[];
  failed?: { path: string; reason: string }[];
}

export interface ApplyResult {
  applied: string[];
  skipped: { path: string; reason: string }[];
  /** Paths that could not be written (the rest of an all-or-nothing apply was put back, or stayed as listed in `applied`). */
  failed?: { path: string; reason: string }[];
}

/** executor/: run in a locked-down container. */
export interface ExecutorStage {
  run(params: RunParams, options: { signal?: AbortSignal; onOutput?: (chunk: Omit<OutputChunk, 'runId'>) => void; runId?: string }): Promise<RunResult & { output?: Buffer }>;
  apply(runId: string, options?: { includeSensitive?: boolean }): Promise<ApplyResult>;
  /** The changes a snapshot run left and that are still waiting to be applied or discarded. */
  pendingChanges?(runId: string): Promise<FileChange[]>;
  discard(runId: string): Promise<void>;
  /** Restores what an apply replaced (refused when the files changed since). */
  undo?(runId: string): Promise<UndoResult>;
  status(): Promise<{ state: 'ready' | 'image missing' | 'docker unreachable' | 'runtime missing'; detail: string }>;
  dispose(): Promise<void>;
}

/** explainer/: a command broken into parts, each grounded in a manual. */
export interface ExplainerStage {
  explain(command: string, options?: { signal?: AbortSignal }): Promise<Omit<ExplainResult, 'policy'> & { policy?: PolicyDecision }>;
  /** The answer carries the verdict too (a team server's explainer): no separate policy check is asked for. */
  readonly judges?: boolean;
  /** Explains without asking anyone or writing any record, for hovers; default: this stage. */
  readonly offline?: ExplainerStage;
}

/**
 * remote/: the team server (`paladin.server.url`) whose policies and records
 * apply to this editor. Plan, check and explain reach it through the stages
 * above; these read its records and say how it is.
 */
export interface TeamLink {
  readonly url: string;
  readonly host: string;
  /** The server's history for the key's user, newest first (entries as GET /v1/history gives them). */
  history(filter: { search?: string; status?: string; limit: number }, signal?: AbortSignal): Promise<unknown[]>;
  /** The server's audit verification report (GET /v1/audit/verify). */
  verifyAudit(signal?: AbortSignal): Promise<{ intact: boolean; records: number; firstBroken?: { message?: string }; warnings?: string[]; ms?: number }>;
  status(signal?: AbortSignal): Promise<TeamServerStatus>;
  /** Requests began failing for a new reason (or work again); returns the unsubscribe. */
  onStateChange(listener: () => void): () => void;
}

export interface HistoryRecord {
  id?: string;
  actor: Actor;
  query: string;
  plannedCommand: string;
  reasoning?: string;
  planner?: string;
  policyDecision?: string;
  workspace?: string;
  status: string;
}

/** records/: history and the tamper-evident audit log. */
export interface RecordsStage {
  recordPlan(entry: HistoryRecord): string;
  /** `policyDecision`: what the policy said about the command as run (allow, or ask once approved). */
  recordRunStart(historyId: string | undefined, actor: Actor, command: string, workspace: string, policyDecision?: string): string;
  recordRunEnd(historyId: string, result: RunResult, output?: Buffer): void;
  /** An edited command of a plan was checked again (optional: stand-ins need not keep history). */
  recordCheck?(historyId: string, actor: Actor, command: string, decision: string): void;
  /** A snapshot run's changes were applied, discarded, or an apply undone. */
  recordChanges?(runId: string, state: 'applied' | 'discarded' | 'undone'): void;
  audit(actor: Actor | undefined, action: string, resource: string | null, details: Record<string, unknown>): void;
}
