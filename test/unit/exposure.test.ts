// Where the API may listen: loopback freely, anything else only with TLS or
// behind trusted proxies, and whose X-Forwarded-For is believed.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { clientAddress, isLoopback, resolveExposure } from '../../server/src/gateway/exposure';

test('loopback needs nothing; any other address needs TLS or a trusted proxy, and says so', () => {
  assert.equal(resolveExposure({}).host, '127.0.0.1');
  assert.equal(resolveExposure({ host: '127.0.0.1' }).exposed, false);
  assert.equal(resolveExposure({ host: '::1' }).exposed, false);
  for (const host of ['0.0.0.0', '10.0.0.5', '::', '192.0.2.7']) {
    assert.throws(() => resolveExposure({ host }), /in clear: give --tls-cert FILE and --tls-key FILE, or --trusted-proxy ADDR/);
  }
  assert.equal(resolveExposure({ host: '0.0.0.0', trustedProxies: ['10.0.0.2'] }).exposed, true);
  assert.throws(() => resolveExposure({ host: 'example.org' }), /--host must be an IP address/);
  assert.throws(() => resolveExposure({ host: '0.0.0.0', trustedProxies: ['proxy.local'] }), /--trusted-proxy takes IP addresses/);
  assert.throws(() => resolveExposure({ host: '0.0.0.0', tlsCert: '/x.pem' }), /both --tls-cert FILE and --tls-key FILE/);
  assert.throws(() => resolveExposure({ host: '0.0.0.0', tlsCert: '/nonexistent/c.pem', tlsKey: '/nonexistent/k.pem' }), /Cannot read the TLS certificate/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-exposure-'));
  try {
    fs.writeFileSync(path.join(dir, 'c.pem'), 'not pem');
    fs.writeFileSync(path.join(dir, 'k.pem'), '-----BEGIN PRIVATE KEY-----\n');
    assert.throws(() => resolveExposure({ host: '0.0.0.0', tlsCert: path.join(dir, 'c.pem'), tlsKey: path.join(dir, 'k.pem') }), /is not a PEM file/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(isLoopback('127.4.5.6'), true);
  assert.equal(isLoopback('128.0.0.1'), false);
});

test('X-Forwarded-For is believed from a trusted proxy only; plain HTTP on an exposed address serves only the proxy', () => {
  const behindProxy = resolveExposure({ host: '0.0.0.0', trustedProxies: ['10.0.0.2'] });
  assert.equal(clientAddress(behindProxy, '::ffff:10.0.0.2', '198.51.100.1, 203.0.113.9'), '203.0.113.9', 'the address the proxy appended');
  assert.equal(clientAddress(behindProxy, '10.0.0.2', 'not-an-ip'), '10.0.0.2');
  assert.equal(clientAddress(behindProxy, '10.0.0.2', undefined), '10.0.0.2');
  assert.equal(clientAddress(behindProxy, '10.0.0.99', '203.0.113.9'), undefined, 'anyone else is not served over plain HTTP');
  assert.equal(clientAddress(undefined, '127.0.0.1', '203.0.113.9'), '127.0.0.1', 'no proxy configured: the header is ignored');
});
