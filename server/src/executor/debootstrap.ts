// The offline way to a full Debian sandbox: debootstrap a minimal bookworm
// from the mirror apt already uses (Debian's package mirrors are reachable
// where container registries are not), then import it like `--rootfs DIR`.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type Docker from 'dockerode';
import { SandboxError } from './docker';
import { buildFromRootfs, type Progress } from './images';

/** The same userland as server/sandbox/Dockerfile, minus what needs the network. */
export const DEBOOTSTRAP_PACKAGES = [
  'bash', 'coreutils', 'findutils', 'grep', 'sed', 'gawk', 'tar', 'gzip', 'bzip2', 'xz-utils', 'zip', 'unzip',
  'jq', 'git', 'man-db', 'less', 'file', 'procps', 'diffutils', 'patch', 'bc',
];

function onPath(program: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && fs.existsSync(path.join(dir, program)));
}

/** Whether this machine can debootstrap: the tool is installed and we are root. */
export function canDebootstrap(): boolean {
  return process.getuid?.() === 0 && (onPath('debootstrap') || fs.existsSync('/usr/sbin/debootstrap'));
}

/** The Debian mirror apt is configured with (deb822 `URIs:` or one-line `deb` sources). */
export function aptMirror(sourcesDir = '/etc/apt'): string {
  const candidates: string[] = [];
  const read = (file: string) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return '';
    }
  };
  const listDir = path.join(sourcesDir, 'sources.list.d');
  const files = [path.join(sourcesDir, 'sources.list'), ...(fs.existsSync(listDir) ? fs.readdirSync(listDir).map((f) => path.join(listDir, f)) : [])];
  for (const file of files) {
    for (const line of read(file).split('\n')) {
      const m = /^URIs:\s*(\S+)/.exec(line) ?? /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)/.exec(line);
      if (m) candidates.push(m[1]);
    }
  }
  return candidates.find((uri) => !/security/.test(uri)) ?? 'http://deb.debian.org/debian';
}

/** Builds `tag` offline with debootstrap: the default image's userland plus `extra` Debian packages (a toolchain). */
export async function buildFromDebootstrap(docker: Docker, tag: string, onProgress: Progress, signal?: AbortSignal, extra: string[] = []): Promise<void> {
  if (!canDebootstrap()) {
    throw new SandboxError(
      'Building with debootstrap needs root and the debootstrap tool (`sudo apt-get install debootstrap`, then run `sudo paladin sandbox build --debootstrap`).',
      'image missing',
    );
  }
  const mirror = aptMirror();
  const rootfs = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-rootfs-'));
  try {
    onProgress(`debootstrap: a minimal Debian bookworm from ${mirror} into ${rootfs} (about a minute${extra.length ? ', then the toolchain' : ''})`);
    await step('debootstrap', ['--variant=minbase', `--include=${DEBOOTSTRAP_PACKAGES.join(',')}`, 'bookworm', rootfs, mirror], onProgress, signal);
    if (extra.length > 0) {
      // debootstrap's own resolver fails on large dependency trees (npm's); apt inside the new root does not.
      onProgress(`apt-get: installing ${extra.join(', ')} (a few minutes)`);
      fs.copyFileSync('/etc/resolv.conf', path.join(rootfs, 'etc', 'resolv.conf'));
      await step('chroot', [rootfs, 'apt-get', 'update', '-q'], onProgress, signal);
      await step('chroot', [rootfs, 'apt-get', 'install', '-y', '-q', '--no-install-recommends', ...extra], onProgress, signal);
      await step('chroot', [rootfs, 'apt-get', 'clean'], onProgress, signal);
      fs.writeFileSync(path.join(rootfs, 'etc', 'resolv.conf'), '');
    }
    // Package caches only make the image bigger.
    for (const dir of ['var/cache/apt/archives', 'var/lib/apt/lists']) {
      const full = path.join(rootfs, dir);
      for (const f of fs.existsSync(full) ? fs.readdirSync(full) : []) if (f.endsWith('.deb') || dir.endsWith('lists')) fs.rmSync(path.join(full, f), { recursive: true, force: true });
    }
    await buildFromRootfs(docker, rootfs, tag, onProgress, signal);
  } finally {
    fs.rmSync(rootfs, { recursive: true, force: true });
  }
}

/** A progress line worth showing from debootstrap's output: its phases, and every 50th package step. */
export function debootstrapStep(line: string, count: number): string | undefined {
  const m = /^I: (.*)$/.exec(line);
  if (!m) return undefined;
  if (/^(Retrieving Release|Retrieving Packages|Resolving dependencies|Found|Checking component|Installing core|Unpacking the base system|Configuring the base system|Base system installed)/.test(m[1])) return m[1];
  return count % 50 === 0 ? m[1] : undefined;
}

/** Runs one build step, passing its notable lines on; rejects with its last words. */
function step(program: string, args: string[], onProgress: Progress, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'], signal, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive', LC_ALL: 'C' } });
    let tail = '';
    let seen = 0;
    const keep = (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-4_000);
      for (const line of chunk.toString('utf8').split('\n')) {
        const shown = program === 'debootstrap' ? debootstrapStep(line.trim(), (seen = seen + 1)) : aptStep(line.trim(), (seen = seen + 1));
        if (shown) onProgress(`${program === 'debootstrap' ? 'debootstrap' : 'apt-get'}: ${shown}`);
      }
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (err) => reject(signal?.aborted ? new Error('cancelled') : err));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new SandboxError(`${program} ${args.slice(program === 'chroot' ? 1 : 0, program === 'chroot' ? 3 : 1).join(' ')} failed (exit ${code}); its last words:\n${tail.trim().split('\n').slice(-8).join('\n')}`, 'sandbox error'));
    });
  });
}

/** apt-get's lines worth showing: its totals, and every 25th unpack or set-up step. */
function aptStep(line: string, count: number): string | undefined {
  if (/^\d+ upgraded, \d+ newly installed/.test(line) || /^Need to get/.test(line)) return line;
  return /^(Unpacking|Setting up) /.test(line) && count % 25 === 0 ? line : undefined;
}
