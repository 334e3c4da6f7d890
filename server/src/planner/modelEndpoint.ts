// One model endpoint (an Ollama host, or an OpenAI-compatible base URL with
// its model and key) and what routing knows about it: its circuit breaker,
// the requests in flight, a moving average of how long it takes to answer,
// and its last health probe.

import type { CircuitBreaker, CircuitState } from './circuitBreaker';
import type { ModelProvider } from './providers';

export type EndpointKind = 'ollama' | 'openai';

/**
 * What one endpoint looks like now. This is the whole interface a reader of
 * per-endpoint figures (a status command, a metrics exporter) needs:
 * `Planner.endpointStates()` returns one per configured endpoint, cheaply and
 * without network, so it can be read on every scrape.
 */
export interface EndpointState {
  /** Unique among the endpoints: `ollama`, `ollama-2`, … or the name configured for it. */
  name: string;
  kind: EndpointKind;
  url: string;
  model: string;
  /** Why it cannot be used at all (no model, no key); absent when configured. */
  notConfigured?: string;
  breaker: CircuitState;
  /** The last probe's verdict (a good answer also counts as up): true up, false down, undefined not known yet. */
  up?: boolean;
  /** Requests sent to it and not yet finished. */
  inFlight: number;
  /** Moving average of its answer time, in ms (0 before its first answer). */
  latencyMs: number;
  /** Requests finished: answered, and failed (cancelled ones are neither). */
  requests: number;
  failures: number;
  /** Streamed answer pieces received (models stream about one token a piece). */
  tokens: number;
  lastProbe?: { at: string; ok: boolean; ms: number; detail: string };
}

/** Weight of the newest answer time in the moving average. */
const LATENCY_WEIGHT = 0.3;

export class ModelEndpoint {
  inFlight = 0;
  latencyMs = 0;
  requests = 0;
  failures = 0;
  tokens = 0;
  up: boolean | undefined;
  lastProbe: EndpointState['lastProbe'];

  constructor(
    readonly name: string,
    readonly provider: ModelProvider,
    readonly breaker: CircuitBreaker,
    private readonly now: () => number = Date.now,
  ) {}

  get kind(): EndpointKind {
    return this.provider.name;
  }

  /** Count a request in flight until the returned function is called with how it ended. */
  begin(): (outcome: 'ok' | 'failed' | 'cancelled') => void {
    const started = this.now();
    this.inFlight++;
    let done = false;
    return (outcome) => {
      if (done) return;
      done = true;
      this.inFlight--;
      if (outcome === 'cancelled') return;
      this.requests++;
      if (outcome === 'failed') {
        this.failures++;
        return;
      }
      // A real answer is better evidence than the last probe.
      this.up = true;
      const ms = Math.max(0, this.now() - started);
      this.latencyMs = this.latencyMs === 0 ? ms : Math.round((1 - LATENCY_WEIGHT) * this.latencyMs + LATENCY_WEIGHT * ms);
    };
  }

  /** Record a health probe's result and feed it to the breaker (a failure only when `countsAsFailure`). */
  probed(ok: boolean, ms: number, detail: string, countsAsFailure = true): void {
    this.up = ok;
    this.lastProbe = { at: new Date(this.now()).toISOString(), ok, ms, detail };
    if (ok) this.breaker.probeSucceeded();
    else if (countsAsFailure) this.breaker.failure(`health probe: ${detail}`);
  }

  state(): EndpointState {
    const why = this.provider.notConfigured();
    return {
      name: this.name,
      kind: this.kind,
      url: this.provider.endpoint,
      model: this.provider.model,
      ...(why ? { notConfigured: why } : {}),
      breaker: this.breaker.state,
      ...(this.up === undefined ? {} : { up: this.up }),
      inFlight: this.inFlight,
      latencyMs: this.latencyMs,
      requests: this.requests,
      failures: this.failures,
      tokens: this.tokens,
      ...(this.lastProbe ? { lastProbe: { ...this.lastProbe } } : {}),
    };
  }
}
