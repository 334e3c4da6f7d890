// The person's machine is the boundary: putting a command on it (Copy,
// Insert into terminal) follows the host verdict, and writing a run's changes
// into the workspace (Apply) follows the person's answer after seeing the
// consequences. Both are asked here, in the extension host, with modal
// dialogs the webview cannot click on its own.

import * as vscode from 'vscode';
import { describeConsequences } from '../../server/src/protocol/consequencesText';
import type { Consequences, PolicyDecision, RunResult } from '../../server/src/protocol/types';

/** Deny: refused with the reasons. Ask: a modal lists the rules; true only on an explicit yes. */
export async function confirmHostAction(policy: PolicyDecision, action: 'copy' | 'insert'): Promise<boolean> {
  const what = action === 'copy' ? 'copy it to the clipboard' : 'type it into the terminal';
  if (policy.decision === 'deny') {
    const reasons = policy.rules.filter((r) => r.severity === 'deny').map((r) => `${r.id}: ${r.reason}`);
    void vscode.window.showErrorMessage(`Paladin will not ${what}: the policy denies this command on your machine. ${reasons.join(' ')}`);
    return false;
  }
  if (policy.decision === 'allow') return true;
  const detail = policy.rules.map((r) => `• ${r.id}: ${r.reason}${r.alternative ? `\n   Safer: ${r.alternative}` : ''}`).join('\n');
  const yes = action === 'copy' ? 'Copy anyway' : 'Insert anyway';
  const answer = await vscode.window.showWarningMessage(`Run on your machine, this command needs your approval. ${action === 'copy' ? 'Copy' : 'Insert'} it?`, { modal: true, detail }, yes);
  return answer === yes;
}

/**
 * The Apply confirmation: the consequences first; returns how to apply, or
 * undefined for no. After a failed run (`failure` says how it ended) the
 * changes may be half done: the question says so and the button must be the
 * explicit "despite the failure" one.
 */
export async function confirmApply(consequences: Consequences | undefined, changes: number, failure?: string): Promise<{ includeSensitive: boolean } | undefined> {
  const lines = consequences ? describeConsequences(consequences) : [`${changes} file(s) would change.`];
  const guarded = consequences?.sensitive.some((s) => s.needsIncludeSensitive) ?? false;
  const base = failure ? 'Apply despite the failure' : 'Apply';
  const apply = guarded ? `${base} (skip .git/ and .vscode/)` : base;
  const all = `${base}, including .git/ and .vscode/`;
  const question = failure
    ? `The run failed: it ${failure}. Its changes may be incomplete. Write them to the workspace anyway?`
    : 'Write these changes to the workspace?';
  const answer = await vscode.window.showWarningMessage(question, { modal: true, detail: lines.join('\n') }, ...(guarded ? [apply, all] : [apply]));
  if (answer === apply) return { includeSensitive: false };
  if (answer === all) return { includeSensitive: true };
  return undefined;
}

/** Adding a shape rule changes policy: the person says yes in a modal. */
export async function confirmAllowShape(command: string, policy: PolicyDecision | undefined): Promise<boolean> {
  const rules = policy ? policy.rules.map((r) => r.id).join(', ') : 'its ask rules';
  const yes = 'Allow this shape';
  const answer = await vscode.window.showWarningMessage(
    'Allow exactly this command shape from now on?',
    { modal: true, detail: `${command}\n\nThe same program, subcommand and arguments (free text such as a message may differ) will no longer ask about: ${rules}. A deny is never overridden. The rule is a user policy you can disable with \`paladin policy disable\`.` },
    yes,
  );
  return answer === yes;
}

/** How a run that did not succeed ended, in words; undefined for a clean exit 0. */
export function runFailure(result: RunResult): string | undefined {
  if (result.end === 'exited') return result.exitCode === 0 ? undefined : `exited with status ${result.exitCode}`;
  return result.end === 'sandbox error' ? `ended with a sandbox error${result.message ? ` (${result.message})` : ''}` : `was ${result.end === 'cancelled' ? 'cancelled' : `stopped (${result.end})`}`;
}
