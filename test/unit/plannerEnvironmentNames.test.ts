// Environment variables picked by their names are filtered from env, with
// the embedded planner, its real knowledge and the real policy stage: they
// are no files, so no walk of the folder finds them. And mount is planned
// only for a request that says mount.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { plannerWorkspace, type PlannerWorkspace } from '../support/plannerWorkspace';

let w: PlannerWorkspace;

before(async () => {
  w = await plannerWorkspace('environmentNames', ['src'], ['notes.txt']);
});

after(() => w.close());

test('environment variables whose names hold a text are env filtered by name', async () => {
  assert.equal(await w.plan('list the environment variables whose name contains "PROXY"'), "env | grep '^[^=]*PROXY'");
  assert.equal(await w.plan('show the environment variables whose names start with "LC_"'), "env | grep '^[^=]*LC_'");
  assert.equal(await w.plan('which env vars have "JAVA" in their name'), "env | grep '^[^=]*JAVA'");
  assert.equal(await w.plan('print all environment variables'), 'env | sort');
});

test('a file made writable, or output written to a file, is never a remount', async () => {
  for (const request of ['list the files in src, then write the output to /tmp/list.txt', 'make notes.txt writable', 'let me write to /media/usb', 'open /mnt/data for writing']) {
    assert.doesNotMatch(await w.plan(request), /\bmount\b/, request);
  }
  assert.equal(await w.plan('remount /data read only'), 'mount -o remount,ro /data');
  assert.equal(await w.plan('unmount /mnt/usb'), 'umount /mnt/usb');
});
