// Verdicts that explain themselves: every rule hit gets where its rule is
// written, the part of the command that fired it, and a safer alternative
// when one exists. Pure: facts and source indexes in, hits filled in place.

import type { RuleHit } from '../protocol/types';
import { alternativeFor } from './alternatives';
import type { Facts } from './factsTypes';
import type { RuleSource } from './ruleSources';

export function spanOf(hit: Pick<RuleHit, 'command_index'>, facts: Facts): [number, number] {
  const c = hit.command_index >= 0 ? facts.commands[hit.command_index] : undefined;
  if (c?.span) return [c.span[0], c.span[1]];
  // A rule about the whole line (parse error, limits, unknown constructs without a command).
  return [0, facts.source_length];
}

export function explainHit(hit: RuleHit, facts: Facts, source: RuleSource | undefined): RuleHit {
  const out: RuleHit = { ...hit, span: spanOf(hit, facts) };
  if (source) out.source = { file: source.file, line: source.line };
  const alternative = alternativeFor(hit.id, hit.command_index >= 0 ? facts.commands[hit.command_index] : undefined);
  if (alternative) out.alternative = alternative;
  return out;
}
