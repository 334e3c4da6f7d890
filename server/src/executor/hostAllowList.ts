// Which hosts a sandbox with network may reach. A target (what a program
// asked its proxy for) and the patterns (what a person listed) are read the
// same way, the way a URL parser reads a host: case folded, IDNA names to
// their ASCII form, numeric IPv4 spellings (2130706433, 0x7f.1) to dotted
// quads, one trailing dot dropped. Whatever does not read cleanly is refused.

import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { RequestError } from '../kernel';

/** The hosts a run with network reaches when nothing else is listed: package registries and source downloads. */
export const DEFAULT_ALLOWED_HOSTS: readonly string[] = [
  'registry.npmjs.org',
  'registry.yarnpkg.com',
  'pypi.org',
  'files.pythonhosted.org',
  'crates.io',
  'static.crates.io',
  'index.crates.io',
  'proxy.golang.org',
  'sum.golang.org',
  'deb.debian.org',
  'security.debian.org',
  'github.com',
  'codeload.github.com',
  'objects.githubusercontent.com',
];

/** Ports a listed host is reached on when its entry names none. */
export const DEFAULT_PORTS: readonly number[] = [80, 443];

export type HostKind = 'name' | 'ipv4' | 'ipv6';

export interface Target {
  /** Canonical host: lower-case ASCII name, dotted IPv4, or IPv6 without brackets. */
  host: string;
  kind: HostKind;
  port: number;
}

export interface HostPattern {
  /** The entry as written. */
  entry: string;
  host: string;
  kind: HostKind;
  /** `*.suffix`: any name below `host`, never `host` itself. */
  wildcard: boolean;
  /** Undefined: 80 and 443. */
  port?: number;
}

export interface Verdict {
  allowed: boolean;
  /** The entry that let it through. */
  pattern?: HostPattern;
  reason?: string;
}

/** Reads `host`, `host:port`, `[v6]:port` as a program's CONNECT line or Host header gives it. */
export function parseTarget(authority: string, defaultPort?: number): Target {
  const { host, port } = splitAuthority(authority.trim(), defaultPort);
  if (port === undefined) throw new Error(`"${authority}" names no port.`);
  return { ...canonicalHost(host), port };
}

/** Reads one allow-list entry; throws a sentence saying what a good entry looks like. */
export function parsePattern(entry: string): HostPattern {
  const text = String(entry).trim();
  const example = 'use a host name (registry.npmjs.org), *.suffix (*.githubusercontent.com), an IP address, optionally with :port';
  if (!text) throw new RequestError(`An empty allow-list entry: ${example}.`);
  const wildcard = text.startsWith('*.');
  const read = readEntry(wildcard ? text.slice(2) : text);
  if (typeof read === 'string') throw new RequestError(`Allow-list entry "${text}": ${read} (${example}).`);
  const { parts, host } = read;
  if (wildcard && host.kind !== 'name') throw new RequestError(`Allow-list entry "${text}": a wildcard only stands before a name (${example}).`);
  if (wildcard && !host.host.includes('.')) throw new RequestError(`Allow-list entry "${text}" would allow a whole top-level domain; name a longer suffix.`);
  return { entry: text, host: host.host, kind: host.kind, wildcard, ...(parts.port !== undefined ? { port: parts.port } : {}) };
}

/** An entry's host and port, or why it cannot be read. */
function readEntry(text: string): { parts: { host: string; port?: number }; host: { host: string; kind: HostKind } } | string {
  try {
    const parts = splitAuthority(text);
    return { parts, host: canonicalHost(parts.host) };
  } catch (err) {
    return (err as Error).message;
  }
}

/** Every entry read, or the first bad one's error. */
export function parsePatterns(entries: readonly string[]): HostPattern[] {
  return entries.map(parsePattern);
}

/** A run's allow-list: the configured hosts and the run's own; a bad entry is refused with what a good one looks like. */
export function runAllowList(configured: readonly string[], params: { network?: boolean; allowHosts?: unknown }): HostPattern[] {
  const extra = params.allowHosts;
  if (extra !== undefined && (!Array.isArray(extra) || !extra.every((h) => typeof h === 'string'))) throw new RequestError('allowHosts must be a list of host names.');
  if (extra?.length && params.network !== true) throw new RequestError('Hosts to allow were given for a run without network: grant network too (--network), or leave them out.');
  return parsePatterns([...configured, ...((extra as string[] | undefined) ?? [])]);
}

