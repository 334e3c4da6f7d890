// The data that crosses every boundary of Paladin: between the stages of the
// server, to the editor over LSP, to the CLI's --json output and through the
// HTTP API. Plain JSON-serialisable shapes only.

/** Where a request came from; recorded in history and the audit log. */
export type Source = 'editor' | 'cli' | 'api' | AgentSource;

/** Coding agents that reach Paladin through its MCP server, hooks or language-model tools. */
export type AgentSource = 'mcp' | 'claude-code' | 'gemini' | 'cursor' | 'lm-tool';

/** Who is asking, as established by the gateway. */
export interface Actor {
  userId: string;
  source: Source;
  /** Remote address for API requests. */
  address?: string;
  /** The agent's own name for itself (an MCP client's name, a chat model), when it gave one. */
  client?: string;
}

// ---------------------------------------------------------------- policy

export type Decision = 'allow' | 'ask' | 'deny';

export interface RuleHit {
  /** Stable rule id, e.g. `fs.delete-root`. */
  id: string;
  severity: 'deny' | 'ask';
  /** Written for a person. */
  reason: string;
  /** Index into the facts' `commands` list of the command that fired it, or -1. */
  command_index: number;
  /** Where the rule is written: a .rego file (relative to Paladin's folder), `org-policy:NAME@vN` (N: the organisation policy version) or `user-policy:NAME@vN`, and its 1-based line. */
  source?: { file: string; line: number };
  /** Which tier of policy produced the hit; absent means built-in. */
  tier?: 'org' | 'user';
  /** Character offsets [start, end) into the command of the part that fired the rule. */
  span?: [number, number];
  /** A safer way to get the same done, when there is one (e.g. "use `git clean -n` to preview"). */
  alternative?: string;
}

/**
 * The second verdict: may this command run in the sandbox as asked, without a
 * person? Offline `ro` and `snapshot` runs need nobody (unless the policy
 * denies); what crosses the sandbox's boundary does (network, live mode).
 */
export interface SandboxVerdict {
  /** deny: never runs anywhere; ask: needs a person first; allow: runs as asked. */
  decision: Decision;
  needsApproval: boolean;
  mode: WorkspaceMode;
  network: boolean;
  /** Why a person is needed (empty when not), or why it never runs. */
  reasons: string[];
  /** What else to know: e.g. the command uses the network but runs offline. */
  notes: string[];
}

export interface RiskSummary {
  reads: string[];
  writes: string[];
  deletes: string[];
  network: boolean;
  privilege: boolean;
  /** Anything else the policy wants a person to notice. */
  [key: string]: unknown;
}

export interface PolicyDecision {
  decision: Decision;
  rules: RuleHit[];
  risk: RiskSummary;
  /** Which policy set decided: built-in hash plus enabled user policy versions. */
  policyVersion: string;
  /** The sandbox verdict for the mode and network asked for (default mode, offline when not given). */
  sandbox?: SandboxVerdict;
  /** `ask` rules a user shape rule turned off for exactly this command shape. */
  waived?: (RuleHit & { waivedBy: string })[];
  /** Present when requested: the facts document the policy saw. */
  facts?: unknown;
}

// ---------------------------------------------------------------- planner

export type PlannerName = 'ollama' | 'openai' | 'embedded';
export type PlannerChoice = 'auto' | PlannerName;

export interface RetrievedExample {
  id: string;
  command: string;
  description: string;
  score: number;
  /** `corpus` for Paladin's own knowledge, `history` for the user's past runs. */
  origin: 'corpus' | 'history';
}

export interface PlanCandidate {
  command: string;
  confidence: number;
  explanation?: string;
}

