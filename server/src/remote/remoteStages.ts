// The stages a team server serves, behind the same contracts as the local
// ones: the policy check, the planner and the explainer each become one API
// request. The local workspace's path means nothing on the server's machine,
// so it is never sent: the server judges paths against its own folder (a path
// outside it is judged as outside, the stricter reading).

import type { ExplainResult, PlanResult, PolicyDecision } from '../protocol/types';
import type { ExplainerStage, PlannerStage, PolicyStage, TeamLink } from '../stages';
import type { TeamClient } from './teamClient';
import { TeamServerError } from './teamClient';

/** Every verdict comes from the team server; unreachable means no verdict, and no verdict means nothing runs. */
export class RemotePolicyStage implements PolicyStage {
  constructor(private readonly client: TeamClient) {}

  get version(): string {
    return `team:${this.client.url}`;
  }

  async check(command: string, options: { facts?: boolean } = {}): Promise<PolicyDecision> {
    const decision = await this.client.call<PolicyDecision>('POST', '/v1/check', { command, ...(options.facts ? { facts: true } : {}) });
    return verdictOf(decision, this.client.url);
  }

  async reload(): Promise<void> {
    throw new TeamServerError(`The team server ${this.client.options.host} decides with the organisation's policies; a rule added on this machine would not apply. Ask its admin to add the rule there.`, 'connected', 'invalid');
  }
}

/** Plans come from the team server; summaries of local output stay with this machine's models. */
export class RemotePlannerStage implements PlannerStage {
  constructor(
    private readonly client: TeamClient,
    private readonly local: PlannerStage,
  ) {}

  async plan(params: Parameters<PlannerStage['plan']>[0], options: Parameters<PlannerStage['plan']>[1]): Promise<PlanResult> {
    const body = { request: params.request, ...(params.planner ? { planner: params.planner } : {}), ...(params.count ? { count: params.count } : {}), ...(params.refine ? { refine: params.refine.request } : {}) };
    const plan = await this.client.call<PlanResult>('POST', '/v1/plan', body, options.signal);
    if (typeof plan?.command !== 'string') throw new TeamServerError(`The team server ${this.client.options.host} answered a plan without a command.`, 'error');
    verdictOf(plan.policy, this.client.url);
    return plan;
  }

  learn(): void {
    // The team server learns from what it plans; local runs stay local.
  }

  describe(): ReturnType<PlannerStage['describe']> {
    return { active: this.local.describe().active, detail: `the team server ${this.client.options.host} plans` };
  }

  summarise(output: string, options: { command: string; signal?: AbortSignal }): ReturnType<NonNullable<PlannerStage['summarise']>> {
    return this.local.summarise ? this.local.summarise(output, options) : Promise.resolve(undefined);
  }

  dispose(): void {
    this.local.dispose();
  }
}

/** Explanations with the team server's verdict, in one request; hovers stay offline. */
export class RemoteExplainerStage implements ExplainerStage {
  readonly judges = true;

  constructor(
    private readonly client: TeamClient,
    readonly offline: ExplainerStage,
  ) {}

  async explain(command: string, options: { signal?: AbortSignal } = {}): Promise<ExplainResult> {
    const result = await this.client.call<ExplainResult>('POST', '/v1/explain', { command }, options.signal);
    if (!Array.isArray(result?.parts)) throw new TeamServerError(`The team server ${this.client.options.host} answered an explanation without parts.`, 'error');
    verdictOf(result.policy, this.client.url);
    return result;
  }
}

/** A verdict that is not one of allow/ask/deny is no verdict: refused, never read as allow. */
function verdictOf(decision: PolicyDecision | undefined, url: string): PolicyDecision {
  if (!decision || !['allow', 'ask', 'deny'].includes(decision.decision) || !Array.isArray(decision.rules)) {
    throw new TeamServerError(`The team server ${url} answered without a policy decision; nothing is run on an unknown verdict.`, 'error');
  }
  return decision;
}

/** The team server's records and health, as the language server reads them. */
export function teamLink(client: TeamClient): TeamLink {
  const { url, host } = client.options;
  return {
    url,
    host,
    history: async (filter, signal) => {
      const q = new URLSearchParams({ limit: String(filter.limit) });
      if (filter.search) q.set('search', filter.search);
      if (filter.status) q.set('status', filter.status);
      return (await client.call<{ entries: unknown[] }>('GET', `/v1/history?${q}`, undefined, signal)).entries;
    },
    verifyAudit: (signal) => client.call('GET', '/v1/audit/verify', undefined, signal),
    onStateChange: (listener) => client.onStateChange(() => listener()),
    status: async (signal) => {
      try {
        const { version } = await client.health(signal);
        // A cheap authenticated read (no quota, no record) proves the key.
        await client.call('GET', '/v1/history?limit=1', undefined, signal);
        return { url, host, state: 'connected', detail: `The team server ${host} answers (version ${version ?? 'unknown'}); its policies and records apply.`, version };
      } catch (err) {
        const state = err instanceof TeamServerError ? err.state : 'error';
        return { url, host, state: state === 'connected' ? 'error' : state, detail: (err as Error).message };
      }
    },
  };
}
