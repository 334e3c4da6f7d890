// Applying, discarding and undoing a snapshot run's changes over the API: only for a
// run the caller's user started, in a workspace the caller may still use.

import type { Paladin } from '../paladin';
import { RequestError } from '../kernel';
import type { Actor } from '../protocol/types';
import { HttpError } from './httpError';

export async function settleRun(
  paladin: Paladin,
  action: 'apply' | 'discard' | 'undo',
  actor: Actor,
  runId: string,
  options: { includeSensitive?: boolean; workspaceAllowed: (dir: string) => string },
): Promise<Record<string, unknown>> {
  const row = paladin.db.prepare('SELECT user_id, workspace FROM command_history WHERE run_id = ? ORDER BY created_at DESC LIMIT 1').get(runId) as { user_id: string; workspace: string | null } | undefined;
  // Someone else's run looks the same as no run: ids are not for probing.
  if (!row || row.user_id !== actor.userId || !row.workspace) throw new HttpError(404, 'not-found', `No run ${runId} of yours is known; use the runId a run of yours returned.`);
  options.workspaceAllowed(row.workspace);
  try {
    if (action === 'discard') {
      await paladin.discard(actor, runId);
      return { runId, discarded: true };
    }
    if (action === 'undo') return { runId, ...(await paladin.undo(actor, runId)) };
    const result = await paladin.apply(actor, runId, { includeSensitive: options.includeSensitive });
    return { runId, ...result };
  } catch (err) {
    if (err instanceof RequestError && err.code === 'invalid') throw new HttpError(422, 'apply-failed', err.message);
    throw err;
  }
}
