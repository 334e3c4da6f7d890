// test lane: beside the engine's files (most of its time is downloading and
// unpacking Debian packages, not the engine; it starts early and does not hold
// the engine's lane).
//
// Offline with debootstrap at hand, the first run of a missing default image
// builds the full Debian userland from the package mirror apt already uses.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import Docker from 'dockerode';
import { Executor } from '../../server/src/executor';
import { canDebootstrap } from '../../server/src/executor/debootstrap';
import { ensureDefaultImage } from '../../server/src/executor/images';
import { normaliseSettings } from '../../server/src/settings/settings';

const docker = new Docker();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-debootstrap-'));
const workspace = path.join(tmp, 'ws');
fs.mkdirSync(workspace);
const tag = 'paladin-test:auto-debootstrap';

after(async () => {
  await docker.getImage(tag).remove({ force: true }).catch(() => undefined);
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('offline with debootstrap at hand, the first run builds the full Debian userland instead', { skip: !canDebootstrap() && 'needs root and the debootstrap package' }, async () => {
  const lines: string[] = [];
  await ensureDefaultImage(docker, tag, (l) => lines.push(l), AbortSignal.timeout(600_000));
  const info = await docker.getImage(tag).inspect();
  const flavor = info.Config?.Labels?.['paladin.image'];
  assert.ok(flavor === 'default' || flavor === 'rootfs', `flavor ${flavor}`);
  if (flavor === 'rootfs') assert.ok(lines.some((l) => /offline with debootstrap/.test(l)), lines.join('\n'));
  const { settings } = normaliseSettings({ 'sandbox.image': tag, 'database.path': path.join(tmp, 'data', 'p.db'), 'sandbox.poolSize': 0 });
  const e = new Executor(settings);
  try {
    const r = await e.run({ command: 'find --version | head -n 1; git --version | cut -c1-11; id -u', workspace, mode: 'ro' }, {});
    assert.match(r.output?.toString() ?? '', /^find \(GNU findutils\).*\ngit version\n1000\n$/);
  } finally {
    await e.dispose();
  }
});
