// How a history entry reads in the history view: its command, then where it
// stands (planned, checked, denied, ran, applied, discarded, undone), the exit
// code, the duration and the sandbox mode. Pure, so it is tested without VS Code.

import type { HistoryRequest, HistoryStage } from '../../server/src/protocol/protocol';

const modeNames: Record<string, string> = { ro: 'read-only', snapshot: 'snapshot', live: 'live' };

/** 850 ms, 4.2 s, 3 min 5 s. */
export function duration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1_000)} s`;
}

/** The entry's stage; entries from an older server (no stage) read from their status. */
export function stageOfEntry(e: HistoryRequest.Entry): HistoryStage {
  if (e.stage) return e.stage;
  if (e.executionStatus === 'planned') return e.policyDecision === 'deny' ? 'denied' : 'planned';
  if (e.executionStatus === 'running' || e.executionStatus === 'judged') return e.executionStatus;
  return 'ran';
}

/** The line beside the command: `ran · exit 0 · 1.2 s · read-only`. */
export function entryDescription(e: HistoryRequest.Entry): string {
  const stage = stageOfEntry(e);
  const parts: string[] = [stage];
  const ran = !['planned', 'checked', 'denied', 'judged'].includes(stage);
  if (ran && e.exitCode !== null) parts.push(`exit ${e.exitCode}`);
  else if (ran && stage !== 'running' && e.executionStatus !== 'succeeded' && e.executionStatus !== 'failed') parts.push(e.executionStatus);
  if (ran && typeof e.durationMs === 'number') parts.push(duration(e.durationMs));
  if (e.mode) parts.push(modeNames[e.mode] ?? e.mode);
  if (e.changesCount) parts.push(`${e.changesCount} file${e.changesCount === 1 ? '' : 's'} changed`);
  return parts.join(' · ');
}

/** The hover of an entry, as Markdown-free lines. */
export function entryTooltip(e: HistoryRequest.Entry): string {
  const lines = [e.plannedCommand || '(no command)', ''];
  if (e.query) lines.push(`Asked: ${e.query}`);
  if (e.originalCommand) lines.push(`Planned as: ${e.originalCommand} (edited, then checked again)`);
  if (e.policyDecision) lines.push(`Policy: ${e.policyDecision}`);
  lines.push(`Status: ${entryDescription(e)}`);
  if (e.message) lines.push(e.message);
  lines.push(new Date(e.createdAt).toLocaleString());
  if (e.hasOutput) lines.push('', 'Open it to see its stored output.');
  return lines.join('\n');
}

/** A codicon per stage. */
export const stageIcons: Record<HistoryStage, string> = {
  planned: 'lightbulb',
  checked: 'pass',
  denied: 'circle-slash',
  judged: 'law',
  running: 'loading~spin',
  ran: 'terminal',
  applied: 'check-all',
  discarded: 'discard',
  undone: 'history',
};
