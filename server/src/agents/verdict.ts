// The policy's decision as an agent front tells it: the host verdict, the
// reasons a person can read, and whether running it in the sandbox needs a
// person first. Every front (MCP, hooks, language-model tools) words it the same.

import type { Decision, PolicyDecision } from '../protocol/types';

export interface SandboxVerdict {
  needsApproval: boolean;
  reasons: string[];
  mode?: string;
  network?: boolean;
}

export interface AgentVerdict {
  decision: Decision;
  /** `rule.id: reason`, deny rules first. */
  reasons: string[];
  sandbox: SandboxVerdict;
  /** One paragraph for an agent or a confirmation prompt. */
  summary: string;
}

/** The sandbox verdict the policy gave, or, from a policy that gives none, the host verdict's gate. */
export function sandboxVerdict(policy: PolicyDecision): SandboxVerdict {
  const given = (policy as PolicyDecision & { sandbox?: Partial<SandboxVerdict> }).sandbox;
  if (given && typeof given.needsApproval === 'boolean') {
    return { needsApproval: given.needsApproval, reasons: Array.isArray(given.reasons) ? given.reasons.map(String) : [], mode: given.mode, network: given.network };
  }
  return {
    needsApproval: policy.decision !== 'allow',
    reasons: policy.decision === 'allow' ? [] : ['the policy asks before this command runs'],
  };
}

export function verdictOf(command: string, policy: PolicyDecision): AgentVerdict {
  const ordered = [...policy.rules].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'deny' ? -1 : 1));
  const reasons = ordered.map((r) => `${r.id}: ${r.reason}`);
  const sandbox = sandboxVerdict(policy);
  const head =
    policy.decision === 'deny'
      ? `Paladin's policy denies \`${oneLine(command)}\`.`
      : policy.decision === 'ask'
        ? `Paladin's policy asks a person before \`${oneLine(command)}\` runs on this machine.`
        : `Paladin's policy allows \`${oneLine(command)}\`.`;
  const summary = [head, ...reasons.map((r) => `- ${r}`)].join('\n');
  return { decision: policy.decision, reasons, sandbox, summary };
}

export function oneLine(command: string, max = 200): string {
  const flat = command.replace(/\s*\n\s*/g, ' ⏎ ');
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}
