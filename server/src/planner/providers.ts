// What the router needs from a language-model provider, and the ways a
// provider can fail, each with words a person can act on.

import type { ChatMessage } from './llmPrompt';

export type FailureKind = 'unreachable' | 'timeout' | 'model-not-found' | 'rate-limited' | 'auth' | 'server' | 'bad-answer' | 'dropped' | 'cancelled';

export class ProviderError extends Error {
  override name = 'ProviderError';
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export interface ModelProvider {
  readonly name: 'ollama' | 'openai';
  /** Base URL requests go to; decides whether prompts are redacted. */
  readonly endpoint: string;
  /** Why this provider cannot be used at all (no model, no key); undefined when configured. */
  notConfigured(): string | undefined;
  /** The model that answers, for saying who wrote a text. */
  readonly model: string;
  /**
   * The model's whole answer text; tokens stream through onToken as they come.
   * `format`: 'plan' (default) constrains the answer to the plan's JSON schema; 'text' asks for plain text.
   */
  complete(messages: ChatMessage[], options: CompleteOptions): Promise<string>;
  /** A cheap health check that uses no model time: resolves with a line of detail, or throws why it is down. */
  probe?(signal: AbortSignal): Promise<string>;
}

export interface CompleteOptions {
  signal: AbortSignal;
  onToken?: (text: string) => void;
  format?: 'plan' | 'text';
}

/** One signal that fires on the caller's abort or after `timeoutMs`, and tells which. */
export function deadline(signal: AbortSignal | undefined, timeoutMs: number): { signal: AbortSignal; timedOut: () => boolean; dispose: () => void } {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`no answer within ${timeoutMs} ms`));
  }, timeoutMs);
  const onAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

/** Network-level failures (refused, reset, DNS) as a ProviderError. */
export function networkFailure(provider: string, endpoint: string, err: unknown): ProviderError {
  const e = err as { code?: string; cause?: { code?: string; message?: string }; message?: string };
  const code = e.cause?.code ?? e.code ?? '';
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EHOSTUNREACH') {
    return new ProviderError('unreachable', `${provider} is not reachable at ${endpoint} (${code}).`);
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || /terminated|socket|closed|premature/i.test(`${e.message} ${e.cause?.message ?? ''}`)) {
    return new ProviderError('dropped', `${provider} dropped the connection at ${endpoint} before finishing its answer.`);
  }
  return new ProviderError('unreachable', `${provider} at ${endpoint} failed: ${e.cause?.message ?? e.message ?? String(err)}`);
}
