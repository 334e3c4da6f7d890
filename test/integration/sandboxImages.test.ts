// Building sandbox images offline: from the host's static busybox, from a
// root filesystem folder (`--rootfs`), the first-run fallback when the
// Debian base cannot be pulled, and `paladin sandbox status|sweep`. The
// offline Debian build with debootstrap is in sandboxDebootstrap.test.ts.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, describe, test } from 'node:test';
import Docker from 'dockerode';
import type { CliContext } from '../../server/src/cli/command';
import { sandboxCommand } from '../../server/src/cli/commands/sandbox';
import { Executor } from '../../server/src/executor';
import { SandboxError } from '../../server/src/executor/docker';
import { buildDefaultImage, buildFromBusybox, buildFromRootfs, ensureDefaultImage } from '../../server/src/executor/images';
import { normaliseSettings } from '../../server/src/settings/settings';

const docker = new Docker();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-images-'));
const workspace = path.join(tmp, 'ws');
fs.mkdirSync(workspace);
const tags = ['paladin-test:bb-built', 'paladin-test:rootfs-built', 'paladin-test-rootfs:import', 'paladin-test:auto-built', 'paladin-test:default-built'];

after(async () => {
  for (const tag of tags) await docker.getImage(tag).remove({ force: true }).catch(() => undefined);
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function runIn(image: string, command: string) {
  const { settings } = normaliseSettings({ 'sandbox.image': image, 'database.path': path.join(tmp, 'data', 'p.db'), 'sandbox.poolSize': 0 });
  const e = new Executor(settings);
  try {
    return await e.run({ command, workspace, mode: 'ro' }, {});
  } finally {
    await e.dispose();
  }
}

describe('offline image builds', () => {
  test('--busybox: a minimal image from the host busybox runs commands as user 1000', async () => {
    const lines: string[] = [];
    await buildFromBusybox(docker, 'paladin-test:bb-built', (l) => lines.push(l));
    const r = await runIn('paladin-test:bb-built', 'id -u; pwd; ls -ld /tmp | cut -c1-10');
    assert.equal(r.output?.toString(), '1000\n/workspace\ndrwxrwxrwt\n');
    assert.ok(lines.length > 0, 'build progress was reported');
  });

  test('--rootfs DIR: an imported root filesystem gets the sandbox user and /workspace', async () => {
    const rootfs = path.join(tmp, 'rootfs');
    fs.mkdirSync(path.join(rootfs, 'bin'), { recursive: true });
    fs.mkdirSync(path.join(rootfs, 'etc'));
    fs.copyFileSync('/bin/busybox', path.join(rootfs, 'bin', 'busybox'));
    fs.chmodSync(path.join(rootfs, 'bin', 'busybox'), 0o755);
    for (const applet of execFileSync('/bin/busybox', ['--list'], { encoding: 'utf8' }).split('\n').filter(Boolean)) {
      if (applet !== 'busybox') fs.symlinkSync('busybox', path.join(rootfs, 'bin', applet));
    }
    // A stand-in /bin/bash that says it was used: the sandbox prefers bash for the command when the image has one.
    fs.writeFileSync(path.join(rootfs, 'bin', 'bash'), '#!/bin/sh\nVIA=bash exec /bin/sh "$@"\n', { mode: 0o755 });
    fs.writeFileSync(path.join(rootfs, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
    fs.writeFileSync(path.join(rootfs, 'etc', 'group'), 'root:x:0:\n');
    await buildFromRootfs(docker, rootfs, 'paladin-test:rootfs-built', () => undefined);
    const r = await runIn('paladin-test:rootfs-built', 'id -u; id -un; pwd; echo "shell: ${VIA:-sh}"');
    assert.equal(r.output?.toString(), '1000\npaladin\n/workspace\nshell: bash\n');
    const plain = await runIn(process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox', 'echo "shell: ${VIA:-sh}"');
    assert.equal(plain.output?.toString(), 'shell: sh\n');
  });

  test('--rootfs with a folder that is not a root filesystem says so', async () => {
    await assert.rejects(buildFromRootfs(docker, path.join(tmp, 'nope'), 'paladin-test:x', () => undefined), /is not a folder/);
    await assert.rejects(buildFromRootfs(docker, workspace, 'paladin-test:x', () => undefined), /no bin\/sh/);
  });
});

describe('the default image without a registry', () => {
  test('building from the Dockerfile either works or names the offline ways', async () => {
    try {
      await buildDefaultImage(docker, 'paladin-test:default-built', () => undefined, AbortSignal.timeout(300_000));
      const r = await runIn('paladin-test:default-built', 'bash -c "echo \\$BASH_VERSION" | cut -c1; id -u');
      assert.match(r.output?.toString() ?? '', /^\d\n1000\n$/);
    } catch (err) {
      assert.ok(err instanceof SandboxError, String(err));
      assert.equal(err.problem, 'image missing');
      assert.match(err.message, /debian:bookworm-slim cannot be pulled/);
      assert.match(err.message, /--rootfs/);
      assert.match(err.message, /--busybox/);
    }
  });

  test('the first run builds a missing default image, falling back to busybox offline and saying so', async () => {
    const lines: string[] = [];
    await ensureDefaultImage(docker, 'paladin-test:auto-built', (l) => lines.push(l), undefined, { debootstrap: false });
    const info = await docker.getImage('paladin-test:auto-built').inspect();
    const flavor = info.Config?.Labels?.['paladin.image'];
    assert.ok(flavor === 'default' || flavor === 'busybox', `flavor ${flavor}`);
    if (flavor === 'busybox') assert.ok(lines.some((l) => /minimal busybox image/.test(l)), lines.join('\n'));
  });
});

describe('paladin sandbox', () => {
  async function cli(positionals: string[], values: Record<string, string | boolean> = {}) {
    const { settings } = normaliseSettings({ 'sandbox.image': process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox', 'database.path': path.join(tmp, 'data', 'p.db') });
    const out = new PassThrough();
    let stdout = '';
    out.on('data', (c: Buffer) => (stdout += c.toString()));
    const ctx = { settings, out, err: new PassThrough(), interactive: false, signal: new AbortController().signal } as unknown as CliContext;
    const code = await sandboxCommand.run(ctx, { values, positionals });
    return { code, stdout };
  }

  test('status and sweep', async () => {
    const status = await cli(['status'], { json: true });
    assert.equal(status.code, 0);
    assert.equal(JSON.parse(status.stdout).state, 'ready');
    const sweep = await cli(['sweep'], { json: true });
    assert.equal(sweep.code, 0);
    assert.deepEqual(Object.keys(JSON.parse(sweep.stdout)).sort(), ['containers', 'networks', 'volumes']);
    await assert.rejects(cli(['frobnicate']), /unknown action/);
  });
});
