// The only way out of a sandbox granted network: an HTTP proxy in the server
// process (CONNECT for TLS, absolute-URI requests for plain HTTP). It checks
// each target against the run's allow-list, resolves names itself and
// connects to the address it checked (so a name cannot be re-pointed between
// the check and the connection), refuses names that lead into this machine's
// networks unless they are listed exactly, and logs every connection.

import * as dns from 'node:dns';
import * as http from 'node:http';
import * as net from 'node:net';
import type { NetworkConnection, NetworkReport } from '../protocol/types';
import { addressClass, formatHost, matchTarget, parseTarget, type HostPattern, type Target } from './hostAllowList';

export type Resolver = (host: string) => Promise<string[]>;

export const systemResolver: Resolver = async (host) => (await dns.promises.lookup(host, { all: true, verbatim: false })).map((a) => a.address);

export interface EgressProxyOptions {
  patterns: HostPattern[];
  /** Only connections from these addresses are served (the run's relay); empty: any. */
  peers?: string[];
  resolve?: Resolver;
  connectTimeoutMs?: number;
  /** Connections logged one by one; past it they are only counted. */
  maxLogged?: number;
  maxOpen?: number;
}

const HOP_HEADERS = new Set(['proxy-authorization', 'proxy-connection', 'connection', 'keep-alive', 'te', 'trailer', 'upgrade', 'transfer-encoding']);

export class EgressProxy {
  private readonly server: http.Server;
  private readonly log: NetworkConnection[] = [];
  private readonly refused = new Set<string>();
  private readonly open = new Set<net.Socket>();
  private unlogged = 0;
  private total = 0;
  private readonly resolve: Resolver;
  peers: string[];

