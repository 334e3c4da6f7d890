// Ollama through the `ollama` package: /api/chat streamed as NDJSON with a
// JSON schema as `format`, /api/embed for embeddings.

import { Ollama } from 'ollama';
import { l2normalise, type Embedder } from './embedder';
import type { ChatMessage } from './llmPrompt';
import { planSchema } from './llmPrompt';
import { probeOllama } from './healthProbe';
import { reportModelUsage } from './modelUsage';
import { deadline, networkFailure, ProviderError, type CompleteOptions, type ModelProvider } from './providers';

export interface OllamaOptions {
  url: string;
  model: string;
  timeoutMs: number;
}

/** A client whose requests honour `signal`, and whose non-JSON errors are made JSON (the package logs otherwise). */
function client(url: string, signal: AbortSignal): Ollama {
  const wrapped: typeof fetch = async (input, init) => {
    const response = await fetch(input, { ...init, signal });
    if (response.ok || response.headers.get('content-type')?.includes('application/json')) return response;
    const text = await response.text().catch(() => '');
    return new Response(JSON.stringify({ error: text.trim() || `HTTP ${response.status}` }), { status: response.status, headers: { 'content-type': 'application/json' } });
  };
  return new Ollama({ host: url, fetch: wrapped });
}

function failure(options: { url: string; model: string }, err: unknown, timedOut: boolean, callerAborted: boolean): ProviderError {
  if (err instanceof ProviderError) return err;
  if (timedOut) return new ProviderError('timeout', `Ollama at ${options.url} gave no complete answer in time.`);
  if (callerAborted) return new ProviderError('cancelled', 'The request was cancelled.');
  const e = err as { status_code?: number; message?: string; name?: string };
  if (e.name === 'ResponseError' || typeof e.status_code === 'number') {
    const status = e.status_code ?? 0;
    if (status === 404 && /model/i.test(e.message ?? '')) {
      return new ProviderError('model-not-found', `Ollama has no model "${options.model}" (${e.message}). Run \`ollama pull ${options.model}\` or set paladin.ollama.model to a model it has.`);
    }
    if (status === 429) return new ProviderError('rate-limited', `Ollama is busy (429): ${e.message}`);
    return new ProviderError('server', `Ollama answered ${status}: ${e.message}`);
  }
  if (e.name === 'AbortError') return new ProviderError('dropped', `Ollama at ${options.url} stopped answering.`);
  if (/model .* not found/i.test(e.message ?? '')) return new ProviderError('model-not-found', `Ollama has no model "${options.model}": ${e.message}`);
  return networkFailure('Ollama', options.url, err);
}

export class OllamaProvider implements ModelProvider {
  readonly name = 'ollama' as const;
  constructor(private readonly options: OllamaOptions) {}

  get endpoint(): string {
    return this.options.url;
  }

  get model(): string {
    return this.options.model;
  }

  notConfigured(): string | undefined {
    return this.options.model === '' ? 'no Ollama model is set (paladin.ollama.model)' : undefined;
  }

  probe(signal: AbortSignal): Promise<string> {
    return probeOllama(this.options.url, this.options.model, signal);
  }

  async complete(messages: ChatMessage[], options: CompleteOptions): Promise<string> {
    const d = deadline(options.signal, this.options.timeoutMs);
    const format = options.format === 'text' ? undefined : planSchema;
    try {
      const stream = await client(this.options.url, d.signal).chat({ model: this.options.model, messages, stream: true, format, options: { temperature: 0 } });
      let text = '';
      let done = false;
      for await (const part of stream) {
        if (part.message?.content) {
          text += part.message.content;
          options.onToken?.(part.message.content);
        }
        if (part.done) {
          done = true;
          reportModelUsage({ provider: 'ollama', model: this.options.model, promptTokens: part.prompt_eval_count, completionTokens: part.eval_count });
        }
      }
      if (!done) throw new ProviderError('dropped', `Ollama at ${this.options.url} ended its answer without finishing it.`);
      return text;
    } catch (err) {
      throw failure(this.options, err, d.timedOut(), options.signal.aborted);
    } finally {
      d.dispose();
    }
  }
}

/** Ollama's /api/embed, for retrieval when paladin.ollama.embedModel is set. */
export class OllamaEmbedder implements Embedder {
  readonly id: string;
  constructor(private readonly options: { url: string; model: string; timeoutMs: number }) {
    this.id = `ollama:${options.model}`;
  }

  async embed(texts: string[], signal?: AbortSignal): Promise<Float32Array[]> {
    const d = deadline(signal, this.options.timeoutMs);
    try {
      const response = await client(this.options.url, d.signal).embed({ model: this.options.model, input: texts });
      if (!Array.isArray(response.embeddings) || response.embeddings.length !== texts.length) {
        throw new ProviderError('bad-answer', `Ollama's /api/embed returned ${response.embeddings?.length ?? 0} vectors for ${texts.length} texts.`);
      }
      return response.embeddings.map((v) => l2normalise(Float32Array.from(v)));
    } catch (err) {
      throw failure(this.options, err, d.timedOut(), signal?.aborted ?? false);
    } finally {
      d.dispose();
    }
  }
}
