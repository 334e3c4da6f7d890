// What the planner weighs: a command proposed by the embedded planner, a
// model or a follow-up's rewrite, with where it came from.

import type { PlanRejection, PolicyDecision } from '../protocol/types';
import type { EmbeddedCandidate } from './embeddedPlanner';
import type { ModelPlan } from './llmPrompt';
import type { Proposal } from './planGuard';
import type { Rewrite } from './refine';

/** A proposal with where it came from. */
export interface Candidate extends Proposal {
  embedded?: EmbeddedCandidate;
  model?: ModelPlan;
}

/** An embedded candidate as a proposal. */
export function proposalOf(c: EmbeddedCandidate): Candidate {
  return { command: c.command, confidence: c.confidence, explanation: c.explanation, planner: 'embedded', missing: c.missing, embedded: c };
}

/** The earlier command rewritten by a follow-up, as a candidate held to the same checks as any other. */
export function rewriteProposal(before: string, rewrite: Rewrite): Candidate {
  const explanation = `The earlier plan (${before}), refined: ${rewrite.changes.join('; ')}.`;
  const embedded: EmbeddedCandidate = { command: rewrite.command, confidence: 0.9, explanation, source: 'refine', filled: [], missing: [] };
  return { command: rewrite.command, confidence: 0.9, explanation, planner: 'embedded', missing: [], embedded };
}

/** The sentence saying which candidates were set aside, and why the first was. */
export function setAside(rejected: PlanRejection[]): string {
  if (rejected.length === 0) return '';
  return `Set aside ${rejected.length} candidate${rejected.length === 1 ? '' : 's'} that would do more or less than asked (first: ${rejected[0].command}: ${rejected[0].reason})`;
}

export function withoutFacts(d: PolicyDecision): PolicyDecision {
  const { facts: _facts, ...rest } = d;
  return rest;
}

export function firstProgram(command: string): string {
  return command.trim().split(/\s+/)[0] ?? '';
}
