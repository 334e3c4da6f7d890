// The lists of model endpoints: several Ollama hosts (`paladin.ollama.hosts`)
// and several OpenAI-compatible endpoints (`paladin.openai.endpoints`). Each
// may come as a list (the editor's settings) or as one string (the
// environment): comma-separated URLs, or a JSON array. A bad entry is left
// out with a warning that says what it should look like.

/** One Ollama host; `model` overrides `paladin.ollama.model` for this host. */
export interface OllamaHost {
  name?: string;
  url: string;
  model?: string;
}

/**
 * One OpenAI-compatible endpoint. `apiKeyEnv` names the environment variable
 * holding its key (never the key itself); without it the endpoint uses the
 * OpenAI key (the editor's stored key, or OPENAI_API_KEY).
 */
export interface OpenAiEndpointSetting {
  name?: string;
  baseUrl: string;
  model?: string;
  apiKeyEnv?: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

function entries(key: string, value: unknown, warnings: string[]): unknown[] {
  if (value === undefined || value === '') return [];
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') {
    const text = value.trim();
    if (!text.startsWith('[')) return text.split(',').map((s) => s.trim()).filter(Boolean);
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // reported below
    }
  }
  warnings.push(`Setting "paladin.${key}" must be a list (or, in the environment, comma-separated URLs or a JSON array); using none.`);
  return [];
}

function httpUrl(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? text.trim().replace(/\/+$/, '') : undefined;
  } catch {
    return undefined;
  }
}

function optionalString(o: Record<string, unknown>, field: string, pattern?: RegExp): string | undefined | null {
  const v = o[field];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string' || (pattern && !pattern.test(v.trim()))) return null;
  return v.trim();
}

/** `paladin.ollama.hosts`: URLs, or objects {url, name?, model?}. */
export function ollamaHosts(value: unknown, warnings: string[]): OllamaHost[] {
  const out: OllamaHost[] = [];
  for (const item of entries('ollama.hosts', value, warnings)) {
    const o = (typeof item === 'string' ? { url: item } : item) as Record<string, unknown> | null;
    const url = o && typeof o === 'object' ? httpUrl(o.url) : undefined;
    const name = o ? optionalString(o, 'name', NAME) : null;
    const model = o ? optionalString(o, 'model') : null;
    if (!url || name === null || model === null) {
      warnings.push(`An entry of "paladin.ollama.hosts" was left out: ${JSON.stringify(item)}. Give an http(s) URL such as "http://gpu-1:11434", or {"url": ..., "name": "gpu-1", "model": "qwen2.5-coder:7b"} (a name is letters, digits, ".", "_" or "-").`);
      continue;
    }
    out.push({ url, ...(name ? { name } : {}), ...(model ? { model } : {}) });
  }
  return out;
}

/** `paladin.openai.endpoints`: objects {baseUrl, name?, model?, apiKeyEnv?}. */
export function openAiEndpoints(value: unknown, warnings: string[]): OpenAiEndpointSetting[] {
  const out: OpenAiEndpointSetting[] = [];
  for (const item of entries('openai.endpoints', value, warnings)) {
    const o = (typeof item === 'string' ? { baseUrl: item } : item) as Record<string, unknown> | null;
    const baseUrl = o && typeof o === 'object' ? httpUrl(o.baseUrl) : undefined;
    const name = o ? optionalString(o, 'name', NAME) : null;
    const model = o ? optionalString(o, 'model') : null;
    const apiKeyEnv = o ? optionalString(o, 'apiKeyEnv', ENV_NAME) : null;
    if (!baseUrl || name === null || model === null || apiKeyEnv === null) {
      warnings.push(`An entry of "paladin.openai.endpoints" was left out: ${JSON.stringify(redactKeys(item))}. Give {"baseUrl": "https://host/v1", "model": ..., "apiKeyEnv": "NAME_OF_THE_VARIABLE_HOLDING_THE_KEY", "name": ...}; the key itself never goes in settings.`);
      continue;
    }
    out.push({ baseUrl, ...(name ? { name } : {}), ...(model ? { model } : {}), ...(apiKeyEnv ? { apiKeyEnv } : {}) });
  }
  return out;
}

/** A warning never repeats a value that looks like a key someone pasted in by mistake. */
function redactKeys(item: unknown): unknown {
  if (typeof item !== 'object' || item === null) return item;
  return Object.fromEntries(Object.entries(item as Record<string, unknown>).map(([k, v]) => [k, /key|token|secret/i.test(k) && k !== 'apiKeyEnv' ? '[REDACTED]' : v]));
}
