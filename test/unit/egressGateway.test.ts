// The host's address on the default bridge when the engine does not report
// it (Docker 20.10 leaves the gateway out of a bridge it set up itself).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstHost } from '../../server/src/executor/egressNetwork';

test('the first address of an IPv4 subnet is the bridge gateway an engine picks', () => {
  assert.equal(firstHost('172.17.0.0/16'), '172.17.0.1');
  assert.equal(firstHost('10.1.2.128/25'), '10.1.2.129');
  assert.equal(firstHost('192.168.77.0/24'), '192.168.77.1');
  assert.equal(firstHost('172.18.5.9/16'), '172.18.0.1', 'a subnet written from one of its addresses');
});

test('no gateway is guessed for IPv6, a point-to-point subnet or nothing', () => {
  for (const subnet of ['fd00::/64', '10.0.0.0/31', '10.0.0.0/32', 'bridge', '', undefined]) assert.equal(firstHost(subnet), undefined, String(subnet));
});
