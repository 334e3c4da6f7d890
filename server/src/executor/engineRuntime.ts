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

/**
 * The process caps for `pids` processes under `runtime`. Under runc the
 * container's pids cgroup is the cap. Under runsc that cgroup also holds
 * gVisor's own kernel: its threads and, on the ptrace platform, a stub
 * process per address space with a thread per kernel thread that entered
 * it, so a cap of 64 there kills the sandbox itself. The cap then moves
 * inside gVisor as RLIMIT_NPROC (gVisor counts a uid's tasks in its own
 * kernel, which holds only this run: the keeper, init and the command all
 * run as the run's user), and the cgroup keeps a host-side backstop that
 * bounds gVisor's growth; crossing it ends the sandbox, never the host.
 */
export function processCaps(runtime: SandboxRuntime | undefined, pids: number): { pidsLimit: number; nproc?: number } {
  if (runtime !== 'runsc') return { pidsLimit: pids };
  return { pidsLimit: pids * RUNSC_HOST_TASKS_PER_PID + RUNSC_HOST_TASKS_BASE, nproc: pids };
}

/** Host tasks gVisor used: about 47 idle and 9 per busy task (64 tasks: 550); a fork bomb's churn adds stub threads. */
export const RUNSC_HOST_TASKS_PER_PID = 16;
export const RUNSC_HOST_TASKS_BASE = 256;

/** Why a container ended before its command did, in words for the runtime it ran under. */
export function sandboxEndedMessage(runtime: SandboxRuntime | undefined): string {
  const base = 'the sandbox container ended before the command did';
  if (runtime !== 'runsc') return `${base} (was its keeper process killed?)`;
  return `${base}: under gVisor, a command that starts processes very fast (a fork bomb) can use up gVisor's own host thread allowance or memory, which ends the sandbox; nothing outlives it`;
}
