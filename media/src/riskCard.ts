// The risk card: the two verdicts, then each rule that fired with the part of
// the command that fired it highlighted, where the rule is written and a
// safer way when there is one. Text nodes only.

import type { PolicyDecision } from '../../server/src/protocol/types';
import { h } from './dom';
import { ruleView, touchRows, verdictLines, type RuleView } from './riskView';

function renderRule(view: RuleView): HTMLElement {
  const li = h('li', { class: `rule rule-${view.severity}` }, [h('code', { text: view.id }), h('span', { text: ` ${view.reason}` })]);
  if (view.excerpt) {
    li.append(
      h('pre', { class: 'rule-span', label: `The part of the command that fired ${view.id}` }, [
        document.createTextNode(view.excerpt.before),
        h('mark', { class: `span-${view.severity}`, text: view.excerpt.marked }),
        document.createTextNode(view.excerpt.after),
      ]),
    );
  }
  if (view.source) li.append(h('div', { class: 'rule-source', text: `Rule: ${view.source}` }));
  if (view.alternative) li.append(h('div', { class: 'rule-alternative', text: `Safer: ${view.alternative}` }));
  return li;
}

export function renderRisk(policy: PolicyDecision, command: string): HTMLElement {
  const decisionText = { allow: 'Allowed', ask: 'Needs your approval on your machine', deny: 'Denied' }[policy.decision];
  const touches = touchRows(policy);
  const lines = verdictLines(policy);
  const waived = policy.waived ?? [];
  return h('section', { class: `risk risk-${policy.decision}`, label: `Risk: ${decisionText}` }, [
    h('h3', { class: 'decision', text: decisionText }),
    h('p', { class: 'verdict-host', text: lines.host }),
    lines.sandbox ? h('p', { class: 'verdict-sandbox', text: lines.sandbox }) : null,
    policy.rules.length > 0
      ? h('ul', { class: 'rules', label: 'Rules that fired' }, policy.rules.map((r) => renderRule(ruleView(command, r))))
      : h('p', { class: 'rules none', text: 'No rule objected.' }),
    waived.length > 0 ? h('p', { class: 'waived', text: `Allowed for exactly this shape by ${[...new Set(waived.map((w) => w.waivedBy))].join(', ')} (waives ${waived.map((w) => w.id).join(', ')}).` }) : null,
    h('dl', { class: 'touches', label: 'What it touches' }, touches.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })])),
  ]);
}
