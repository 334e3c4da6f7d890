// `paladin serve --host`: refused on a network address without TLS or a
// trusted proxy; HTTPS with a certificate; behind a trusted proxy, its
// X-Forwarded-For names the client in the audit log and nobody else is served
// over plain HTTP.
import { strict as assert } from 'node:assert';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { call } from '../support/apiClient';
import { paladinArgs } from '../support/nodeArgs';

let dir: string;
let env: NodeJS.ProcessEnv;
let key: string;
const children: ChildProcess[] = [];
const cliArgs = paladinArgs;

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-expose-'));
  fs.mkdirSync(path.join(dir, 'ws'));
  env = { ...process.env, PALADIN_DB: path.join(dir, 'data', 'p.db'), PALADIN_API_WORKSPACES: path.join(dir, 'ws'), PALADIN_SANDBOX_POOL_SIZE: '0', PALADIN_SANDBOX_IMAGE: process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox' };
  delete env.PALADIN_DATABASE_URL;
  key = spawnSync(process.execPath, cliArgs(['keys', 'create', 'expose']), { env, encoding: 'utf8' }).stdout.trim();
  assert.match(key, /^pld_/);
});
after(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

async function serve(args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, cliArgs(['serve', '--port', '0', '--json', ...args]), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const first = await readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next();
  assert.ok(!first.done, stderr);
  return { url: (JSON.parse(String(first.value)) as { url: string }).url, child };
}

test('a network address without TLS or a trusted proxy is refused before anything listens', () => {
  const r = spawnSync(process.execPath, cliArgs(['serve', '--host', '0.0.0.0', '--port', '0']), { env, encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /in clear: give --tls-cert FILE and --tls-key FILE, or --trusted-proxy ADDR/);
});

test('with a certificate and key it serves HTTPS', async () => {
  const cert = path.join(dir, 'cert.pem');
  const pkey = path.join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', pkey, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const { url, child } = await serve(['--host', '127.0.0.1', '--tls-cert', cert, '--tls-key', pkey]);
  assert.match(url, /^https:\/\/127\.0\.0\.1:\d+$/);
  const body = JSON.stringify({ command: 'ls -la' });
  const reply = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = https.request(`${url}/v1/check`, { method: 'POST', ca: fs.readFileSync(cert), headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
  assert.equal(reply.status, 200, reply.text);
  child.kill('SIGTERM');
});

test('behind a trusted proxy: its X-Forwarded-For names the client; another peer is refused over plain HTTP', async () => {
  const other = Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
  const { url, child } = await serve(['--host', '0.0.0.0', '--trusted-proxy', '127.0.0.1']);
  const port = Number(new URL(url).port);
  const viaProxy = await call({ port }, 'POST', '/v1/check', { key, body: { command: 'ls' }, headers: { 'x-forwarded-for': '198.51.100.1, 203.0.113.9', host: 'paladin.example.org' } });
  assert.equal(viaProxy.status, 200, viaProxy.text);
  if (other) {
    const direct = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: other, port, method: 'GET', path: '/v1/history', headers: { authorization: `Bearer ${key}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal(direct, 403, `a peer at ${other} that is not the proxy`);
  }
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  const db = new Database(env.PALADIN_DB!, { readonly: true });
  try {
    const rows = db.prepare("SELECT ip_address FROM audit_log WHERE action = 'check' ORDER BY seq DESC LIMIT 1").all() as { ip_address: string }[];
    assert.deepEqual(rows, [{ ip_address: '203.0.113.9' }]);
  } finally {
    db.close();
  }
});
