// Users of a team server: added with a role, listed, disabled; a disabled
// user's keys and sessions are refused at once. On PostgreSQL (through the
// CLI, as an admin would) and on SQLite.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { authenticate, createApiKey, createSession } from '../../server/src/gateway/apiKeys';
import { addUser, disableUser, findUser, listUsers } from '../../server/src/gateway/users';
import { recordsMigrations } from '../../server/src/records';
import { openSharedStore } from '../../server/src/store/openSharedStore';
import { postgresSkipReason, startPostgres, type TestPostgres } from '../support/postgres';
import { paladinArgs } from '../support/nodeArgs';

const skip = postgresSkipReason();
if (skip) console.log(`# PostgreSQL tests skipped: ${skip}`);

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-users-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('SQLite: roles, listing, and a disabled user locked out of keys and sessions', async () => {
  const store = await openSharedStore({ path: path.join(dir, 'u.db'), migrations: recordsMigrations });
  try {
    const alice = await addUser(store, { email: 'alice@example.org', role: 'member', quota: 10 });
    await addUser(store, { email: 'root@example.org', role: 'admin' });
    await assert.rejects(addUser(store, { email: 'alice@example.org', role: 'admin' }), /exists already/);
    await assert.rejects(addUser(store, { email: 'not-an-email', role: 'member' }), /not an email address/);
    assert.deepEqual((await listUsers(store)).map((u) => [u.email, u.role, u.disabledAt]), [['alice@example.org', 'member', null], ['root@example.org', 'admin', null]]);
    const key = await createApiKey(store, { name: 'alice-laptop', userId: alice.id });
    const session = await createSession(store, { userId: alice.id, apiKeyId: key.id, hours: 1 });
    assert.equal((await authenticate(store, key.key)).ok, true);
    assert.equal((await findUser(store, 'alice@example.org'))!.activeKeys, 1);
    await disableUser(store, 'alice@example.org');
    assert.deepEqual(await authenticate(store, key.key), { ok: false, reason: 'The user this API key belongs to was disabled by an admin.' });
    assert.equal((await authenticate(store, session.token)).ok, false);
    await assert.rejects(createApiKey(store, { name: 'again', userId: alice.id }), /disabled/);
    await assert.rejects(disableUser(store, 'alice@example.org'), /disabled already/);
    await assert.rejects(disableUser(store, 'nobody@example.org'), /No user has the email/);
  } finally {
    await store.close();
  }
});

describe('PostgreSQL, through the CLI', { skip }, () => {
  let server: TestPostgres;
  before(async () => {
    server = await startPostgres();
  });
  after(() => server?.stop());

  test('an admin adds, lists and disables users; the shared store refuses the disabled user\'s key', async () => {
    const url = server.createDatabase('users');
    const env = { ...process.env, PALADIN_DATABASE_URL: url, PALADIN_DB: path.join(dir, 'cli', 'p.db'), PALADIN_AUDIT_KEY_FILE: path.join(dir, 'cli.audit-key') };
    const cli = (...args: string[]) => spawnSync(process.execPath, paladinArgs(args), { env, encoding: 'utf8' });
    assert.equal(cli('users', 'add', 'bob@example.org', '--role', 'member', '--quota', '50').status, 0);
    const bad = cli('users', 'add', 'eve@example.org', '--role', 'owner');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--role must be admin or member/);
    const made = cli('keys', 'create', 'bob-key', '--user', 'bob@example.org');
    assert.equal(made.status, 0, made.stderr);
    const key = made.stdout.trim();
    const listed = cli('users', 'list', '--json');
    assert.deepEqual((JSON.parse(listed.stdout) as { email: string; role: string; activeKeys: number; quota: number }[]).map((u) => [u.email, u.role, u.activeKeys, u.quota]), [['bob@example.org', 'member', 1, 50]]);
    const store = await openSharedStore({ url, path: '', migrations: recordsMigrations });
    try {
      assert.equal((await authenticate(store, key)).ok, true);
      assert.equal(cli('users', 'disable', 'bob@example.org').status, 0);
      assert.match(JSON.stringify(await authenticate(store, key)), /disabled by an admin/);
      const actions = await store.all<{ action: string }>('SELECT action FROM audit_log ORDER BY seq');
      assert.deepEqual(actions.map((a) => a.action), ['user.add', 'key.create', 'user.disable']);
    } finally {
      await store.close();
    }
  });
});
