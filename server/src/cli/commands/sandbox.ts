// `paladin sandbox`: the sandbox image and engine: status, build, sweep.

import { Executor } from '../../executor';
import { connectDocker } from '../../executor/docker';
import { buildFromDebootstrap } from '../../executor/debootstrap';
import { buildDefaultImage, buildFromBusybox, buildFromRootfs, DEFAULT_IMAGE } from '../../executor/images';
import { sweep } from '../../executor/sweep';
import { Exit, UsageError, type Subcommand } from '../command';
import { sandboxImages } from '../sandboxImages';

const help = `Usage: paladin sandbox status [--json]
       paladin sandbox build [--debootstrap | --rootfs DIR | --busybox] [--tag T]
       paladin sandbox images [--build NAME|all] [--workspace DIR] [--json]
       paladin sandbox sweep [--all] [--json]

status   whether the Docker engine answers and the sandbox image is there, and
         the runtime in use (paladin.sandbox.runtime) with the engine's runtimes
build    build the sandbox image (default tag: paladin.sandbox.image, i.e.
         ${DEFAULT_IMAGE}) from server/sandbox/Dockerfile; this pulls
         debian:bookworm-slim, so it needs a registry.
  --debootstrap  offline: debootstrap a minimal Debian bookworm from the
                 apt mirror this machine uses (needs root and the
                 debootstrap package), with the same tools as the Dockerfile
  --rootfs DIR   offline: import a root filesystem you made (e.g. with
                 debootstrap) and add the sandbox user and /workspace
  --busybox      offline: a minimal image from the host's static busybox
                 (no bash, git or jq)
  --tag T        the image name to build (default paladin.sandbox.image)
images   the toolchain images (node, python, go, rust), whether they are
         built, and which one the workspace's files call for; --build makes
         them offline from Debian's packages (needs root and debootstrap)
sweep    remove sandbox containers and volumes left by a Paladin process
         that is gone (a crash); --all removes every Paladin container,
         including those of running servers
`;

export const sandboxCommand: Subcommand = {
  name: 'sandbox',
  summary: 'sandbox image and engine: status, build (--debootstrap, --rootfs DIR, --busybox), images, sweep',
  help,
  options: {
    json: { type: 'boolean' },
    rootfs: { type: 'string' },
    busybox: { type: 'boolean' },
    debootstrap: { type: 'boolean' },
    tag: { type: 'string' },
    all: { type: 'boolean' },
    build: { type: 'string' },
    workspace: { type: 'string' },
  },
  allowPositionals: true,
  async run(ctx, { values, positionals }) {
    const [action, ...rest] = positionals;
    if (rest.length > 0) throw new UsageError(`unexpected "${rest.join(' ')}"`);
    const json = values.json === true;
    switch (action) {
      case 'status': {
        const executor = new Executor({ ...ctx.settings, sandbox: { ...ctx.settings.sandbox, poolSize: 0 } });
        const status = await executor.status();
        if (json) ctx.out.write(JSON.stringify(status) + '\n');
        else ctx.out.write(`${status.state}: ${status.detail}\n`);
        return status.state === 'ready' ? Exit.ok : Exit.failure;
      }
      case 'build': {
        const tag = (values.tag as string | undefined) ?? ctx.settings.sandbox.image;
        if ([values.rootfs !== undefined, values.busybox === true, values.debootstrap === true].filter(Boolean).length > 1) throw new UsageError('use one of --debootstrap, --rootfs and --busybox');
        const docker = connectDocker();
        const progress = (line: string) => ctx.err.write(line + '\n');
        if (typeof values.rootfs === 'string') await buildFromRootfs(docker, values.rootfs, tag, progress, ctx.signal);
        else if (values.busybox) await buildFromBusybox(docker, tag, progress, ctx.signal);
        else if (values.debootstrap) await buildFromDebootstrap(docker, tag, progress, ctx.signal);
        else await buildDefaultImage(docker, tag, progress, ctx.signal);
        ctx.out.write(`built ${tag}\n`);
        return Exit.ok;
      }
      case 'images':
        await sandboxImages(ctx, { build: values.build as string | undefined, workspace: (values.workspace as string | undefined) ?? process.cwd(), json });
        return Exit.ok;
      case 'sweep': {
        const removed = await sweep(connectDocker(), { all: values.all === true });
        if (json) ctx.out.write(JSON.stringify(removed) + '\n');
        else ctx.out.write(`removed ${removed.containers} container(s), ${removed.volumes} volume(s) and ${removed.networks} network(s)\n`);
        return Exit.ok;
      }
      case undefined:
        throw new UsageError('say what to do: status, build, images or sweep');
      default:
        throw new UsageError(`unknown action "${action}"; use status, build, images or sweep`);
    }
  },
};
