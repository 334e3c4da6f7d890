// `paladin serve`: the local HTTP API, on 127.0.0.1 or a unix socket only.

import { once } from 'node:events';
import { createApiServer } from '../../gateway/httpApi';
import { openTeamStore } from '../../gateway/teamStore';
import { ExposureError, resolveExposure } from '../../gateway/exposure';
import { teamPaladin } from '../../composeTeam';
import { instrument } from '../../telemetry';
import { Exit, UsageError, type Subcommand } from '../command';

const help = `Usage: paladin serve [--port P] [--socket PATH] [--json]
                     [--host ADDR (--tls-cert FILE --tls-key FILE | --trusted-proxy ADDR,...)]

Serves Paladin's HTTP API until Ctrl-C (or SIGTERM). It listens on 127.0.0.1
only (or on a unix socket, made readable by you only) and refuses requests
whose Host or Origin header is not this server's own loopback address.
Clients authenticate with an API key (paladin keys create NAME) sent as
"Authorization: Bearer <key>". GET /v1/openapi.json describes every endpoint;
GET /healthz and /readyz answer a load balancer, GET /metrics a Prometheus
server (with PALADIN_METRICS_TOKEN or an admin's key; docs/user/team.md);
with paladin.telemetry.otlpEndpoint (or OTEL_EXPORTER_OTLP_ENDPOINT) set,
traces go to that OpenTelemetry collector. With PALADIN_DATABASE_URL set,
keys, sessions, quotas, the audit chain, the plan cache and the retrieval
store are shared with every other instance on that PostgreSQL database
(docs/user/team.md). On SIGTERM it stops
taking requests and finishes those under way before it exits.

Options:
  --port P       TCP port on 127.0.0.1 (default paladin.api.port, 7787; 0 picks a free one)
  --socket PATH  listen on a unix socket instead of TCP
  --host ADDR    listen on this address instead of 127.0.0.1; any address
                 but loopback needs TLS or a trusted proxy:
  --tls-cert FILE, --tls-key FILE  serve HTTPS with this PEM certificate and key
  --trusted-proxy ADDR,...  the reverse proxies in front of this server: only
                 they may connect over plain HTTP, and only their
                 X-Forwarded-For names the client
  --json         print where it listens as JSON ({"url": ...} or {"socket": ...})
`;

export const serveCommand: Subcommand = {
  name: 'serve',
  summary: 'serve the local HTTP API (127.0.0.1 or a unix socket)',
  help,
  options: {
    json: { type: 'boolean' }, port: { type: 'string' }, socket: { type: 'string' },
    host: { type: 'string' }, 'tls-cert': { type: 'string' }, 'tls-key': { type: 'string' }, 'trusted-proxy': { type: 'string' },
  },
  async run(ctx, { values, positionals }) {
    if (positionals.length > 0) throw new UsageError(`unexpected arguments: ${positionals.join(' ')}`);
    let port = ctx.settings.api.port;
    if (typeof values.port === 'string') {
      port = Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
    }
    if (typeof values.socket === 'string' && typeof values.port === 'string') throw new UsageError('give --port or --socket, not both');
    const network = ['host', 'tls-cert', 'tls-key', 'trusted-proxy'].filter((o) => typeof values[o as keyof typeof values] === 'string');
    if (typeof values.socket === 'string' && network.length) throw new UsageError(`--socket listens on a file; --${network[0]} is for TCP`);
    let exposure;
    try {
      exposure = network.length
        ? resolveExposure({ host: values.host as string | undefined, tlsCert: values['tls-cert'] as string | undefined, tlsKey: values['tls-key'] as string | undefined, trustedProxies: (values['trusted-proxy'] as string | undefined)?.split(',') })
        : undefined;
    } catch (err) {
      if (err instanceof ExposureError) throw new UsageError(err.message);
      throw err;
    }
    const local = await ctx.paladin();
    const team = await openTeamStore(ctx.settings);
    // In team mode the one records stage keeps its audit log on the shared chain.
    const composed = team ? await teamPaladin(local, team) : local;
    let instrumented;
    try {
      instrumented = await instrument(composed);
    } catch (err) {
      await team?.close();
      throw new UsageError((err as Error).message);
    }
    const { paladin, telemetry } = instrumented;
    const server = createApiServer({ paladin, team, exposure, telemetry, port, socket: typeof values.socket === 'string' ? values.socket : undefined });
    let where: { url?: string; socket?: string };
    try {
      where = await server.listen();
    } catch (err) {
      await team?.close();
      ctx.err.write(`paladin serve: cannot listen: ${(err as Error).message}${(err as NodeJS.ErrnoException).code === 'EADDRINUSE' ? ' (another program uses that port: pick one with --port)' : ''}\n`);
      return Exit.failure;
    }
    if (values.json) ctx.out.write(JSON.stringify(where) + '\n');
    else ctx.out.write(`Paladin API listening on ${where.url ?? `unix:${where.socket}`} (Ctrl-C to stop)\n`);
    const terminated = once(process, 'SIGTERM').then(() => 'drain' as const);
    const how = await Promise.race([ctx.signal.aborted ? Promise.resolve('stop' as const) : once(ctx.signal, 'abort').then(() => 'stop' as const), terminated]);
    if (how === 'drain') await server.drain();
    else await server.close();
    // The last spans go out before the process ends.
    await telemetry.shutdown().catch((err: Error) => ctx.err.write(`paladin serve: traces could not be sent: ${err.message}\n`));
    await team?.close();
    return Exit.ok;
  },
};
