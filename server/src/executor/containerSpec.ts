// The one place a sandbox container's configuration is written down. Every
// container Paladin creates comes from `containerSpec`, so the hardening is
// the same for warm-pool and cold starts, and a unit test can read it.

import type { ContainerCreateOptions } from 'dockerode';
import type { WorkspaceMode } from '../protocol/types';
import { KEEPER_CMD } from './bootstrap';
import { processCaps } from './engineRuntime';

export interface SandboxLimits {
  memoryMiB: number;
  cpus: number;
  pids: number;
  tmpfsMiB: number;
  timeoutSeconds: number;
  snapshotMiB: number;
}

export interface SandboxShape {
  image: string;
  mode: WorkspaceMode;
  /** Host folder bind-mounted in ro and live modes; the lower layer of an overlay snapshot. */
  workspace?: string;
  /** Size-limited tmpfs volume holding the copy in snapshot mode. */
  volume?: string;
  network: boolean;
  /** With `network`: the run's internal network and its proxy (the only way out). */
  egress?: EgressRoute;
  limits: SandboxLimits;
  /** The engine can make a read-only bind read-only all the way down (Docker 25+, API 1.44). */
  recursiveReadOnly?: boolean;
  /** `uid:gid` to run as; defaults to 1000:1000. Never 0. */
  user?: string;
  /** The engine runtime; `runsc` is gVisor. Default: the engine's (runc). */
  runtime?: 'runc' | 'runsc';
  /** Host package caches, bind-mounted read-only. */
  caches?: CacheMount[];
  /** Environment added for the image's tools (where the caches are). */
  env?: string[];
  /** Snapshot mode layered over `workspace` (an overlay the engine mounts) instead of a copy. */
  overlay?: boolean;
  /** Snapshot mode holding a copy for an `ro` run: the copy belongs to root, so the run cannot change it. */
  readOnlyCopy?: boolean;
}

/** Where a sandbox with network finds its way out: its internal network and the proxy address for its environment. */
export interface EgressRoute {
  network: string;
  proxyUrl: string;
}

/** The proxy variables every common tool reads (curl, wget, git, npm, pip, cargo, go, apt). */
export function proxyEnv(proxyUrl: string): string[] {
  const env: string[] = [];
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY']) env.push(`${name}=${proxyUrl}`, `${name.toLowerCase()}=${proxyUrl}`);
  env.push('NO_PROXY=localhost,127.0.0.1,::1', 'no_proxy=localhost,127.0.0.1,::1');
  return env;
}

export interface CacheMount {
  source: string;
  target: string;
}

export const SANDBOX_USER = '1000:1000';
export const WORKDIR = '/workspace';
export const LABEL = 'paladin';
export const RUN_LABEL = 'paladin.run';
export const POOL_LABEL = 'paladin.pool';
/** `<hostname>:<pid>:<start time>` of the server that made the container, so a sweep only removes what a dead server left. */
export const OWNER_LABEL = 'paladin.owner';

const MiB = 1024 * 1024;
/** Files a tmpfs may hold: without a cap, millions of empty files fit in any size. */
export const MAX_INODES = 250_000;

/** The environment a command sees: nothing from the server's own (no tokens, no keys). */
export const SANDBOX_ENV = ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HOME=/tmp', 'TMPDIR=/tmp', 'LANG=C.UTF-8', 'TERM=dumb'];

