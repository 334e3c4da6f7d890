// Paladin's custom LSP messages. The client, the server, the webview host and
// the CLI import this module; nothing else crosses between client and server.
//
// Streaming: output that belongs to one request travels as notifications keyed
// by an id the client chose (`streamId`), the pattern rust-analyzer uses for
// test output. Plan progress and run output both use it.

import { NotificationType, NotificationType0, RequestType } from 'vscode-languageserver-protocol';
import type {
  ExplainResult,
  HistoryStage,
  OutputChunk,
  PlanResult,
  PlannerChoice,
  PlanStepName,
  PolicyDecision,
  RetrievedExample,
  RunResult,
  ServerStatus,
  WorkspaceMode,
} from './types';
import type { Presentation } from './webview';

export * from './types';
export type { Presentation } from './webview';

/** client → server: plan a request. Progress streams as `paladin/planProgress`. */
export namespace PlanRequest {
  export const method = 'paladin/plan';
  export interface Params {
    request: string;
    workspace?: string;
    planner?: PlannerChoice;
    /** How many candidates to return. */
    count?: number;
    /** Chosen by the client; echoed in every `paladin/planProgress`. */
    streamId?: string;
    /** Try the top candidates in the sandbox, never on the workspace: read-only ones with it mounted read-only, others in throw-away snapshots (result field `dryRun`). */
    dryRun?: boolean;
    /**
     * Refine an earlier plan instead of starting over: its `historyId`, `last`
     * (this user's latest plan) or its request in words; `request` is then the
     * follow-up ("only .ts files", "not recursive"). Result field `refined`.
     */
    refine?: string;
  }
  export const type = new RequestType<Params, PlanResult, void>(method);
}

/** server → client: partial results of a `paladin/plan`, in order. */
export namespace PlanProgressNotification {
  export const method = 'paladin/planProgress';
  export type Params =
    | { streamId: string; kind: 'retrieved'; examples: RetrievedExample[] }
    | { streamId: string; kind: 'token'; text: string }
    | { streamId: string; kind: 'candidate'; command: string; confidence: number }
    /** A planning step as it ends: `retrieved`, `filled`, `checked`, `dryRun` or `refined`, with a line of text for a person. */
    | { streamId: string; kind: 'step'; step: PlanStepName; text: string };
  export const type = new NotificationType<Params>(method);
}

/**
 * Who the editor asks for, when it is not the person at the editor: a chat
 * agent calling Paladin's language-model tools. Recorded as the source
 * `lm-tool` with the client's name; it never grants anything.
 */
export interface RequestVia {
  source: 'lm-tool';
  client?: string;
}

/** client → server: evaluate the policy on a command. */
export namespace CheckRequest {
  export const method = 'paladin/check';
  export interface Params {
    command: string;
    workspace?: string;
    facts?: boolean;
    via?: RequestVia;
    /** The plan this command was edited from: the history records the check on that entry. */
    historyId?: string;
  }
  export const type = new RequestType<Params, PolicyDecision, void>(method);
}

/** client → server: run a command in the sandbox. Output streams as `paladin/runOutput`. */
export namespace RunRequest {
  export const method = 'paladin/run';
  export interface Params {
    command: string;
    workspace?: string;
    mode?: WorkspaceMode;
    /** The person approved an `ask` decision (and, for live mode, the live mount). */
    approved?: boolean;
    /** Allow network for this run (only when the policy allows and the person approved). */
    network?: boolean;
    timeoutSeconds?: number;
    /** History row of the plan this run executes, when there is one. */
    historyId?: string;
    /** Chosen by the client; the run's output notifications carry it as `runId`. */
    streamId?: string;
    /** The editor's Workspace Trust; anything but `true` refuses the run. */
    trusted?: boolean;
    via?: RequestVia;
  }
  export const type = new RequestType<Params, RunResult, void>(method);
}

/** server → client: a chunk of a run's output. `runId` is the request's `streamId`. */
export namespace RunOutputNotification {
  export const method = 'paladin/runOutput';
  export type Params = OutputChunk;
  export const type = new NotificationType<Params>(method);
}

/** client → server: apply the file changes of a finished snapshot run to the workspace. */
export namespace ApplyRequest {
  export const method = 'paladin/apply';
  export interface Params {
    runId: string;
    /** Also apply changes under .git/ and .vscode/. */
    includeSensitive?: boolean;
  }
  export interface Result {
    applied: string[];
    skipped: { path: string; reason: string }[];
    /** Paths that could not be written, and why. */
    failed?: { path: string; reason: string }[];
  }
  export const type = new RequestType<Params, Result, void>(method);
}

