// The messages between the chat webview (media/src/chat.ts) and the extension
// host (client/src/chatView.ts), and the presentation of run output the
// server sends for it. Both sides validate every message they receive with
// `isToWebview` / `isFromWebview`: a message that does not match is dropped.
// Plain data only: nothing here is ever interpreted as markup.

import type { ExplainResult, OutputChunk, PlanResult, PlanStepName, PolicyDecision, RetrievedExample, RunResult, ServerStatus, WorkspaceMode } from './types';

// ---------------------------------------------------------------- presentation

/**
 * One highlighted token. `l` and `d` are the colours under the light and dark
 * theme (`#rrggbb`), `s` shiki's font style bits (1 italic, 2 bold, 4 underline).
 */
export interface Token {
  t: string;
  l?: string;
  d?: string;
  s?: number;
}

export type OutputFormat = 'json' | 'diff' | 'csv' | 'log' | 'plain';

/** What a person needs to judge long output without reading all of it. */
export interface OutputSummary {
  lines: number;
  bytes: number;
  /** Lines that look like errors, then warnings, in order, at most a few each. */
  errors: string[];
  warnings: string[];
  first: string[];
  last: string[];
  /** The most repeated lines, most frequent first. */
  repeated: { line: string; count: number }[];
  /** Who wrote `text`: a language model, or nobody (extractive only, no `text`). Absent means extractive. */
  source?: 'model' | 'extractive';
  /** The model's plain-text summary (shown as inert text), when `source` is 'model'. */
  text?: string;
  /** Which model wrote `text`, e.g. "llama3 (Ollama)". */
  model?: string;
}

/** server → client (`paladin/present`): how to show a finished run's stdout. */
export interface Presentation {
  runId: string;
  format: OutputFormat;
  /** Highlighted stdout, one token list per line; absent for plain text or when too long to highlight. */
  lines?: Token[][];
  /** Present when the output is long enough to collapse. */
  summary?: OutputSummary;
}

// ---------------------------------------------------------------- host → webview

export type PlanProgressItem =
  | { kind: 'retrieved'; examples: RetrievedExample[] }
  | { kind: 'token'; text: string }
  | { kind: 'candidate'; command: string; confidence: number }
  | { kind: 'step'; step: PlanStepName; text: string };

export interface ViewStatus {
  running: boolean;
  /** Not running yet, but on its way. */
  starting?: boolean;
  /** Why the server is not running, or what is wrong. */
  why?: string;
  trusted: boolean;
  status?: ServerStatus;
}

export type ToWebview =
  | { type: 'status'; view: ViewStatus }
  /**
   * A new answer begins. With `command` (a command from the editor: code lens,
   * selection, history) the view re-uses the card already showing that
   * command, so Check, Run and Explain of one command share one card.
   */
  | { type: 'planStarted'; turnId: string; request: string; command?: string }
  /** A run from the editor needs the person's approval: the card shows it inline and scrolls to it. */
  | { type: 'askApproval'; turnId: string }
  | { type: 'planProgress'; turnId: string; progress: PlanProgressItem }
  | { type: 'planResult'; turnId: string; plan: PlanResult }
  | { type: 'checked'; turnId: string; command: string; policy: PolicyDecision }
  | { type: 'explained'; turnId: string; explain: ExplainResult }
  | { type: 'runStarted'; turnId: string; runId: string; command: string }
  | { type: 'runOutput'; runId: string; chunks: Omit<OutputChunk, 'runId'>[] }
  | { type: 'runFinished'; runId: string; result: RunResult }
  | { type: 'presented'; runId: string; presentation: Presentation }
  | { type: 'applied'; runId: string; applied: string[]; skipped: { path: string; reason: string }[] }
  | { type: 'discarded'; runId: string }
  | { type: 'undone'; runId: string; restored: string[]; skipped: { path: string; reason: string }[] }
  | { type: 'failed'; turnId: string; runId?: string; message: string; kind?: string }
  | { type: 'clear' };

// ---------------------------------------------------------------- webview → host

