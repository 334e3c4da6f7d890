// The cost of network by allow-list: one HTTP GET to a local upstream,
// end to end through the Executor (its own network, the relay, the proxy,
// removal), against the same GET from `docker run --network bridge` (no
// allow-list at all) and an offline run of the Executor without a pool.
// Interleaved so all three see the same machine load.

import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Executor } from '../../server/src/executor';
import { normaliseSettings } from '../../server/src/settings/settings';
import { ms, percentile, type BenchRow } from './row';

const image = process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox';
const ROUNDS = 6;
const execFileAsync = promisify(execFile);

export async function bench(): Promise<BenchRow[]> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-bench-net-'));
  const workspace = path.join(tmp, 'ws');
  fs.mkdirSync(workspace);
  const upstream = http.createServer((_req, res) => res.end('ok\n'));
  await new Promise<void>((r) => upstream.listen(0, '0.0.0.0', r));
  const port = (upstream.address() as AddressInfo).port;
  const host = os.hostname().toLowerCase();
  const { settings } = normaliseSettings({ 'sandbox.image': image, 'sandbox.poolSize': 0, 'database.path': path.join(tmp, 'p.db'), 'sandbox.network.allow': [`${host}:${port}`] });
  const ex = new Executor(settings);
  const times = { proxied: [] as number[], offline: [] as number[], bridge: [] as number[] };
  const bridgeGateway = (await execFileAsync('docker', ['network', 'inspect', 'bridge', '--format', '{{(index .IPAM.Config 0).Gateway}}'])).stdout.trim();
  const timed = async (f: () => Promise<void>) => {
    const t0 = performance.now();
    await f();
    return performance.now() - t0;
  };
  const proxied = async () => {
    const r = await ex.run({ command: `wget -q -O - http://${host}:${port}/`, workspace, mode: 'ro', network: true }, {});
    if (r.output?.toString() !== 'ok\n') throw new Error(`the proxied GET failed: ${r.end} ${r.message ?? ''} ${r.output?.toString() ?? ''}`);
    await ex.settle();
  };
  const offline = async () => {
    await ex.run({ command: 'echo ok', workspace, mode: 'ro' }, {});
    await ex.settle();
  };
  const bridge = async () => {
    const out = await execFileAsync('docker', ['run', '--rm', '--network', 'bridge', image, 'wget', '-q', '-O', '-', `http://${bridgeGateway}:${port}/`]);
    if (out.stdout !== 'ok\n') throw new Error('the bridge GET failed');
  };
  try {
    await proxied(); // builds the relay image once
    for (let i = 0; i < ROUNDS; i++) {
      times.proxied.push(await timed(proxied));
      times.offline.push(await timed(offline));
      times.bridge.push(await timed(bridge));
    }
  } finally {
    await ex.dispose();
    upstream.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const p50 = (a: number[]) => percentile(a, 50);
  return [
    { area: 'sandbox', metric: 'network run via allow-list p50 ms', value: ms(p50(times.proxied)), note: `one GET to a local upstream, Executor end to end incl. network, relay and removal (${ROUNDS} runs)` },
    { area: 'sandbox', metric: 'offline run (no pool) p50 ms', value: ms(p50(times.offline)), note: 'echo ok, same Executor' },
    { area: 'sandbox', metric: 'docker run --network bridge GET p50 ms', value: ms(p50(times.bridge)), note: 'the same GET with no allow-list (the engine CLI)' },
    { area: 'sandbox', metric: 'network run / bridge run', value: (p50(times.proxied) / p50(times.bridge)).toFixed(2) },
  ];
}
