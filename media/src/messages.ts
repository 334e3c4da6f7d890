// The typed message switch: what each message from the extension host does to
// the conversation. One small handler per message type.

import { progressText } from './planProgress';
import type { ToWebview } from '../../server/src/protocol/webview';
import { chat, findRun, findTurn, MAX_STORED_OUTPUT, save, turnFor } from './chatState';
import { announce, cardOf, clearAll, conversation, renderAll, rerender } from './layout';
import { appendOutput, formatChars } from './outputStream';
import { describeEnd } from './runCard';
import { askApproval } from './turnCard';

type Handlers = { [K in ToWebview['type']]: (msg: Extract<ToWebview, { type: K }>) => void };

function onPlanResult(msg: Extract<ToWebview, { type: 'planResult' }>): void {
  const turn = findTurn(msg.turnId);
  if (!turn) return;
  const plan = msg.plan;
  const { abstained, help, suggestions, missing, rejected, candidates, dryRun } = plan;
  turn.plan = { command: plan.command, reasoning: plan.reasoning, planner: plan.planner, confidence: plan.confidence, historyId: plan.historyId, assumptions: plan.assumptions, notes: { abstained, help, suggestions, missing, rejected, candidates, confidence: plan.confidence, command: plan.command, dryRun } };
  turn.retrieved = plan.retrieved ?? turn.retrieved;
  // An abstention has no command: nothing to show, check or run.
  turn.command = abstained ? undefined : plan.command;
  turn.checkedCommand = plan.command;
  turn.policy = abstained ? undefined : plan.policy;
  turn.busy = false;
  rerender(turn);
}

function onRunOutput(msg: Extract<ToWebview, { type: 'runOutput' }>): void {
  const found = findRun(msg.runId);
  if (!found) return;
  const out = conversation.querySelector(`[data-run="${CSS.escape(msg.runId)}"] pre.output`) as HTMLElement | null;
  for (const c of msg.chunks) {
    found.run.receivedChars = (found.run.receivedChars ?? 0) + c.text.length;
    if (found.run.storedChars < MAX_STORED_OUTPUT) {
      const text = c.text.slice(0, MAX_STORED_OUTPUT - found.run.storedChars);
      found.run.output.push({ stream: c.stream, text });
      found.run.storedChars += text.length;
    }
    if (out) appendOutput(out, msg.runId, c);
  }
  const stateLine = conversation.querySelector(`[data-run="${CSS.escape(msg.runId)}"] .run-state`);
  if (stateLine) stateLine.textContent = `Run: running… ${formatChars(found.run.receivedChars ?? 0)} received`;
  const last = msg.chunks[msg.chunks.length - 1]?.text.trimEnd().split('\n').pop();
  if (last) announce(`Output: ${last}`, true);
}

const handlers: Handlers = {
  status: (msg) => {
    chat.status = msg.view;
    renderAll();
  },
  clear: () => clearAll(),
  planStarted: (msg) => {
    const { turn, reused } = turnFor(msg.turnId, msg.request, msg.command);
    rerender(turn);
    // A card further up, re-used for this command: bring it into sight.
    if (reused) cardOf(turn)?.scrollIntoView({ block: 'nearest' });
  },
  askApproval: (msg) => {
    const turn = findTurn(msg.turnId);
    if (turn) askApproval(turn);
  },
  planProgress: (msg) => {
    const turn = findTurn(msg.turnId);
    if (!turn) return;
    const p = msg.progress;
    if (p.kind === 'retrieved') turn.retrieved = p.examples;
    else turn.streamed = progressText(turn.streamed, p);
    rerender(turn);
  },
  planResult: onPlanResult,
  checked: (msg) => {
    const turn = findTurn(msg.turnId);
    if (!turn) return;
    turn.command = msg.command;
    turn.checkedCommand = msg.command;
    turn.policy = msg.policy;
    turn.busy = false;
    rerender(turn);
  },
  explained: (msg) => {
    const turn = findTurn(msg.turnId);
    if (!turn) return;
    turn.explain = msg.explain;
    if (turn.command === undefined) turn.command = msg.explain.command;
    turn.busy = false;
    rerender(turn);
  },
  runStarted: (msg) => {
    const turn = findTurn(msg.turnId);
    if (!turn) return;
    turn.runs.push({ runId: msg.runId, command: msg.command, output: [], storedChars: 0 });
    turn.busy = true;
    rerender(turn);
    announce(`Running ${msg.command} in the sandbox`);
  },
  runOutput: onRunOutput,
  runFinished: (msg) => {
    const found = findRun(msg.runId);
    if (!found) return;
    found.run.result = msg.result;
    found.turn.busy = false;
    rerender(found.turn);
    announce(`Run ${describeEnd(msg.result)}`);
  },
  presented: (msg) => {
    const found = findRun(msg.runId);
    if (!found) return;
    found.run.presentation = msg.presentation;
    rerender(found.turn);
  },
  applied: (msg) => {
    const found = findRun(msg.runId);
    if (!found) return;
    found.run.applied = { applied: msg.applied, skipped: msg.skipped };
    rerender(found.turn);
  },
  discarded: (msg) => {
    const found = findRun(msg.runId);
    if (!found) return;
    found.run.discarded = true;
    rerender(found.turn);
  },
  undone: (msg) => {
    const found = findRun(msg.runId);
    if (!found) return;
    found.run.undone = { restored: msg.restored, skipped: msg.skipped };
    rerender(found.turn);
  },
  failed: (msg) => {
    const turn = findTurn(msg.turnId);
    if (!turn) return;
    turn.busy = false;
    const run = msg.runId ? turn.runs.find((r) => r.runId === msg.runId) : undefined;
    if (run) run.error = msg.message;
    else turn.error = { message: msg.message, kind: msg.kind };
    rerender(turn);
  },
};

export function onMessage(msg: ToWebview): void {
  (handlers[msg.type] as (m: ToWebview) => void)(msg);
  // Status and clear leave nothing new to keep; everything else changed the conversation.
  if (msg.type !== 'status' && msg.type !== 'clear') save();
}