export type FromWebview =
  | { type: 'ready' }
  | { type: 'plan'; request: string }
  /** `mode`: the sandbox mode chosen in the card; absent means the default the policy picked. */
  | { type: 'run'; turnId: string; command: string; approved: boolean; historyId?: string; mode?: WorkspaceMode }
  | { type: 'check'; turnId: string; command: string }
  | { type: 'explain'; turnId: string; command: string }
  | { type: 'copy'; command: string }
  | { type: 'insert'; command: string }
  | { type: 'cancel'; runId: string }
  | { type: 'openDiff'; runId: string; path: string }
  | { type: 'openOutput'; runId: string }
  | { type: 'apply'; runId: string }
  | { type: 'discard'; runId: string }
  | { type: 'undo'; runId: string }
  /** Add a user rule allowing exactly this command's shape (its ask only), after the host confirms. */
  | { type: 'allowShape'; turnId: string; command: string }
  | { type: 'clear' };

// ---------------------------------------------------------------- validation

type Check = (v: unknown) => boolean;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str: Check = (v) => typeof v === 'string';
const shortStr: Check = (v) => typeof v === 'string' && v.length <= 16_384;
const id: Check = (v) => typeof v === 'string' && /^[A-Za-z0-9_.:-]{1,100}$/.test(v);
const bool: Check = (v) => typeof v === 'boolean';
const obj: Check = (v) => isObj(v);
const arr: Check = (v) => Array.isArray(v);
const opt = (c: Check): Check => (v) => v === undefined || c(v);

function fields(spec: Record<string, Check>): Check {
  return (v) => isObj(v) && Object.entries(spec).every(([k, c]) => c(v[k]));
}

const chunk = fields({ stream: (v) => v === 'stdout' || v === 'stderr', text: str });
const progress: Check = (v) =>
  isObj(v) &&
  ((v.kind === 'retrieved' && arr(v.examples)) ||
    (v.kind === 'token' && str(v.text)) ||
    (v.kind === 'candidate' && str(v.command) && typeof v.confidence === 'number') ||
    (v.kind === 'step' && str(v.step) && str(v.text)));

const toWebview: Record<ToWebview['type'], Check> = {
  status: fields({ view: fields({ running: bool, starting: opt(bool), why: opt(str), trusted: bool, status: opt(obj) }) }),
  planStarted: fields({ turnId: id, request: str, command: opt(str) }),
  askApproval: fields({ turnId: id }),
  planProgress: fields({ turnId: id, progress }),
  planResult: fields({ turnId: id, plan: fields({ command: str, reasoning: str, policy: obj, retrieved: arr }) }),
  checked: fields({ turnId: id, command: str, policy: fields({ decision: str, rules: arr, risk: obj }) }),
  explained: fields({ turnId: id, explain: fields({ command: str, summary: str, parts: arr }) }),
  runStarted: fields({ turnId: id, runId: id, command: str }),
  runOutput: fields({ runId: id, chunks: (v) => Array.isArray(v) && v.every(chunk) }),
  runFinished: fields({ runId: id, result: fields({ end: str }) }),
  presented: fields({ runId: id, presentation: fields({ format: str, lines: opt(arr), summary: opt(obj) }) }),
  applied: fields({ runId: id, applied: arr, skipped: arr }),
  discarded: fields({ runId: id }),
  undone: fields({ runId: id, restored: arr, skipped: arr }),
  failed: fields({ turnId: id, runId: opt(id), message: str, kind: opt(str) }),
  clear: () => true,
};

const fromWebview: Record<FromWebview['type'], Check> = {
  ready: () => true,
  plan: fields({ request: shortStr }),
  run: fields({ turnId: id, command: shortStr, approved: bool, historyId: opt(id), mode: opt((v) => v === 'ro' || v === 'snapshot' || v === 'live') }),
  check: fields({ turnId: id, command: shortStr }),
  explain: fields({ turnId: id, command: shortStr }),
  copy: fields({ command: shortStr }),
  insert: fields({ command: shortStr }),
  cancel: fields({ runId: id }),
  openDiff: fields({ runId: id, path: shortStr }),
  openOutput: fields({ runId: id }),
  apply: fields({ runId: id }),
  discard: fields({ runId: id }),
  undo: fields({ runId: id }),
  allowShape: fields({ turnId: id, command: shortStr }),
  clear: () => true,
};

function valid<T extends { type: string }>(table: Record<string, Check>, v: unknown): v is T {
  if (!isObj(v) || typeof v.type !== 'string' || !Object.prototype.hasOwnProperty.call(table, v.type)) return false;
  return table[v.type](v);
}

/** The webview accepts only messages of these shapes from the host. */
export function isToWebview(v: unknown): v is ToWebview {
  return valid<ToWebview>(toWebview, v);
}

/** The host accepts only messages of these shapes from the webview. */
export function isFromWebview(v: unknown): v is FromWebview {
  return valid<FromWebview>(fromWebview, v);
}
