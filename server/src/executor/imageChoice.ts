// Which image a run uses, in this order: the one the request names; the
// `paladin.sandbox.image` setting when it is not the default; the default
// when `paladin.sandbox.toolchain` is `none`; the dev container's image when
// the engine has it; the toolchain image the setting pins or the workspace's
// files call for (built on first use when this machine can debootstrap);
// else the default. Every choice the person did not make is said in a note.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type Docker from 'dockerode';
import type { Settings } from '../settings/settings';
import type { RunParams } from '../stages';
import type { CacheMount } from './containerSpec';
import { buildFromDebootstrap, canDebootstrap } from './debootstrap';
import { imageMissing } from './docker';
import { DEFAULT_IMAGE, ensureDefaultImage, imageInfo } from './images';
import { commandNeeds, detectToolchain, devcontainerImage, TOOLCHAINS, toolchainNamed, type Toolchain } from './toolchains';
import { mountsBelow, readMounts, specialFiles } from './workspaceGuard';

export interface ImageChoice {
  image: string;
  /** The toolchain image chosen (it is built when missing). */
  toolchain?: Toolchain;
  caches: CacheMount[];
  env: string[];
  notes: string[];
}

const plain = (image: string, notes: string[] = []): ImageChoice => ({ image, caches: [], env: [], notes });

export async function chooseImage(docker: Docker, params: RunParams, settings: Settings['sandbox'], workspace: string, recursiveReadOnly: boolean): Promise<ImageChoice> {
  if (params.image) return plain(params.image);
  if (settings.image !== DEFAULT_IMAGE || settings.toolchain === 'none') return plain(settings.image);
  const notes: string[] = [];
  const dev = devcontainerImage(workspace);
  if (dev) {
    if (/^[A-Za-z0-9][A-Za-z0-9._\-/:@]{0,254}$/.test(dev) && (await imageInfo(docker, dev))) return { ...plain(dev, [`Running in the dev container's image ${dev} (hardened like every sandbox).`]) };
    notes.push(`The dev container's image ${dev} is not on this engine (Paladin never pulls); build or load it to use it.`);
  }
  const toolchain = settings.toolchain === 'auto' ? detectToolchain(workspace) : toolchainNamed(settings.toolchain);
  if (!toolchain) return plain(DEFAULT_IMAGE, notes);
  const built = await imageInfo(docker, toolchain.image);
  // A missing image is built (minutes) only for a command that needs it, or when the setting pins it.
  if (!built && settings.toolchain === 'auto' && !commandNeeds(toolchain, params.command)) {
    notes.push(`This workspace calls for the ${toolchain.title} image ${toolchain.image}, which is not built yet; this command does not need it, so it runs in ${DEFAULT_IMAGE}. Build it ahead with \`paladin sandbox images --build ${toolchain.name}\`.`);
    return plain(DEFAULT_IMAGE, notes);
  }
  if (!built && !canDebootstrap()) {
    notes.push(`The ${toolchain.title} image ${toolchain.image} is missing and cannot be built here (needs root and debootstrap): \`sudo paladin sandbox images --build ${toolchain.name}\`. Using ${DEFAULT_IMAGE}.`);
    return plain(DEFAULT_IMAGE, notes);
  }
  const { caches, env, skipped } = cacheMounts(toolchain, recursiveReadOnly);
  notes.push(...skipped);
  return { image: toolchain.image, toolchain, caches, env, notes };
}

/**
 * The host's package caches for `toolchain`, read-only, when present and
 * safe to mount: a real folder (not a link), no socket, FIFO or device in
 * it, and nothing mounted below it that the engine could leave writable.
 */
export function cacheMounts(toolchain: Toolchain, recursiveReadOnly: boolean, home = os.homedir()): { caches: CacheMount[]; env: string[]; skipped: string[] } {
  const caches: CacheMount[] = [];
  const env: string[] = [];
  const skipped: string[] = [];
  for (const cache of toolchain.caches) {
    const source = path.join(home, cache.host);
    const st = fs.lstatSync(source, { throwIfNoEntry: false });
    if (!st?.isDirectory()) continue;
    const special = specialFiles(source, 1);
    if (!special.complete || special.found.length > 0 || (!recursiveReadOnly && mountsBelow(source, readMounts()).length > 0)) {
      skipped.push(`The package cache ${source} is not mounted: it is too big to check, or holds sockets or mount points.`);
      continue;
    }
    caches.push({ source, target: cache.target });
    env.push(...cache.env);
  }
  return { caches, env, skipped };
}

/** Builds a missing image Paladin knows how to make (the default, a toolchain); any other is an error naming it. */
export async function buildMissingImage(docker: Docker, image: string, onProgress: (line: string) => void, signal?: AbortSignal): Promise<void> {
  if (image === DEFAULT_IMAGE) return ensureDefaultImage(docker, image, onProgress, signal);
  const toolchain = TOOLCHAINS.find((t) => t.image === image);
  if (!toolchain) throw imageMissing(image);
  await buildToolchainImage(docker, toolchain, onProgress, signal);
}

/** A toolchain image, offline: debootstrap with its packages, imported like `--rootfs`. */
export async function buildToolchainImage(docker: Docker, toolchain: Toolchain, onProgress: (line: string) => void, signal?: AbortSignal): Promise<void> {
  onProgress(`Building the ${toolchain.title} image ${toolchain.image} (once), offline from Debian's packages: ${toolchain.packages.join(', ')}.`);
  await buildFromDebootstrap(docker, toolchain.image, onProgress, signal, toolchain.packages);
  onProgress(`Built ${toolchain.image}.`);
}
