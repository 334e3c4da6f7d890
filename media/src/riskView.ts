// What the risk card shows, computed from the policy decision alone (no DOM,
// so it is unit-tested): each rule with the part of the command that fired it
// cut out for highlighting, where the rule is written and a safer way; the
// two verdicts in words; and what the host actions may do.

import type { PolicyDecision, RuleHit } from '../../server/src/protocol/types';

export interface RuleView {
  id: string;
  severity: 'deny' | 'ask';
  reason: string;
  /** The line of the command that holds the span, in three parts; `marked` is highlighted. */
  excerpt?: { before: string; marked: string; after: string };
  /** `file:line` of the rule. */
  source?: string;
  alternative?: string;
}

export function ruleView(command: string, rule: RuleHit): RuleView {
  const view: RuleView = { id: rule.id, severity: rule.severity, reason: rule.reason };
  const span = rule.span;
  if (Array.isArray(span) && span.length === 2) {
    const start = Math.max(0, Math.min(span[0], command.length));
    const end = Math.max(start, Math.min(span[1], command.length));
    if (end > start) {
      const lineStart = command.lastIndexOf('\n', start - 1) + 1;
      let lineEnd = command.indexOf('\n', end);
      if (lineEnd < 0) lineEnd = command.length;
      view.excerpt = { before: command.slice(lineStart, start), marked: command.slice(start, end), after: command.slice(end, lineEnd) };
    }
  }
  if (rule.source) view.source = `${rule.source.file}:${rule.source.line}`;
  if (rule.alternative) view.alternative = rule.alternative;
  return view;
}

/** The host verdict and the sandbox verdict, each as one sentence. */
export function verdictLines(policy: PolicyDecision): { host: string; sandbox: string } {
  const host = {
    allow: 'On your machine: allowed.',
    ask: 'On your machine: needs your approval (copy, insert into a terminal, live mode).',
    deny: 'On your machine: denied. It never runs.',
  }[policy.decision];
  const v = policy.sandbox;
  let sandbox: string;
  if (!v) sandbox = '';
  else if (v.decision === 'deny') sandbox = 'In the sandbox: never runs.';
  else if (v.needsApproval) sandbox = `In the sandbox: needs your approval first — ${v.reasons.join('; ')}.`;
  else if (v.mode === 'snapshot') sandbox = 'In the sandbox: runs offline on a copy without asking; you see what would change before you apply it.';
  else if (v.mode === 'ro') sandbox = 'In the sandbox: runs offline with the workspace read-only, without asking.';
  else sandbox = 'In the sandbox: runs without asking.';
  return { host, sandbox };
}

export interface HostAction {
  disabled: boolean;
  /** Why it is off, or what the person is asked to confirm. */
  why?: string;
  /** The extension host asks for confirmation before doing it. */
  confirm: boolean;
}

/** Copy and Insert put the command on the person's machine: they follow the host verdict. */
export function hostAction(policy: PolicyDecision | undefined): HostAction {
  if (!policy) return { disabled: true, why: 'Check the command first.', confirm: false };
  if (policy.decision === 'deny') {
    const reasons = policy.rules.filter((r) => r.severity === 'deny').map((r) => `${r.id}: ${r.reason}`);
    return { disabled: true, why: `Denied on your machine${reasons.length ? `: ${reasons.join('; ')}` : ''}.`, confirm: false };
  }
  if (policy.decision === 'ask') return { disabled: false, why: `Asks first: ${policy.rules.map((r) => r.id).join(', ')}`, confirm: true };
  return { disabled: false, confirm: false };
}

/** "Allow exactly this shape" is offered for an ask from built-in rules only. */
export function canAllowShape(policy: PolicyDecision | undefined): boolean {
  return policy?.decision === 'ask' && policy.rules.every((r) => r.severity === 'ask' && !r.id.startsWith('user.'));
}
