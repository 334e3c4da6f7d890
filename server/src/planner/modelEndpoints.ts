// Every model endpoint the settings name, grouped by kind, each with its own
// circuit breaker, and the background probes that watch them. The single-host
// settings (`paladin.ollama.url`, `paladin.openai.baseUrl`) are a list of one.

import type { OllamaHost, OpenAiEndpointSetting } from '../settings/modelHosts';
import type { Settings } from '../settings/settings';
import { CircuitBreaker } from './circuitBreaker';
import { EndpointPool } from './endpointPool';
import { HealthProber } from './healthProbe';
import { ModelEndpoint, type EndpointKind, type EndpointState } from './modelEndpoint';
import { OllamaProvider } from './ollamaProvider';
import { OpenAiProvider } from './openaiProvider';

export interface EndpointOptions {
  /** The OpenAI key for endpoints without their own `apiKeyEnv`; held in memory only. */
  apiKey?: string;
  breakerThreshold?: number;
  breakerCoolDownMs?: number;
  now?: () => number;
  /** Where `apiKeyEnv` names are looked up (default: this process's environment). */
  env?: NodeJS.ProcessEnv;
}

export class ModelEndpoints {
  readonly pools: ReadonlyMap<EndpointKind, EndpointPool>;
  private readonly prober: HealthProber;

  constructor(settings: Settings, options: EndpointOptions = {}) {
    const breaker = () => new CircuitBreaker(options.breakerThreshold ?? 3, options.breakerCoolDownMs ?? 30_000, options.now);
    const names = new UniqueNames();
    const timeoutMs = settings.planner.timeoutMs;
    const hosts: OllamaHost[] = settings.ollama.hosts.length > 0 ? settings.ollama.hosts : [{ url: settings.ollama.url }];
    const ollama = hosts.map((h) => new ModelEndpoint(names.take(h.name ?? 'ollama'), new OllamaProvider({ url: h.url, model: h.model ?? settings.ollama.model, timeoutMs }), breaker(), options.now));
    const env = options.env ?? process.env;
    const apis: OpenAiEndpointSetting[] = settings.openai.endpoints.length > 0 ? settings.openai.endpoints : [{ baseUrl: settings.openai.baseUrl }];
    const openai = apis.map((a) => {
      const apiKey = a.apiKeyEnv ? env[a.apiKeyEnv]?.trim() || undefined : options.apiKey;
      const provider = new OpenAiProvider({ baseUrl: a.baseUrl, model: a.model ?? settings.openai.model, apiKey, timeoutMs, keyEnv: a.apiKeyEnv });
      return new ModelEndpoint(names.take(a.name ?? 'openai'), provider, breaker(), options.now);
    });
    this.pools = new Map<EndpointKind, EndpointPool>([
      ['ollama', new EndpointPool(ollama)],
      ['openai', new EndpointPool(openai)],
    ]);
    this.prober = new HealthProber(() => this.all());
    this.prober.start(settings.planner.probeIntervalSeconds * 1000);
  }

  all(): ModelEndpoint[] {
    return [...this.pools.values()].flatMap((p) => [...p.endpoints]);
  }

  /** Every endpoint's state now, Ollama first, in the order configured. */
  states(): EndpointState[] {
    return this.all().map((e) => e.state());
  }

  /** One round of health probes now (the status command's "last probe"). */
  probeNow(): Promise<void> {
    return this.prober.probeAll();
  }

  dispose(): void {
    this.prober.stop();
  }
}

/** `ollama`, `ollama-2`, …: names unique among all endpoints. */
class UniqueNames {
  private readonly seen = new Set<string>();
  take(base: string): string {
    let name = base;
    for (let i = 2; this.seen.has(name); i++) name = `${base}-${i}`;
    this.seen.add(name);
    return name;
  }
}
