// Where a history entry stands, in the words the history view shows: a plan
// (planned, checked, denied), a run (running, ran), and what became of a
// snapshot run's changes (applied, discarded, undone).

import type { HistoryStage } from '../protocol/types';
import type { HistoryEntry } from './history';

export function stageOf(entry: Pick<HistoryEntry, 'status' | 'policyDecision' | 'changes'>): HistoryStage {
  switch (entry.status) {
    case 'planned':
      // Entries written before denied plans had a status of their own.
      return entry.policyDecision === 'deny' ? 'denied' : 'planned';
    case 'checked':
    case 'denied':
    case 'judged':
    case 'running':
      return entry.status;
    default:
      if (entry.changes === 'applied' || entry.changes === 'discarded' || entry.changes === 'undone') return entry.changes;
      return 'ran';
  }
}
