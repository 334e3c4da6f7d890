// One card per turn: the request, the command (or its editor), the plan's
// notes, the risk card, the actions, the explanation and the runs.

import type { ExplainResult } from '../../server/src/protocol/types';
import { chat, post, save, type Turn } from './chatState';
import { button, h } from './dom';
import { highlightShell } from './highlight';
import { cardOf, rerender } from './layout';
import { renderPlanNotes } from './planCard';
import { renderRisk } from './riskCard';
import { approvalReasons, renderModeChooser } from './modeChooser';
import { canAllowShape, hostAction, joinReasons, type HostAction } from './riskView';
import { renderSlotForm, unfilled } from './slotForm';
import { renderRun } from './runCard';

export function renderTurn(turn: Turn): HTMLElement {
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
  el.append(...renderPlanParts(turn));
  if (turn.policy) el.append(renderRisk(turn.policy, turn.checkedCommand ?? turn.command ?? ''));
  if (turn.command !== undefined && turn.policy) el.append(renderActions(turn));
  if (turn.explain) el.append(renderExplain(turn.explain));
  for (const run of turn.runs) el.append(renderRun(run));
  return el;
}

/** The command was changed after planning (Edit, or the missing values filled in). */
function edited(turn: Turn): boolean {
  return turn.plan !== undefined && !turn.plan.notes?.abstained && turn.command !== undefined && turn.command !== turn.plan.command;
}

/** The plan's reasoning and notes, the form for missing values, or a word that the command is no longer the plan's. */
function renderPlanParts(turn: Turn): HTMLElement[] {
  const plan = turn.plan;
  if (!plan) return [];
  if (edited(turn)) {
    return [h('p', { class: 'edited', text: `Changed from the planned command (${plan.command}): the risk card below is for the command as it is now. The plan's confidence and dry run were for the planned one.` })];
  }
  const parts: HTMLElement[] = [];
  if (plan.reasoning) parts.push(h('p', { class: 'reasoning', text: plan.reasoning }));
  const notes = plan.notes && renderPlanNotes({ ...plan.notes, missing: undefined });
  if (notes) parts.push(notes);
  const missing = unfilled(turn.command ?? '', plan.notes?.missing);
  if (missing.length > 0 && !turn.editing) {
    parts.push(renderSlotForm(turn.command ?? '', missing, (filled) => {
      turn.command = filled;
      turn.policy = undefined;
      turn.busy = true;
      save();
      rerender(turn);
      post({ type: 'check', turnId: turn.id, command: filled });
    }));
  }
  return parts;
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

function runBlockedReason(turn: Turn): string | undefined {
  const status = chat.status;
  if (!status.running) return `The Paladin server is not running: ${status.why ?? ''}`;
  if (!status.trusted) return 'Running is off: this workspace is not trusted.';
  if (turn.policy?.decision === 'deny') {
    const reasons = turn.policy.rules.filter((r) => r.severity === 'deny').map((r) => `${r.id}: ${r.reason}`);
    return `The policy denies this command${reasons.length ? ` — ${joinReasons(reasons)}` : ''}.`;
  }
  if (turn.editing) return 'Check the edited command first.';
  const missing = unfilled(turn.command ?? '', turn.plan?.notes?.missing);
  if (missing.length > 0) return `Give the missing value${missing.length === 1 ? '' : 's'} first (${missing.map((m) => `<${m.slot}>`).join(', ')}).`;
  if (turn.busy) return 'Wait for the current step to finish.';
  return undefined;
}

/** Copy and Insert: the host verdict, and never a command with a value still to fill in. */
function hostActionFor(turn: Turn): HostAction {
  if (turn.editing) return { disabled: true, why: 'Check the edited command first.', confirm: false };
  const missing = unfilled(turn.command ?? '', turn.plan?.notes?.missing);
  if (missing.length > 0) return { disabled: true, why: 'Give the missing values first.', confirm: false };
  return hostAction(turn.policy);
}

function renderActions(turn: Turn): HTMLElement {
  const command = turn.command ?? '';
  const blocked = runBlockedReason(turn);
  const host = hostActionFor(turn);
  const actions = h('div', { class: 'actions', attrs: { role: 'group', 'aria-label': 'Command actions' } });
  actions.append(
    button('▶ Run in sandbox', 'Run this command in the sandbox', () => {
      // Offline ro/snapshot runs need nobody; only what crosses the sandbox's boundary asks first.
      if (approvalReasons(turn.policy, turn.mode).length > 0) askApproval(turn);
      else startRun(turn, false);
    }, { disabled: blocked !== undefined, why: blocked, primary: true }),
    button('Edit', 'Edit the command; it is checked again before it can run', () => {
      turn.editing = true;
      turn.confirming = false;
      save();
      rerender(turn);
      (cardOf(turn)?.querySelector('textarea') as HTMLTextAreaElement | null)?.focus();
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
  if (turn.policy && turn.policy.decision !== 'deny') {
    wrap.append(renderModeChooser(turn.policy, turn.mode, (mode) => {
      turn.mode = mode;
      turn.confirming = false;
      save();
      rerender(turn);
    }));
  }
  if (blocked && turn.policy?.decision === 'deny') wrap.append(h('p', { class: 'why-not', text: blocked }));
  else if (blocked && !chat.status.trusted) wrap.append(h('p', { class: 'why-not', text: blocked }));
  const reasons = approvalReasons(turn.policy, turn.mode);
  if (turn.confirming && reasons.length > 0) wrap.append(renderConfirm(turn, reasons));
  return wrap;
}

/** Shows the approval in the card, scrolled into view, with the focus on its answer. */
export function askApproval(turn: Turn): void {
  turn.confirming = true;
  save();
  rerender(turn);
  const confirm = cardOf(turn)?.querySelector('.confirm');
  confirm?.scrollIntoView({ block: 'center' });
  (confirm?.querySelector('button.primary') as HTMLButtonElement | null)?.focus();
}

function renderConfirm(turn: Turn, risks: string[]): HTMLElement {
  return h('div', { class: 'confirm', attrs: { role: 'alertdialog', 'aria-label': 'Confirm the risky run' } }, [
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
  ]);
}

function startRun(turn: Turn, approved: boolean): void {
  turn.confirming = false;
  save();
  post({ type: 'run', turnId: turn.id, command: turn.command ?? '', approved, historyId: turn.plan?.historyId, mode: turn.mode });
}

function renderExplain(explain: ExplainResult): HTMLElement {
  return h('section', { class: 'explain', label: 'Explanation' }, [
    h('p', { class: 'summary', text: explain.summary }),
    h('dl', {}, explain.parts.flatMap((p) => [h('dt', {}, [h('code', { text: p.text })]), h('dd', { text: `${p.explanation}${p.source !== 'syntax' ? ` (${p.source})` : ''}` })])),
  ]);
}