/** Whether `target` is on the list; an exact entry wins over a wildcard. */
export function matchTarget(target: Target, patterns: readonly HostPattern[]): Verdict {
  const portOk = (p: HostPattern) => (p.port === undefined ? DEFAULT_PORTS.includes(target.port) : p.port === target.port);
  const named = patterns.filter((p) => (p.wildcard ? target.kind === 'name' && target.host.endsWith('.' + p.host) : p.host === target.host));
  const exact = named.find((p) => !p.wildcard && portOk(p)) ?? named.find(portOk);
  if (exact) return { allowed: true, pattern: exact };
  if (named.length > 0) return { allowed: false, reason: `port ${target.port} is not allowed for ${target.host} (ports ${DEFAULT_PORTS.join(' and ')}, or list ${formatHost(target)}:${target.port})` };
  if (target.kind !== 'name') return { allowed: false, reason: `${target.host} is an IP address; only names are reached unless the address itself is listed` };
  return { allowed: false, reason: `${target.host} is not on the allow-list (paladin.sandbox.network.allow, or --allow-host for one run)` };
}

/** `host` or `[v6]` for messages and logs. */
export function formatHost(t: { host: string; kind: HostKind }): string {
  return t.kind === 'ipv6' ? `[${t.host}]` : t.host;
}

function splitAuthority(text: string, defaultPort?: number): { host: string; port?: number } {
  if (text.includes('@')) throw new Error('it holds user information (an "@")');
  let host: string;
  let portText: string | undefined;
  if (text.startsWith('[')) {
    const end = text.indexOf(']');
    if (end < 0) throw new Error('an IPv6 address without its closing "]"');
    host = text.slice(0, end + 1);
    const rest = text.slice(end + 1);
    if (rest && !rest.startsWith(':')) throw new Error('text after an IPv6 address');
    portText = rest ? rest.slice(1) : undefined;
  } else {
    const colons = text.split(':').length - 1;
    if (colons > 1) throw new Error('an IPv6 address must stand in brackets');
    [host, portText] = colons === 1 ? text.split(':') : [text, undefined];
  }
  if (portText === undefined) return { host, port: defaultPort };
  if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65_535) throw new Error(`"${portText}" is not a port from 1 to 65535`);
  return { host, port: Number(portText) };
}

function canonicalHost(raw: string): { host: string; kind: HostKind } {
  if (!raw) throw new Error('no host');
  // Characters a URL parser would decode or drop are refused rather than read two ways.
  if (/[\s%@/\\?#*!$&'()+,;=<>"`{}|^~]/u.test(raw) || [...raw].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) throw new Error(`"${raw}" is not a host name`);
  let parsed: string;
  try {
    parsed = new URL(`http://${raw}/`).hostname;
  } catch {
    throw new Error(`"${raw}" is not a host name`);
  }
  if (parsed.startsWith('[')) {
    const v6 = parsed.slice(1, -1);
    if (!isIPv6(v6)) throw new Error(`"${raw}" is not an IPv6 address`);
    return { host: v6, kind: 'ipv6' };
  }
  const host = parsed.endsWith('.') ? parsed.slice(0, -1) : parsed;
  if (isIPv4(host)) return { host, kind: 'ipv4' };
  if (host.length > 253 || !/^[a-z0-9_](?:[a-z0-9_-]{0,62})(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62}))*$/.test(host)) throw new Error(`"${raw}" is not a host name`);
  return { host, kind: 'name' };
}

const nonPublic = new BlockList();
const linkLocal = new BlockList();
for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 3]] as const) {
  nonPublic.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96], ['100::', 64]] as const) nonPublic.addSubnet(net, bits, 'ipv6');
linkLocal.addSubnet('169.254.0.0', 16, 'ipv4');
linkLocal.addSubnet('fe80::', 10, 'ipv6');

export type AddressClass = 'public' | 'private' | 'link-local';

/** Where an address points: the internet, this machine or its networks, or link-local (cloud metadata lives there). */
export function addressClass(address: string): AddressClass {
  const type = isIPv6(address) ? 'ipv6' : 'ipv4';
  if (linkLocal.check(address, type)) return 'link-local';
  if (nonPublic.check(address, type)) return 'private';
  return 'public';
}
