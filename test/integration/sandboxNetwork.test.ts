// Network by allow-list against the real engine: a run granted network
// reaches a listed host only through Paladin's proxy, is refused the rest
// (reported in its result, its history entry and the CLI's words), and
// reaches nothing directly, not even this machine. The upstream is a small
// HTTP server on this machine, listening on every address, named by this
// machine's own host name (which resolves here without touching /etc/hosts;
// it resolves to a loopback address, so it must be listed exactly).

import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { Executor } from '../../server/src/executor';
import { sweep } from '../../server/src/executor/sweep';
import { normaliseSettings } from '../../server/src/settings/settings';
import { runCli } from '../support/runCli';

const image = process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox';
const docker = new Docker();
const execFileAsync = promisify(execFile);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-network-'));
const workspace = path.join(tmp, 'ws');
fs.mkdirSync(workspace);
const host = os.hostname().toLowerCase();
const seen: string[] = [];
const upstream = http.createServer((req, res) => {
  seen.push(`${req.method} ${req.url}`);
  res.end(`upstream says hi to ${req.url}\n`);
});
let port = 0;

function executor(allow: string[] = []): Executor {
  const { settings, warnings } = normaliseSettings({
    'sandbox.image': image,
    'database.path': path.join(tmp, 'data', 'paladin.db'),
    'sandbox.timeoutSeconds': 15,
    'sandbox.memoryMiB': 64,
    'sandbox.poolSize': 0,
    ...(allow.length ? { 'sandbox.network.allow': allow } : {}),
  });
  assert.deepEqual(warnings, []);
  return new Executor(settings);
}
const ex = executor();

before(async () => {
  assert.equal(spawnSync('getent', ['hosts', host]).status, 0, `this test needs ${host} (this machine's name) to resolve`);
  await new Promise<void>((resolve) => upstream.listen(0, '0.0.0.0', resolve));
  port = (upstream.address() as AddressInfo).port;
});

