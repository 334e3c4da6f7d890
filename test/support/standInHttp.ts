// Shared plumbing of the stand-in model servers: an HTTP server on
// 127.0.0.1:0 that records every request and can be closed with its
// connections (so a test never waits on a half-open socket).

import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/** How a stand-in misbehaves for one answer. All optional. */
export interface Misbehaviour {
  /** Wait this long before answering at all (headers included). */
  delayMs?: number;
  /** Wait this long between streamed chunks. */
  chunkDelayMs?: number;
  /** Destroy the connection after this many streamed chunks. */
  dropAfterChunks?: number;
}

export interface StandIn {
  /** Base URL (Ollama: http://127.0.0.1:PORT; OpenAI: http://127.0.0.1:PORT/v1). */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export type Handler = (req: http.IncomingMessage, body: unknown, res: http.ServerResponse) => Promise<void>;

export async function serve(handler: Handler, basePath = ''): Promise<StandIn> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // keep the raw text
      }
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      handler(req, body, res).catch((err: Error) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: `stand-in failed: ${err.message}` }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Write `pieces` one by one, honouring chunk delays and a mid-stream drop. Returns false if dropped. */
export async function streamPieces(res: http.ServerResponse, pieces: string[], m: Misbehaviour): Promise<boolean> {
  for (let i = 0; i < pieces.length; i++) {
    if (m.dropAfterChunks !== undefined && i >= m.dropAfterChunks) {
      res.socket?.destroy();
      return false;
    }
    res.write(pieces[i]);
    if (m.chunkDelayMs) await wait(m.chunkDelayMs);
  }
  return true;
}

/** Split an answer into a few token-like pieces, as models stream them. */
export function tokenise(text: string): string[] {
  return text.match(/.{1,12}/gs) ?? [''];
}
