// Connecting to the Docker engine and turning its failures into messages a
// person can act on. Nothing here ever falls back to running on the host.

import Docker from 'dockerode';
import { RequestError } from '../kernel';

/** The local socket, or whatever DOCKER_HOST names (tcp with TLS via DOCKER_TLS_VERIFY/DOCKER_CERT_PATH, ssh). */
export function connectDocker(): Docker {
  // dockerode reads DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH itself.
  return new Docker();
}

export function engineName(): string {
  return process.env.DOCKER_HOST || 'unix:///var/run/docker.sock';
}

export type SandboxProblem = 'docker unreachable' | 'permission denied' | 'image missing' | 'sandbox error';

export class SandboxError extends RequestError {
  constructor(
    message: string,
    readonly problem: SandboxProblem,
  ) {
    super(message, 'unavailable');
  }
}

const imageHelp = (_image: string) =>
  `Build the default image with \`paladin sandbox build\` (offline: \`paladin sandbox build --rootfs DIR\`, see docs/user/sandbox.md, Images), or set paladin.sandbox.image (PALADIN_SANDBOX_IMAGE) to an image this engine has.`;

/** Explains a failed engine call; `image` names the image involved, if any. */
export function explainDockerError(err: unknown, image?: string): SandboxError {
  if (err instanceof SandboxError) return err;
  const e = err as { code?: string; statusCode?: number; message?: string; json?: { message?: string } };
  const detail = e.json?.message ?? e.message ?? String(err);
  if (e.code === 'ENOENT' || e.code === 'ECONNREFUSED' || e.code === 'EHOSTUNREACH' || e.code === 'ETIMEDOUT' || e.code === 'ENOTFOUND') {
    return new SandboxError(
      `Docker is not reachable at ${engineName()} (${e.code}). Paladin runs commands only inside a Docker container, never on the host. ` +
        'Start the engine (`sudo systemctl start docker`, or `dockerd &`), or point DOCKER_HOST at a running engine.',
      'docker unreachable',
    );
  }
  if (e.code === 'EACCES' || e.code === 'EPERM') {
    return new SandboxError(
      `Permission denied on the Docker socket ${engineName()}. Add your user to the docker group (\`sudo usermod -aG docker $USER\`, then log in again), ` +
        'or point DOCKER_HOST at an engine you may use. Paladin never runs commands on the host instead.',
      'permission denied',
    );
  }
  if (e.statusCode === 404 && image && /image|No such/i.test(detail)) {
    return new SandboxError(`The sandbox image ${image} is not on the Docker engine. ${imageHelp(image)}`, 'image missing');
  }
  return new SandboxError(`The Docker engine refused: ${detail.trim()}`, 'sandbox error');
}

export function imageMissing(image: string): SandboxError {
  return new SandboxError(`The sandbox image ${image} is not on the Docker engine. ${imageHelp(image)}`, 'image missing');
}

/** Whether an engine error means "no such container/volume" (already gone). */
export function isGone(err: unknown): boolean {
  const code = (err as { statusCode?: number }).statusCode;
  return code === 404 || code === 409;
}

/** Whether an engine API version such as "1.41" is at least major.minor. */
export function apiAtLeast(version: string | undefined, major: number, minor: number): boolean {
  const m = /^(\d+)\.(\d+)/.exec(version ?? '');
  if (!m) return false;
  return Number(m[1]) > major || (Number(m[1]) === major && Number(m[2]) >= minor);
}
