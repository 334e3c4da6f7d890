// Every handler answers failures in words a person can act on. A RequestError
// keeps its kind (denied, needs-approval, untrusted, ...) and the policy
// decision that caused it, so the editor can show the risk card.

import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { RequestError } from '../kernel';
import type { ErrorData } from '../protocol/errors';

export type { ErrorData } from '../protocol/errors';

export function toResponseError(err: unknown, what: string, log: (message: string) => void): ResponseError<ErrorData> {
  if (err instanceof ResponseError) return err as ResponseError<ErrorData>;
  if (err instanceof RequestError) {
    return new ResponseError<ErrorData>(ErrorCodes.InvalidParams, err.message, { kind: err.code, policy: (err as { policy?: unknown }).policy });
  }
  const e = err as Error;
  if (e?.name === 'AbortError') return new ResponseError<ErrorData>(LSPErrorCodes.RequestCancelled, `${what} was cancelled.`, { kind: 'cancelled' });
  log(`${what} failed: ${e?.stack ?? String(err)}`);
  return new ResponseError<ErrorData>(ErrorCodes.InternalError, `${what} failed: ${e?.message ?? String(err)}`, { kind: 'internal' });
}

/** Wraps a handler so a throw becomes an error response and never reaches the connection. */
export function guarded<P, R>(what: string, log: (m: string) => void, handler: (params: P, signal: AbortSignal) => Promise<R>) {
  return async (params: P, token?: { isCancellationRequested: boolean; onCancellationRequested(cb: () => void): unknown }): Promise<R | ResponseError<ErrorData>> => {
    const controller = new AbortController();
    if (token) {
      if (token.isCancellationRequested) controller.abort();
      token.onCancellationRequested(() => controller.abort());
    }
    try {
      return await handler(params, controller.signal);
    } catch (err) {
      return toResponseError(err, what, log);
    }
  };
}
