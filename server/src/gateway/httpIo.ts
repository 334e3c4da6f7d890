// The HTTP API's plumbing: reading a JSON body within its limit, writing a
// JSON answer, mapping errors to statuses, and taking over a stale socket.

import * as fs from 'node:fs';
import type * as http from 'node:http';
import * as net from 'node:net';
import { RequestError } from '../kernel';
import { HttpError } from './httpError';
import { storeUnavailable } from './probes';

export function describeError(err: unknown): { status: number; code: string; message: string; extra: Record<string, unknown>; headers: Record<string, string> } {
  if (err instanceof HttpError) return { status: err.status, code: err.code, message: err.message, extra: err.extra, headers: err.headers };
  if (err instanceof RequestError) {
    const policy = (err as RequestError & { policy?: unknown }).policy;
    const status = { invalid: 400, denied: 403, 'needs-approval': 409, untrusted: 403, unavailable: 503, forbidden: 403 }[err.code];
    return { status, code: err.code, message: err.message, extra: policy ? { policy } : {}, headers: {} };
  }
  if ((err as { code?: string })?.code === 'SQLITE_BUSY') {
    return { status: 503, code: 'unavailable', message: 'The Paladin database stayed busy for 5 s (other processes are writing); try again.', extra: {}, headers: { 'Retry-After': '1' } };
  }
  const unavailable = storeUnavailable(err);
  if (unavailable) return { status: 503, code: 'unavailable', message: unavailable, extra: {}, headers: { 'Retry-After': '2' } };
  if ((err as Error)?.name === 'AbortError') return { status: 499, code: 'cancelled', message: 'The client went away.', extra: {}, headers: {} };
  return { status: 500, code: 'internal', message: `Paladin failed: ${(err as Error)?.message ?? String(err)}`, extra: {}, headers: {} };
}

export function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}

export async function readJson(req: http.IncomingMessage, limit: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) throw new HttpError(413, 'too-large', `The body is ${declared} bytes; the limit is ${limit} (paladin.api.maxBodyBytes).`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, 'too-large', `The body is over ${limit} bytes (paladin.api.maxBodyBytes).`);
    chunks.push(chunk);
  }
  if (size === 0) return {};
  if (type !== 'application/json') throw new HttpError(415, 'unsupported-media-type', `Send the body as JSON with "Content-Type: application/json" (got ${JSON.stringify(type || 'none')}).`);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch (err) {
    throw new HttpError(400, 'invalid', `The body is not valid JSON: ${(err as Error).message}.`);
  }
}

export async function removeStaleSocket(file: string): Promise<void> {
  if (!fs.existsSync(file)) return;
  if (!fs.statSync(file).isSocket()) throw new Error(`${file} exists and is not a socket; choose another --socket path.`);
  const inUse = await new Promise<boolean>((resolve) => {
    const probe = net.connect(file, () => {
      probe.destroy();
      resolve(true);
    });
    probe.on('error', () => resolve(false));
  });
  if (inUse) throw new Error(`Another server is listening on ${file}.`);
  fs.unlinkSync(file);
}
