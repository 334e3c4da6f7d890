// A small HTTP client for a team server's API. It logs in once with the API
// key (POST /v1/sessions) and uses the session token after that, logging in
// again when the session ended. Every failure becomes a TeamServerError whose
// message says what happened and what to do; the key never appears in one.

import { RequestError } from '../kernel';
import type { RequestErrorCode } from '../protocol/errors';
import type { TeamServerStatus } from '../protocol/types';

export type TeamState = TeamServerStatus['state'];

export class TeamServerError extends RequestError {
  override name = 'TeamServerError';
  constructor(
    message: string,
    readonly state: TeamState,
    code: RequestErrorCode = 'unavailable',
    readonly status?: number,
    readonly body?: unknown,
  ) {
    super(message, code);
  }
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS|ERR_SSL|EPROTO/;
const NO_FALLBACK = 'Paladin does not fall back to this machine\'s policies while a team server is set';

export interface TeamClientOptions {
  url: string;
  host: string;
  apiKey?: string;
  /** Longest wait for one answer. */
  timeoutMs?: number;
}

export class TeamClient {
  private token: string | undefined;
  private login: Promise<string> | undefined;
  private state: TeamState | undefined;
  private readonly listeners = new Set<(state: TeamState) => void>();

  constructor(readonly options: TeamClientOptions) {}

  /** Called when requests start failing for a new reason, or work again: the status bar follows at once. */
  onStateChange(listener: (state: TeamState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private note(state: TeamState): void {
    if (state === this.state) return;
    const had = this.state !== undefined;
    this.state = state;
    if (had) for (const listener of this.listeners) listener(state);
  }

  get url(): string {
    return this.options.url;
  }

  /** GET /v1/health: is the server there, and which version answers. */
  async health(signal?: AbortSignal): Promise<{ status: string; version?: string }> {
    return (await this.send('GET', '/v1/health', undefined, undefined, signal)) as { status: string; version?: string };
  }

  /** A request with the session token; one new login when the session has ended. */
  async call<T>(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    try {
      const answer = await this.attempt<T>(method, path, body, signal);
      this.note('connected');
      return answer;
    } catch (err) {
      if (err instanceof TeamServerError) this.note(err.state);
      throw err;
    }
  }

  private async attempt<T>(method: 'GET' | 'POST', path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    const token = await this.session(signal);
    try {
      return (await this.send(method, path, body, token, signal)) as T;
    } catch (err) {
      if (!(err instanceof TeamServerError) || err.status !== 401) throw err;
      if (this.token === token) this.token = undefined;
      return (await this.send(method, path, body, await this.session(signal), signal)) as T;
    }
  }

  private session(signal?: AbortSignal): Promise<string> {
    const key = this.options.apiKey;
    if (!key) {
      return Promise.reject(new TeamServerError(`No key for the team server ${this.options.host} is set: run "Paladin: Set Team Server Key" with a key from its admin (paladin keys create NAME --user EMAIL), or clear "paladin.server.url" to work locally. ${NO_FALLBACK}.`, 'no key', 'forbidden'));
    }
    if (this.token) return Promise.resolve(this.token);
    this.login ??= this.send('POST', '/v1/sessions', {}, key, signal)
      .then((r) => (this.token = (r as { token: string }).token))
      .finally(() => (this.login = undefined));
    return this.login;
  }

  private async send(method: string, path: string, body: unknown, bearer: string | undefined, signal?: AbortSignal): Promise<unknown> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 60_000);
    let res: Response;
    try {
      res = await fetch(this.options.url + path, {
        method,
        headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), 'user-agent': 'paladin-editor' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        redirect: 'error',
      });
    } catch (err) {
      if (signal?.aborted) throw err;
      throw this.unreachable(err as Error, timeout.aborted);
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (res.ok && json !== undefined) return json;
    throw this.refused(res.status, json, text, path);
  }

  private unreachable(err: Error, timedOut: boolean): TeamServerError {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const code = cause?.code ?? (err as { code?: string }).code ?? '';
    const host = this.options.host;
    if (timedOut) return new TeamServerError(`The team server ${host} did not answer within ${((this.options.timeoutMs ?? 60_000) / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s. ${NO_FALLBACK}: try again, ask its admin whether it is up, or clear "paladin.server.url" to work locally.`, 'unreachable');
    if (TLS_CODES.test(code)) {
      return new TeamServerError(`The team server ${host} failed the TLS check (${code}: ${cause?.message ?? err.message}). Nothing was sent. If the organisation uses its own certificate authority, give its certificate to the editor's environment with NODE_EXTRA_CA_CERTS=/path/ca.pem and restart; check that "paladin.server.url" names the host on the certificate.`, 'tls');
    }
    const why = code === 'ECONNREFUSED' ? 'connection refused' : code === 'ENOTFOUND' ? 'no such host' : code || cause?.message || err.message;
    return new TeamServerError(`The team server ${host} is unreachable (${why}). ${NO_FALLBACK}: start it or check "paladin.server.url" (see "Paladin: Show Status"), or clear the setting to work locally.`, 'unreachable');
  }

  private refused(status: number, json: unknown, text: string, path: string): TeamServerError {
    const error = (json as { error?: { code?: string; message?: string; policy?: unknown } } | undefined)?.error;
    const said = error?.message ?? (text.trim().slice(0, 200) || `HTTP ${status}`);
    const host = this.options.host;
    if (status === 401) {
      return new TeamServerError(`The team server ${host} refused the key (401: ${said}). Set a current key with "Paladin: Set Team Server Key" (ask its admin for one: paladin keys create NAME --user EMAIL).`, 'unauthorized', 'forbidden', 401);
    }
    if (status === 404 && error?.code === 'not-found') {
      return new TeamServerError(`The team server ${host} has no ${path}: it is older than this editor's Paladin. Ask its admin to update it. ${NO_FALLBACK}.`, 'refused', 'unavailable', 404);
    }
    const code: RequestErrorCode = status === 403 ? (error?.code === 'denied' ? 'denied' : 'forbidden') : status === 409 ? 'needs-approval' : status === 400 ? 'invalid' : 'unavailable';
    const state: TeamState = status >= 500 ? 'error' : 'connected';
    const err = new TeamServerError(`The team server ${host} answered ${status}: ${said}`, state, code, status, json);
    return error?.policy ? Object.assign(err, { policy: error.policy }) : err;
  }
}
