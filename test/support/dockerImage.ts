// Whether a Docker image the integration tests run in is built here.
import { execFileSync } from 'node:child_process';

/** True when `docker image inspect tag` finds the image. */
export function dockerHas(tag: string): boolean {
  try {
    execFileSync('docker', ['image', 'inspect', tag], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
