// The policy engine: facts from the parser, the built-in Rego policy compiled
// to WASM, and any user policies on top. It fails closed: whatever goes wrong
// while judging a command turns into `deny` with a reason, never `allow`.

import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import * as opaWasm from '@open-policy-agent/opa-wasm';
import { loadPolicy, type LoadedPolicy } from '@open-policy-agent/opa-wasm';

// The package's ESM entry exports loadPolicySync only on its default object; its CommonJS entry exports it by name.
const opaEntry = opaWasm as unknown as Partial<typeof opaWasm> & { default?: typeof opaWasm };
const loadPolicySync: typeof opaWasm.loadPolicySync = opaEntry['loadPolicySync' as keyof typeof opaEntry] as typeof opaWasm.loadPolicySync ?? opaEntry.default!.loadPolicySync;
import type { Decision, PolicyDecision, RiskSummary, RuleHit } from '../protocol/types';
import { describeCommand, type FactsLimits } from './facts';
import type { Facts } from './factsTypes';
import { explainHit } from './explainHits';
import { sandboxVerdict } from './sandboxVerdict';
import { policyPaths, recordedHash } from './policyFiles';
import { builtinRuleSources, userRuleSources, type RuleSource } from './ruleSources';
import { applyWaivers, readWaivers, type Waiver } from './waivers';
import type { PolicyStage } from '../stages';

/** A user policy ready to evaluate. */
export interface UserPolicy {
  name: string;
  version: number;
  /** Rego package path with slashes, e.g. `paladin/user/no_npm`. */
  entry: string;
  wasm: Buffer;
  /** The policy's Rego text, to locate its rules; optional. */
  rego?: string;
}

export interface PolicyEngineOptions {
  /** The compiled built-in policy; defaults to policies/build/policy.wasm. */
  wasmPath?: string;
  userPolicies?: UserPolicy[];
  limits?: Partial<FactsLimits>;
}

const SEVERITY: Record<Decision, number> = { allow: 0, ask: 1, deny: 2 };

interface Builtin {
  policy: LoadedPolicy;
  version: string;
}

const builtins = new Map<string, Promise<Builtin>>();

/** The built-in policy is loaded once per process and shared by every engine. */
function loadBuiltin(wasmPath: string, hashFile: string | undefined): Promise<Builtin> {
  let pending = builtins.get(wasmPath);
  if (!pending) {
    pending = (async () => {
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(wasmPath);
      } catch (err) {
        throw new Error(`Cannot read the compiled policy at ${wasmPath}: ${(err as Error).message}. Run \`npm run build:policies\` (needs \`opa\` on PATH) or reinstall Paladin.`, { cause: err });
      }
      // Synchronous on purpose: the async loader tests `instanceof Response`, which loads Node's fetch stack (undici) into every one-shot check.
      const policy = loadPolicySync(bytes);
      const hash = (hashFile && recordedHash(hashFile)) || createHash('sha256').update(bytes).digest('hex');
      return { policy, version: `builtin-${hash.slice(0, 12)}` };
    })();
    builtins.set(wasmPath, pending);
    pending.catch(() => builtins.delete(wasmPath));
  }
  return pending;
}

interface LoadedUser {
  meta: UserPolicy;
  policy: LoadedPolicy;
  sources: Map<string, RuleSource>;
  /** Compiled with the `waive` entrypoint (shape rules; policies added before it existed lack it). */
  waives: boolean;
}

export class PolicyEngine implements PolicyStage {
  private constructor(
    private readonly builtin: Builtin,
    private users: LoadedUser[],
    private readonly limits: Partial<FactsLimits> | undefined,
  ) {}

  static async create(options: PolicyEngineOptions = {}): Promise<PolicyEngine> {
    const paths = options.wasmPath ? { wasm: options.wasmPath, hashFile: undefined } : policyPaths();
    const builtin = await loadBuiltin(paths.wasm, paths.hashFile);
    const engine = new PolicyEngine(builtin, [], options.limits);
    await engine.setUserPolicies(options.userPolicies ?? []);
    return engine;
  }

  get version(): string {
    return [this.builtin.version, ...this.users.map((u) => `${u.meta.name}@v${u.meta.version}`)].join('+');
  }

  async setUserPolicies(list: UserPolicy[]): Promise<void> {
    const loaded: LoadedUser[] = [];
    for (const meta of list) {
      try {
        const policy = await loadPolicy(meta.wasm);
        const sources = meta.rego ? userRuleSources(meta.rego, meta.name, meta.version) : new Map<string, RuleSource>();
        const entrypoints = (policy as unknown as { entrypoints?: Record<string, number> }).entrypoints ?? {};
        loaded.push({ meta, policy, sources, waives: Object.prototype.hasOwnProperty.call(entrypoints, `${meta.entry}/waive`) });
      } catch (err) {
        throw new Error(`The user policy ${meta.name} (version ${meta.version}) cannot be loaded: ${(err as Error).message}. Disable it with \`paladin policy disable ${meta.name}\`.`, { cause: err });
      }
    }
    this.users = loaded;
  }