export interface PlanResult {
  request: string;
  command: string;
  reasoning: string;
  assumptions: string[];
  expectedEffects: string[];
  planner: PlannerName;
  /**
   * Why other planners were skipped (circuit open, unreachable, bad answer).
   * `endpoint`: the model endpoint's name when it was tried and failed or its
   * circuit is open; absent when the planner is not configured (no model, no key).
   */
  skipped: { planner: PlannerName; reason: string; endpoint?: string }[];
  confidence: number;
  candidates: PlanCandidate[];
  retrieved: RetrievedExample[];
  policy: PolicyDecision;
  cache: 'hit' | 'miss';
  timings: Record<string, number>;
  /** History row this plan was recorded as. */
  historyId?: string;
  /**
   * True when Paladin does not know a good command for the request (it is not
   * a shell task, or no candidate fits it): `command` is empty, `suggestions`
   * holds the nearest candidates and `help` says what would make it plannable.
   */
  abstained?: boolean;
  suggestions?: PlanCandidate[];
  help?: string[];
  /** Values the plan still needs: the command holds `<slot>` and cannot run until they are given. */
  missing?: MissingSlot[];
  /** Candidates turned away because they would do more than the request asked. */
  rejected?: PlanRejection[];
  /** What the request was read as asking: its acts (empty: only to look) and the folders it names. */
  intent?: { actions: string[]; scope: string[] };
  /** The top candidates tried in the sandbox (never on the workspace itself), when dry runs are on. */
  dryRun?: PlanDryRun;
  /** Set when the plan refines an earlier one (`refine` in the plan request). */
  refined?: PlanRefinement;
}

/**
 * What a follow-up refined. `request` in the result is then the earlier
 * request and the follow-up read together (what the intent checks judged);
 * `changes` is set when the earlier command itself was rewritten and that
 * rewrite is the plan.
 */
export interface PlanRefinement {
  /** The earlier plan's history id, when it was given by id (or `last`). */
  historyId?: string;
  /** The earlier request. */
  request: string;
  /** The earlier plan's command, when known. */
  command?: string;
  /** The follow-up as given ("only .ts files"). */
  followUp: string;
  /** The changes made to the earlier command, in words ("only *.ts", "not recursive"); absent when planned afresh. */
  changes?: string[];
}

/** Steps reported while planning: which knowledge was found, how slots were filled, what the checks kept, the dry run. */
export type PlanStepName = 'retrieved' | 'filled' | 'checked' | 'dryRun' | 'refined';

/** A plan's unfilled slot and how to give it. */
export interface MissingSlot {
  slot: string;
  hint: string;
}

/** A candidate the planner refused to show, and why. */
export interface PlanRejection {
  command: string;
  planner: PlannerName;
  reason: string;
}

/** What the dry run of the plan's top candidates found. */
export interface PlanDryRun {
  /** False when dry runs are off or could not run (`note` says why). */
  checked: boolean;
  note?: string;
  /**
   * Each candidate tried: how it ended and what it showed or changed. `mode`:
   * `ro` for a command the policy finds read-only (the workspace mounted
   * read-only), `snapshot` for any other (a throw-away snapshot).
   */
  tried: { command: string; mode?: 'ro' | 'snapshot'; exitCode: number | null; fits: boolean; why: string; preview: string; changes: number }[];
}

// ---------------------------------------------------------------- executor

export type WorkspaceMode = 'ro' | 'snapshot' | 'live';

/** How a run ended. */
export type RunEnd = 'exited' | 'timeout' | 'memory limit' | 'output limit' | 'cancelled' | 'sandbox error';

export interface FileChange {
  path: string;
  kind: 'created' | 'changed' | 'deleted';
  /** Size in bytes: after the run for created/changed files, before it for deleted ones. */
  bytes?: number;
  /** Unified diff for text files. */
  diff?: string;
  binary?: boolean;
  /** Needs a separate confirmation to apply (.git/, .vscode/). */
  sensitive?: boolean;
}

export interface RunResult {
  runId: string;
  command: string;
  exitCode: number | null;
  end: RunEnd;
  /** Set when end is 'sandbox error' or to add detail to other ends. */
  message?: string;
  durations: { queueMs: number; startMs: number; runMs: number };
  bytes: { stdout: number; stderr: number };
  truncated: boolean;
  mode: WorkspaceMode;
  image: string;
  changes?: FileChange[];
  /** What applying `changes` would do to the workspace, for the person who decides. */
  consequences?: Consequences;
  outputHash?: string;
  historyId?: string;
  /** Plain sentences on how the run differs from what was asked (who it ran as, a copy instead of the folder). */
  notes?: string[];
  /** A run granted network: what it reached through the allow-list and what it was refused. */
  network?: NetworkReport;
}

