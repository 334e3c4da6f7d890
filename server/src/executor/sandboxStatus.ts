// `paladin sandbox status` in one sentence: the engine, the image, the
// runtime, the network allow-list and what the pool and queue hold.

import type Docker from 'dockerode';
import type { Settings } from '../settings/settings';
import { engineName, explainDockerError } from './docker';
import { runtimeProblem } from './engineRuntime';
import { DEFAULT_IMAGE, imageInfo } from './images';

export interface SandboxStatus {
  state: 'ready' | 'image missing' | 'docker unreachable' | 'runtime missing';
  detail: string;
}

export async function sandboxStatus(
  docker: Docker,
  s: Settings['sandbox'],
  counts: { pool: { ready: number }; queue: { active: number; waiting: number } },
  engineRuntimes: () => Promise<string[]>,
): Promise<SandboxStatus> {
  const image = s.image;
  try {
    const version = await docker.version();
    const info = await imageInfo(docker, image);
    if (!info) {
      const how = image === DEFAULT_IMAGE ? 'the first run builds it, or run `paladin sandbox build`' : 'build or pull it, or change paladin.sandbox.image';
      return { state: 'image missing', detail: `Docker ${version.Version} at ${engineName()}; image ${image} is missing (${how}).` };
    }
    const flavor = info.flavor === 'busybox' ? ' (minimal busybox build)' : '';
    const runtimes = await engineRuntimes();
    const problem = runtimeProblem(s.runtime, runtimes);
    if (problem) return { state: 'runtime missing', detail: `Docker ${version.Version} at ${engineName()}; ${problem}` };
    const network = s.runtime === 'runsc' ? 'network: offline only under runsc' : `network when granted: ${s.networkAllow.length} allowed hosts (paladin.sandbox.network.allow)`;
    return {
      state: 'ready',
      detail: `Docker ${version.Version} at ${engineName()}; image ${image}${flavor}; runtime ${s.runtime} (engine has: ${runtimes.join(', ')}); ${network}; ${counts.pool.ready} warm, ${counts.queue.active} running, ${counts.queue.waiting} queued.`,
    };
  } catch (err) {
    const e = explainDockerError(err, image);
    return { state: e.problem === 'image missing' ? 'image missing' : 'docker unreachable', detail: e.message };
  }
}