  /** Facts only, for `paladin check --facts` and other stages. */
  facts(command: string, workspace?: string): Facts {
    return describeCommand(command, { workspace, limits: this.limits });
  }

  /** PolicyStage's check; the work itself is synchronous. */
  async check(command: string, options: { workspace?: string; facts?: boolean } = {}): Promise<PolicyDecision> {
    return this.judge(command, options);
  }

  /** Without a store there is nothing to reload; the stage built on a database replaces this. */
  async reload(): Promise<void> {}

  judge(command: string, options: { workspace?: string; facts?: boolean } = {}): PolicyDecision {
    let facts: Facts | undefined;
    try {
      facts = this.facts(command, options.workspace);
      const decision = this.evaluate(facts);
      decision.sandbox = sandboxVerdict(decision);
      if (options.facts) decision.facts = facts;
      return decision;
    } catch (err) {
      return failClosed(`Paladin could not judge this command (${(err as Error).message}), so it is refused.`, this.version, options.facts ? facts : undefined);
    }
  }

  /**
   * Evaluate a facts document: built-in policy, then user policies, which may
   * only make it stricter, except that a shape rule may waive built-in `ask`
   * hits for exactly the command shape it was made from. Nothing waives a deny.
   */
  evaluate(facts: Facts): PolicyDecision {
    const result = this.builtin.policy.evaluate(facts) as { result?: unknown }[];
    const doc = result?.[0]?.result as { decision?: unknown; rules?: unknown; risk?: unknown } | undefined;
    if (!doc || !isDecision(doc.decision) || !Array.isArray(doc.rules) || typeof doc.risk !== 'object' || doc.risk === null) {
      throw new Error('the built-in policy returned no decision');
    }
    const sources = builtinRuleSources();
    let rules: RuleHit[] = (doc.rules as RuleHit[]).map((h) => explainHit(cleanHit(h), facts, sources.get(h.id)));
    const waivers: Waiver[] = [];
    for (const user of this.users) {
      for (const severity of ['deny', 'ask'] as const) {
        const out = user.policy.evaluate(facts, `${user.meta.entry}/${severity}`) as { result?: unknown }[];
        const hits = out?.[0]?.result;
        if (hits === undefined) continue;
        if (!Array.isArray(hits)) throw new Error(`user policy ${user.meta.name}: ${severity} must be a set of rule objects`);
        for (const h of hits) {
          const hit = userHit(user.meta.name, severity, h);
          rules.push(explainHit(hit, facts, user.sources.get(hit.id.slice('user.'.length)) ?? user.sources.get(hit.id)));
        }
      }
      if (user.waives) waivers.push(...readWaivers(user.meta.name, user.policy.evaluate(facts, `${user.meta.entry}/waive`) as { result?: unknown }[]));
    }
    let decision: Decision = doc.decision;
    let waived: (RuleHit & { waivedBy: string })[] = [];
    if (waivers.length > 0 && doc.decision === 'ask' && !rules.some((r) => r.severity === 'deny')) {
      ({ kept: rules, waived } = applyWaivers(rules, waivers, doc.rules as RuleHit[]));
      if (waived.length > 0) decision = 'allow';
    }
    // Whatever the rules say, the strictest severity among them decides.
    for (const r of rules) if (SEVERITY[r.severity] > SEVERITY[decision]) decision = r.severity;
    rules.sort((a, b) => SEVERITY[b.severity] - SEVERITY[a.severity] || a.command_index - b.command_index || a.id.localeCompare(b.id));
    const out: PolicyDecision = { decision, rules, risk: doc.risk as RiskSummary, policyVersion: this.version };
    if (waived.length > 0) out.waived = waived;
    return out;
  }
}

function isDecision(v: unknown): v is Decision {
  return v === 'allow' || v === 'ask' || v === 'deny';
}

function cleanHit(h: RuleHit): RuleHit {
  return { id: String(h.id), severity: h.severity === 'deny' ? 'deny' : 'ask', reason: String(h.reason), command_index: typeof h.command_index === 'number' ? h.command_index : -1 };
}

function userHit(policy: string, severity: 'deny' | 'ask', h: unknown): RuleHit {
  const o = (typeof h === 'object' && h !== null ? h : {}) as Record<string, unknown>;
  const rawId = typeof o.id === 'string' && o.id !== '' ? o.id : policy;
  return {
    id: rawId.startsWith('user.') ? rawId : `user.${rawId}`,
    severity,
    reason: typeof o.reason === 'string' && o.reason !== '' ? o.reason : typeof h === 'string' ? h : `The user policy ${policy} says ${severity}.`,
    command_index: typeof o.command_index === 'number' ? o.command_index : -1,
  };
}

export function failClosed(reason: string, version: string, facts?: Facts): PolicyDecision {
  const decision: PolicyDecision = {
    decision: 'deny',
    rules: [{ id: 'internal.error', severity: 'deny', reason, command_index: -1 }],
    risk: { reads: [], writes: [], deletes: [], network: false, privilege: false },
    policyVersion: version,
    ...(facts ? { facts } : {}),
  };
  decision.sandbox = sandboxVerdict(decision);
  return decision;
}
