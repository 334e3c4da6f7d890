// A snapshot that costs what the run changes: the engine mounts an overlay
// whose lower layer is the workspace itself (never written: overlayfs only
// ever writes its upper layer) and whose upper layer lives in a size-limited
// tmpfs volume. The sandbox container sees the overlay at /workspace and
// stays unprivileged; only the engine mounts.
//
// The tmpfs is mounted by the engine only while a container uses it, so a
// small holder container (our own keeper, no network, no capabilities, run
// as nobody) keeps it mounted for the overlay, and the upper layer is read
// back through it: files, links and whiteouts, never the workspace.

import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import * as tar from 'tar-stream';
import { containerSpec, LABEL, MAX_INODES, OWNER_LABEL, type SandboxShape } from './containerSpec';

/** The holder's user: not the run's, so nothing of the run can signal or trace it. */
const HOLDER_USER = '65534:65534';

/** Where the server reads the upper layer from, in the holder container. */
export const UPPER_PATH = '/workspace/upper';

/**
 * Why an overlay snapshot of `workspace` cannot be made here, or undefined.
 * The path goes into mount options, where `,` `:` and `\` are separators.
 */
export function overlayProblem(workspace: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const host = env.DOCKER_HOST ?? '';
  if (host !== '' && !host.startsWith('unix://')) return `the engine is not on this machine (DOCKER_HOST=${host}), so it cannot mount this machine's folder`;
  if (/[,:\\\n]/.test(workspace)) return 'the workspace path holds a comma, colon, backslash or newline, which mount options cannot carry';
  return undefined;
}

/** The tmpfs volume holding the upper layer: bounded in bytes and files, like the copy's volume. */
export function upperVolumeSpec(name: string, shape: SandboxShape, owner: string) {
  return {
    Name: name,
    Driver: 'local',
    DriverOpts: { type: 'tmpfs', device: 'tmpfs', o: `size=${shape.limits.snapshotMiB}m,nr_inodes=${MAX_INODES},uid=0,gid=0,mode=0755,nosuid,nodev` },
    Labels: { [LABEL]: '1', [OWNER_LABEL]: owner },
  };
}

/**
 * The overlay volume. redirect_dir and metacopy off: a renamed folder or a
 * chmod then copies the data up, so the upper layer alone says what changed.
 */
export function overlayVolumeSpec(name: string, lower: string, upperMount: string, owner: string) {
  return {
    Name: name,
    Driver: 'local',
    DriverOpts: {
      type: 'overlay',
      device: 'overlay',
      o: `lowerdir=${lower},upperdir=${upperMount}/upper,workdir=${upperMount}/work,redirect_dir=off,metacopy=off,index=off,nosuid,nodev`,
    },
    Labels: { [LABEL]: '1', [OWNER_LABEL]: owner },
  };
}

export interface OverlayParts {
  upperVolume: string;
  overlayVolume: string;
  holder: Docker.Container;
}

/**
 * Creates the upper volume, the holder keeping it mounted, its `upper` and
 * `work` folders, and the overlay volume over `lower`. The upper folder is
 * the merged root: it takes the run's user and the workspace root's mode.
 */
export async function createOverlay(
  docker: Docker,
  shape: SandboxShape,
  ids: { id: string; owner: string; pool?: string },
  root: { mode: number },
  made: (parts: Partial<OverlayParts>) => void,
): Promise<OverlayParts> {
  const lower = shape.workspace;
  if (!lower) throw new Error('an overlay snapshot needs the workspace folder');
  const upperVolume = `paladin-upper-${ids.id}`;
  const created = (await docker.createVolume(upperVolumeSpec(upperVolume, shape, ids.owner))) as { Mountpoint?: string };
  made({ upperVolume });
  const mountpoint = created.Mountpoint ?? (await docker.getVolume(upperVolume).inspect()).Mountpoint;
  const holderShape: SandboxShape = { ...shape, mode: 'snapshot', volume: upperVolume, workspace: undefined, network: false, user: HOLDER_USER };
  const holder = await docker.createContainer({ ...containerSpec(holderShape, { run: ids.id, owner: ids.owner, pool: ids.pool }), name: `paladin-${ids.id}-upper` });
  made({ upperVolume, holder });
  await holder.start();
  const [uid, gid] = (shape.user ?? '1000:1000').split(':').map(Number);
  await holder.putArchive(layerFolders(uid, gid, root.mode) as unknown as NodeJS.ReadableStream, { path: '/workspace' });
  const overlayVolume = `paladin-snap-${ids.id}`;
  await docker.createVolume(overlayVolumeSpec(overlayVolume, lower, mountpoint, ids.owner));
  const parts = { upperVolume, overlayVolume, holder };
  made(parts);
  return parts;
}

function layerFolders(uid: number, gid: number, mode: number): tar.Pack {
  const pack = tar.pack();
  pack.entry({ name: 'upper', type: 'directory', mode: mode & 0o7777, uid, gid });
  pack.entry({ name: 'work', type: 'directory', mode: 0o700, uid: 0, gid: 0 });
  pack.finalize();
  return pack;
}

/**
 * Whether the run left nothing in the upper layer (the container must be
 * frozen or stopped): then there is nothing to read back. Asked of the
 * engine's stat of the folder, a fraction of the archive's cost. On tmpfs
 * (the upper volume always is) a folder's size is 40 plus 20 per entry, so 40
 * means empty; any other answer, or none, means "read the archive".
 */
export async function upperIsEmpty(holder: Docker.Container): Promise<boolean> {
  try {
    const res = (await holder.infoArchive({ path: UPPER_PATH })) as { headers?: Record<string, string | undefined>; destroy?: () => void; resume?: () => void };
    res.resume?.();
    res.destroy?.();
    const header = res.headers?.['x-docker-container-path-stat'];
    if (!header) return false;
    const stat = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as { size?: number; mode?: number };
    // Go's os.ModeDir is the top bit of its 32-bit mode.
    return stat.size === EMPTY_TMPFS_FOLDER && typeof stat.mode === 'number' && stat.mode >= 2 ** 31;
  } catch {
    return false;
  }
}

const EMPTY_TMPFS_FOLDER = 40;

/** The upper layer as a tar stream: what the run wrote, whiteouts (deletions) included. */
export async function readUpper(holder: Docker.Container): Promise<Readable> {
  return (await holder.getArchive({ path: UPPER_PATH })) as Readable;
}

/** Whether `rel` exists in the run's merged view (the container must be frozen or stopped). */
export async function existsInRun(container: Docker.Container, rel: string): Promise<boolean> {
  try {
    // The answer is its status; the response (a stream) is closed so its connection does not linger.
    const res = (await container.infoArchive({ path: `/workspace/${rel}` })) as { destroy?: () => void; resume?: () => void } | undefined;
    res?.resume?.();
    res?.destroy?.();
    return true;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return false;
    throw err;
  }
}
