// Compiled policy modules of the organisation and user tiers, loaded into
// OPA's WASM runtime and asked what they say about one facts document. Each
// module is its own WASM: one module cannot redefine another's rules, nor the
// built-in policy's.

import { loadPolicy, type LoadedPolicy } from '@open-policy-agent/opa-wasm';
import type { Facts } from './factsTypes';
import type { RuleHit } from '../protocol/types';
import { explainHit } from './explainHits';
import { orgPolicyFile, userPolicyFile, userRuleSources, type RuleSource } from './ruleSources';
import type { TierAnswer } from './tiers';
import { readWaivers } from './waivers';

/** A user or organisation policy ready to load. */
export interface UserPolicy {
  name: string;
  /** The user policy's own version; for an organisation module, the organisation policy version it belongs to. */
  version: number;
  /** Rego package path with slashes of the compiled entry, e.g. `paladin_user_entry`. */
  entry: string;
  wasm: Buffer;
  /** The policy's Rego text, to locate its rules; optional. */
  rego?: string;
  /** Default 'user'. */
  tier?: 'org' | 'user';
}

export interface LoadedModule {
  meta: UserPolicy;
  tier: 'org' | 'user';
  policy: LoadedPolicy;
  sources: Map<string, RuleSource>;
  /** Compiled with the `waive` entrypoint (policies added before it existed lack it). */
  waives: boolean;
}

export async function loadModules(list: UserPolicy[]): Promise<LoadedModule[]> {
  const loaded: LoadedModule[] = [];
  for (const meta of list) {
    const tier = meta.tier ?? 'user';
    try {
      const policy = await loadPolicy(meta.wasm);
      const file = tier === 'org' ? orgPolicyFile(meta.name, meta.version) : userPolicyFile(meta.name, meta.version);
      const sources = meta.rego ? userRuleSources(meta.rego, file) : new Map<string, RuleSource>();
      const entrypoints = (policy as unknown as { entrypoints?: Record<string, number> }).entrypoints ?? {};
      loaded.push({ meta, tier, policy, sources, waives: Object.prototype.hasOwnProperty.call(entrypoints, `${meta.entry}/waive`) });
    } catch (err) {
      const fix = tier === 'org' ? `An admin can roll the organisation policies back: \`paladin policy org rollback N\`` : `Disable it with \`paladin policy disable ${meta.name}\``;
      throw new Error(`The ${tier === 'org' ? 'organisation' : 'user'} policy ${meta.name} (version ${meta.version}) cannot be loaded: ${(err as Error).message}. ${fix}.`, { cause: err });
    }
  }
  return loaded;
}

/** What a tier's modules say: their deny and ask hits (ids prefixed by tier) and, when read, their waivers. */
export function askTier(modules: LoadedModule[], facts: Facts, options: { readWaivers: boolean }): TierAnswer {
  const answer: TierAnswer = { hits: [], waivers: [] };
  for (const m of modules) {
    for (const severity of ['deny', 'ask'] as const) {
      const out = m.policy.evaluate(facts, `${m.meta.entry}/${severity}`) as { result?: unknown }[];
      const hits = out?.[0]?.result;
      if (hits === undefined) continue;
      if (!Array.isArray(hits)) throw new Error(`${m.tier} policy ${m.meta.name}: ${severity} must be a set of rule objects`);
      for (const h of hits) {
        const hit = tierHit(m, severity, h);
        const local = hit.id.slice(m.tier.length + 1);
        answer.hits.push({ ...explainHit(hit, facts, m.sources.get(local) ?? m.sources.get(hit.id)), tier: m.tier });
      }
    }
    if (options.readWaivers && m.waives) {
      const label = m.tier === 'org' ? `org.${m.meta.name}@v${m.meta.version}` : m.meta.name;
      answer.waivers.push(...readWaivers(label, m.policy.evaluate(facts, `${m.meta.entry}/waive`) as { result?: unknown }[]));
    }
  }
  return answer;
}

/** A hit of a tier's module, its id prefixed with the tier (`org.`, `user.`) whatever the module wrote. */
function tierHit(m: LoadedModule, severity: 'deny' | 'ask', h: unknown): RuleHit {
  const o = (typeof h === 'object' && h !== null ? h : {}) as Record<string, unknown>;
  const prefix = `${m.tier}.`;
  const rawId = typeof o.id === 'string' && o.id !== '' ? o.id : m.meta.name;
  return {
    id: rawId.startsWith(prefix) ? rawId : `${prefix}${rawId}`,
    severity,
    reason: typeof o.reason === 'string' && o.reason !== '' ? o.reason : typeof h === 'string' ? h : `The ${m.tier === 'org' ? 'organisation' : 'user'} policy ${m.meta.name} says ${severity}.`,
    command_index: typeof o.command_index === 'number' ? o.command_index : -1,
  };
}
