// Who a sandbox runs as, decided from the workspace's owner and mode bits.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { allowed, sandboxAccess, unreadableFor } from '../../server/src/executor/workspaceOwner';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-owner-unit-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const asRoot = process.getuid?.() === 0;

test('mode bits: owner, then group, then others, as the kernel picks them', () => {
  const f = path.join(tmp, 'f');
  fs.writeFileSync(f, '');
  fs.chmodSync(f, 0o640);
  const st = fs.statSync(f);
  assert.equal(allowed(st, { uid: st.uid, gid: 999_999 }, 6), true);
  assert.equal(allowed(st, { uid: 999_998, gid: st.gid }, 4), true);
  assert.equal(allowed(st, { uid: 999_998, gid: st.gid }, 2), false);
  assert.equal(allowed(st, { uid: 999_998, gid: 999_999 }, 4), false);
  // The owner's bits apply to the owner even when others have more.
  fs.chmodSync(f, 0o047);
  assert.equal(allowed(fs.statSync(f), { uid: st.uid, gid: 999_999 }, 4), false);
});

test('unreadable entries are listed, links not followed, unreadable folders not entered', () => {
  const ws = path.join(tmp, 'ws');
  fs.mkdirSync(path.join(ws, 'closed'), { recursive: true });
  fs.writeFileSync(path.join(ws, 'closed', 'inside'), '');
  fs.writeFileSync(path.join(ws, 'secret'), '', { mode: 0o600 });
  fs.writeFileSync(path.join(ws, 'open'), '', { mode: 0o644 });
  fs.symlinkSync('/etc/shadow', path.join(ws, 'link'));
  fs.chmodSync(path.join(ws, 'closed'), 0o700);
  const stranger = { uid: 999_998, gid: 999_999 };
  assert.deepEqual(unreadableFor(ws, stranger).sort(), ['closed', 'secret']);
  const me = fs.statSync(ws);
  assert.deepEqual(unreadableFor(ws, { uid: me.uid, gid: me.gid }), []);
});

test('snapshot mode keeps 1000:1000; a folder in root\'s group runs with the owner\'s uid as group', { skip: asRoot ? false : 'needs root (chown)' }, () => {
  assert.deepEqual(sandboxAccess(tmp, 'snapshot'), { user: '1000:1000', copy: false, notes: [] });
  const ws = path.join(tmp, 'g0');
  fs.mkdirSync(ws, { mode: 0o755 });
  fs.chownSync(ws, 1500, 0);
  const a = sandboxAccess(ws, 'ro');
  assert.equal(a.user, '1500:1500');
  assert.equal(a.copy, false);
});
