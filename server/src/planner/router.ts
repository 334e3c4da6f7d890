// Tries the language-model planners in the configured order, each with its
// timeout and circuit breaker, validating what they answer; the caller falls
// back to the embedded planner. Every skipped planner is reported with why.

import type { PlannerName, RetrievedExample } from '../protocol/types';
import type { CircuitBreaker } from './circuitBreaker';
import type { PlanContext } from './context';
import { BadAnswer, buildMessages, parseModelAnswer, repairMessage, type ChatMessage, type ModelPlan } from './llmPrompt';
import { ProviderError, type ModelProvider } from './providers';
import { isLoopback, redactSecrets } from './redact';
import { parseBash } from './shellSyntax';

export interface RoutedProvider {
  provider: ModelProvider;
  breaker: CircuitBreaker;
}

export interface RouteResult {
  answer?: { planner: 'ollama' | 'openai'; plan: ModelPlan; repaired: boolean };
  skipped: { planner: PlannerName; reason: string }[];
}

export async function routeToModels(
  order: PlannerName[],
  providers: Map<string, RoutedProvider>,
  input: { request: string; context: PlanContext; examples: RetrievedExample[] },
  options: { signal?: AbortSignal; onToken?: (text: string) => void },
): Promise<RouteResult> {
  const skipped: RouteResult['skipped'] = [];
  for (const name of order) {
    if (name === 'embedded') break;
    const routed = providers.get(name);
    if (!routed) continue;
    const { provider, breaker } = routed;
    const why = provider.notConfigured();
    if (why) {
      skipped.push({ planner: name, reason: why });
      continue;
    }
    if (!breaker.allow()) {
      skipped.push({ planner: name, reason: breaker.describe() });
      continue;
    }
    try {
      const plan = await askWithRepair(provider, input, options);
      breaker.success();
      return { answer: { planner: name, plan: plan.plan, repaired: plan.repaired }, skipped };
    } catch (err) {
      const e = err instanceof ProviderError ? err : new ProviderError('bad-answer', (err as Error).message);
      if (e.kind === 'cancelled' || options.signal?.aborted) {
        breaker.release();
        throw options.signal?.reason instanceof Error ? options.signal.reason : new Error('The request was cancelled.');
      }
      breaker.failure(e.message);
      skipped.push({ planner: name, reason: e.message });
    }
  }
  return { skipped };
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
