// The chat view's script (built by esbuild into dist/media/chat.js). It keeps
// the conversation in the webview state so it survives hiding and reloading,
// renders with DOM nodes and textContent only (never HTML strings), and talks
// to the extension host through typed, validated messages.

import type { ExplainResult, PlanResult, PolicyDecision, RetrievedExample, RunResult } from '../../server/src/protocol/types';
import { renderPlanNotes, type PlanNotes } from './planCard';
import { isToWebview, type FromWebview, type Presentation, type ToWebview, type Token, type ViewStatus } from '../../server/src/protocol/webview';
import { AnsiParser, type Segment } from './ansi';
import { button, h } from './dom';
import { renderRisk } from './riskCard';
import { canAllowShape, hostAction } from './riskView';
import { describeConsequences } from '../../server/src/protocol/consequencesText';
import { MAX_REQUEST_CHARS } from '../../server/src/protocol/limits';

declare function acquireVsCodeApi(): { postMessage(msg: unknown): void; getState(): unknown; setState(state: unknown): void };

interface Chunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

interface RunView {
  runId: string;
  command: string;
  output: Chunk[];
  storedChars: number;
  receivedChars?: number;
  result?: RunResult;
  presentation?: Presentation;
  applied?: { applied: string[]; skipped: { path: string; reason: string }[] };
  discarded?: boolean;
  error?: string;
}

interface Turn {
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
  explain?: ExplainResult;
  error?: { message: string; kind?: string };
  runs: RunView[];
  busy?: boolean;
}

interface State {
  version: 1;
  turns: Turn[];
}

const vscode = acquireVsCodeApi();
const MAX_TURNS = 30;
/** Output kept in the webview state per run; the full output opens in an editor tab. */
const MAX_STORED_OUTPUT = 64 * 1024;
/**
 * Output rendered in the view per run; the rest is counted, summarised at the
 * end and opens in an editor tab. Laying out megabytes of text in a webview
 * would stall the editor's own window.
 */
const MAX_RENDERED_OUTPUT = 64 * 1024;

let state: State = loadState();
let status: ViewStatus = { running: false, starting: true, trusted: true };
const parsers = new Map<string, AnsiParser>();
const renderedChars = new Map<string, number>();

function loadState(): State {
  const saved = vscode.getState() as State | undefined;
  if (saved && saved.version === 1 && Array.isArray(saved.turns)) return saved;
  return { version: 1, turns: [] };
}

let saveQueued = false;
function save(): void {
  if (saveQueued) return;
  saveQueued = true;
  queueMicrotask(() => {
    saveQueued = false;
    vscode.setState(state);
  });
}

function post(msg: FromWebview): void {
  vscode.postMessage(msg);
}

// ------------------------------------------------------------ DOM helpers

function findTurn(id: string): Turn | undefined {
  return state.turns.find((t) => t.id === id);
}

function findRun(runId: string): { turn: Turn; run: RunView } | undefined {
  for (const turn of state.turns) {
    const run = turn.runs.find((r) => r.runId === runId);
    if (run) return { turn, run };
  }
  return undefined;
}

// ------------------------------------------------------------ rendering

const app = document.getElementById('app') as HTMLElement;
const banner = h('div', { class: 'banner', attrs: { role: 'status' } });
const conversation = h('section', { class: 'conversation', label: 'Conversation' });
const input = h('textarea', { class: 'request', label: 'Say what you want done', attrs: { rows: '2', placeholder: 'Say what you want done, e.g. “list the 10 biggest files under src”', maxlength: String(MAX_REQUEST_CHARS) } });
const form = h('form', { class: 'composer', label: 'Plan a command' }, [input, h('div', { class: 'composer-actions' }, [button('Plan', 'Plan a command for this request', () => submit(), { primary: true }), button('Clear', 'Clear the conversation', () => clearAll())])]);
form.addEventListener('submit', (e) => {
  e.preventDefault();
  submit();
});
input.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey) {
    e.preventDefault();
    submit();
  }
});
app.append(banner, conversation, form);

function submit(): void {
  const request = input.value.trim();
  if (request === '') return;
  input.value = '';
  post({ type: 'plan', request });
}

function clearAll(): void {
  state = { version: 1, turns: [] };
  save();
  renderAll();
  post({ type: 'clear' });
}

