// Which engine runtime a sandbox runs under. `runc` is Docker's default;
// `runsc` is gVisor, a user-space kernel between the run and the host's,
// which has to be registered with the engine (daemon.json) under that name.
// A setting that asks for runsc on an engine without it refuses runs rather
// than quietly running with less isolation.

import type Docker from 'dockerode';
import { RequestError } from '../kernel';
import type { SandboxRuntime } from '../settings/settings';

/** The daemon.json entry that registers gVisor the way Paladin runs it (offline, ptrace platform). */
export const RUNSC_DAEMON_JSON = '{"runtimes":{"runsc":{"path":"/usr/bin/runsc","runtimeArgs":["--platform=ptrace","--network=none"]}}}';

/** The runtimes the engine has, by name (from `docker info`'s Runtimes). */
export async function engineRuntimes(docker: Docker): Promise<string[]> {
  const info = (await docker.info()) as { Runtimes?: Record<string, unknown>; DefaultRuntime?: string };
  return Object.keys(info.Runtimes ?? {}).sort();
}

/** Why `runtime` cannot be used on an engine offering `available`, with what to do; undefined when it can. */
export function runtimeProblem(runtime: SandboxRuntime, available: string[]): string | undefined {
  if (runtime === 'runc' || available.includes(runtime)) return undefined;
  return (
    `paladin.sandbox.runtime is ${runtime}, but this Docker engine has no ${runtime} runtime (it has: ${available.join(', ') || 'none listed'}); nothing was run. ` +
    `Install gVisor (apt-get install runsc), add ${RUNSC_DAEMON_JSON} to /etc/docker/daemon.json and restart the engine, or set paladin.sandbox.runtime to runc.`
  );
}

/** gVisor here cannot run with a network (runsc refuses a container in the host's network namespace). */
export function checkRuntimeNetwork(runtime: SandboxRuntime, network: boolean): void {
  if (runtime === 'runsc' && network) {
    throw new RequestError('With paladin.sandbox.runtime set to runsc, runs are offline only (gVisor is registered with --network=none). Run without network, or set paladin.sandbox.runtime to runc for this run\'s kind of work.');
  }
}
