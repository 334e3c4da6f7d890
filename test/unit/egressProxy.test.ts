// The egress proxy over real sockets, with its resolver given names by the
// test: listed names reach the upstream (plain HTTP and CONNECT), the rest
// are refused with 403 and logged, and names that lead into this machine's
// networks are refused unless listed exactly.

import assert from 'node:assert/strict';
import * as http from 'node:http';
import * as net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { EgressProxy, type Resolver } from '../../server/src/executor/egressProxy';
import { parsePatterns } from '../../server/src/executor/hostAllowList';
import { describeNetwork } from '../../server/src/protocol/networkText';

const upstream = http.createServer((req, res) => res.end(`hi ${req.method} ${req.url} host=${req.headers.host} auth=${req.headers['proxy-authorization'] ?? '-'}\n`));
let up = 0;
const names: Record<string, string[]> = {
  'up.example': ['127.0.0.1'],
  'db.corp.example': ['10.0.0.5'],
  'meta.example': ['169.254.169.254'],
  'rebind.corp.example': ['93.184.216.34', '127.0.0.1'],
};
const asked: string[] = [];
const resolve: Resolver = async (host) => {
  asked.push(host);
  const found = names[host];
  if (!found) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
  return found;
};

before(async () => {
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  up = (upstream.address() as net.AddressInfo).port;
});
after(() => upstream.close());

async function withProxy(allow: string[], body: (port: number, proxy: EgressProxy) => Promise<void>, peers?: string[]): Promise<void> {
  const proxy = new EgressProxy({ patterns: parsePatterns(allow), resolve, peers });
  const port = await proxy.listen('127.0.0.1');
  try {
    await body(port, proxy);
  } finally {
    await proxy.close();
  }
}

function viaProxy(port: number, url: string, hostHeader?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolveReq, reject) => {
    const u = new URL(url);
    const req = http.request({ host: '127.0.0.1', port, path: url, headers: { host: hostHeader ?? u.host, 'proxy-authorization': 'Basic c2VjcmV0' } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolveReq({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function connectVia(port: number, authority: string, then = ''): Promise<string> {
  return new Promise((resolveConn, reject) => {
    const s = net.connect(port, '127.0.0.1', () => s.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n${then}`));
    let text = '';
    s.on('data', (d) => (text += d));
    s.on('close', () => resolveConn(text));
    s.on('error', reject);
  });
}

describe('egress proxy', () => {
  test('a listed name is reached by plain HTTP and by CONNECT; hop headers stay behind; each connection is logged', async () => {
    await withProxy([`up.example:${up}`], async (port, proxy) => {
      const plain = await viaProxy(port, `http://up.example:${up}/path?q=1`);
      assert.equal(plain.status, 200);
      assert.equal(plain.body, `hi GET /path?q=1 host=up.example:${up} auth=-\n`);
      // Another site behind the same server is not reached by a Host header that differs from the URL.
      const fronted = await viaProxy(port, `http://up.example:${up}/f`, 'evil.example');
      assert.equal(fronted.body, `hi GET /f host=up.example:${up} auth=-\n`);
      const tunnel = await connectVia(port, `up.example:${up}`, 'GET /t HTTP/1.0\r\n\r\n');
      assert.match(tunnel, /^HTTP\/1\.1 200 Connection Established\r\n\r\nHTTP\/1\.1 200 OK[\s\S]*hi GET \/t /);
      const report = proxy.report();
      assert.deepEqual(report.refused, []);
      assert.deepEqual(report.connections.map((c) => [c.method, c.host, c.port, c.allowed, c.address]), [
        ['HTTP', 'up.example', up, true, '127.0.0.1'],
        ['HTTP', 'up.example', up, true, '127.0.0.1'],
        ['CONNECT', 'up.example', up, true, '127.0.0.1'],
      ]);
      assert.ok(report.connections.every((c) => c.bytesIn > 0), JSON.stringify(report.connections));
      assert.ok(report.connections[2].bytesOut >= 'GET /t HTTP/1.0\r\n\r\n'.length);
    });
  });

  test('not listed, unlisted port, IP literal, https:// forward and user information are refused with 403 and reported', async () => {
    await withProxy([`up.example:${up}`], async (port, proxy) => {
      asked.length = 0;
      for (const url of ['http://other.example/', `http://up.example:${up + 1}/`, `http://127.0.0.1:${up}/`, 'https://up.example/', `http://u:p@up.example:${up}/`]) {
        const r = await viaProxy(port, url);
        assert.equal(r.status, 403, url);
        assert.match(r.body, /^Paladin refused /);
      }
      assert.match(await connectVia(port, 'other.example:443'), /^HTTP\/1\.1 403 Forbidden/);
      assert.match(await connectVia(port, `169.254.169.254:80`), /^HTTP\/1\.1 403/);
      const report = proxy.report();
      assert.deepEqual(report.refused.slice(0, 3), ['other.example:80', `up.example:${up + 1}`, `127.0.0.1:${up}`]);
      assert.ok(report.refused.includes('other.example:443') && report.refused.includes('169.254.169.254:80'));
      assert.equal(report.connections.filter((c) => c.allowed).length, 0);
      assert.deepEqual(asked, [], 'a refused name is never even resolved');
      // What the CLI and the editor show of it.
      const lines = describeNetwork(report);
      assert.match(lines[0], /^network: 7 connection\(s\) asked, 0 made \(0 bytes\), 7 host\(s\) refused$/);
      assert.ok(lines.includes('refused other.example:80: other.example is not on the allow-list (paladin.sandbox.network.allow, or --allow-host for one run)'), lines.join('\n'));
      assert.match(lines.at(-1)!, /--allow-host HOST/);
    });
  });

  test('names that lead into this machine or its networks: only when listed exactly; link-local never by name', async () => {
    await withProxy(['*.corp.example', 'meta.example', 'up.example'], async (_port, proxy) => {
      const t = (host: string, port = 80) => proxy.decide({ host, kind: 'name', port });
      assert.match(JSON.stringify(await t('db.corp.example')), /wildcard entry only reaches public addresses/);
      assert.match(JSON.stringify(await t('rebind.corp.example')), /wildcard entry only reaches public/);
      assert.match(JSON.stringify(await t('meta.example')), /link-local/);
      assert.deepEqual(await t('up.example'), { address: '127.0.0.1' });
      assert.match(JSON.stringify(await t('missing.corp.example')), /does not resolve \(ENOTFOUND\)/);
    });
    await withProxy(['db.corp.example', '169.254.169.254'], async (_port, proxy) => {
      assert.deepEqual(await proxy.decide({ host: 'db.corp.example', kind: 'name', port: 443 }), { address: '10.0.0.5' });
      assert.deepEqual(await proxy.decide({ host: '169.254.169.254', kind: 'ipv4', port: 80 }), { address: '169.254.169.254' });
    });
  });

  test('only its peers are served', async () => {
    await withProxy([`up.example:${up}`], async (port) => {
      await assert.rejects(viaProxy(port, `http://up.example:${up}/`), /socket hang up|ECONNRESET/);
    }, ['10.9.9.9']);
  });
});
