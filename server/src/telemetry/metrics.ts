// Paladin's Prometheus metrics, in a registry of its own (never prom-client's
// global one, so two servers in one process never mix counts). Counters and
// histograms move as requests are served; gauges read the executor and the
// planner at scrape time. Labels never hold a user, a key or a command.

import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ModelUsage } from '../planner/modelUsage';
import type { PolicyDecision } from '../protocol/types';
import type { ExecutorStage, PlannerStage } from '../stages';
import { breakerStates } from './breakerStates';

const CIRCUIT_STATES = ['closed', 'half-open', 'open'] as const;

interface SandboxCounts {
  pool?: { counts(): { ready: number; warming: number } };
  queue?: { depth: { active: number; waiting: number } };
}

/** A planner that cannot say (one not loaded in this process) has no breakers to show. */
function readBreakers(planner: PlannerStage): ReturnType<typeof breakerStates> {
  try {
    return breakerStates(planner);
  } catch {
    return [];
  }
}

export class PaladinMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({ name: 'paladin_http_requests_total', help: 'HTTP API requests by endpoint (the route, not the path) and status.', labelNames: ['endpoint', 'method', 'status'], registers: [this.registry] });
  private readonly decisions = new Counter({ name: 'paladin_policy_decisions_total', help: 'Policy decisions by rule id (none: no rule fired) and decision.', labelNames: ['rule', 'decision'], registers: [this.registry] });
  private readonly planSeconds = new Histogram({ name: 'paladin_plan_duration_seconds', help: 'Time to plan a request, by the planner that answered.', labelNames: ['planner'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30], registers: [this.registry] });
  private readonly runSeconds = new Histogram({ name: 'paladin_run_duration_seconds', help: 'Time a sandbox run took from request to result (queue, start and run), by mode and how it ended.', labelNames: ['mode', 'end'], buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300], registers: [this.registry] });
  private readonly tokens = new Counter({ name: 'paladin_model_tokens_total', help: 'Language model tokens by model and kind (prompt or completion).', labelNames: ['model', 'kind'], registers: [this.registry] });

  constructor(sources: { planner?: PlannerStage; executor?: ExecutorStage } = {}) {
    const sandbox = sources.executor as (ExecutorStage & SandboxCounts) | undefined;
    new Gauge({
      name: 'paladin_sandbox_warm_containers', help: 'Sandbox containers started ahead and waiting for a run.', registers: [this.registry],
      collect() {
        const pool = sandbox?.pool;
        this.set(typeof pool?.counts === 'function' ? pool.counts().ready : 0);
      },
    });
    new Gauge({
      name: 'paladin_sandbox_runs', help: 'Sandbox runs by state: running, or queued waiting for a slot.', labelNames: ['state'], registers: [this.registry],
      collect() {
        const depth = typeof sandbox?.queue?.depth?.active === 'number' ? sandbox.queue.depth : { active: 0, waiting: 0 };
        this.set({ state: 'running' }, depth.active);
        this.set({ state: 'queued' }, depth.waiting);
      },
    });
    const planner = sources.planner;
    new Gauge({
      name: 'paladin_model_circuit_state', help: 'Circuit breaker of each model endpoint: 1 for its current state, 0 for the others.', labelNames: ['planner', 'endpoint', 'url', 'state'], registers: [this.registry],
      collect() {
        this.reset();
        for (const b of planner ? readBreakers(planner) : []) {
          for (const state of CIRCUIT_STATES) this.set({ planner: b.planner, endpoint: b.endpoint, url: b.url, state }, b.state === state ? 1 : 0);
        }
      },
    });
  }

  request(endpoint: string, method: string, status: number): void {
    this.requests.inc({ endpoint, method, status: String(status) });
  }

  decision(d: PolicyDecision): void {
    const rules = new Set(d.rules.map((r) => r.id));
    if (rules.size === 0) this.decisions.inc({ rule: 'none', decision: d.decision });
    for (const rule of rules) this.decisions.inc({ rule, decision: d.decision });
  }

  planned(planner: string, seconds: number): void {
    this.planSeconds.observe({ planner }, seconds);
  }

  ran(mode: string, end: string, seconds: number): void {
    this.runSeconds.observe({ mode, end }, seconds);
  }

  modelUsage(usage: ModelUsage[]): void {
    for (const u of usage) {
      this.tokens.inc({ model: u.model, kind: 'prompt' }, u.promptTokens);
      this.tokens.inc({ model: u.model, kind: 'completion' }, u.completionTokens);
    }
  }

  /** The exposition text and its content type. */
  async scrape(): Promise<{ text: string; contentType: string }> {
    return { text: await this.registry.metrics(), contentType: this.registry.contentType };
  }
}
