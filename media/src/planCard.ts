// The parts of a plan card beyond the command: why Paladin abstained and
// what would help, the nearest suggestions, the values still missing, the
// candidates set aside, how sure it is and the alternatives, and what a dry
// run showed. Text only: every string goes in with textContent.

import type { PlanResult } from '../../server/src/protocol/types';

export type PlanNotes = Pick<PlanResult, 'abstained' | 'help' | 'suggestions' | 'missing' | 'rejected' | 'candidates' | 'confidence' | 'command' | 'dryRun'>;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text?: string, children: Node[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  for (const c of children) node.appendChild(c);
  return node;
}

function list(items: string[], cls: string): HTMLUListElement {
  return el('ul', cls, undefined, items.map((t) => el('li', '', t)));
}

/** The notes under a plan's command (or in place of it, when Paladin abstained); undefined when there are none. */
export function renderPlanNotes(plan: PlanNotes): HTMLElement | undefined {
  const parts: Node[] = [];
  if (plan.abstained) {
    parts.push(el('p', 'abstained', 'Paladin does not know a command for this.', []));
    if (plan.help?.length) parts.push(el('p', 'help-title', 'What would help:'), list(plan.help, 'help'));
    if (plan.suggestions?.length) parts.push(el('p', 'suggestions-title', 'Nearest commands (suggestions, not a plan):'), list(plan.suggestions.map((s) => `${s.command}  (${s.confidence.toFixed(2)})`), 'suggestions'));
  } else {
    parts.push(el('p', 'confidence', `Confidence ${plan.confidence.toFixed(2)}`));
    const others = (plan.candidates ?? []).filter((c) => c.command !== plan.command);
    if (others.length) parts.push(el('details', 'alternatives', undefined, [el('summary', '', `${others.length} alternative${others.length === 1 ? '' : 's'}`), list(others.map((c) => `${c.command}  (${c.confidence.toFixed(2)})`), '')]));
  }
  if (plan.missing?.length) parts.push(el('p', 'missing-title', 'This command cannot run until these values are given (say them in the request, or edit the command):'), list(plan.missing.map((m) => `<${m.slot}>: ${m.hint}`), 'missing'));
  if (plan.dryRun) {
    const chosen = plan.dryRun.tried.find((t) => t.command === plan.command);
    parts.push(el('p', 'dry-run', plan.dryRun.checked ? `Checked by a dry run${chosen ? `: ${chosen.why}` : ''}.` : `Not checked by a dry run: ${plan.dryRun.note ?? 'nothing could be tried'}.`));
    if (chosen?.preview) parts.push(el('pre', 'dry-run-preview', chosen.preview));
  }
  if (plan.rejected?.length) parts.push(el('details', 'rejected', undefined, [el('summary', '', `${plan.rejected.length} candidate${plan.rejected.length === 1 ? '' : 's'} set aside: they would do more (or less) than asked`), list(plan.rejected.map((r) => `${r.command} — ${r.reason}`), '')]));
  return parts.length ? el('div', 'plan-notes', undefined, parts) : undefined;
}