export function containerSpec(shape: SandboxShape, labels: { run: string; owner: string; pool?: string }): ContainerCreateOptions {
  const { limits } = shape;
  const user = shape.user ?? SANDBOX_USER;
  const [uid, gid] = user.split(':');
  if (uid === '0' || gid === '0' || !/^\d+:\d+$/.test(user)) throw new Error(`refusing to run a sandbox as ${user}`);
  // Network only ever through the run's allow-list proxy: never the engine's bridge.
  if (shape.network && !shape.egress) throw new Error('a sandbox with network needs its egress network and proxy');
  const memory = Math.round(limits.memoryMiB * MiB);
  const fileCap = Math.max(limits.tmpfsMiB, limits.snapshotMiB) * MiB;
  // CPU seconds per process: a little past the wall-clock deadline, so the
  // deadline (not the rlimit) normally ends a busy run.
  const cpuSeconds = Math.ceil(limits.timeoutSeconds) + 5;
  const caps = processCaps(shape.runtime, limits.pids);
  const mounts: NonNullable<NonNullable<ContainerCreateOptions['HostConfig']>['Mounts']> = [];
  if (shape.mode === 'snapshot') {
    if (!shape.volume) throw new Error('snapshot mode needs a volume');
    mounts.push({ Type: 'volume', Source: shape.volume, Target: WORKDIR, ReadOnly: false });
  } else {
    if (!shape.workspace) throw new Error(`${shape.mode} mode needs a workspace folder`);
    // ReadOnlyForceRecursive: mounts below the workspace are read-only too, or the engine refuses to start the container.
    const bind = { Propagation: 'rprivate' as const, ...(shape.mode === 'ro' && shape.recursiveReadOnly ? { ReadOnlyForceRecursive: true } : {}) };
    mounts.push({ Type: 'bind', Source: shape.workspace, Target: WORKDIR, ReadOnly: shape.mode === 'ro', BindOptions: bind });
  }
  for (const cache of shape.caches ?? []) {
    const bind = { Propagation: 'rprivate' as const, ...(shape.recursiveReadOnly ? { ReadOnlyForceRecursive: true } : {}) };
    mounts.push({ Type: 'bind', Source: cache.source, Target: cache.target, ReadOnly: true, BindOptions: bind });
  }
  const labelSet: Record<string, string> = { [LABEL]: '1', [RUN_LABEL]: labels.run, [OWNER_LABEL]: labels.owner };
  if (labels.pool) labelSet[POOL_LABEL] = labels.pool;
  return {
    Image: shape.image,
    Cmd: KEEPER_CMD,
    Entrypoint: [],
    User: user,
    WorkingDir: WORKDIR,
    Env: [
      ...SANDBOX_ENV,
      ...(shape.env ?? []).filter((e) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(e) && !/^(PATH|HOME|TMPDIR|(HTTPS?|ALL|NO)_PROXY)=/i.test(e)),
      ...(shape.network && shape.egress ? proxyEnv(shape.egress.proxyUrl) : []),
    ],
    OpenStdin: false,
    StdinOnce: false,
    AttachStdin: false,
    AttachStdout: true,
    AttachStderr: true,
    Tty: false,
    NetworkDisabled: !shape.network,
    Labels: labelSet,
    HostConfig: {
      ...(shape.runtime === 'runsc' ? { Runtime: 'runsc' } : {}),
      NetworkMode: shape.network && shape.egress ? shape.egress.network : 'none',
      Privileged: false,
      ReadonlyRootfs: true,
      // uid: the engine gives the mount the image's /tmp mode, which may not be writable.
      Tmpfs: { '/tmp': `rw,nosuid,nodev,size=${limits.tmpfsMiB}m,nr_inodes=${MAX_INODES},mode=1777,uid=${uid},gid=${gid}` },
      ShmSize: Math.min(limits.tmpfsMiB, 16) * MiB,
      IpcMode: 'private',
      CapDrop: ['ALL'],
      CapAdd: [],
      // The default seccomp profile applies because none is named here.
      SecurityOpt: ['no-new-privileges'],
      PidsLimit: caps.pidsLimit,
      Memory: memory,
      MemorySwap: memory,
      NanoCpus: Math.round(limits.cpus * 1e9),
      OomScoreAdj: 500,
      Ulimits: [
        { Name: 'nofile', Soft: 1024, Hard: 1024 },
        { Name: 'fsize', Soft: fileCap, Hard: fileCap },
        { Name: 'cpu', Soft: cpuSeconds, Hard: cpuSeconds + 2 },
        // Only under gVisor: on the host, RLIMIT_NPROC counts every process of the uid, other containers' too.
        ...(caps.nproc ? [{ Name: 'nproc', Soft: caps.nproc, Hard: caps.nproc }] : []),
      ],
      Init: true,
      LogConfig: { Type: 'none', Config: {} },
      Mounts: mounts,
      AutoRemove: false,
    },
  };
}

/** Options for the tmpfs volume a snapshot run works in: bounded by size, owned by the sandbox user. */
export function snapshotVolumeSpec(name: string, limits: SandboxLimits, owner: string, readOnlyCopy = false) {
  const id = readOnlyCopy ? 0 : 1000;
  return {
    Name: name,
    Driver: 'local',
    DriverOpts: { type: 'tmpfs', device: 'tmpfs', o: `size=${limits.snapshotMiB}m,nr_inodes=${MAX_INODES},uid=${id},gid=${id},mode=0755,nosuid,nodev` },
    Labels: { [LABEL]: '1', [OWNER_LABEL]: owner },
  };
}
