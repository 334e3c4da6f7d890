// A folder shown at a second place is a bind mount, said in words ("bind
// mount a on b", "as a bind"), with the embedded planner, its real knowledge
// and the real policy stage; and a path is never the name of a variable.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('bindMount', ['src'], ['notes.txt']);
});

after(() => w.close());

test('a bind mount said in words is mount --bind from the first place to the second', async () => {
  assert.equal(await w.plan('bind mount /srv/www onto /home/web/www'), 'mount --bind /srv/www /home/web/www');
  assert.equal(await w.plan('bind mount "/var/cache/pkgs" on "/chroot/var/cache/pkgs"'), 'mount --bind /var/cache/pkgs /chroot/var/cache/pkgs');
  assert.equal(await w.plan('remount the tree "/data/in" to "/sandbox/in" as a bind'), 'mount --bind /data/in /sandbox/in');
  assert.equal(await w.plan('mount /opt/tools to /jail/tools as a bind'), 'mount --bind /opt/tools /jail/tools');
  // A device is still mounted as it is.
  assert.equal(await w.plan('mount /dev/sdb1 on /mnt/usb'), 'mount /dev/sdb1 /mnt/usb');
});

test('a path is never looked up as a variable', async () => {
  assert.doesNotMatch(await w.plan('attach "/data/path" on "/mnt/path" as a bind'), /^printenv\b/);
  assert.equal(await w.plan('print the variable HOME'), 'printenv HOME');
});
