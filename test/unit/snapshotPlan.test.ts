// When a snapshot run layers over the workspace and when it copies it, and
// the words it uses to say why.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { overlayProblem, overlayVolumeSpec } from '../../server/src/executor/overlayLayers';
import { snapshotPlan } from '../../server/src/executor/snapshotPlan';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-plan-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const asRoot = process.getuid?.() === 0;

function folder(name: string, uid?: number): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'a.txt'), 'a\n');
  if (uid !== undefined && asRoot) fs.chownSync(dir, uid, uid);
  return dir;
}

test('paths and engines an overlay cannot take', () => {
  assert.equal(overlayProblem('/home/u/p', {}), undefined);
  assert.equal(overlayProblem('/home/u/p', { DOCKER_HOST: 'unix:///run/docker.sock' }), undefined);
  assert.match(overlayProblem('/home/u/p', { DOCKER_HOST: 'tcp://10.0.0.2:2376' }) ?? '', /not on this machine/);
  for (const bad of ['/a,upperdir=/x', '/a:b', '/a\\b', '/a\nb']) assert.match(overlayProblem(bad, {}) ?? '', /mount options/, JSON.stringify(bad));
  const spec = overlayVolumeSpec('v', '/ws', '/var/lib/docker/volumes/u/_data', 'o');
  assert.match(spec.DriverOpts.o, /^lowerdir=\/ws,upperdir=\/var\/lib\/docker\/volumes\/u\/_data\/upper,workdir=.*redirect_dir=off,metacopy=off/);
});

test('the copy is used, and said, for root-owned folders and folders with sockets; the copy setting copies silently', { skip: asRoot ? false : 'needs root to make a root-owned and a user-owned folder' }, async () => {
  const root = folder('root-owned', 0);
  assert.deepEqual(snapshotPlan(root, 'copy'), { overlay: false, notes: [] });
  const rootPlan = snapshotPlan(root, 'overlay');
  assert.equal(rootPlan.overlay, false);
  assert.match(rootPlan.notes.join(''), /belongs to root/);
  const user = folder('user-owned', 1000);
  assert.deepEqual(snapshotPlan(user, 'overlay'), { overlay: true, user: '1000:1000', notes: [] });
  assert.match(snapshotPlan(user, 'overlay', 'the engine could not mount an overlay (x)').notes.join(''), /could not mount/);
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(path.join(user, 'db.sock'), resolve));
  try {
    const plan = snapshotPlan(user, 'overlay');
    assert.equal(plan.overlay, false);
    assert.match(plan.notes.join(''), /db\.sock \(socket\)/);
  } finally {
    server.close();
  }
});
