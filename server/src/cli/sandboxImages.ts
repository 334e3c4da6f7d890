// `paladin sandbox images`: the toolchain images Paladin can build, whether
// this engine has them, which one a workspace would get, and building them
// (offline, from Debian's packages, with progress).

import { connectDocker } from '../executor/docker';
import { imageInfo } from '../executor/images';
import { buildToolchainImage } from '../executor/imageChoice';
import { detectToolchain, devcontainerImage, TOOLCHAINS, toolchainNamed } from '../executor/toolchains';
import { UsageError } from './command';

export async function sandboxImages(io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream; signal?: AbortSignal }, options: { build?: string; workspace: string; json: boolean }): Promise<void> {
  const docker = connectDocker();
  if (options.build !== undefined) {
    const names = options.build === 'all' ? TOOLCHAINS.map((t) => t.name) : options.build.split(',');
    for (const name of names) {
      const toolchain = toolchainNamed(name.trim());
      if (!toolchain) throw new UsageError(`unknown toolchain "${name}"; use ${TOOLCHAINS.map((t) => t.name).join(', ')} or all`);
      await buildToolchainImage(docker, toolchain, (line) => io.err.write(line + '\n'), io.signal);
    }
  }
  const picked = detectToolchain(options.workspace);
  const dev = devcontainerImage(options.workspace);
  const rows = [];
  for (const t of TOOLCHAINS) rows.push({ name: t.name, image: t.image, title: t.title, markers: t.markers, present: (await imageInfo(docker, t.image)) !== undefined, picked: picked?.name === t.name });
  if (options.json) {
    io.out.write(JSON.stringify({ toolchains: rows, devcontainerImage: dev ?? null }) + '\n');
    return;
  }
  for (const r of rows) {
    io.out.write(`${r.picked ? '*' : ' '} ${r.name.padEnd(7)} ${r.image.padEnd(30)} ${(r.present ? 'built' : 'missing').padEnd(8)} ${r.title} (${r.markers.join(', ')})\n`);
  }
  if (dev) io.out.write(`  dev container image: ${dev}\n`);
  io.out.write(`* = what ${options.workspace} would use (paladin.sandbox.toolchain auto). Build: paladin sandbox images --build NAME|all\n`);
}
