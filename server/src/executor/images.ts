// Sandbox images: whether the configured one is there, and building one.
// Three ways: the Dockerfile shipped in server/sandbox (needs the Debian base
// image from a registry), a root filesystem the user made (`--rootfs DIR`,
// works offline), or the host's static busybox (offline, minimal).

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import * as tar from 'tar-stream';
import { explainDockerError, SandboxError } from './docker';

export const DEFAULT_IMAGE = 'paladin-sandbox:latest';
export const DEFAULT_BASE = 'debian:bookworm-slim';

export type Progress = (line: string) => void;

/** The folder holding the shipped Dockerfiles, from the source tree or the built bundle. */
export function sandboxAssetsDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    for (const candidate of [path.join(dir, 'server', 'sandbox'), path.join(dir, 'sandbox')]) {
      if (fs.existsSync(path.join(candidate, 'Dockerfile'))) return candidate;
    }
    dir = path.dirname(dir);
  }
  throw new SandboxError('The sandbox Dockerfile (server/sandbox/Dockerfile) is missing from this installation; reinstall Paladin.', 'sandbox error');
}

export async function imageInfo(docker: Docker, image: string): Promise<{ id: string; flavor?: string } | undefined> {
  try {
    const info = await docker.getImage(image).inspect();
    return { id: info.Id, flavor: info.Config?.Labels?.['paladin.image'] };
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return undefined;
    throw explainDockerError(err, image);
  }
}

function contextTar(files: Record<string, Buffer | { path: string; mode: number }>): Readable {
  const pack = tar.pack();
  for (const [name, content] of Object.entries(files)) {
    if (Buffer.isBuffer(content)) pack.entry({ name, mode: 0o644 }, content);
    else pack.entry({ name, mode: content.mode }, fs.readFileSync(content.path));
  }
  pack.finalize();
  return pack as unknown as Readable;
}

/** Follows a build/import progress stream; rejects with the engine's error text. */
function follow(stream: NodeJS.ReadableStream, onProgress: Progress, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    let failed: string | undefined;
    const onAbort = () => {
      (stream as Readable).destroy();
      reject(new Error('cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    stream.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl).trim();
        buffered = buffered.slice(nl + 1);
        if (!line) continue;
        try {
          const event = JSON.parse(line) as { stream?: string; status?: string; progress?: string; error?: string; errorDetail?: { message?: string } };
          if (event.error) failed = event.errorDetail?.message ?? event.error;
          const text = event.stream ?? (event.status ? `${event.status}${event.progress ? ' ' + event.progress : ''}\n` : '');
          if (text.trim()) onProgress(text.replace(/\n$/, ''));
        } catch {
          onProgress(line);
        }
      }
    });
    stream.on('end', () => {
      signal?.removeEventListener('abort', onAbort);
      if (failed) reject(new Error(failed));
      else resolve();
    });
    stream.on('error', (err) => {
      signal?.removeEventListener('abort', onAbort);
      reject(err);
    });
  });
}

/** Builds the default image from the shipped Dockerfile (pulls debian:bookworm-slim if absent). */
export async function buildDefaultImage(docker: Docker, tag: string, onProgress: Progress, signal?: AbortSignal): Promise<void> {
  const dir = sandboxAssetsDir();
  try {
    const stream = await docker.buildImage(contextTar({ Dockerfile: fs.readFileSync(path.join(dir, 'Dockerfile')) }), { t: tag, labels: { paladin: '1' } });
    await follow(stream, onProgress, signal);
  } catch (err) {
    if ((err as Error).message === 'cancelled') throw err;
    const message = (err as Error).message;
    if (/pull|resolve|registry|lookup|manifest|dial tcp|no such host|TLS|timeout/i.test(message)) {
      throw new SandboxError(
        `Could not build ${tag}: its base image ${DEFAULT_BASE} cannot be pulled (${message.trim()}). ` +
          'Offline, build it with `sudo paladin sandbox build --debootstrap` (needs the debootstrap package), or from a root filesystem you made with `paladin sandbox build --rootfs ROOTFS`, ' +
          "or make the minimal image from the host's static busybox with `paladin sandbox build --busybox`.",
        'image missing',
      );
    }
    throw explainDockerError(err, tag);
  }
}

