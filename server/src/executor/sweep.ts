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

export async function sweep(docker: Docker, options: { all?: boolean; keepOwner?: string } = {}): Promise<{ containers: number; volumes: number; networks: number }> {
  let removed = 0;
  let volumes = 0;
  let networks = 0;
  try {
    // A second pass catches removals the engine refused while busy.
    for (let pass = 0; pass < 2; pass++) {
      const list = await docker.listContainers({ all: true, filters: { label: [`${LABEL}=1`] } });
      let failed = 0;
      for (const info of list) {
        const owner = info.Labels?.[OWNER_LABEL];
        if (owner === options.keepOwner) continue;
        if (!options.all && ownerAlive(owner)) continue;
        await docker
          .getContainer(info.Id)
          .remove({ force: true })
          .then(() => removed++)
          .catch((err) => {
            if ((err as { statusCode?: number }).statusCode !== 404) failed++;
          });
      }
      if (failed === 0) break;
    }
    const vols = await docker.listVolumes({ filters: { label: [`${LABEL}=1`] } });
    for (const vol of vols.Volumes ?? []) {
      const owner = vol.Labels?.[OWNER_LABEL];
      if (owner === options.keepOwner) continue;
      if (!options.all && ownerAlive(owner)) continue;
      // A volume still in use is refused by the engine; that is fine.
      await docker
        .getVolume(vol.Name)
        .remove()
        .then(() => volumes++)
        .catch(() => undefined);
    }
    // A run's own network (granted network) once its containers are gone.
    const nets = await docker.listNetworks({ filters: { label: [`${LABEL}=1`] } });
    for (const n of nets) {
      const owner = n.Labels?.[OWNER_LABEL];
      if (owner === options.keepOwner) continue;
      if (!options.all && ownerAlive(owner)) continue;
      await docker
        .getNetwork(n.Id)
        .remove()
        .then(() => networks++)
        .catch(() => undefined);
    }
  } catch (err) {
    throw explainDockerError(err);
  }
  return { containers: removed, volumes, networks };
}