function renderBanner(): void {
  banner.replaceChildren();
  banner.hidden = status.running && status.trusted && !status.why;
  if (!status.running && status.starting) banner.append(h('p', { text: 'The Paladin server is starting…' }));
  else if (!status.running) banner.append(h('p', { text: `The Paladin server is not running: ${status.why ?? 'unknown reason'}` }));
  else if (status.why) banner.append(h('p', { text: status.why }));
  if (!status.trusted) banner.append(h('p', { text: 'This workspace is not trusted: Paladin plans, explains and checks here, but does not run commands.' }));
}

function renderAll(): void {
  renderBanner();
  conversation.replaceChildren(...state.turns.map(renderTurn));
  if (state.turns.length === 0) conversation.append(h('p', { class: 'empty', text: 'Ask for what you want done. Paladin plans a shell command, shows what it would touch and why it is allowed or not, and runs it only in a locked-down sandbox when you say so.' }));
}

function rerender(turn: Turn): void {
  const old = conversation.querySelector(`[data-turn="${CSS.escape(turn.id)}"]`);
  const fresh = renderTurn(turn);
  if (old) old.replaceWith(fresh);
  else {
    conversation.querySelector('.empty')?.remove();
    conversation.append(fresh);
  }
  // Keep the answer being worked on in sight, without stealing focus.
  if (turn === state.turns[state.turns.length - 1]) fresh.scrollIntoView({ block: 'nearest' });
}

function renderTurn(turn: Turn): HTMLElement {
  const el = h('article', { class: 'turn', label: turn.request ? `Request: ${turn.request}` : 'Command', attrs: { 'data-turn': turn.id } });
  if (turn.request) el.append(h('p', { class: 'request-text', text: turn.request }));
  if (turn.retrieved.length > 0) {
    el.append(
      h('details', { class: 'retrieved' }, [
        h('summary', { text: `${turn.retrieved.length} similar example${turn.retrieved.length === 1 ? '' : 's'} found` }),
        h('ul', {}, turn.retrieved.map((ex) => h('li', {}, [h('code', { text: ex.command }), h('span', { text: ` — ${ex.description} (${ex.origin}, ${ex.score.toFixed(2)})` })]))),
      ]),
    );
  }
  if (turn.busy && !turn.plan && !turn.policy) {
    el.append(h('p', { class: 'streaming', text: turn.streamed || 'Planning…', attrs: { 'aria-live': 'polite', role: 'status' } }));
  }
  if (turn.error) el.append(h('p', { class: `error ${turn.error.kind ?? ''}`, text: turn.error.message, attrs: { role: 'alert' } }));
  if (turn.command !== undefined) el.append(renderCommand(turn));
  if (turn.plan?.reasoning) el.append(h('p', { class: 'reasoning', text: turn.plan.reasoning }));
  const notes = turn.plan?.notes && renderPlanNotes(turn.plan.notes);
  if (notes) el.append(notes);
  if (turn.policy) el.append(renderRisk(turn.policy, turn.checkedCommand ?? turn.command ?? ''));
  if (turn.command !== undefined && turn.policy) el.append(renderActions(turn));
  if (turn.explain) el.append(renderExplain(turn.explain));
  for (const run of turn.runs) el.append(renderRun(run));
  return el;
}

function renderCommand(turn: Turn): HTMLElement {
  if (turn.editing) {
    const area = h('textarea', { class: 'command-edit', label: 'Edit the command', attrs: { rows: '3', spellcheck: 'false' } });
    area.value = turn.command ?? '';
    area.addEventListener('input', () => {
      turn.command = area.value;
      save();
    });
    return h('div', { class: 'command editing' }, [
      area,
      h('div', { class: 'actions' }, [
        button('Check again', 'Check the edited command against the policy', () => {
          turn.editing = false;
          turn.policy = undefined;
          turn.busy = true;
          save();
          rerender(turn);
          post({ type: 'check', turnId: turn.id, command: turn.command ?? '' });
        }, { primary: true }),
      ]),
    ]);
  }
  return h('pre', { class: 'command', label: 'Planned command' }, [highlightShell(turn.command ?? '')]);
}

