// Tries the language-model planners in the configured order; within a kind
// (every Ollama host, every OpenAI-compatible endpoint) the least-loaded
// endpoint first, then the others, each with its timeout and circuit breaker,
// validating what they answer; the caller falls back to the embedded planner.
// Every skipped endpoint is reported with why.

import type { PlannerName, PlanResult, RetrievedExample } from '../protocol/types';
import type { PlanContext } from './context';
import type { EndpointPool } from './endpointPool';
import { BadAnswer, buildMessages, parseModelAnswer, repairMessage, type ChatMessage, type ModelPlan } from './llmPrompt';
import type { EndpointKind, ModelEndpoint } from './modelEndpoint';
import { ProviderError, type ModelProvider } from './providers';
import { isLoopback, redactSecrets } from './redact';
import { parseBash } from './shellSyntax';

export type Pools = ReadonlyMap<EndpointKind, EndpointPool>;

export interface RouteResult {
  answer?: { planner: EndpointKind; endpoint: string; plan: ModelPlan; repaired: boolean };
  /** Why each planner or endpoint was passed over; `endpoint` when it was tried and failed or its circuit is open. */
  skipped: PlanResult['skipped'];
}

type RouteOptions = { signal?: AbortSignal; onToken?: (text: string) => void };

export async function routeToModels(
  order: PlannerName[],
  pools: Pools,
  input: { request: string; context: PlanContext; examples: RetrievedExample[] },
  options: RouteOptions,
): Promise<RouteResult> {
  const skipped: RouteResult['skipped'] = [];
  for (const kind of order) {
    if (kind === 'embedded') break;
    const pool = pools.get(kind);
    if (!pool) continue;
    const say = (e: ModelEndpoint, reason: string, failed = true) =>
      skipped.push({ planner: kind, reason: pool.endpoints.length > 1 ? `${e.name} (${e.provider.endpoint}): ${reason}` : reason, ...(failed ? { endpoint: e.name } : {}) });
    for (const e of pool.endpoints) {
      const why = e.provider.notConfigured();
      if (why) say(e, why, false);
    }
    const tried = new Set<ModelEndpoint>();
    for (const endpoint of pool.ranked()) {
      if (!endpoint.breaker.allow()) continue;
      tried.add(endpoint);
      const outcome = await askEndpoint(endpoint, input, options);
      if ('plan' in outcome) return { answer: { planner: kind, endpoint: endpoint.name, ...outcome }, skipped };
      say(endpoint, outcome.failed);
    }
    for (const e of pool.configured()) if (!tried.has(e)) say(e, e.breaker.describe());
  }
  return { skipped };
}

/** One endpoint's answer, or why it failed; counted in flight and fed to its breaker. Cancellation throws. */
async function askEndpoint(
  endpoint: ModelEndpoint,
  input: { request: string; context: PlanContext; examples: RetrievedExample[] },
  options: RouteOptions,
): Promise<{ plan: ModelPlan; repaired: boolean } | { failed: string }> {
  const { breaker } = endpoint;
  const done = endpoint.begin();
  const onToken = (text: string) => {
    endpoint.tokens++;
    options.onToken?.(text);
  };
  try {
    const plan = await askWithRepair(endpoint.provider, input, { signal: options.signal, onToken });
    breaker.success();
    done('ok');
    return plan;
  } catch (err) {
    const e = err instanceof ProviderError ? err : new ProviderError('bad-answer', (err as Error).message);
    if (e.kind === 'cancelled' || options.signal?.aborted) {
      breaker.release();
      done('cancelled');
      throw options.signal?.reason instanceof Error ? options.signal.reason : new Error('The request was cancelled.');
    }
    breaker.failure(e.message);
    done('failed');
    return { failed: e.message };
  }
}

async function askWithRepair(
  provider: ModelProvider,
  input: { request: string; context: PlanContext; examples: RetrievedExample[] },
  options: { signal?: AbortSignal; onToken?: (text: string) => void },
): Promise<{ plan: ModelPlan; repaired: boolean }> {
  const remote = !isLoopback(provider.endpoint);
  const clean = (m: ChatMessage): ChatMessage => (remote ? { ...m, content: redactSecrets(m.content) } : m);
  const messages = buildMessages(input.request, input.context, input.examples).map(clean);
  const signal = options.signal ?? new AbortController().signal;
  const first = await provider.complete(messages, { signal, onToken: options.onToken });
  const plan = readAnswer(provider, first);
  const parsed = await parseBash(plan.command);
  if (parsed.ok) return { plan, repaired: false };
  // One more chance, told what was wrong; then the caller falls back.
  const retry = [...messages, { role: 'assistant' as const, content: first }, clean(repairMessage(plan.command, parsed.error ?? 'syntax error'))];
  const second = readAnswer(provider, await provider.complete(retry, { signal, onToken: options.onToken }));
  const again = await parseBash(second.command);
  if (!again.ok) throw new ProviderError('bad-answer', `${provider.name} twice answered a command that does not parse as bash (${again.error}).`);
  return { plan: second, repaired: true };
}

function readAnswer(provider: ModelProvider, text: string): ModelPlan {
  try {
    return parseModelAnswer(text);
  } catch (err) {
    if (err instanceof BadAnswer) throw new ProviderError('bad-answer', `${provider.name} gave an unusable answer: ${err.message}.`);
    throw err;
  }
}
