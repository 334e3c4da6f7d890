// The workspace grant as a pure decision: generated paths around every
// protected folder and granted root, and the rights a key must hold.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideWorkspace, isWithin, missingRights, parseRights, protectedReason, type Protected } from '../../server/src/gateway/workspaceGrant';

const protectedDirs: Protected[] = [
  { dir: '/proc', what: 'a system folder' },
  { dir: '/etc', what: 'a system folder' },
  { dir: '/home/bob', what: 'the home folder of bob' },
  { dir: '/home/me/.local/share/paladin', what: 'Paladin\'s data folder' },
];
const grant = { roots: ['/home/me/src', '/srv/work'], serverUid: 1000, protectedDirs };

test('isWithin compares whole path components, never prefixes of names', () => {
  assert.ok(isWithin('/home/me/src', '/home/me/src'));
  assert.ok(isWithin('/home/me/src/a/b', '/home/me/src'));
  assert.ok(!isWithin('/home/me/src2', '/home/me/src'));
  assert.ok(!isWithin('/home/me', '/home/me/src'));
  assert.ok(isWithin('/anything', '/'));
});

test('generated paths: below, equal to or above a protected folder are refused; elsewhere the roots decide', () => {
  const names = ['a', 'b.c', '..x', 'src2', '-', ' '];
  let checked = 0;
  for (const p of protectedDirs) {
    const parts = p.dir.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const above = '/' + parts.slice(0, i).join('/');
      assert.ok(protectedReason(above, protectedDirs), `${above} is or holds ${p.dir}`);
      checked++;
    }
    for (const n of names) {
      const below = `${p.dir}/${n}`;
      const d = decideWorkspace({ real: below, ownerUid: 1000 }, { ...grant, roots: ['/'] });
      assert.equal(d.ok, false, below);
      checked++;
    }
  }
  for (const n of names) {
    assert.equal(decideWorkspace({ real: `/home/me/src/${n}`, ownerUid: 1000 }, grant).ok, true, n);
    assert.equal(decideWorkspace({ real: `/home/me/src${n}`, ownerUid: 1000 }, grant).ok, false, `sibling /home/me/src${n}`);
    assert.equal(decideWorkspace({ real: `/srv/${n}`, ownerUid: 1000 }, grant).ok, false, `/srv/${n} is not under /srv/work`);
  }
  assert.ok(checked > 20);
  assert.equal(decideWorkspace({ real: '/', ownerUid: 1000 }, { ...grant, roots: ['/'] }).ok, false, '/ holds everything');
});

test('a folder another uid owns is refused inside a granted root', () => {
  const d = decideWorkspace({ real: '/home/me/src/x', ownerUid: 0 }, grant);
  assert.equal(d.ok, false);
  assert.match((d as { reason: string }).reason, /belongs to uid 0/);
});

test('live mode and network need the key\'s right; other modes do not', () => {
  assert.deepEqual(missingRights({ mode: 'live', network: true }, []), ['live', 'network']);
  assert.deepEqual(missingRights({ mode: 'live' }, ['network']), ['live']);
  assert.deepEqual(missingRights({ mode: 'snapshot', network: false }, []), []);
  assert.deepEqual(missingRights({ mode: 'live', network: true }, ['live', 'network']), []);
  assert.deepEqual(parseRights('live, network'), ['live', 'network']);
  assert.throws(() => parseRights('live,root'), /--allow takes live, network/);
  assert.throws(() => parseRights(''), /--allow/);
});
