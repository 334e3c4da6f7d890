// Pure parts of the workspace checks (no Docker): the mount table parser,
// special and system file systems, mounts below a folder, and where a new
// symlink really leads when followed against a real temporary tree.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { FolderTree, openRoot } from '../../server/src/executor/folderHandles';
import { linkStaysInside, type Planned } from '../../server/src/executor/linkCheck';
import { checkFileSystem, mountsBelow, readMounts } from '../../server/src/executor/workspaceGuard';

const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-guard-')));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('mount table', () => {
  test('mountinfo lines parse, escapes included; mounts below a folder are found', () => {
    const file = path.join(tmp, 'mountinfo');
    fs.writeFileSync(
      file,
      [
        '22 1 254:1 / / rw,relatime shared:1 - ext4 /dev/vda rw',
        '23 22 0:21 / /proc rw,nosuid - proc proc rw',
        '40 22 0:40 / /home/me/my\\040project/cache rw - tmpfs tmpfs rw',
        '41 22 0:41 / /home/me/my\\040project2 rw - tmpfs tmpfs rw',
        '',
      ].join('\n'),
    );
    const mounts = readMounts(file);
    assert.deepEqual(mounts[2], { mountPoint: '/home/me/my project/cache', fsType: 'tmpfs' });
    assert.deepEqual(mountsBelow('/home/me/my project', mounts), ['/home/me/my project/cache']);
    assert.deepEqual(mountsBelow('/home/me/other', mounts), []);
    assert.throws(() => checkFileSystem('/proc/self', mounts), /system's own/);
    assert.throws(() => checkFileSystem('/run/user/1000', mounts), /system's own/);
    assert.throws(() => checkFileSystem('/mnt/p', [...mounts, { mountPoint: '/mnt/p', fsType: 'sysfs' }]), /sysfs file system/);
    assert.doesNotThrow(() => checkFileSystem('/home/me/my project', mounts));
    assert.doesNotThrow(() => checkFileSystem('/home/me/my project2', mounts), 'a tmpfs of ones own is a folder like any other');
  });
});

describe('where a new link leads', () => {
  test('followed against the real tree and the planned changes, never lexically', () => {
    const ws = fs.mkdtempSync(path.join(tmp, 'ws-'));
    fs.mkdirSync(path.join(ws, 'dir'));
    fs.symlinkSync('.', path.join(ws, 'self'));
    fs.symlinkSync('..', path.join(ws, 'dir', 'up'));
    fs.writeFileSync(path.join(ws, 'file'), '');
    const tree = new FolderTree(openRoot(ws));
    try {
      const planned = new Map<string, Planned>([['new', { type: 'symlink', target: 'dir/up/..' }]]);
      const inside = (rel: string, target: string) => linkStaysInside(tree, planned, rel, target);
      assert.equal(inside('x', 'self/self/../etc'), false, 'self is followed before ..');
      assert.equal(inside('x', 'dir/up/dir/up/file'), true);
      assert.equal(inside('x', 'dir/up/..'), false);
      assert.equal(inside('x', 'new/y'), false, 'a link made by the same apply is followed too');
      assert.equal(inside('x', '/etc/passwd'), false);
      assert.equal(inside('dir/x', '../file'), true);
      assert.equal(inside('dir/x', '../../x'), false);
      assert.equal(inside('x', 'missing/../file'), true);
      assert.equal(inside('x', 'file/../../..'), true, 'nothing resolves past a file');
      fs.symlinkSync('loop2', path.join(ws, 'loop1'));
      fs.symlinkSync('loop1', path.join(ws, 'loop2'));
      assert.equal(inside('x', 'loop1'), false, 'a loop is not taken as inside');
    } finally {
      tree.close();
    }
  });
});
