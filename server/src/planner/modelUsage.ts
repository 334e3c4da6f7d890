// The tokens a language model spent on a request, as its server reported them
// (Ollama: prompt_eval_count and eval_count; OpenAI: usage). A provider
// reports each answer here; whoever serves the request collects what was
// reported while it ran, so the planner needs to know nothing about users,
// keys, prices or metrics.

import { AsyncLocalStorage } from 'node:async_hooks';

export interface ModelUsage {
  provider: 'ollama' | 'openai';
  model: string;
  promptTokens: number;
  completionTokens: number;
}

const collecting = new AsyncLocalStorage<ModelUsage[]>();

/** Runs `fn`, and hands every usage reported while it ran (also when it failed) to `onDone`. */
export async function collectModelUsage<T>(fn: () => Promise<T>, onDone: (usage: ModelUsage[]) => Promise<void> | void): Promise<T> {
  const usage: ModelUsage[] = [];
  try {
    return await collecting.run(usage, fn);
  } finally {
    if (usage.length > 0) await onDone(usage);
  }
}

/** Called by a provider when an answer is complete; a count the server left out is 0. */
export function reportModelUsage(usage: ModelUsage): void {
  const into = collecting.getStore();
  if (!into) return;
  into.push({ ...usage, promptTokens: tokens(usage.promptTokens), completionTokens: tokens(usage.completionTokens) });
}

function tokens(n: unknown): number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}
