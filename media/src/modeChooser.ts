// The sandbox mode chooser of a card: read-only, snapshot or live, with the
// mode the policy picked marked as the default. Live mode writes the real
// workspace as it runs, so it always asks first.

import type { PolicyDecision, WorkspaceMode } from '../../server/src/protocol/types';
import { h } from './dom';

export const LIVE_REASON = 'live mode mounts the real workspace read-write: every change happens at once, with no Apply step to review it';

const MODES: { mode: WorkspaceMode; text: string }[] = [
  { mode: 'ro', text: 'read-only workspace' },
  { mode: 'snapshot', text: 'snapshot: a copy; you apply its changes' },
  { mode: 'live', text: 'live: the real workspace (asks first)' },
];

/** What a run in `mode` needs approval for; empty when it needs nobody. */
export function approvalReasons(policy: PolicyDecision | undefined, mode: WorkspaceMode | undefined): string[] {
  const v = policy?.sandbox;
  if (!v) return [];
  const reasons = [...v.reasons].filter(() => v.needsApproval);
  if (mode === 'live' && v.mode !== 'live' && !reasons.some((r) => r.startsWith('live mode'))) reasons.push(LIVE_REASON);
  return reasons;
}

export function renderModeChooser(policy: PolicyDecision, chosen: WorkspaceMode | undefined, onChange: (mode: WorkspaceMode) => void): HTMLElement {
  const fallback = policy.sandbox?.mode ?? 'snapshot';
  const select = h('select', { class: 'mode', label: 'Sandbox mode' });
  for (const m of MODES) {
    const option = h('option', { text: `${m.text}${m.mode === fallback ? ' (default)' : ''}`, attrs: { value: m.mode } });
    select.append(option);
  }
  select.value = chosen ?? fallback;
  select.addEventListener('change', () => onChange(select.value as WorkspaceMode));
  return h('div', { class: 'mode-chooser' }, [h('label', { class: 'mode-label', text: 'Sandbox mode: ' }, [select])]);
}
