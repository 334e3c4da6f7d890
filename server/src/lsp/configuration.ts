// Settings come from the editor: the server asks with `workspace/configuration`
// for the `paladin` section, normalises the answer, and caches it per resource
// until the client says the configuration changed. No settings live in globals.

import type { Connection } from 'vscode-languageserver/node';
import { normaliseSettings, type NormalisedSettings } from '../settings/settings';

/** VS Code answers with nested objects (`{ sandbox: { image } }`); the normaliser wants `sandbox.image`. */
export function flattenSection(value: unknown, prefix = ''): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return flat;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) Object.assign(flat, flattenSection(v, name));
    else flat[name] = v;
  }
  return flat;
}

export class SettingsCache {
  private readonly cache = new Map<string, Promise<NormalisedSettings>>();
  private readonly shownWarnings = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** Settings for a resource (a workspace folder URI), or the window's when none. */
  get(resource?: string): Promise<NormalisedSettings> {
    const key = resource ?? '';
    let entry = this.cache.get(key);
    if (!entry) {
      entry = this.pull(resource);
      this.cache.set(key, entry);
      // A failed pull must not stick: the next request asks again.
      entry.catch(() => this.cache.delete(key));
    }
    return entry;
  }

  clear(): void {
    this.cache.clear();
  }

  private async pull(resource?: string): Promise<NormalisedSettings> {
    let raw: unknown = {};
    if (this.canPull()) {
      raw = await this.connection.workspace.getConfiguration(resource ? { scopeUri: resource, section: 'paladin' } : { section: 'paladin' });
    }
    const normalised = normaliseSettings(flattenSection(raw), this.env);
    for (const warning of normalised.warnings) {
      if (this.shownWarnings.has(warning)) continue;
      this.shownWarnings.add(warning);
      void this.connection.window.showWarningMessage(`Paladin: ${warning}`);
    }
    return normalised;
  }
}
