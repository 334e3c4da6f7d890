// Removing what a crashed server left behind: containers and snapshot
// volumes labelled as Paladin's whose owning process is gone. A server that
// is still running keeps its containers; `all` removes every one.

import * as os from 'node:os';
import type Docker from 'dockerode';
import { LABEL, OWNER_LABEL } from './containerSpec';
import { explainDockerError } from './docker';

export function ownerTag(): string {
  return `${os.hostname()}:${process.pid}`;
}

function ownerAlive(owner: string | undefined): boolean {
  if (!owner) return false;
  const i = owner.lastIndexOf(':');
  const host = owner.slice(0, i);
  const pid = Number(owner.slice(i + 1));
  // Another machine's server (a shared remote engine): leave its containers alone.
  if (host !== os.hostname()) return true;
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function sweep(docker: Docker, options: { all?: boolean; keepOwner?: string } = {}): Promise<{ containers: number; volumes: number }> {
  let removed = 0;
  let volumes = 0;
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
  } catch (err) {
    throw explainDockerError(err);
  }
  return { containers: removed, volumes };
}
