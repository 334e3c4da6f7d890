// A policy decision built from the facts the real parser reads from a
// command, for checks of a plan's effects that need no verdict.
import type { PolicyDecision } from '../../server/src/protocol/types';
import { describeCommand } from '../../server/src/policy/facts';

export function decisionOf(command: string, workspace = '/w'): PolicyDecision {
  const facts = describeCommand(command, { workspace });
  const paths = (k: 'writes' | 'deletes') => facts.commands.flatMap((c) => c[k].map((p) => p.path));
  return { decision: 'ask', rules: [], risk: { reads: [], writes: paths('writes'), deletes: paths('deletes'), network: false, privilege: false }, policyVersion: 'v', facts };
}