/** One connection a sandbox asked its egress proxy for. */
export interface NetworkConnection {
  /** The host as asked, canonical (lower case, ASCII, `[v6]`). */
  host: string;
  port: number;
  /** CONNECT (a tunnel, usually TLS) or HTTP (a plain request forwarded). */
  method: 'CONNECT' | 'HTTP';
  allowed: boolean;
  /** Why it was refused or failed. */
  reason?: string;
  /** The address connected to (resolved and checked by the proxy). */
  address?: string;
  /** Bytes from the sandbox out, and back in to it (for HTTP, the bodies; for CONNECT, everything in the tunnel). */
  bytesOut: number;
  bytesIn: number;
  startedAt: string;
  ms: number;
}

/** A run's network: the allow-list it had, each connection, and the refused `host:port`s. */
export interface NetworkReport {
  allow: string[];
  connections: NetworkConnection[];
  refused: string[];
  /** Connections past the logged number, only counted. */
  unlogged?: number;
  total: number;
}

/** What applying a snapshot run's changes would do, summed up for a person. */
export interface Consequences {
  files: { created: number; changed: number; deleted: number };
  /** Bytes written by created and changed files; bytes of the files deleted. */
  bytes: { written: number; deleted: number };
  /** Per top-level folder of the workspace (`.` for files at its root), most files first. */
  folders: { folder: string; created: number; changed: number; deleted: number }[];
  /** Paths that deserve a second look: inside .git/ or .vscode/, or dotfiles tools read at start-up. */
  sensitive: { path: string; kind: FileChange['kind']; why: 'git' | 'vscode' | 'dotfile'; needsIncludeSensitive: boolean }[];
  /** Symbolic links the run created or changed. */
  links: number;
}

export interface OutputChunk {
  runId: string;
  stream: 'stdout' | 'stderr';
  /** UTF-8 text (invalid sequences replaced). */
  text: string;
}

// ---------------------------------------------------------------- explainer

export interface ExplainPart {
  kind: 'program' | 'flag' | 'argument' | 'redirect' | 'pipe' | 'operator' | 'substitution' | 'assignment' | 'subcommand';
  text: string;
  explanation: string;
  /** Where the explanation came from. */
  source: 'manual' | 'help' | 'knowledge' | 'model' | 'syntax' | 'unknown';
  /** Where a manual's text was read, for a person (`man page, host`, `--help, image paladin-test:busybox`); shown once, beside `source`. */
  origin?: string;
  /** Index of the program part this belongs to. */
  program?: number;
}

export interface ExplainResult {
  command: string;
  summary: string;
  parts: ExplainPart[];
  policy: PolicyDecision;
}

// ---------------------------------------------------------------- history

/** Where a history entry stands: planned, checked after an edit, denied by the policy, running, ran, and what became of its changes. */
export type HistoryStage = 'planned' | 'checked' | 'denied' | 'judged' | 'running' | 'ran' | 'applied' | 'discarded' | 'undone';

// ---------------------------------------------------------------- status

export interface ServerStatus {
  state: 'starting' | 'ready' | 'error';
  message?: string;
  planner: { active: PlannerName; detail: string };
  sandbox: { state: 'ready' | 'image missing' | 'docker unreachable' | 'runtime missing' | 'unknown'; detail: string };
  dbPath: string;
  /** Set when a team server (`paladin.server.url`) answers plan, check, explain, history and audit. */
  team?: TeamServerStatus;
}

/** The team server as last seen: reachable with a good key, or why not (in words a person can act on). */
export interface TeamServerStatus {
  url: string;
  /** host[:port], for the status bar. */
  host: string;
  state: 'connected' | 'no key' | 'unauthorized' | 'unreachable' | 'tls' | 'refused' | 'error';
  detail: string;
  /** The server's version from GET /v1/health. */
  version?: string;
}
