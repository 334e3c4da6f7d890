import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authenticate, createApiKey, createSession, revokeApiKey, secretHash } from '../../server/src/gateway/apiKeys';
import { endpoints } from '../../server/src/gateway/endpoints';
import { openApiDocument } from '../../server/src/gateway/openapi';
import { consumeQuota, usage } from '../../server/src/gateway/quota';
import { hostAllowed, originAllowed } from '../../server/src/gateway/requestGuard';
import { coerceQuery, validate } from '../../server/src/gateway/schema';
import { recordsFixture } from '../support/recordsFixture';

test('Host must be our loopback name and port; Origin, when sent, our own origin', () => {
  assert.ok(hostAllowed('127.0.0.1:8080', 8080));
  assert.ok(hostAllowed('localhost:8080', 8080));
  assert.ok(hostAllowed('[::1]:8080', 8080));
  assert.ok(hostAllowed('LOCALHOST:8080', 8080));
  for (const bad of [undefined, '', '127.0.0.1', '127.0.0.1:8081', 'evil.example:8080', 'localhost.evil.example:8080', '127.0.0.1:8080.evil.example', '127.0.0.2:8080']) {
    assert.equal(hostAllowed(bad, 8080), false, String(bad));
  }
  assert.ok(hostAllowed('localhost', undefined), 'unix socket: curl sends Host: localhost');
  assert.equal(hostAllowed('evil.example', undefined), false);
  assert.ok(originAllowed(undefined, 8080));
  assert.ok(originAllowed('http://localhost:8080', 8080));
  for (const bad of ['null', 'http://evil.example', 'http://localhost:8081', 'https://localhost:8080', 'http://localhost:8080.evil.example', '']) {
    assert.equal(originAllowed(bad, 8080), false, bad);
  }
  assert.equal(originAllowed('http://localhost', undefined), false, 'no browser origin is ours on a unix socket');
});

test('the schema check names each problem, and query strings are coerced before checking', () => {
  const check = endpoints.find((e) => e.operationId === 'check')!.body!;
  assert.deepEqual(validate(check, { command: 'ls' }), []);
  assert.deepEqual(validate(check, { command: 'ls', facts: 'yes', extra: 1 }), ['body.facts must be true or false, not the string "yes"', 'body.extra is not a known field (known: command, workspace, facts, mode, network)']);
  assert.deepEqual(validate(check, null), ['body must be a JSON object, not null']);
  assert.deepEqual(validate(check, { command: 'x'.repeat(20_000) }), ['body.command is 20000 characters long; the limit is 16384']);
  const history = endpoints.find((e) => e.operationId === 'history')!.query!;
  const q = coerceQuery(history, new URLSearchParams('limit=10&status=failed&search=a'));
  assert.deepEqual(q, { limit: 10, status: 'failed', search: 'a' });
  assert.deepEqual(validate(history, q, 'query'), []);
  assert.deepEqual(validate(history, coerceQuery(history, new URLSearchParams('limit=0')), 'query'), ['query.limit must be from 1 to 1000, not 0']);
});

test('the OpenAPI document has one operation per endpoint row, with its schema and statuses', () => {
  const doc = openApiDocument('9.9.9', 'http://127.0.0.1:1') as { openapi: string; paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown>; security: unknown[] }>> };
  assert.equal(doc.openapi, '3.1.0');
  const ops = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
  assert.deepEqual(ops.sort(), endpoints.map((e) => e.operationId).sort());
  assert.ok(doc.paths['/v1/run'].post.responses['409']);
  assert.deepEqual(doc.paths['/v1/health'].get.security, []);
});

test('keys: the stored hash is not the key, unknown/revoked/expired are refused, sessions follow their key', async () => {
  const f = recordsFixture();
  try {
    const k = await createApiKey(f.db, { name: 'a', userId: f.userId });
    assert.match(k.key, /^pld_[A-Za-z0-9_-]{43}$/);
    assert.equal(Buffer.from(k.key.slice(4), 'base64url').length, 32, '256 random bits');
    const row = f.db.prepare('SELECT key_hash FROM api_keys WHERE id = ?').get(k.id) as { key_hash: string };
    assert.equal(row.key_hash, secretHash(k.key));
    assert.deepEqual((await authenticate(f.db, k.key)), { ok: true, userId: f.userId, keyId: k.id, sessionId: null, workspaces: null, rights: [] });
    assert.equal((await authenticate(f.db, k.key.slice(0, -1) + (k.key.endsWith('A') ? 'B' : 'A'))).ok, false);
    assert.equal((await authenticate(f.db, undefined)).ok, false);
    const s = await createSession(f.db, { userId: f.userId, apiKeyId: k.id, address: '127.0.0.1', userAgent: 'test', hours: 1 });
    assert.equal((await authenticate(f.db, s.token)).ok, true);
    assert.equal((await authenticate(f.db, s.token, Date.now() + 2 * 3_600_000)).ok, false, 'expired session');
    await revokeApiKey(f.db, 'a');
    assert.deepEqual((await authenticate(f.db, k.key)), { ok: false, reason: 'The API key was revoked.' });
    assert.equal((await authenticate(f.db, s.token)).ok, false);
    const later = await createApiKey(f.db, { name: 'a', userId: f.userId, expiresAt: new Date(Date.now() + 1000) });
    assert.equal((await authenticate(f.db, later.key, Date.now() + 2000)).ok, false, 'expired key');
    await assert.rejects(createApiKey(f.db, { name: 'past', userId: f.userId, expiresAt: new Date(Date.now() - 1) }), /in the past/);
  } finally {
    f.close();
  }
});

test('quota: per clock hour, Retry-After counts to the next hour, a new hour starts again', () => {
  const f = recordsFixture();
  try {
    f.db.prepare('UPDATE users SET quota_commands_per_hour = 3 WHERE id = ?').run(f.userId);
    const hour = Date.UTC(2026, 0, 1, 10);
    for (let i = 0; i < 3; i++) assert.equal(consumeQuota(f.db, f.userId, hour + 1000 * i).ok, true);
    const over = consumeQuota(f.db, f.userId, hour + 30 * 60_000);
    assert.equal(over.ok, false);
    assert.equal(!over.ok && over.retryAfterSeconds, 1800);
    assert.equal(usage(f.db, f.userId, hour), 3, 'a refusal does not count');
    assert.equal(consumeQuota(f.db, f.userId, hour + 3_600_000).ok, true);
    f.db.prepare('UPDATE users SET quota_commands_per_hour = 0 WHERE id = ?').run(f.userId);
    assert.equal(consumeQuota(f.db, f.userId, hour + 3_600_001).ok, false, 'a quota of 0 allows nothing');
  } finally {
    f.close();
  }
});
