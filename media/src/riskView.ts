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

/**
 * The policy writes a part of a path known only at run time as `$?` (find's
 * results, a variable): people read it as an ellipsis, `logs/…`, not as the
 * shell's exit status.
 */
export function showPaths(text: string): string {
  return text.split('$?').join('…');
}

/** Reasons joined into one clause without doubled punctuation: "a (~); b", never "a (~).; b.". */
export function joinReasons(reasons: string[]): string {
  return reasons.map((r) => showPaths(r).trim().replace(/[.;,\s]+$/, '')).join('; ');
}

export function ruleView(command: string, rule: RuleHit): RuleView {
  const view: RuleView = { id: rule.id, severity: rule.severity, reason: showPaths(rule.reason) };
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
  else if (v.needsApproval) sandbox = `In the sandbox: needs your approval first — ${joinReasons(v.reasons)}.`;
  else if (v.mode === 'snapshot') sandbox = 'In the sandbox: runs offline on a copy without asking; you see what would change before you apply it.';
  else if (v.mode === 'ro') sandbox = 'In the sandbox: runs offline with the workspace read-only, without asking.';
  else sandbox = 'In the sandbox: runs without asking.';
  return { host, sandbox };
}

/** The rows of "what it touches": reads always, then writes and deletes when there are any. */
export function touchRows(policy: PolicyDecision): [string, string][] {
  const risk = policy.risk ?? { reads: [], writes: [], deletes: [], network: false, privilege: false };
  const list = (paths: string[] | undefined) => (paths ?? []).map(showPaths).join(', ');
  const rows: [string, string][] = [['Reads', list(risk.reads) || 'nothing it names']];
  if (risk.writes?.length) rows.push(['Writes', list(risk.writes)]);
  if (risk.deletes?.length) rows.push(['Deletes', list(risk.deletes)]);
  rows.push(['Network', risk.network ? 'yes' : 'no']);
  rows.push(['Privilege', risk.privilege ? 'yes (sudo, su or similar)' : 'no']);
  return rows;
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
    return { disabled: true, why: `Denied on your machine${reasons.length ? `: ${joinReasons(reasons)}` : ''}.`, confirm: false };
  }
  if (policy.decision === 'ask') return { disabled: false, why: `Asks first: ${policy.rules.map((r) => r.id).join(', ')}`, confirm: true };
  return { disabled: false, confirm: false };
}

/** "Allow exactly this shape" is offered for an ask from built-in rules only. */
export function canAllowShape(policy: PolicyDecision | undefined): boolean {
  return policy?.decision === 'ask' && policy.rules.every((r) => r.severity === 'ask' && !r.id.startsWith('user.'));
}
