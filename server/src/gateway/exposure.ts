// Where the API may listen. Loopback is the default and needs nothing more.
// Any other address carries API keys over a network, so it is allowed only
// with TLS (certificate and key files) or behind a reverse proxy named as
// trusted; then only that proxy may connect over plain HTTP, and only its
// X-Forwarded-For is believed.

import * as fs from 'node:fs';
import * as net from 'node:net';

export interface Exposure {
  host: string;
  /** True when the address is not a loopback one. */
  exposed: boolean;
  tls?: { cert: Buffer; key: Buffer };
  /** Peer addresses whose X-Forwarded-For is believed (and, without TLS, the only peers served). */
  trustedProxies: string[];
}

export class ExposureError extends Error {
  override name = 'ExposureError';
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || (net.isIPv4(h) && h.startsWith('127.'));
}

/** Normalise an IPv4-mapped IPv6 peer (::ffff:10.0.0.1) to its IPv4 form. */
export function peerAddress(address: string | undefined): string {
  return (address ?? '').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
}

export function resolveExposure(options: { host?: string; tlsCert?: string; tlsKey?: string; trustedProxies?: string[] }): Exposure {
  const host = options.host?.trim() || '127.0.0.1';
  if (!net.isIP(host.replace(/^\[|\]$/g, '')) && host !== 'localhost') throw new ExposureError(`--host must be an IP address to listen on (e.g. 0.0.0.0 or 10.0.0.5), not "${host}".`);
  const trustedProxies = (options.trustedProxies ?? []).map((p) => p.trim()).filter(Boolean);
  for (const p of trustedProxies) if (!net.isIP(p)) throw new ExposureError(`--trusted-proxy takes IP addresses (the proxy's address as this server sees it), not "${p}".`);
  if (!!options.tlsCert !== !!options.tlsKey) throw new ExposureError('TLS needs both --tls-cert FILE and --tls-key FILE.');
  let tls: Exposure['tls'];
  if (options.tlsCert && options.tlsKey) tls = { cert: readPem(options.tlsCert, 'certificate'), key: readPem(options.tlsKey, 'private key') };
  const exposed = !isLoopback(host);
  if (exposed && !tls && trustedProxies.length === 0) {
    throw new ExposureError(`Listening on ${host} would send API keys over the network in clear: give --tls-cert FILE and --tls-key FILE, or --trusted-proxy ADDR for the reverse proxy that terminates TLS in front of this server.`);
  }
  return { host, exposed, tls, trustedProxies };
}

function readPem(file: string, what: string): Buffer {
  let text: Buffer;
  try {
    text = fs.readFileSync(file);
  } catch (err) {
    throw new ExposureError(`Cannot read the TLS ${what} ${file}: ${(err as Error).message}`);
  }
  if (!text.includes('-----BEGIN ')) throw new ExposureError(`The TLS ${what} ${file} is not a PEM file.`);
  return text;
}

/**
 * Who the client is: the peer itself, or, when the peer is a trusted proxy,
 * the address the proxy appended last to X-Forwarded-For. `undefined`: this
 * peer may not be served (plain HTTP on an exposed address from anyone but a
 * trusted proxy).
 */
export function clientAddress(exposure: Exposure | undefined, peer: string | undefined, forwarded: string | string[] | undefined): string | undefined {
  const address = peerAddress(peer);
  if (!exposure) return address || undefined;
  const trusted = exposure.trustedProxies.includes(address);
  if (exposure.exposed && !exposure.tls && !trusted) return undefined;
  if (!trusted) return address;
  const list = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').map((s) => s.trim()).filter(Boolean);
  const last = list[list.length - 1];
  return last && net.isIP(last) ? last : address;
}