/** A light shell highlighter for the planned command: words, strings, operators, flags. Text only. */
function highlightShell(command: string): HTMLElement {
  const code = h('code', { class: 'shell' });
  const re = /('[^']*'?|"(?:[^"\\]|\\.)*"?|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\|\||&&|[|;&<>()]|#.*$|\s+|--?[A-Za-z0-9][\w-]*=?|[^\s|;&<>()'"$#]+|.)/gm;
  let first = true;
  for (const m of command.matchAll(re)) {
    const t = m[0];
    let cls = '';
    if (/^\s+$/.test(t)) cls = '';
    else if (t.startsWith("'") || t.startsWith('"')) cls = 'tok-string';
    else if (t.startsWith('$')) cls = 'tok-variable';
    else if (t.startsWith('#')) cls = 'tok-comment';
    else if (/^(\|\||&&|[|;&<>()])$/.test(t)) cls = 'tok-operator';
    else if (t.startsWith('-')) cls = 'tok-flag';
    else if (first) cls = 'tok-program';
    if (cls === 'tok-operator') first = true;
    else if (!/^\s+$/.test(t)) first = false;
    code.append(cls ? h('span', { class: cls, text: t }) : document.createTextNode(t));
  }
  return code;
}

function runBlockedReason(turn: Turn): string | undefined {
  if (!status.running) return `The Paladin server is not running: ${status.why ?? ''}`;
  if (!status.trusted) return 'Running is off: this workspace is not trusted.';
  if (turn.policy?.decision === 'deny') {
    const reasons = turn.policy.rules.filter((r) => r.severity === 'deny').map((r) => `${r.id}: ${r.reason}`);
    return `The policy denies this command${reasons.length ? ` (${reasons.join('; ')})` : ''}.`;
  }
  if (turn.editing) return 'Check the edited command first.';
  if (turn.busy) return 'Wait for the current step to finish.';
  return undefined;
}

function renderActions(turn: Turn): HTMLElement {
  const command = turn.command ?? '';
  const blocked = runBlockedReason(turn);
  const host = turn.editing ? { disabled: true, why: 'Check the edited command first.', confirm: false } : hostAction(turn.policy);
  const actions = h('div', { class: 'actions', attrs: { role: 'group', 'aria-label': 'Command actions' } });
  actions.append(
    button('▶ Run in sandbox', 'Run this command in the sandbox', () => {
      // Offline ro/snapshot runs need nobody; only what crosses the sandbox's boundary asks first.
      if (turn.policy?.sandbox?.needsApproval) {
        turn.confirming = true;
        save();
        rerender(turn);
        (conversation.querySelector(`[data-turn="${CSS.escape(turn.id)}"] .confirm button.primary`) as HTMLButtonElement | null)?.focus();
        return;
      }
      startRun(turn, false);
    }, { disabled: blocked !== undefined, why: blocked, primary: true }),
    button('Edit', 'Edit the command; it is checked again before it can run', () => {
      turn.editing = true;
      turn.confirming = false;
      save();
      rerender(turn);
      (conversation.querySelector(`[data-turn="${CSS.escape(turn.id)}"] textarea`) as HTMLTextAreaElement | null)?.focus();
    }),
    // Copy and Insert reach your machine: they follow the host verdict (the extension host confirms an ask).
    button('Copy', host.why ? `Copy the command. ${host.why}` : 'Copy the command', () => post({ type: 'copy', command }), { disabled: host.disabled, why: host.disabled ? host.why : undefined }),
    button('Insert into terminal', host.why ? `Type the command into the terminal without running it. ${host.why}` : 'Type the command into the terminal without running it', () => post({ type: 'insert', command }), { disabled: host.disabled, why: host.disabled ? host.why : undefined }),
    button('Explain', 'Explain the command part by part', () => {
      turn.busy = true;
      rerender(turn);
      post({ type: 'explain', turnId: turn.id, command });
    }),
  );
  if (canAllowShape(turn.policy) && !turn.editing) {
    actions.append(button('Allow exactly this shape', 'Add a rule that allows exactly this command shape from now on (never overrides a deny)', () => {
      turn.busy = true;
      rerender(turn);
      post({ type: 'allowShape', turnId: turn.id, command });
    }, { disabled: turn.busy === true }));
  }
  const wrap = h('div', {}, [actions]);
  if (blocked && turn.policy?.decision === 'deny') wrap.append(h('p', { class: 'why-not', text: blocked }));
  else if (blocked && !status.trusted) wrap.append(h('p', { class: 'why-not', text: blocked }));
  if (turn.confirming && turn.policy?.sandbox?.needsApproval) {
    const risks = turn.policy.sandbox.reasons;
    wrap.append(
      h('div', { class: 'confirm', attrs: { role: 'alertdialog', 'aria-label': 'Confirm the risky run' } }, [
        h('p', { text: 'This command needs your approval before it runs:' }),
        h('ul', {}, risks.map((r) => h('li', { text: r }))),
        h('div', { class: 'actions' }, [
          button('Yes, run it', `Run despite: ${risks.join('; ')}`, () => startRun(turn, true), { primary: true }),
          button('Cancel', 'Do not run', () => {
            turn.confirming = false;
            save();
            rerender(turn);
          }),
        ]),
      ]),
    );
  }
  return wrap;
}