after(async () => {
  await ex.dispose();
  upstream.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The proxy's address from the sandbox's own environment, as `host port` for nc. */
const proxyHostPort = 'p=${HTTP_PROXY#http://}; p=${p%/}; echo "${p%:*} ${p##*:}"';

async function run(command: string, allowHosts?: string[], e = ex) {
  const r = await e.run({ command, workspace, mode: 'ro', network: true, ...(allowHosts ? { allowHosts } : {}), timeoutSeconds: 15 }, {});
  return { ...r, stdout: r.output?.toString('utf8') ?? '' };
}

async function leftovers(): Promise<{ containers: number; networks: number }> {
  await ex.settle();
  const containers = await docker.listContainers({ all: true, filters: { label: [`paladin.owner=${ex.owner}`] } });
  const networks = await docker.listNetworks({ filters: { label: [`paladin.owner=${ex.owner}`] } });
  return { containers: containers.length, networks: networks.length };
}

describe('network by allow-list', () => {
  test('a listed host is reached through the proxy, plain HTTP and CONNECT alike, and each connection is logged', async () => {
    const r = await run(
      `wget -q -O - http://${host}:${port}/plain; set -- $(${proxyHostPort}); printf 'CONNECT ${host}:${port} HTTP/1.1\\r\\nHost: ${host}:${port}\\r\\n\\r\\nGET /tunnelled HTTP/1.0\\r\\n\\r\\n' | nc -w 5 "$1" "$2"`,
      [`${host}:${port}`],
    );
    assert.equal(r.end, 'exited', r.stdout);
    assert.match(r.stdout, /upstream says hi to \/plain/);
    assert.match(r.stdout, /200 Connection Established[\s\S]*upstream says hi to \/tunnelled/);
    assert.ok(seen.includes('GET /plain') && seen.includes('GET /tunnelled'), seen.join());
    const net = r.network!;
    assert.ok(net.allow.includes(`${host}:${port}`) && net.allow.includes('registry.npmjs.org'), net.allow.join());
    assert.deepEqual(net.refused, []);
    assert.deepEqual(net.connections.map((c) => [c.method, c.host, c.port, c.allowed]), [
      ['HTTP', host, port, true],
      ['CONNECT', host, port, true],
    ]);
    for (const c of net.connections) assert.ok(c.bytesIn > 20 && c.ms >= 0 && c.address, JSON.stringify(c));
    assert.deepEqual(await leftovers(), { containers: 0, networks: 0 });
  });

  test('names not listed, IP literals and the metadata address are refused and reported', async () => {
    const r = await run(
      `for u in http://not-listed.example/ http://169.254.169.254/latest/meta-data/ http://${host}:${port}/unlisted-port http://127.0.0.1:${port}/ip; do wget -q -O - "$u" && echo "REACHED $u"; done; true`,
    );
    assert.doesNotMatch(r.stdout, /REACHED/);
    assert.ok(!seen.some((s) => s.includes('unlisted') || s.includes('/ip')), seen.join());
    const refused = r.network!.refused;
    assert.deepEqual(refused, ['not-listed.example:80', '169.254.169.254:80', `${host}:${port}`, `127.0.0.1:${port}`]);
    const reasons = r.network!.connections.map((c) => c.reason ?? '');
    assert.match(reasons[1], /IP address/);
    assert.ok(r.network!.connections.every((c) => !c.allowed && c.bytesIn === 0));
  });

  test('nothing is reached directly: not this machine (any of its addresses), not the bridge, not DNS', async () => {
    const addresses = Object.values(os.networkInterfaces()).flat().filter((a) => a && a.family === 'IPv4' && !a.internal).map((a) => a!.address);
    assert.ok(addresses.length > 0);
    const direct = addresses.map((a) => `printf 'GET /direct HTTP/1.0\\r\\n\\r\\n' | nc -w 2 ${a} ${port} 2>/dev/null | grep -q 'says hi' && echo "DIRECT ${a}"`).join('; ');
    const r = await run(`${direct}; nslookup example.com >/dev/null 2>&1 && echo DNS; true`, [`${host}:${port}`]);
    assert.equal(r.end, 'exited');
    assert.equal(r.stdout.trim(), '');
    // Control: the same connection from a container on the engine's bridge does reach the upstream,
    // so the check above is one that can fail.
    // (Asynchronously: the upstream answers from this process.)
    const bridged = await execFileAsync('docker', ['run', '--rm', '--network', 'bridge', image, 'sh', '-c', `${direct}; true`], { encoding: 'utf8' });
    assert.match(bridged.stdout, /DIRECT/);
  });

  test('the sweep removes the networks a dead server left, and keeps a live one\'s', async () => {
    const dead = `${os.hostname()}:999999999:1`;
    const left = await docker.createNetwork({ Name: `paladin-net-sweeptest-${process.pid}`, Internal: true, Labels: { paladin: '1', 'paladin.owner': dead } });
    const kept = await docker.createNetwork({ Name: `paladin-net-sweeptest-live-${process.pid}`, Internal: true, Labels: { paladin: '1', 'paladin.owner': ex.owner } });
    try {
      const removed = await sweep(docker, { keepOwner: 'nobody' });
      assert.ok(removed.networks >= 1);
      await assert.rejects(left.inspect(), /404|no such network|not found/i);
      await kept.inspect();
    } finally {
      await kept.remove().catch(() => undefined);
      await left.remove().catch(() => undefined);
    }
  });

  test('bad allow-list entries are refused before anything runs', async () => {
    await assert.rejects(run('true', ['a@b.example']), /user information/);
    await assert.rejects(ex.run({ command: 'true', workspace, mode: 'ro', allowHosts: ['x.example'] }, {}), /without network/);
  });

  test('the CLI prints the refused hosts; --json and the history carry the network section', async () => {
    const db = path.join(tmp, 'cli', 'paladin.db');
    const saved = { ...process.env };
    Object.assign(process.env, { PALADIN_SANDBOX_IMAGE: image, PALADIN_SANDBOX_TIMEOUT_SECONDS: '15' });
    try {
      const args = ['run', `wget -q -O - http://${host}:${port}/cli; wget -q -O - http://refused.example/ ; true`, '--network', '--yes', '--allow-host', `${host}:${port}`, '--workspace', workspace];
      const text = await runCli(args, db);
      assert.equal(text.code, 0, text.err);
      assert.match(text.out, /upstream says hi to \/cli/);
      assert.match(text.err, /refused refused\.example:80: refused\.example is not on the allow-list/);
      const json = await runCli([...args, '--json'], db);
      const result = JSON.parse(json.out.trim().split('\n').pop()!);
      assert.deepEqual(result.network.refused, ['refused.example:80']);
      const shown = await runCli(['history', 'show', result.historyId, '--json'], db);
      const entry = JSON.parse(shown.out);
      assert.deepEqual(entry.network.refused, ['refused.example:80']);
      assert.deepEqual(entry.network.connections.map((c: { host: string; allowed: boolean }) => [c.host, c.allowed]), [[host, true], ['refused.example', false]]);
      const plain = await runCli(['history', 'show', result.historyId], db);
      assert.match(plain.out, /network +refused refused\.example:80/);
      // The audit log's run.end entry holds the same connections, in the hash chain.
      const audit = await runCli(['audit', 'tail', '-n', '20', '--json'], db);
      const ends = audit.out.trim().split('\n').map((l) => JSON.parse(l)).flat().filter((e: { action?: string }) => e.action === 'run.end');
      const last = ends.at(-1) as { details?: unknown; detail?: unknown };
      assert.match(JSON.stringify(last), /"refused":\["refused\.example:80"\]/);
      assert.match(JSON.stringify(last), /"allowed":true,"bytesIn":\d+,"bytesOut":0,"host":"[^"]+","method":"HTTP"/);
    } finally {
      process.env = saved;
    }
  });
});
