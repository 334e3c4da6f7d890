// The policy's decision as an agent front tells it: the host verdict, the
// reasons a person can read, and whether running it in the sandbox needs a
// person first. Every front (MCP, hooks, language-model tools) words it the same.

import type { Decision, PolicyDecision, SandboxVerdict } from '../protocol/types';

export interface AgentVerdict {
  decision: Decision;
  /** `rule.id: reason`, deny rules first. */
  reasons: string[];
  sandbox: Pick<SandboxVerdict, 'needsApproval' | 'reasons'> & Partial<SandboxVerdict>;
  /** One paragraph for an agent or a confirmation prompt. */
  summary: string;
}

/** The sandbox verdict the policy gave; from a decision without one, the host verdict gates (fail closed). */
export function sandboxOf(policy: PolicyDecision): AgentVerdict['sandbox'] {
  if (policy.sandbox) return policy.sandbox;
  return { needsApproval: policy.decision !== 'allow', reasons: policy.decision === 'allow' ? [] : ['the policy asks before this command runs'] };
}

export function verdictOf(command: string, policy: PolicyDecision): AgentVerdict {
  const ordered = [...policy.rules].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'deny' ? -1 : 1));
  const reasons = ordered.map((r) => `${r.id}: ${r.reason}`);
  const sandbox = sandboxOf(policy);
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