function startRun(turn: Turn, approved: boolean): void {
  turn.confirming = false;
  save();
  post({ type: 'run', turnId: turn.id, command: turn.command ?? '', approved, historyId: turn.plan?.historyId });
}

function renderExplain(explain: ExplainResult): HTMLElement {
  return h('section', { class: 'explain', label: 'Explanation' }, [
    h('p', { class: 'summary', text: explain.summary }),
    h('dl', {}, explain.parts.flatMap((p) => [h('dt', {}, [h('code', { text: p.text })]), h('dd', { text: `${p.explanation}${p.source !== 'syntax' ? ` (${p.source})` : ''}` })])),
  ]);
}

function renderRun(run: RunView): HTMLElement {
  const el = h('section', { class: 'run', label: `Run of ${run.command}`, attrs: { 'data-run': run.runId } });
  const state = run.error ? 'failed' : run.result ? describeEnd(run.result) : 'running…';
  el.append(h('p', { class: 'run-state', text: `Run: ${state}`, attrs: { role: 'status', 'aria-live': 'polite' } }));
  if (!run.result && !run.error) el.append(button('Stop', 'Stop this run', () => post({ type: 'cancel', runId: run.runId })));
  const p = run.presentation;
  if (p?.summary) el.append(renderSummary(p));
  const out = h('pre', { class: 'output', label: 'Output', attrs: { role: 'log', 'aria-live': 'polite', tabindex: '0' } });
  if (p?.lines) {
    out.classList.add(`format-${p.format}`);
    out.append(renderTokens(p.lines));
    const stderr = run.output.filter((c) => c.stream === 'stderr');
    if (stderr.length) {
      const parser = new AnsiParser();
      for (const c of stderr) appendSegments(out, parser.feed(c.text), 'stderr');
    }
  } else {
    parsers.delete(`${run.runId}:stdout`);
    parsers.delete(`${run.runId}:stderr`);
    renderedChars.set(run.runId, 0);
    for (const c of run.output) appendOutput(out, run.runId, c);
  }
  if (p?.summary) el.append(h('details', { class: 'full-output' }, [h('summary', { text: 'Show the output here' }), out]));
  else if (run.result && run.output.length === 0) el.append(h('p', { class: 'no-output', text: 'No output.' }));
  else el.append(out);
  if (run.output.length > 0 || run.result) {
    el.append(h('div', { class: 'actions' }, [button('Open full output in an editor tab', 'Open the full output in an editor tab', () => post({ type: 'openOutput', runId: run.runId }))]));
  }
  if (run.error) el.append(h('p', { class: 'error', text: run.error, attrs: { role: 'alert' } }));
  const changes = run.result?.changes;
  if (changes && changes.length > 0) el.append(renderChanges(run));
  else if (run.result?.mode === 'snapshot') el.append(h('p', { class: 'changes none', text: 'The run changed no files.' }));
  return el;
}