/** client → server: put back what applying a snapshot run replaced (refused when those files changed since). */
export namespace UndoRequest {
  export const method = 'paladin/undo';
  export interface Params {
    runId: string;
  }
  export interface Result {
    restored: string[];
    skipped: { path: string; reason: string }[];
    failed?: { path: string; reason: string }[];
  }
  export const type = new RequestType<Params, Result, void>(method);
}

/** client → server: drop the changes of a snapshot run. */
export namespace DiscardRequest {
  export const method = 'paladin/discard';
  export interface Params {
    runId: string;
  }
  export const type = new RequestType<Params, void, void>(method);
}

/** client → server: explain a command part by part. */
export namespace ExplainRequest {
  export const method = 'paladin/explain';
  export interface Params {
    command: string;
    workspace?: string;
    via?: RequestVia;
  }
  export const type = new RequestType<Params, ExplainResult, void>(method);
}

/**
 * client → server: for a command the policy asks about, add a user rule that
 * allows exactly its shape (`paladin policy allow-shape`). Refused, with the
 * reason, for a denied command or one whose effect cannot be known.
 */
export namespace AllowShapeRequest {
  export const method = 'paladin/allowShape';
  export interface Params {
    command: string;
    workspace?: string;
  }
  export interface Result {
    name: string;
    version: number;
    /** The built-in ask rules waived for this shape, with the command each applies to. */
    waives: { id: string; command_index: number }[];
    /** What the shape allows, one line per command. */
    shape: string[];
    /** The decision on the command now. */
    policy: PolicyDecision;
  }
  export const type = new RequestType<Params, Result, void>(method);
}

/** client → server: recent history. */
export namespace HistoryRequest {
  export const method = 'paladin/history';
  export interface Params {
    search?: string;
    status?: string;
    limit?: number;
  }
  export interface Entry {
    id: string;
    query: string;
    plannedCommand: string;
    executionStatus: string;
    exitCode: number | null;
    createdAt: string;
    /** Where the entry stands, as the history view shows it. */
    stage?: HistoryStage;
    policyDecision?: string | null;
    durationMs?: number | null;
    /** read-only, snapshot or live, once it ran. */
    mode?: string | null;
    /** How many files a snapshot run changed. */
    changesCount?: number | null;
    /** The planned command, when a person edited it before checking it again. */
    originalCommand?: string | null;
    /** Set when the run's output is stored and can be opened. */
    hasOutput?: boolean;
    runId?: string | null;
    message?: string | null;
  }
  export const type = new RequestType<Params, Entry[], void>(method);
}

/** server → client: the history changed (a plan, a check of an edited plan, a run, an apply, a discard); views showing it read it again. */
export namespace HistoryChangedNotification {
  export const method = 'paladin/historyChanged';
  export const type = new NotificationType0(method);
}

/** client → server: the stored output of a past run (history), to show in an editor tab. */
export namespace HistoryOutputRequest {
  export const method = 'paladin/historyOutput';
  export interface Params {
    id: string;
  }
  export interface Result {
    id: string;
    command: string;
    text: string;
    truncated: boolean;
    /** The editor language that highlights it (json, diff, log, plaintext). */
    language: string;
    exitCode: number | null;
    finishedAt: string | null;
  }
  export const type = new RequestType<Params, Result, void>(method);
}

/** client → server: verify the audit chain. */
export namespace VerifyAuditRequest {
  export const method = 'paladin/verifyAudit';
  export interface Result {
    intact: boolean;
    records: number;
    message: string;
  }
  export const type = new RequestType<void, Result, void>(method);
}

/** server → client: the server's state changed (also answers `paladin/status`). */
export namespace StatusNotification {
  export const method = 'paladin/status';
  export type Params = ServerStatus;
  export const type = new NotificationType<Params>(method);
}

/**
 * client → server: a secret from the editor's SecretStorage, held in the
 * server's memory only (never settings, the database or logs). `value: null`
 * forgets it.
 */
export namespace SetSecretNotification {
  export const method = 'paladin/setSecret';
  export interface Params {
    /** team.apiKey: the key for the team server of `paladin.server.url`. */
    name: 'openai.apiKey' | 'team.apiKey';
    value: string | null;
  }
  export const type = new NotificationType<Params>(method);
}

/**
 * client → server: the presentation of a finished run's output (format
 * recognised, highlighted tokens, and for long output an extractive summary,
 * with a language model's text on top when one answers). The server keeps the
 * output of recent runs in memory for this.
 */
export namespace PresentRequest {
  export const method = 'paladin/present';
  export interface Params {
    runId: string;
  }
  export const type = new RequestType<Params, Presentation, void>(method);
}

/** client → server: ask for the current status. */
export namespace StatusRequest {
  export const method = 'paladin/status';
  export const type = new RequestType<void, ServerStatus, void>(method);
}
