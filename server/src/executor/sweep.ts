// Removing what a crashed server left behind: containers and snapshot
// volumes labelled as Paladin's whose owning process is gone. A server that
// is still running keeps its containers; `all` removes every one.

import * as fs from 'node:fs';
import * as os from 'node:os';
import type Docker from 'dockerode';
import { LABEL, OWNER_LABEL } from './containerSpec';
import { explainDockerError } from './docker';

/** When a process started (clock ticks since boot), so a reused pid is not mistaken for its owner. */
function startTicks(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the command name (field 2) may hold spaces, so count from its closing parenthesis.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** `<hostname>:<pid>:<start ticks>` of a process on this machine. */
export function ownerTagOf(pid: number): string {
  return `${os.hostname()}:${pid}:${startTicks(pid) ?? '0'}`;
}

export function ownerTag(): string {
  return ownerTagOf(process.pid);
}

function ownerAlive(owner: string | undefined): boolean {
  if (!owner) return false;
  const parts = owner.split(':');
  if (parts.length < 3) return false;
  const start = parts.pop()!;
  const pid = Number(parts.pop());
  const host = parts.join(':');
  // Another machine's server (a shared remote engine): leave its containers alone.
  if (host !== os.hostname()) return true;
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = startTicks(pid);
  return now === undefined || start === '0' || now === start;
}

export interface SweepCounts {
  containers: number;
  volumes: number;
  networks: number;
}

/** One labelled leftover: the owner tag it carries and how to remove it. */
interface Leftover {
  owner: string | undefined;
  remove: () => Promise<unknown>;
}

/** A kind of leftover: how to list Paladin's, and how many passes its removal gets. */
interface LeftoverKind {
  name: keyof SweepCounts;
  passes: number;
  list: (docker: Docker) => Promise<Leftover[]>;
}

const labelled = () => ({ label: [`${LABEL}=1`] });

// In this order: the engine refuses to remove a volume or a network a container still uses.
const KINDS: LeftoverKind[] = [
  {
    name: 'containers',
    // A second pass catches removals the engine refused while busy.
    passes: 2,
    list: async (docker) =>
      (await docker.listContainers({ all: true, filters: labelled() })).map((c) => ({ owner: c.Labels?.[OWNER_LABEL], remove: () => docker.getContainer(c.Id).remove({ force: true }) })),
  },
  {
    name: 'volumes',
    // A volume still in use is refused by the engine; that is fine.
    passes: 1,
    list: async (docker) => ((await docker.listVolumes({ filters: labelled() })).Volumes ?? []).map((v) => ({ owner: v.Labels?.[OWNER_LABEL], remove: () => docker.getVolume(v.Name).remove() })),
  },
  {
    name: 'networks',
    // A run's own network (granted network) once its containers are gone.
    passes: 1,
    list: async (docker) => (await docker.listNetworks({ filters: labelled() })).map((n) => ({ owner: n.Labels?.[OWNER_LABEL], remove: () => docker.getNetwork(n.Id).remove() })),
  },
];

export async function sweep(docker: Docker, options: { all?: boolean; keepOwner?: string } = {}): Promise<SweepCounts> {
  const counts: SweepCounts = { containers: 0, volumes: 0, networks: 0 };
  try {
    for (const kind of KINDS) {
      for (let pass = 0; pass < kind.passes; pass++) {
        let failed = 0;
        for (const leftover of await kind.list(docker)) {
          if (leftover.owner === options.keepOwner) continue;
          if (!options.all && ownerAlive(leftover.owner)) continue;
          await leftover
            .remove()
            .then(() => counts[kind.name]++)
            .catch((err) => {
              // Already gone is not a failure worth another pass.
              if ((err as { statusCode?: number }).statusCode !== 404) failed++;
            });
        }
        if (failed === 0) break;
      }
    }
  } catch (err) {
    throw explainDockerError(err);
  }
  return counts;
}