function formatChars(n: number): string {
  return n < 1024 ? `${n} characters` : n < 1 << 20 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / (1 << 20)).toFixed(1)} MiB`;
}

function describeEnd(r: RunResult): string {
  const secs = (r.durations.runMs / 1000).toFixed(2);
  switch (r.end) {
    case 'exited':
      return `exited ${r.exitCode} in ${secs} s${r.truncated ? ' (output truncated)' : ''}`;
    case 'timeout':
      return `stopped at the time limit after ${secs} s`;
    case 'memory limit':
      return 'stopped: it hit the memory limit';
    case 'output limit':
      return 'stopped: it produced more output than allowed';
    case 'cancelled':
      return 'cancelled';
    default:
      return `sandbox error: ${r.message ?? ''}`;
  }
}

function renderSummary(p: Presentation): HTMLElement {
  const s = p.summary!;
  const list = (title: string, lines: string[]) => (lines.length ? h('div', {}, [h('h4', { text: title }), h('pre', { class: 'summary-lines', text: lines.join('\n') })]) : null);
  // A model's text is shown as text (textContent), never as markup.
  const byModel = s.source === 'model' && typeof s.text === 'string';
  return h('section', { class: 'summary', label: 'Output summary' }, [
    h('h4', { class: 'summary-source', text: byModel ? `Summary by ${typeof s.model === 'string' ? s.model : 'a language model'}` : 'Summary' }),
    byModel ? h('p', { class: 'summary-text', text: s.text }) : null,
    h('p', { text: `${s.lines} lines, ${s.bytes} bytes${p.format !== 'plain' ? `, ${p.format}` : ''}. Long output is collapsed.` }),
    list('Errors', s.errors),
    list('Warnings', s.warnings),
    list('First lines', s.first),
    list('Last lines', s.last),
    s.repeated.length ? h('div', {}, [h('h4', { text: 'Most repeated' }), h('pre', { class: 'summary-lines', text: s.repeated.map((r) => `${r.count}× ${r.line}`).join('\n') })]) : null,
  ]);
}

function renderTokens(lines: Token[][]): DocumentFragment {
  const frag = document.createDocumentFragment();
  lines.forEach((line, i) => {
    for (const tok of line) {
      const span = h('span', { class: 'tok', text: tok.t });
      // CSSOM properties, not style attributes: allowed under the view's CSP.
      if (tok.l) span.style.setProperty('--l', tok.l);
      if (tok.d) span.style.setProperty('--d', tok.d);
      if (tok.s && tok.s & 1) span.classList.add('italic');
      if (tok.s && tok.s & 2) span.classList.add('bold');
      frag.append(span);
    }
    if (i < lines.length - 1) frag.append(document.createTextNode('\n'));
  });
  return frag;
}

function appendOutput(out: HTMLElement, runId: string, chunk: Chunk): void {
  const done = renderedChars.get(runId) ?? 0;
  if (done >= MAX_RENDERED_OUTPUT) return;
  renderedChars.set(runId, done + chunk.text.length);
  // One parser per stream keeps colours from leaking between stdout and stderr.
  const key = `${runId}:${chunk.stream}`;
  let parser = parsers.get(key);
  if (!parser) parsers.set(key, (parser = new AnsiParser()));
  appendSegments(out, parser.feed(chunk.text), chunk.stream);
  if (done + chunk.text.length >= MAX_RENDERED_OUTPUT) out.append(h('span', { class: 'note', text: '\n… more output than the view shows: open the full output in an editor tab.' }));
}

function appendSegments(out: HTMLElement, segments: Segment[], stream: 'stdout' | 'stderr'): void {
  for (const seg of segments) {
    const span = h('span', { class: stream === 'stderr' ? 'stderr' : 'stdout', text: seg.text });
    if (typeof seg.fg === 'number') span.classList.add(`ansi-fg-${seg.fg}`);
    else if (seg.fg) span.style.color = seg.fg;
    if (typeof seg.bg === 'number') span.classList.add(`ansi-bg-${seg.bg}`);
    else if (seg.bg) span.style.backgroundColor = seg.bg;
    if (seg.bold) span.classList.add('bold');
    if (seg.italic) span.classList.add('italic');
    if (seg.underline) span.classList.add('underline');
    if (seg.dim) span.classList.add('dim');
    if (stream === 'stderr') span.title = 'stderr';
    out.append(span);
  }
}

function renderChanges(run: RunView): HTMLElement {
  const changes = run.result?.changes ?? [];
  const settled = run.applied || run.discarded;
  const el = h('section', { class: 'changes', label: 'Changed files' }, [
    h('h4', { text: `Changed files (${changes.length}) — the workspace is untouched until you apply` }),
    run.result?.consequences ? h('ul', { class: 'consequences', label: 'What applying would do' }, describeConsequences(run.result.consequences).map((line) => h('li', { text: line }))) : null,
    h('ul', {}, changes.map((c) =>
      h('li', {}, [
        button(`${c.path}`, `Show the diff of ${c.path} (${c.kind})`, () => post({ type: 'openDiff', runId: run.runId, path: c.path })),
        h('span', { class: `kind kind-${c.kind}`, text: ` ${c.kind}${c.sensitive ? ' (sensitive: applied only when asked separately)' : ''}${c.binary ? ' (binary)' : ''}` }),
      ]),
    )),
  ]);
  if (!settled) {
    el.append(h('div', { class: 'actions' }, [
      button('Apply', 'Write these changes to the workspace', () => post({ type: 'apply', runId: run.runId }), { primary: true, disabled: !status.trusted, why: status.trusted ? undefined : 'The workspace is not trusted.' }),
      button('Discard', 'Drop these changes', () => post({ type: 'discard', runId: run.runId })),
    ]));
  } else if (run.applied) {
    el.append(h('p', { class: 'applied', attrs: { role: 'status' }, text: `Applied ${run.applied.applied.length} file(s).${run.applied.skipped.length ? ` Skipped: ${run.applied.skipped.map((s) => `${s.path} (${s.reason})`).join(', ')}` : ''}` }));
  } else {
    el.append(h('p', { class: 'discarded', attrs: { role: 'status' }, text: 'Changes discarded.' }));
  }
  return el;
}

// ------------------------------------------------------------ messages

function newTurn(id: string, request: string): Turn {
  const turn: Turn = { id, request, streamed: '', retrieved: [], runs: [], busy: true };
  state.turns.push(turn);
  while (state.turns.length > MAX_TURNS) state.turns.shift();
  return turn;
}

function onMessage(msg: ToWebview): void {
  switch (msg.type) {
    case 'status':
      status = msg.view;
      renderAll();
      return;
    case 'clear':
      clearAll();
      return;
    case 'planStarted': {
      const turn = newTurn(msg.turnId, msg.request);
      rerender(turn);
      break;
    }
    case 'planProgress': {
      const turn = findTurn(msg.turnId);
      if (!turn) return;
      const p = msg.progress;
      if (p.kind === 'retrieved') turn.retrieved = p.examples;
      else if (p.kind === 'token') turn.streamed += p.text;
      else if (p.kind === 'candidate') turn.streamed = `Candidate: ${p.command}`;
      rerender(turn);
      break;
    }
    case 'planResult': {
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
      break;
    }
    case 'checked': {
      const turn = findTurn(msg.turnId);
      if (!turn) return;
      turn.command = msg.command;
      turn.checkedCommand = msg.command;
      turn.policy = msg.policy;
      turn.busy = false;
      rerender(turn);
      break;
    }
    case 'explained': {
      const turn = findTurn(msg.turnId);
      if (!turn) return;
      turn.explain = msg.explain;
      if (turn.command === undefined) turn.command = msg.explain.command;
      turn.busy = false;
      rerender(turn);
      break;
    }
    case 'runStarted': {
      const turn = findTurn(msg.turnId);
      if (!turn) return;
      turn.runs.push({ runId: msg.runId, command: msg.command, output: [], storedChars: 0 });
      turn.busy = true;
      rerender(turn);
      break;
    }
    case 'runOutput': {
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
      break;
    }
    case 'runFinished': {
      const found = findRun(msg.runId);
      if (!found) return;
      found.run.result = msg.result;
      found.turn.busy = false;
      rerender(found.turn);
      break;
    }
    case 'presented': {
      const found = findRun(msg.runId);
      if (!found) return;
      found.run.presentation = msg.presentation;
      rerender(found.turn);
      break;
    }
    case 'applied':
    case 'discarded': {
      const found = findRun(msg.runId);
      if (!found) return;
      if (msg.type === 'applied') found.run.applied = { applied: msg.applied, skipped: msg.skipped };
      else found.run.discarded = true;
      rerender(found.turn);
      break;
    }
    case 'failed': {
      const turn = findTurn(msg.turnId);
      if (!turn) return;
      turn.busy = false;
      const run = msg.runId ? turn.runs.find((r) => r.runId === msg.runId) : undefined;
      if (run) run.error = msg.message;
      else turn.error = { message: msg.message, kind: msg.kind };
      rerender(turn);
      break;
    }
  }
  save();
}

window.addEventListener('message', (event: MessageEvent) => {
  // Only the extension host posts to this window; anything of another shape is ignored.
  if (!isToWebview(event.data)) return;
  onMessage(event.data);
});

renderAll();
post({ type: 'ready' });
