// The sandbox verdict: may this command run in the sandbox, as asked, without
// a person? The host verdict (allow/ask/deny) says what running it on the
// person's machine would mean; inside an offline container with the workspace
// read-only or copied, nothing it does reaches anything outside until a person
// applies its changes. So a person is needed only where consequences leave
// the sandbox at once: network access (data out, code in), live mode (the
// real workspace, written as it runs), and output that would show a secret
// read from the workspace (output leaves the sandbox: to a screen, the
// history, an API client). A host `deny` never runs anywhere.

import type { PolicyDecision, SandboxVerdict, WorkspaceMode } from '../protocol/types';

export interface SandboxRequest {
  /** The mode asked for; the default follows from the policy's risk summary. */
  mode?: WorkspaceMode;
  network?: boolean;
}

type Judged = Pick<PolicyDecision, 'decision' | 'rules' | 'risk'>;

/** Rules about reading a secret: the command's output is what crosses the boundary, whatever the mode. */
const SHOWS_SECRETS = new Set(['secrets.read-workspace']);

/** Read-only commands see the workspace read-only; anything that writes, deletes or is `ask` works on a copy. */
export function defaultMode(policy: Judged): WorkspaceMode {
  const risk = policy.risk;
  const quiet = (risk?.writes?.length ?? 0) === 0 && (risk?.deletes?.length ?? 0) === 0;
  return quiet && policy.decision === 'allow' ? 'ro' : 'snapshot';
}

export function sandboxVerdict(policy: Judged, request: SandboxRequest = {}): SandboxVerdict {
  const mode = request.mode ?? defaultMode(policy);
  const network = request.network === true;
  const notes: string[] = [];
  if (policy.decision === 'deny') {
    const why = policy.rules.filter((r) => r.severity === 'deny').map((r) => `${r.id}: ${r.reason}`);
    return { decision: 'deny', needsApproval: false, mode, network, reasons: why.length > 0 ? why : ['the policy denies this command'], notes: ['A denied command never runs: not in the sandbox, not on the host.'] };
  }
  const reasons: string[] = [];
  // Output leaves the sandbox too: to the person's screen, the history, an API client.
  for (const r of policy.rules) if (r.severity === 'ask' && SHOWS_SECRETS.has(r.id)) reasons.push(`${r.id}: ${r.reason} Its output would show it outside the sandbox`);
  if (mode === 'live') reasons.push('live mode mounts the real workspace read-write: every change happens at once, with no Apply step to review it');
  if (network) reasons.push('network access was asked for: the command can reach the hosts of paladin.sandbox.network.allow (package registries by default), send data to them and fetch code from them');
  // Once consequences leave the sandbox, what the host verdict warned about leaves with them.
  if (reasons.length > 0 && policy.decision === 'ask') {
    for (const r of policy.rules) if (r.severity === 'ask' && !SHOWS_SECRETS.has(r.id)) reasons.push(`${r.id}: ${r.reason}`);
  }
  if (policy.risk?.network === true && !network) {
    notes.push('The command uses the network, but runs offline: its network calls fail. Ask for network access (it needs your approval) if it needs it.');
  }
  const needsApproval = reasons.length > 0;
  return { decision: needsApproval ? 'ask' : 'allow', needsApproval, mode, network, reasons, notes };
}

/** One line for a person: what happens if this runs in the sandbox now. */
export function describeSandbox(v: SandboxVerdict): string {
  if (v.decision === 'deny') return 'Sandbox: never runs (the policy denies it).';
  const where = v.mode === 'live' ? 'in live mode on the real workspace' : v.mode === 'snapshot' ? 'on a copy of the workspace (snapshot)' : 'with the workspace read-only';
  const net = v.network ? 'with network' : 'offline';
  if (v.needsApproval) return `Sandbox: runs ${net} ${where} once you approve: ${v.reasons.join('; ')}.`;
  return `Sandbox: runs ${net} ${where} without asking${v.mode === 'snapshot' ? '; you review its changes before they are applied' : ''}.`;
}