  constructor(private readonly options: EgressProxyOptions) {
    this.resolve = options.resolve ?? systemResolver;
    this.peers = options.peers ?? [];
    this.server = http.createServer((req, res) => void this.forward(req, res));
    this.server.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => void this.tunnel(req, socket, head));
    this.server.on('connection', (socket: net.Socket) => {
      if (this.peers.length > 0 && !this.peers.includes(normalisePeer(socket.remoteAddress))) return void socket.destroy();
      if (this.open.size >= (options.maxOpen ?? 256)) return void socket.destroy();
      this.open.add(socket);
      socket.on('close', () => this.open.delete(socket));
    });
    this.server.on('clientError', (_err, socket) => socket.destroy());
  }

  /** Listens on `host` (a port the system picks); returns the port. */
  listen(host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, host, () => resolve((this.server.address() as net.AddressInfo).port));
    });
  }

  /** What the run reached and what it was refused, in the order it asked. */
  report(): NetworkReport {
    return {
      allow: this.options.patterns.map((p) => p.entry),
      connections: this.log.map((c) => ({ ...c })),
      refused: [...this.refused],
      ...(this.unlogged > 0 ? { unlogged: this.unlogged } : {}),
      total: this.total,
    };
  }

  async close(): Promise<void> {
    for (const s of this.open) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Decides one target: allowed (with the address to connect to) or refused with a reason. */
  async decide(target: Target): Promise<{ address: string } | { reason: string }> {
    const verdict = matchTarget(target, this.options.patterns);
    if (!verdict.allowed || !verdict.pattern) return { reason: verdict.reason ?? 'not allowed' };
    if (target.kind !== 'name') return { address: target.host }; // an address listed as itself
    let addresses: string[];
    try {
      addresses = await this.resolve(target.host);
    } catch (err) {
      return { reason: `${target.host} does not resolve (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
    }
    if (addresses.length === 0) return { reason: `${target.host} does not resolve` };
    const classes = addresses.map(addressClass);
    if (classes.includes('link-local')) return { reason: `${target.host} resolves to a link-local address (where cloud metadata lives); list the address itself to reach it` };
    if (classes.includes('private') && verdict.pattern.wildcard) {
      return { reason: `${target.host} resolves to an address of this machine or its networks; a wildcard entry only reaches public addresses (list ${target.host} exactly)` };
    }
    return { address: addresses[0] };
  }

  private entry(target: Target | undefined, raw: string, method: NetworkConnection['method']): NetworkConnection {
    this.total++;
    const entry: NetworkConnection = {
      host: target ? formatHost(target) : raw.slice(0, 300),
      port: target?.port ?? 0,
      method,
      allowed: false,
      bytesOut: 0,
      bytesIn: 0,
      startedAt: new Date().toISOString(),
      ms: 0,
    };
    if (this.log.length < (this.options.maxLogged ?? 500)) this.log.push(entry);
    else this.unlogged++;
    return entry;
  }

  private refuse(entry: NetworkConnection, reason: string): void {
    entry.reason = reason;
    this.refused.add(entry.port ? `${entry.host}:${entry.port}` : entry.host);
  }

  private async tunnel(req: http.IncomingMessage, socket: net.Socket, head: Buffer): Promise<void> {
    const started = performance.now();
    let target: Target | undefined;
    let parseError: string | undefined;
    try {
      target = parseTarget(req.url ?? '');
    } catch (err) {
      parseError = (err as Error).message;
    }
    const entry = this.entry(target, req.url ?? '', 'CONNECT');
    const decision = target ? await this.decide(target) : { reason: parseError ?? 'bad target' };
    if ('reason' in decision) {
      this.refuse(entry, decision.reason);
      socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nPaladin refused ${entry.host}: ${decision.reason}\n`);
      return;
    }
    const upstream = net.connect({ host: decision.address, port: entry.port });
    entry.address = decision.address;
    const timer = setTimeout(() => upstream.destroy(new Error('connect timed out')), this.options.connectTimeoutMs ?? 10_000);
    const done = () => {
      clearTimeout(timer);
      entry.ms = Math.round(performance.now() - started);
      socket.destroy();
      upstream.destroy();
    };
    upstream.once('connect', () => {
      clearTimeout(timer);
      entry.allowed = true;
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      entry.bytesOut += head.length;
      socket.on('data', (d: Buffer) => (entry.bytesOut += d.length));
      upstream.on('data', (d: Buffer) => (entry.bytesIn += d.length));
      socket.pipe(upstream);
      upstream.pipe(socket);
    });
    upstream.once('error', (err) => {
      if (!entry.allowed) {
        entry.reason = `could not connect: ${err.message}`;
        socket.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\n\r\n');
      }
      done();
    });
    upstream.once('close', done);
    socket.once('error', done);
    socket.once('close', done);
  }

  private async forward(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = performance.now();
    let url: URL | undefined;
    let target: Target | undefined;
    let problem: string | undefined;
    try {
      url = new URL(req.url ?? '');
      if (url.protocol !== 'http:') throw new Error(`a proxy forwards plain http:// here (use CONNECT for ${url.protocol})`);
      if (url.username || url.password) throw new Error('it holds user information');
      target = parseTarget(url.host, 80);
    } catch (err) {
      problem = (err as Error).message;
    }
    const entry = this.entry(target, req.url ?? '', 'HTTP');
    const decision = target ? await this.decide(target) : { reason: problem ?? 'bad target' };
    if ('reason' in decision || !url) {
      this.refuse(entry, 'reason' in decision ? decision.reason : 'bad target');
      res.writeHead(403, { 'content-type': 'text/plain', connection: 'close' }).end(`Paladin refused ${entry.host}: ${entry.reason}\n`);
      return;
    }
    entry.address = decision.address;
    const headers: http.OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(req.headers)) if (!HOP_HEADERS.has(k) && v !== undefined) headers[k] = v;
    headers.connection = 'close';
    // The host checked is the host asked for: a different Host header would reach another site behind the same server (domain fronting).
    headers.host = url.host;
    const upstream = http.request({ host: decision.address, port: entry.port, method: req.method, path: url.pathname + url.search, headers, setHost: false, timeout: this.options.connectTimeoutMs ?? 10_000 });
    const finish = () => (entry.ms = Math.round(performance.now() - started));
    upstream.on('response', (up) => {
      entry.allowed = true;
      res.writeHead(up.statusCode ?? 502, up.statusMessage, stripHop(up.headers));
      up.on('data', (d: Buffer) => (entry.bytesIn += d.length));
      up.pipe(res);
      up.on('end', finish);
    });
    upstream.on('timeout', () => upstream.destroy(new Error('timed out')));
    upstream.on('error', (err) => {
      entry.reason ??= `could not connect: ${err.message}`;
      finish();
      if (!res.headersSent) res.writeHead(502, { connection: 'close' });
      res.end();
    });
    req.on('data', (d: Buffer) => (entry.bytesOut += d.length));
    req.pipe(upstream);
  }
}

function stripHop(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(headers)) if (!HOP_HEADERS.has(k) && v !== undefined) out[k] = v;
  return out;
}

function normalisePeer(address: string | undefined): string {
  return (address ?? '').replace(/^::ffff:/, '');
}
