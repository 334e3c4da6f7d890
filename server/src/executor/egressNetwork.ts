// A run's way out when it is granted network. The sandbox joins a network of
// its own that the engine marks internal and gives no host address (no route
// anywhere, not even to this machine). On that network sits one relay
// container (the host's static busybox `nc`, unprivileged, read-only) that
// passes each connection to the egress proxy in this process, listening on
// the default bridge's host address and serving that relay only. So every
// byte leaving the sandbox crosses the proxy's allow-list, and a program that
// ignores the proxy variables reaches nothing.

import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';
import type { NetworkReport } from '../protocol/types';
import { type EgressRoute, LABEL, OWNER_LABEL, RUN_LABEL } from './containerSpec';
import { explainDockerError, SandboxError } from './docker';
import { EgressProxy, type Resolver } from './egressProxy';
import type { HostPattern } from './hostAllowList';
import { buildFromBusybox, imageInfo, type Progress } from './images';

export const RELAY_IMAGE = 'paladin-egress:busybox';
export const RELAY_PORT = 3128;
/** The relay's name on the run's network, in the sandbox's proxy variables. */
export const RELAY_ALIAS = 'paladin-proxy';
export const NETWORK_PREFIX = 'paladin-net-';

export class EgressSession {
  /** Settles once the relay runs and the proxy knows its address; the command must not start before. */
  ready: Promise<void> = Promise.resolve();

  private constructor(
    private readonly docker: Docker,
    readonly route: EgressRoute,
    private readonly proxy: EgressProxy,
    private readonly relayName: string,
  ) {}

  /**
   * Makes the run's network and proxy; the relay starts in the background
   * (`ready`) while the sandbox is created. On a failure here, removes what it made.
   */
  static async open(docker: Docker, patterns: HostPattern[], labels: { owner: string; run?: string }, options: { onProgress?: Progress; resolve?: Resolver } = {}): Promise<EgressSession> {
    const id = randomUUID();
    const labelSet = { [LABEL]: '1', [OWNER_LABEL]: labels.owner, [RUN_LABEL]: labels.run ?? id };
    const [gateway] = await Promise.all([bridgeGateway(docker), ensureRelayImage(docker, options.onProgress ?? (() => undefined))]);
    const proxy = new EgressProxy({ patterns, resolve: options.resolve, peers: ['relay not started'] });
    const name = `${NETWORK_PREFIX}${id}`;
    let network: Docker.Network | undefined;
    try {
      const port = await proxy.listen(gateway).catch((err: NodeJS.ErrnoException) => {
        throw new SandboxError(
          `The network allow-list needs the Docker engine on this machine: the proxy could not listen on the engine's bridge address ${gateway} (${err.code ?? err.message}). Run without network, or run Paladin where the engine runs.`,
          'sandbox error',
        );
      });
      network = await docker.createNetwork({ Name: name, Driver: 'bridge', Internal: true, Options: { 'com.docker.network.bridge.inhibit_ipv4': 'true' }, Labels: labelSet });
      const session = new EgressSession(docker, { network: name, proxyUrl: `http://${RELAY_ALIAS}:${RELAY_PORT}` }, proxy, `paladin-egress-${id}`);
      session.ready = session.startRelay(gateway, port, labelSet);
      session.ready.catch(() => undefined); // awaited by the run; this only marks it handled meanwhile
      return session;
    } catch (err) {
      await proxy.close();
      await network?.remove().catch(() => undefined);
      throw err instanceof SandboxError ? err : explainDockerError(err, RELAY_IMAGE);
    }
  }

  private async startRelay(gateway: string, port: number, labels: Record<string, string>): Promise<void> {
    try {
      const relay = await this.docker.createContainer(relaySpec(this.relayName, gateway, port, labels));
      // The sandbox finds the relay by this name through the engine's resolver on the run's network.
      await this.docker.getNetwork(this.route.network).connect({ Container: relay.id, EndpointConfig: { Aliases: [RELAY_ALIAS] } });
      await relay.start();
      const outside = (await relay.inspect()).NetworkSettings.Networks.bridge?.IPAddress;
      if (!outside) throw new SandboxError('The network relay got no address on the engine\'s bridge; the run was not started.', 'sandbox error');
      this.proxy.peers = [outside];
    } catch (err) {
      throw err instanceof SandboxError ? err : explainDockerError(err, RELAY_IMAGE);
    }
  }

  report(): NetworkReport {
    return this.proxy.report();
  }

  /** Closes the way out at once (open connections drop). */
  async shut(): Promise<void> {
    await this.proxy.close();
  }

  /** Removes the relay and the network; call once the sandbox container is gone. */
  async remove(): Promise<void> {
    await this.proxy.close();
    await this.ready.catch(() => undefined);
    await this.docker.getContainer(this.relayName).remove({ force: true }).catch(() => undefined);
    await this.docker.getNetwork(this.route.network).remove().catch(() => undefined);
  }
}

/** The relay: forwards each connection to the proxy; nothing else runs, nothing is written, no privilege. */
function relaySpec(name: string, gateway: string, port: number, labels: Record<string, string>): Docker.ContainerCreateOptions {
  return {
    name,
    Image: RELAY_IMAGE,
    Entrypoint: [],
    Cmd: ['/bin/nc', '-ll', '-p', String(RELAY_PORT), '-e', '/bin/nc', gateway, String(port)],
    User: '65534:65534',
    Env: [],
    Labels: labels,
    HostConfig: {
      NetworkMode: 'bridge',
      ReadonlyRootfs: true,
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      PidsLimit: 256,
      Memory: 64 * 1024 * 1024,
      MemorySwap: 64 * 1024 * 1024,
      NanoCpus: 500_000_000,
      LogConfig: { Type: 'none', Config: {} },
      Privileged: false,
      AutoRemove: false,
    },
  };
}

/** The host's address on the engine's default bridge, where the proxy listens. */
async function bridgeGateway(docker: Docker): Promise<string> {
  let gateway: string | undefined;
  try {
    const info = await docker.getNetwork('bridge').inspect();
    const configs: { Gateway?: string; Subnet?: string }[] = info.IPAM?.Config ?? [];
    gateway = configs.map((c) => c.Gateway).find((g) => g && /^\d+\.\d+\.\d+\.\d+$/.test(g));
    // Older engines (20.10) leave the gateway out when they chose it themselves: the subnet's first address.
    gateway ??= configs.map((c) => firstHost(c.Subnet)).find((g) => g !== undefined);
  } catch (err) {
    throw explainDockerError(err);
  }
  if (!gateway) throw new SandboxError("The engine's default bridge network has no IPv4 gateway, so a run with network has no way out. Run without network.", 'sandbox error');
  return gateway;
}

/** "172.17.0.0/16" → "172.17.0.1", the address an engine gives its bridge when none is set. */
export function firstHost(subnet: string | undefined): string | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(subnet ?? '');
  if (!m || Number(m[5]) > 30) return undefined;
  const bits = Number(m[5]);
  const address = m.slice(1, 5).reduce((n, part) => n * 256 + Number(part), 0);
  const network = bits === 0 ? 0 : address - (address % 2 ** (32 - bits));
  const host = network + 1;
  return [24, 16, 8, 0].map((shift) => Math.floor(host / 2 ** shift) % 256).join('.');
}

async function ensureRelayImage(docker: Docker, onProgress: Progress): Promise<void> {
  if (await imageInfo(docker, RELAY_IMAGE)) return;
  onProgress(`Building the network relay image ${RELAY_IMAGE} (once) from the host's static busybox.`);
  await buildFromBusybox(docker, RELAY_IMAGE, onProgress);
}
