// The rules of a verdict as the CLI prints them: the id and reason, the line of
// the command with the offending part underlined, where the rule is written,
// and a safer alternative when there is one.

import type { PolicyDecision, RuleHit } from '../protocol/types';

const MARK = { deny: 'DENY', ask: 'ASK ' } as const;
/** Room for the command line under which the carets go. */
const WIDTH = 96;

/** Control characters would move the cursor or hide text; each shows as one visible character so carets stay aligned. */
function visible(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\t/g, ' ').replace(/[\x00-\x1f\x7f-\x9f]/g, '·');
}

/**
 * Two lines: the command line holding `span` (clipped around it to `width`)
 * and a caret line under the span. Empty when the span is missing or empty.
 */
export function underline(command: string, span: [number, number] | undefined, indent = '    ', width = WIDTH): string[] {
  if (!span) return [];
  let [start, end] = span;
  start = Math.max(0, Math.min(start, command.length));
  end = Math.max(start, Math.min(end, command.length));
  if (end === start) return [];
  const lineStart = command.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = command.indexOf('\n', start);
  if (lineEnd < 0) lineEnd = command.length;
  const stop = Math.min(end, lineEnd);
  let from = lineStart;
  let to = lineEnd;
  if (to - from > width) {
    from = Math.max(lineStart, Math.min(start - 8, lineEnd - width));
    to = Math.min(lineEnd, from + width);
  }
  const text = visible(command.slice(from, to));
  const lead = from > lineStart ? '…' : '';
  const tail = to < lineEnd ? '…' : '';
  const carets = ' '.repeat(lead.length + Math.max(0, start - from)) + '^'.repeat(Math.max(1, Math.min(stop, to) - Math.max(start, from)));
  return [`${indent}${lead}${text}${tail}`, `${indent}${carets}${end > lineEnd ? ' …' : ''}`];
}

/** One rule: mark, id and reason, then the underlined span, its source and a safer alternative. */
export function formatRule(command: string, rule: RuleHit, programs?: string[]): string[] {
  const where = rule.command_index >= 0 && programs?.[rule.command_index] ? ` [command ${rule.command_index}: ${programs[rule.command_index]}]` : '';
  const lines = [`  ${MARK[rule.severity]} ${rule.id}: ${rule.reason}${where}`];
  lines.push(...underline(command, rule.span, '       '));
  if (rule.source) lines.push(`       rule: ${rule.source.file}:${rule.source.line}`);
  if (rule.alternative) lines.push(`       safer: ${rule.alternative}`);
  return lines;
}

export function formatRules(command: string, decision: PolicyDecision): string[] {
  const facts = decision.facts as { commands?: { program: string }[] } | undefined;
  const programs = facts?.commands?.map((c) => c.program);
  const lines = decision.rules.flatMap((r) => formatRule(command, r, programs));
  for (const w of decision.waived ?? []) lines.push(`  (waived) ${w.id}: allowed for exactly this shape by ${w.waivedBy}`);
  return lines;
}
