// Any OpenAI-compatible endpoint through the `openai` package: chat
// completions streamed as server-sent events, structured output by JSON
// schema. The key comes from the editor's SecretStorage or OPENAI_API_KEY and
// is only ever held in memory.

import OpenAI from 'openai';
import type { ChatMessage } from './llmPrompt';
import { planSchema } from './llmPrompt';
import { probeOpenAi } from './healthProbe';
import { reportModelUsage } from './modelUsage';
import { deadline, networkFailure, ProviderError, type CompleteOptions, type ModelProvider } from './providers';

export interface OpenAiOptions {
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** The environment variable this endpoint's key comes from, when not the OpenAI key. */
  keyEnv?: string;
  timeoutMs: number;
}

export class OpenAiProvider implements ModelProvider {
  readonly name = 'openai' as const;
  constructor(private readonly options: OpenAiOptions) {}

  get endpoint(): string {
    return this.options.baseUrl;
  }

  get model(): string {
    return this.options.model;
  }

  notConfigured(): string | undefined {
    if (!this.options.apiKey && this.options.keyEnv) return `no API key for ${this.options.baseUrl} (set the environment variable ${this.options.keyEnv})`;
    if (!this.options.apiKey) return 'no OpenAI API key (set OPENAI_API_KEY, or store one with the "Paladin: Set OpenAI API Key" command)';
    if (!this.options.model) return 'no OpenAI model is set (paladin.openai.model)';
    return undefined;
  }

  probe(signal: AbortSignal): Promise<string> {
    return probeOpenAi(this.options.baseUrl, this.options.apiKey ?? '', signal);
  }

  async complete(messages: ChatMessage[], options: CompleteOptions): Promise<string> {
    const d = deadline(options.signal, this.options.timeoutMs);
    // The package's own retries would hide 429s and double the wait; the router decides.
    const client = new OpenAI({ apiKey: this.options.apiKey, baseURL: this.options.baseUrl, maxRetries: 0, timeout: this.options.timeoutMs });
    try {
      const stream = await client.chat.completions.create(
        {
          model: this.options.model,
          messages,
          stream: true,
          // The last chunk then carries the tokens the answer cost.
          stream_options: { include_usage: true },
          temperature: 0,
          ...(options.format === 'text' ? {} : { response_format: { type: 'json_schema' as const, json_schema: { name: 'plan', schema: planSchema as unknown as Record<string, unknown>, strict: true } } }),
        },
        { signal: d.signal },
      );
      let text = '';
      let finished = false;
      for await (const chunk of stream) {
        const choice = chunk.choices?.[0];
        const piece = choice?.delta?.content;
        if (piece) {
          text += piece;
          options.onToken?.(piece);
        }
        if (choice?.finish_reason) finished = true;
        if (chunk.usage) reportModelUsage({ provider: 'openai', model: this.options.model, promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens });
      }
      if (!finished) throw new ProviderError('dropped', `The OpenAI endpoint ${this.options.baseUrl} ended its answer without finishing it.`);
      return text;
    } catch (err) {
      throw this.failure(err, d.timedOut(), options.signal.aborted);
    } finally {
      d.dispose();
    }
  }

  private failure(err: unknown, timedOut: boolean, callerAborted: boolean): ProviderError {
    if (err instanceof ProviderError) return err;
    if (timedOut || err instanceof OpenAI.APIConnectionTimeoutError) return new ProviderError('timeout', `The OpenAI endpoint ${this.options.baseUrl} gave no complete answer in time.`);
    if (callerAborted || err instanceof OpenAI.APIUserAbortError) return new ProviderError('cancelled', 'The request was cancelled.');
    if (err instanceof OpenAI.APIError && typeof err.status === 'number') {
      const detail = err.message.replace(/^\d+\s*/, '');
      if (err.status === 401 || err.status === 403) return new ProviderError('auth', `The OpenAI endpoint refused the API key (${err.status}): ${detail}. Check OPENAI_API_KEY or the key stored in the editor.`);
      if (err.status === 429) {
        const retry = Number(err.headers?.get('retry-after'));
        return new ProviderError('rate-limited', `The OpenAI endpoint is rate limiting (429)${Number.isFinite(retry) ? `; retry after ${retry} s` : ''}: ${detail}`, Number.isFinite(retry) ? retry : undefined);
      }
      if (err.status === 404) return new ProviderError('model-not-found', `The OpenAI endpoint has no model "${this.options.model}" (404): ${detail}. Set paladin.openai.model.`);
      return new ProviderError('server', `The OpenAI endpoint answered ${err.status}: ${detail}`);
    }
    if (err instanceof OpenAI.APIConnectionError) return networkFailure('The OpenAI endpoint', this.options.baseUrl, (err as { cause?: unknown }).cause ?? err);
    return networkFailure('The OpenAI endpoint', this.options.baseUrl, err);
  }
}
