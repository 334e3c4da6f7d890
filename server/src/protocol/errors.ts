// The data of every error response a front sends (the language server's
// `ResponseError.data`), shared so the client reads it with the same type.

/** Why a request could not be served as asked. */
export type RequestErrorCode = 'invalid' | 'denied' | 'needs-approval' | 'untrusted' | 'unavailable' | 'forbidden';

/** `data` of every Paladin error response. */
export interface ErrorData {
  kind: RequestErrorCode | 'cancelled' | 'internal';
  /** The policy decision behind a denial or a needed approval, for the risk card. */
  policy?: unknown;
}
