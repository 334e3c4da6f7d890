// The endpoints of one kind (every Ollama host, or every OpenAI-compatible
// endpoint) and the order a request tries them in: least loaded first.
//
// Ranking, most important first:
//   1. a circuit that lets requests through (closed, or half-open with its
//      one trial free); an open circuit is not tried at all;
//   2. up (by its last probe or answer) before down (a down host with a closed
//      circuit is still tried, last: one failed probe may be a blip);
//   3. fewer requests in flight;
//   4. lower recent answer time, when the two differ by more than a tenth;
//   5. round robin, so equal endpoints share the work.

import type { ModelEndpoint } from './modelEndpoint';

/** Answer times within this share of each other count as equal. */
const LATENCY_TOLERANCE = 0.1;

export class EndpointPool {
  private turn = 0;

  constructor(readonly endpoints: readonly ModelEndpoint[]) {}

  /** The endpoints that are configured (a model, a key); the others are never tried. */
  configured(): ModelEndpoint[] {
    return this.endpoints.filter((e) => e.provider.notConfigured() === undefined);
  }

  /** Configured endpoints whose circuit lets a request through now, best first. */
  ranked(): ModelEndpoint[] {
    const usable = this.configured().filter((e) => e.breaker.available());
    if (usable.length < 2) return usable;
    // Rotating the start before a stable sort breaks remaining ties in turn.
    const start = this.turn++ % usable.length;
    const rotated = [...usable.slice(start), ...usable.slice(0, start)];
    return rotated.sort(compareLoad);
  }
}

export function compareLoad(a: ModelEndpoint, b: ModelEndpoint): number {
  const down = Number(a.up === false) - Number(b.up === false);
  if (down !== 0) return down;
  if (a.inFlight !== b.inFlight) return a.inFlight - b.inFlight;
  const slower = Math.max(a.latencyMs, b.latencyMs);
  if (slower > 0 && Math.abs(a.latencyMs - b.latencyMs) > LATENCY_TOLERANCE * slower) return a.latencyMs - b.latencyMs;
  return 0;
}
