// The one place that knows how the planner keeps its circuit breakers, so
// the metrics need not: each model endpoint with its breaker's state. A
// planner exposing `breakerStates()` is read through it; otherwise the
// planner's map of routed providers (one breaker per provider) is read.

import type { CircuitState } from '../planner/circuitBreaker';
import type { PlannerStage } from '../stages';

export interface BreakerState {
  planner: string;
  endpoint: string;
  state: CircuitState;
}

interface Routed {
  provider: { endpoint: string; notConfigured(): string | undefined };
  breaker: { state: CircuitState };
}

export function breakerStates(planner: PlannerStage): BreakerState[] {
  const exposed = planner as PlannerStage & { breakerStates?: () => BreakerState[] };
  if (typeof exposed.breakerStates === 'function') return exposed.breakerStates();
  const providers = (planner as unknown as { providers?: unknown }).providers;
  if (!(providers instanceof Map)) return [];
  const out: BreakerState[] = [];
  for (const [name, routed] of providers as Map<string, Routed>) {
    // A provider that is not configured is never asked: it has no endpoint to watch.
    if (routed.provider.notConfigured()) continue;
    out.push({ planner: name, endpoint: routed.provider.endpoint, state: routed.breaker.state });
  }
  return out;
}
