// How the editor's team client reports what goes wrong on the way to a team
// server, against real sockets: a certificate it cannot trust, a server that
// errs, one that does not answer in time. No message ever holds the key.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { TeamClient, TeamServerError } from '../../server/src/remote/teamClient';

const KEY = 'pld_' + 'k'.repeat(43);

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function failure(client: TeamClient): Promise<TeamServerError> {
  try {
    await client.call('POST', '/v1/check', { command: 'ls' });
  } catch (err) {
    assert.ok(err instanceof TeamServerError, String(err));
    assert.ok(!err.message.includes(KEY), 'the key is never in a message');
    return err;
  }
  assert.fail('the call succeeded');
}

test('a self-signed certificate is refused before anything is sent, saying how to trust the organisation\'s CA', { timeout: 60_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-tls-'));
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  let reached = 0;
  const server = https.createServer({ cert: fs.readFileSync(cert), key: fs.readFileSync(key) }, (_req, res) => {
    reached++;
    res.end('{}');
  });
  const host = await listen(server as unknown as http.Server);
  try {
    const err = await failure(new TeamClient({ url: `https://${host}`, host, apiKey: KEY }));
    assert.equal(err.state, 'tls');
    assert.match(err.message, /failed the TLS check \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)[\s\S]*NODE_EXTRA_CA_CERTS/);
    assert.equal(reached, 0, 'no request reached the server');
  } finally {
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a server error and a timeout each say what happened', { timeout: 60_000 }, async () => {
  let mode: 'login-ok' | 'hang' = 'login-ok';
  const server = http.createServer((req, res) => {
    if (mode === 'hang') return; // never answers
    if (req.url === '/v1/sessions') return res.end(JSON.stringify({ token: 'pls_t', expiresAt: '2099-01-01T00:00:00Z' }));
    res.writeHead(503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'unavailable', message: 'the database is unreachable' } }));
  });
  const host = await listen(server);
  try {
    const err = await failure(new TeamClient({ url: `http://${host}`, host, apiKey: KEY }));
    assert.equal(err.state, 'error');
    assert.match(err.message, /answered 503: the database is unreachable/);
    mode = 'hang';
    const slow = await failure(new TeamClient({ url: `http://${host}`, host, apiKey: KEY, timeoutMs: 300 }));
    assert.equal(slow.state, 'unreachable');
    assert.match(slow.message, /did not answer within 0\.3 s[\s\S]*does not fall back/);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('without a key nothing is sent, and the message says how to set one', async () => {
  let reached = 0;
  const server = http.createServer((_req, res) => {
    reached++;
    res.end('{}');
  });
  const host = await listen(server);
  try {
    const err = await failure(new TeamClient({ url: `http://${host}`, host }));
    assert.equal(err.state, 'no key');
    assert.match(err.message, /Paladin: Set Team Server Key/);
    assert.equal(reached, 0);
  } finally {
    server.close();
  }
});
