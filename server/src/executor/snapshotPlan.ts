// How a snapshot run gets its workspace: layered (an overlay over the
// folder, costing what the run changes) or copied (the whole folder in and
// out). The overlay is the default; the copy is used, and the run says why,
// where the overlay cannot be made or would not behave like a snapshot.

import * as fs from 'node:fs';
import { overlayProblem } from './overlayLayers';
import type { SnapshotMethod } from '../settings/settings';
import { specialFiles } from './workspaceGuard';

export type { SnapshotMethod } from '../settings/settings';

export interface SnapshotPlan {
  overlay: boolean;
  /** `uid:gid` the run takes in an overlay (the folder's owner); the copy belongs to 1000:1000. */
  user?: string;
  /** Why the copy is used, for the person. */
  notes: string[];
}

const copy = (why: string): SnapshotPlan => ({
  overlay: false,
  notes: [`This snapshot run copies the workspace instead of layering over it: ${why}.`],
});

/**
 * Decides for the real folder `workspace`. `broken` is why the engine could
 * not mount an overlay before (then every later run copies).
 */
export function snapshotPlan(workspace: string, method: SnapshotMethod, broken?: string): SnapshotPlan {
  if (method === 'copy') return { overlay: false, notes: [] };
  if (broken) return copy(broken);
  const problem = overlayProblem(workspace);
  if (problem) return copy(problem);
  const st = fs.statSync(workspace);
  // Files keep their owners in a layer: as root's, the run (never root) could not change them.
  if (st.uid === 0) return copy(`the folder belongs to root, and a sandbox never runs as root`);
  // A socket, FIFO or device in the lower layer would be reachable from the run; the copy leaves them out.
  const special = specialFiles(workspace, 5);
  if (!special.complete) return copy('it holds too many entries to check for sockets');
  if (special.found.length > 0) return copy(`it holds sockets, FIFOs or device files (${special.found.join(', ')}), which a layer would let the run reach`);
  return { overlay: true, user: `${st.uid}:${st.gid === 0 ? st.uid : st.gid}`, notes: [] };
}
