// Background health probes of the model endpoints: a cheap GET that needs no
// model time (Ollama `GET /api/tags`, OpenAI-compatible `GET /models`), whose
// answer marks an endpoint up or down and feeds its circuit breaker. Probes
// run on a timer that never keeps the process alive, one at a time per
// endpoint, and only for endpoints that are configured.

import type { ModelEndpoint } from './modelEndpoint';

/** The longest a probe waits for its answer. */
export const PROBE_TIMEOUT_MS = 5_000;

/**
 * The host answers but cannot serve (its model is not there): it is marked
 * down and ranked last, but its breaker is left to the requests, whose 404
 * says what to pull. An unreachable or failing host counts against it.
 */
export class ModelMissing extends Error {
  override name = 'ModelMissing';
}

/** Ollama is up when /api/tags answers and lists the model (`name` or `name:latest`). */
export async function probeOllama(url: string, model: string, signal: AbortSignal): Promise<string> {
  const response = await fetch(`${url.replace(/\/+$/, '')}/api/tags`, { signal });
  if (!response.ok) throw new Error(`GET /api/tags answered ${response.status}`);
  const body = (await response.json()) as { models?: { name?: string; model?: string }[] };
  const names = [...new Set((body.models ?? []).map((m) => m.name ?? m.model).filter((n): n is string => typeof n === 'string'))];
  const has = names.some((n) => n === model || n === `${model}:latest` || `${n}:latest` === model);
  if (!has) throw new ModelMissing(`the model "${model}" is not on this host (run \`ollama pull ${model}\` there)`);
  return `${names.length} model(s), ${model} among them`;
}

/** An OpenAI-compatible endpoint is up when GET {baseUrl}/models answers 200 to its key. */
export async function probeOpenAi(baseUrl: string, apiKey: string, signal: AbortSignal): Promise<string> {
  const response = await fetch(`${baseUrl.replace(/\/+$/, '')}/models`, { headers: { authorization: `Bearer ${apiKey}` }, signal });
  if (response.status === 401 || response.status === 403) throw new Error(`GET /models refused the API key (${response.status})`);
  if (!response.ok) throw new Error(`GET /models answered ${response.status}`);
  await response.body?.cancel();
  return 'models listed';
}

export class HealthProber {
  private timer?: NodeJS.Timeout;
  private readonly running = new Set<ModelEndpoint>();
  private readonly stopped = new AbortController();

  constructor(private readonly endpoints: () => ModelEndpoint[]) {}

  /** Probe every `intervalMs` from now on (the first round after one interval); 0 leaves probes off. */
  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.probeAll(), intervalMs);
    this.timer.unref();
  }

  /** One round now: every configured endpoint not already being probed. */
  async probeAll(): Promise<void> {
    await Promise.all(this.endpoints().map((e) => this.probeOne(e)));
  }

  private async probeOne(endpoint: ModelEndpoint): Promise<void> {
    if (this.running.has(endpoint) || !endpoint.provider.probe || endpoint.provider.notConfigured() !== undefined) return;
    this.running.add(endpoint);
    const started = performance.now();
    const signal = AbortSignal.any([this.stopped.signal, AbortSignal.timeout(PROBE_TIMEOUT_MS)]);
    try {
      const detail = await endpoint.provider.probe(signal);
      if (!this.stopped.signal.aborted) endpoint.probed(true, Math.round(performance.now() - started), detail);
    } catch (err) {
      if (!this.stopped.signal.aborted) endpoint.probed(false, Math.round(performance.now() - started), probeError(err, signal), !(err instanceof ModelMissing));
    } finally {
      this.running.delete(endpoint);
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.stopped.abort();
  }
}

function probeError(err: unknown, signal: AbortSignal): string {
  if (signal.aborted) return `no answer within ${PROBE_TIMEOUT_MS} ms`;
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  if (e.cause?.code) return `not reachable (${e.cause.code})`;
  return e.message ?? String(err);
}
