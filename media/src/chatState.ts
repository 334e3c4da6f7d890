// What the chat view remembers: the conversation (kept in the webview state so
// it survives hiding and reloading), the server's status, and the one channel
// to the extension host.

import type { ExplainResult, PlanResult, PolicyDecision, RetrievedExample, RunResult, WorkspaceMode } from '../../server/src/protocol/types';
import type { FromWebview, Presentation, ViewStatus } from '../../server/src/protocol/webview';
import type { PlanNotes } from './planCard';

declare function acquireVsCodeApi(): { postMessage(msg: unknown): void; getState(): unknown; setState(state: unknown): void };

export interface Chunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface RunView {
  runId: string;
  command: string;
  output: Chunk[];
  storedChars: number;
  receivedChars?: number;
  result?: RunResult;
  presentation?: Presentation;
  applied?: { applied: string[]; skipped: { path: string; reason: string }[] };
  discarded?: boolean;
  undone?: { restored: string[]; skipped: { path: string; reason: string }[] };
  error?: string;
}

export interface Turn {
  id: string;
  request: string;
  streamed: string;
  retrieved: RetrievedExample[];
  plan?: Pick<PlanResult, 'command' | 'reasoning' | 'planner' | 'confidence' | 'historyId' | 'assumptions'> & { notes?: PlanNotes };
  command?: string;
  policy?: PolicyDecision;
  /** The command as the person edits it; Run waits for a re-check. */
  editing?: boolean;
  checkedCommand?: string;
  confirming?: boolean;
  /** The sandbox mode chosen in the card; absent: the policy's default. */
  mode?: WorkspaceMode;
  explain?: ExplainResult;
  error?: { message: string; kind?: string };
  runs: RunView[];
  busy?: boolean;
}

export interface State {
  version: 1;
  turns: Turn[];
}

const vscode = acquireVsCodeApi();
export const MAX_TURNS = 30;
/** Output kept in the webview state per run; the full output opens in an editor tab. */
export const MAX_STORED_OUTPUT = 64 * 1024;

function loadState(): State {
  const saved = vscode.getState() as State | undefined;
  if (saved && saved.version === 1 && Array.isArray(saved.turns)) return saved;
  return { version: 1, turns: [] };
}

/** The view's live data: the conversation and the server's status as last told. */
export const chat: { state: State; status: ViewStatus } = {
  state: loadState(),
  status: { running: false, starting: true, trusted: true },
};

let saveQueued = false;
export function save(): void {
  if (saveQueued) return;
  saveQueued = true;
  queueMicrotask(() => {
    saveQueued = false;
    vscode.setState(chat.state);
  });
}

export function post(msg: FromWebview): void {
  vscode.postMessage(msg);
}

/** Answers the host started for a command a card already shows: their id → that card's turn id. */
const aliases = new Map<string, string>();

export function findTurn(id: string): Turn | undefined {
  const own = aliases.get(id) ?? id;
  return chat.state.turns.find((t) => t.id === own);
}

/**
 * The turn for an answer the host starts. A command from the editor re-uses
 * the latest card that shows the same command (one card per command); a new
 * request gets a new card.
 */
export function turnFor(id: string, request: string, command: string | undefined): { turn: Turn; reused: boolean } {
  const same = command === undefined ? undefined : [...chat.state.turns].reverse().find((t) => t.command === command && !t.editing);
  if (same) {
    aliases.set(id, same.id);
    same.busy = true;
    same.error = undefined;
    same.confirming = false;
    return { turn: same, reused: true };
  }
  return { turn: newTurn(id, request), reused: false };
}

export function findRun(runId: string): { turn: Turn; run: RunView } | undefined {
  for (const turn of chat.state.turns) {
    const run = turn.runs.find((r) => r.runId === runId);
    if (run) return { turn, run };
  }
  return undefined;
}

export function newTurn(id: string, request: string): Turn {
  const turn: Turn = { id, request, streamed: '', retrieved: [], runs: [], busy: true };
  chat.state.turns.push(turn);
  while (chat.state.turns.length > MAX_TURNS) chat.state.turns.shift();
  return turn;
}
