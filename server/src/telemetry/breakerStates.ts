// The one place that knows how the planner reports its circuit breakers, so
// the metrics need not: each configured model endpoint with its breaker's
// state, read through the planner's `endpointStates()` (a planner without it,
// such as one not loaded in this process, has none to show).

import type { CircuitState } from '../planner/circuitBreaker';
import type { EndpointState } from '../planner/modelEndpoint';
import type { PlannerStage } from '../stages';

export interface BreakerState {
  /** ollama or openai. */
  planner: string;
  /** The endpoint's unique name (`ollama`, `ollama-2`, or the configured one). */
  endpoint: string;
  url: string;
  state: CircuitState;
}

export function breakerStates(planner: PlannerStage): BreakerState[] {
  const states = (planner as PlannerStage & { endpointStates?: () => EndpointState[] }).endpointStates;
  if (typeof states !== 'function') return [];
  // An endpoint that is not configured is never asked: there is nothing to watch.
  return states.call(planner).filter((e) => !e.notConfigured).map((e) => ({ planner: e.kind, endpoint: e.name, url: e.url, state: e.breaker }));
}
