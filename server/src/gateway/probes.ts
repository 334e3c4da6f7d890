// What a load balancer asks: /healthz (liveness: the process answers) and
// /readyz (readiness: the database answers, the policy is loaded, and the
// server is not draining). Both come before the Host guard, since a balancer
// addresses an instance by its own address, and both disclose nothing.

import type * as http from 'node:http';
import type { Db } from '../store/database';
import { sqlStoreOf, type SqlStore } from '../store/sqlStore';

export interface ProbeState {
  draining: boolean;
  store: Db | SqlStore;
  policyVersion: () => string | undefined;
}

const PING_TIMEOUT_MS = 2_000;

export async function probe(path: '/healthz' | '/readyz', res: http.ServerResponse, state: ProbeState): Promise<void> {
  if (path === '/healthz') return send(res, 200, { status: 'ok' });
  const problems: string[] = [];
  if (state.draining) problems.push('draining: this instance is shutting down');
  try {
    await withTimeout(sqlStoreOf(state.store).ping(), PING_TIMEOUT_MS);
  } catch (err) {
    problems.push(`database unreachable: ${(err as Error).message}`);
  }
  let policy: string | undefined;
  try {
    policy = state.policyVersion();
  } catch {
    policy = undefined;
  }
  if (!policy) problems.push('policy not loaded');
  return send(res, problems.length ? 503 : 200, problems.length ? { status: 'unavailable', problems } : { status: 'ready', policy });
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

/** A message for a client when `err` means the shared database cannot be reached (then the answer is 503), else undefined. */
export function storeUnavailable(err: unknown): string | undefined {
  const code = (err as { code?: string })?.code ?? '';
  const message = (err as Error)?.message ?? '';
  // Connection refused or reset, server shutting down (57P*), connection failures (08*), pool timeouts.
  if (/^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|57P0[123]|08\d\d\d)$/.test(code) || /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message)) {
    return `The shared database cannot be reached (${message || code}); try again shortly.`;
  }
  return undefined;
}