/** Imports a root filesystem folder and adds the sandbox user and /workspace. Works offline. */
export async function buildFromRootfs(docker: Docker, rootfs: string, tag: string, onProgress: Progress, signal?: AbortSignal): Promise<void> {
  const st = fs.statSync(rootfs, { throwIfNoEntry: false });
  if (!st?.isDirectory()) throw new SandboxError(`--rootfs ${rootfs} is not a folder. Make one with debootstrap (see docs/user/sandbox.md, Images).`, 'sandbox error');
  if (!fs.existsSync(path.join(rootfs, 'bin', 'sh'))) throw new SandboxError(`--rootfs ${rootfs} has no bin/sh; it does not look like a root filesystem.`, 'sandbox error');
  const baseTag = `${tag.split(':')[0]}-rootfs:import`;
  onProgress(`importing ${rootfs} as ${baseTag}`);
  const tarProc = spawn('tar', ['-C', rootfs, '--numeric-owner', '-c', '.'], { stdio: ['ignore', 'pipe', 'pipe'], signal });
  let tarErr = '';
  tarProc.stderr.on('data', (c: Buffer) => (tarErr = (tarErr + c.toString()).slice(-2000)));
  const tarDone = new Promise<number | null>((resolve) => tarProc.on('close', resolve));
  const [repo, version] = baseTag.split(':');
  try {
    const stream = await docker.importImage(tarProc.stdout, { repo, tag: version });
    await follow(stream, onProgress, signal);
  } catch (err) {
    throw new SandboxError(`Importing ${rootfs} failed: ${(err as Error).message}${tarErr ? ` (tar: ${tarErr.trim()})` : ''}`, 'sandbox error');
  }
  // A partial archive (files tar could not read) would make a broken image: refuse it.
  const code = await tarDone;
  if (code !== 0) {
    await docker.getImage(baseTag).remove({ force: true }).catch(() => undefined);
    throw new SandboxError(`Could not read all of ${rootfs} (tar exited ${code}: ${tarErr.trim()}). Run the build as a user who can read it (e.g. with sudo).`, 'sandbox error');
  }
  const dockerfile = fs.readFileSync(path.join(sandboxAssetsDir(), 'rootfs.Dockerfile'));
  try {
    const stream = await docker.buildImage(contextTar({ Dockerfile: dockerfile }), { t: tag, buildargs: { BASE: baseTag }, labels: { paladin: '1' } });
    await follow(stream, onProgress, signal);
  } catch (err) {
    throw new SandboxError(`Configuring the imported root filesystem failed: ${(err as Error).message}`, 'sandbox error');
  }
}

/** The minimal image from the host's static busybox (no registry needed). */
export async function buildFromBusybox(docker: Docker, tag: string, onProgress: Progress, signal?: AbortSignal, busybox = '/bin/busybox'): Promise<void> {
  if (!fs.existsSync(busybox)) {
    throw new SandboxError(`There is no ${busybox} on this machine to build the minimal image from. Install it (\`sudo apt-get install busybox-static\`) or use --rootfs DIR.`, 'image missing');
  }
  const dockerfile = fs.readFileSync(path.join(sandboxAssetsDir(), 'busybox.Dockerfile'));
  try {
    const stream = await docker.buildImage(contextTar({ Dockerfile: dockerfile, busybox: { path: busybox, mode: 0o755 } }), { t: tag, labels: { paladin: '1' } });
    await follow(stream, onProgress, signal);
  } catch (err) {
    throw new SandboxError(
      `Building the busybox image failed: ${(err as Error).message}. The host's busybox must be statically linked (Debian: \`apt-get install busybox-static\`).`,
      'sandbox error',
    );
  }
}

/**
 * Makes sure the default image exists before a run: build it from the
 * Dockerfile when the base can be pulled, else from the host's static
 * busybox (saying so). Other images are never built implicitly.
 */
export async function ensureDefaultImage(
  docker: Docker,
  tag: string,
  onProgress: Progress,
  signal?: AbortSignal,
  offline: { debootstrap?: boolean } = {},
): Promise<void> {
  onProgress(`The sandbox image ${tag} is missing; building it (once) from server/sandbox/Dockerfile.`);
  try {
    await buildDefaultImage(docker, tag, onProgress, signal);
    return;
  } catch (err) {
    if (!(err instanceof SandboxError) || err.problem !== 'image missing') throw err;
    onProgress(`${err.message}`);
  }
  // Debian's mirrors are often reachable where registries are not.
  const { canDebootstrap, buildFromDebootstrap } = await import('./debootstrap');
  if (offline.debootstrap ?? canDebootstrap()) {
    onProgress(`Building ${tag} offline with debootstrap instead.`);
    await buildFromDebootstrap(docker, tag, onProgress, signal);
    return;
  }
  onProgress(`Building the minimal busybox image as ${tag} instead (no bash, git, jq or GNU find; for a full Debian userland install debootstrap and run \`paladin sandbox build --debootstrap\`, or use \`--rootfs DIR\`).`);
  await buildFromBusybox(docker, tag, onProgress, signal);
}
