// The allow-list matcher against tricky spellings of hosts: each spelling of
// a listed host is read as that host, each spelling of another host (or of an
// address) is not, and what cannot be read cleanly is refused.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normaliseSettings, settingsFromEnv } from '../../server/src/settings/settings';
import { addressClass, DEFAULT_ALLOWED_HOSTS, matchTarget, parsePattern, parsePatterns, parseTarget, runAllowList } from '../../server/src/executor/hostAllowList';

const list = parsePatterns(['registry.npmjs.org', '*.githubusercontent.com', 'mirror.internal:8443', '10.1.2.3', '[fd00::5]:8080', 'bücher.example']);
const allowed = (authority: string) => {
  try {
    return matchTarget(parseTarget(authority), list).allowed;
  } catch {
    return false;
  }
};

/** Spellings a client might send for `host`: case, trailing dot, ports. */
function spellings(host: string, port: number): string[] {
  const mixed = [...host].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('');
  return [`${host}:${port}`, `${host.toUpperCase()}:${port}`, `${mixed}:${port}`, `${host}.:${port}`, `${mixed}.:${port}`];
}

describe('host allow-list', () => {
  test('every spelling of a listed host on its ports is allowed', () => {
    for (const port of [80, 443]) {
      for (const s of spellings('registry.npmjs.org', port)) assert.ok(allowed(s), s);
      for (const s of spellings('objects.githubusercontent.com', port)) assert.ok(allowed(s), s);
      for (const s of spellings('a.b.githubusercontent.com', port)) assert.ok(allowed(s), s);
    }
    for (const s of spellings('mirror.internal', 8443)) assert.ok(allowed(s), s);
    // IDNA: the Unicode name and its ASCII form are one host.
    assert.ok(allowed('bücher.example:443'));
    assert.ok(allowed('xn--bcher-kva.example:443'));
    assert.ok(allowed('BÜCHER.example:443'));
    assert.ok(allowed('10.1.2.3:443'));
    assert.ok(allowed('[fd00::5]:8080'));
    assert.ok(allowed('[FD00:0:0::5]:8080'));
  });

  test('near misses are refused: other ports, the wildcard apex, look-alike suffixes, embedded names', () => {
    const refused = [
      'registry.npmjs.org:22', 'registry.npmjs.org:8080', 'mirror.internal:443', 'mirror.internal:80',
      'githubusercontent.com:443', 'evilgithubusercontent.com:443', 'githubusercontent.com.evil.example:443',
      'registry.npmjs.org.evil.example:443', 'evil.example:443', 'registry-npmjs.org:443', 'registry.npmjs.org..:443',
      'xn--bcher-kva.example.evil:443', 'bucher.example:443', '[fd00::5]:443', '10.1.2.4:443', '10.1.2.3:22',
    ];
    for (const s of refused) assert.equal(allowed(s), false, s);
  });

  test('user information, stray characters and malformed authorities are never read as a host', () => {
    const bad = [
      'evil.example@registry.npmjs.org:443', 'registry.npmjs.org@evil.example:443', 'user:pw@registry.npmjs.org:443',
      'registry.npmjs.org%2f:443', 'registry.npmjs.org/:443', 'registry.npmjs.org\\:443', 'registry.npmjs.org :443',
      'registry.npmjs.org\t:443', 'registry.npmjs.org\u0000:443', '*.githubusercontent.com:443', 'registry.npmjs.org:0',
      'registry.npmjs.org:65536', 'registry.npmjs.org:+443', 'registry.npmjs.org:443:443', 'fd00::5:8080', '[fd00::5:8080',
      ':443', '', 'registry.npmjs.org:', 'a..b:443',
    ];
    for (const s of bad) assert.equal(allowed(s), false, s);
    assert.throws(() => parseTarget('a@b:443'), /user information/);
  });

  test('numeric spellings of an address are that address: decimal, hex, octal, short forms, mapped IPv6', () => {
    const loopback = ['127.0.0.1', '2130706433', '0x7f000001', '0x7f.1', '0177.0.0.1', '127.1', '127.0.1'];
    for (const s of loopback) {
      const t = parseTarget(`${s}:80`);
      assert.deepEqual([t.host, t.kind], ['127.0.0.1', 'ipv4'], s);
      assert.match(matchTarget(t, list).reason ?? '', /IP address/, s);
    }
    assert.deepEqual(parseTarget('[::ffff:127.0.0.1]:80').kind, 'ipv6');
    assert.equal(matchTarget(parseTarget('169.254.169.254:80'), list).allowed, false);
    // A listed address in another spelling is still that address.
    assert.ok(allowed('0x0a010203:443'));
    assert.ok(allowed('167838211:443'));
  });

  test('address classes: the metadata address is link-local, this machine and its networks are private', () => {
    for (const a of ['169.254.169.254', 'fe80::1', '::ffff:169.254.169.254']) assert.equal(addressClass(a), 'link-local', a);
    for (const a of ['127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.1.1', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', '::ffff:10.0.0.1', '::ffff:127.0.0.1', '224.0.0.1']) {
      assert.equal(addressClass(a), 'private', a);
    }
    for (const a of ['104.16.0.1', '151.101.1.1', '2606:4700::1', '172.32.0.1']) assert.equal(addressClass(a), 'public', a);
  });

  test('entries: what a good one looks like is said for a bad one; the defaults all read', () => {
    assert.equal(parsePatterns(DEFAULT_ALLOWED_HOSTS).length, DEFAULT_ALLOWED_HOSTS.length);
    for (const bad of ['*', '*.com', '*.10.0.0.1', 'a@b.example', 'host:99999', 'http://x.example', '']) {
      assert.throws(() => parsePattern(bad), /allow-list entry|Allow-list entry/i, bad);
    }
    assert.deepEqual(parsePattern('Example.COM.:8443'), { entry: 'Example.COM.:8443', host: 'example.com', kind: 'name', wildcard: false, port: 8443 });
    assert.throws(() => runAllowList([], { network: false, allowHosts: ['x.example'] }), /without network/);
    assert.throws(() => runAllowList([], { network: true, allowHosts: [1 as unknown as string] }), /list of host names/);
    assert.equal(runAllowList(['a.example'], { network: true, allowHosts: ['b.example'] }).length, 2);
  });

  test('the setting: defaults, a list, the environment form, and a bad entry that keeps the defaults and says why', () => {
    assert.deepEqual(normaliseSettings({}).settings.sandbox.networkAllow, [...DEFAULT_ALLOWED_HOSTS]);
    assert.deepEqual(normaliseSettings({ 'paladin.sandbox.network.allow': ['a.example', '*.b.example:8443'] }).settings.sandbox.networkAllow, ['a.example', '*.b.example:8443']);
    assert.deepEqual(settingsFromEnv({ PALADIN_SANDBOX_NETWORK_ALLOW: 'a.example, c.example:81' }).settings.sandbox.networkAllow, ['a.example', 'c.example:81']);
    const bad = normaliseSettings({ 'sandbox.network.allow': ['a.example', 'evil@b.example'] });
    assert.deepEqual(bad.settings.sandbox.networkAllow, [...DEFAULT_ALLOWED_HOSTS]);
    assert.match(bad.warnings.join(), /network\.allow.*evil@b\.example.*user information.*default list/);
  });
});
