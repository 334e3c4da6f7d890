// "put copies of c.txt and README.md in out" planned as `docker cp
// README.md:c.txt out`: a copy out of a container reads a file of the
// workspace as the container's name. A container copy is an answer only to a
// request that speaks of a container (or its engine); otherwise it copies
// nothing the request names and reaches for something it never mentions.

import type { CommandFact } from '../policy/factsTypes';
import type { Intent } from './intent';
import { programOf } from './selectionChecks';

const engines = /^(?:docker|podman|nerdctl|kubectl|oc|lxc|incus|machinectl)$/;
const spokenOf = /\b(?:containers?|docker|podman|nerdctl|kubectl|pods?|k8s|kubernetes|lxc|incus|machinectl|images?)\b/;

/** A container engine's copy (`docker cp A:B C`) for a request that never speaks of a container. */
export function containerCopyUnasked(intent: Intent, commands: CommandFact[]): string[] {
  if (spokenOf.test(intent.words)) return [];
  const copy = commands.find((c) => engines.test(programOf(c)) && c.args.some((a) => /^(?:cp|copy|file|push|pull)$/.test(a)));
  return copy ? [`it copies with ${programOf(copy)} (${copy.args.join(' ')}), but the request speaks of no container`] : [];
}
