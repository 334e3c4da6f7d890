// Who may read GET /metrics. The figures name no user, key or command, but
// they do tell how a service is used and which model endpoints fail, so:
//   - the scrape token (PALADIN_METRICS_TOKEN, held in memory only, compared
//     as a SHA-256 in constant time), for a Prometheus server;
//   - or the API key (or session) of an admin;
//   - or nothing at all, only on a server that listens on loopback (or a
//     unix socket) with no reverse proxy in front, from a loopback peer:
//     every process on the machine can reach such a server anyway.

import { createHash, timingSafeEqual } from 'node:crypto';
import type * as http from 'node:http';
import { authenticate } from '../gateway/apiKeys';
import { isLoopback, type Exposure } from '../gateway/exposure';
import type { Db } from '../store/database';
import { sqlStoreOf, type SqlStore } from '../store/sqlStore';

export type MetricsAccess = { ok: true; who: 'token' | 'admin' | 'loopback' } | { ok: false; status: 401 | 403; reason: string };

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** The scrape token from the environment; a short one is refused so that it cannot be guessed. */
export function scrapeTokenHash(env: NodeJS.ProcessEnv = process.env): Buffer | undefined {
  const token = env.PALADIN_METRICS_TOKEN?.trim();
  if (!token) return undefined;
  if (token.length < 32) throw new Error('PALADIN_METRICS_TOKEN is shorter than 32 characters; make a long random one, e.g. `openssl rand -hex 32`.');
  return sha256(token);
}

export async function metricsAccess(
  req: http.IncomingMessage,
  server: { store: Db | SqlStore; exposure?: Exposure; socket: boolean; tokenHash?: Buffer },
): Promise<MetricsAccess> {
  const header = req.headers.authorization;
  const presented = header && /^bearer\s+/i.test(header) ? header.replace(/^bearer\s+/i, '').trim() : undefined;
  if (!presented) {
    const loopbackServer = server.socket || !server.exposure || (!server.exposure.exposed && server.exposure.trustedProxies.length === 0);
    if (loopbackServer && (server.socket || isLoopback(peer(req.socket.remoteAddress)))) return { ok: true, who: 'loopback' };
    return { ok: false, status: 401, reason: 'Reading /metrics on a server reachable from the network needs "Authorization: Bearer <token>" with the scrape token (PALADIN_METRICS_TOKEN) or an admin\'s API key.' };
  }
  if (server.tokenHash && timingSafeEqual(sha256(presented), server.tokenHash)) return { ok: true, who: 'token' };
  const store = sqlStoreOf(server.store);
  const auth = await authenticate(store, presented);
  if (!auth.ok) return { ok: false, status: 401, reason: `${auth.reason} /metrics takes the scrape token (PALADIN_METRICS_TOKEN) or an admin's API key.` };
  const user = await store.get<{ role: string }>('SELECT role FROM users WHERE id = ?', [auth.userId]);
  if (user?.role === 'admin' || user?.role === 'owner') return { ok: true, who: 'admin' };
  return { ok: false, status: 403, reason: 'Only an admin\'s API key (or the scrape token, PALADIN_METRICS_TOKEN) may read /metrics; this key belongs to a member.' };
}

function peer(address: string | undefined): string {
  return (address ?? '').replace(/^::ffff:/, '');
}
