// paladin.server.url: https anywhere, plain http only to this machine's loopback.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseServerUrl } from '../../server/src/remote/serverUrl';
import { normaliseSettings, settingsFromEnv } from '../../server/src/settings/settings';

test('https:// anywhere and http:// to loopback are accepted, without a trailing slash', () => {
  assert.deepEqual(parseServerUrl('https://paladin.example.org/'), { ok: true, url: 'https://paladin.example.org', host: 'paladin.example.org' });
  assert.deepEqual(parseServerUrl(' https://example.org:8443/paladin/ '), { ok: true, url: 'https://example.org:8443/paladin', host: 'example.org:8443' });
  for (const url of ['http://127.0.0.1:7787', 'http://localhost:7787', 'http://[::1]:7787', 'http://127.1.2.3']) assert.equal(parseServerUrl(url).ok, true, url);
});

test('plain http:// beyond loopback is refused with a message naming the https:// address to use', () => {
  for (const url of ['http://paladin.example.org', 'http://10.0.0.5:7787', 'http://127.0.0.1.example.org', 'http://localhost.evil.org']) {
    const r = parseServerUrl(url);
    assert.equal(r.ok, false, url);
    if (!r.ok) assert.match(r.reason, /unencrypted[\s\S]*Use https:\/\//, url);
  }
});

test('other schemes, credentials in the URL, queries and non-URLs are refused in words', () => {
  const reason = (u: string) => {
    const r = parseServerUrl(u);
    assert.equal(r.ok, false, u);
    return r.ok ? '' : r.reason;
  };
  assert.match(reason('ftp://example.org'), /must start with https:\/\//);
  assert.match(reason('https://alice:pw@example.org'), /user name or password[\s\S]*Set Team Server Key/);
  assert.match(reason('https://example.org/?key=1'), /query or fragment/);
  assert.match(reason('example.org'), /is not a URL/);
});

test('the setting keeps a refused URL (nothing falls back to local) and warns; the CLI\'s environment cannot set it', () => {
  const { settings, warnings } = normaliseSettings({ 'paladin.server.url': 'http://team.example.org' });
  assert.equal(settings.server.url, 'http://team.example.org');
  assert.ok(warnings.some((w) => /unencrypted[\s\S]*answers no plan, check or run/.test(w)), warnings.join('\n'));
  assert.equal(normaliseSettings({}).settings.server.url, '');
  assert.equal(settingsFromEnv({ PALADIN_SERVER_URL: 'https://team.example.org' }).settings.server.url, '');
});
