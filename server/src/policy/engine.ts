// The policy engine: facts from the parser, the built-in Rego policy compiled
// to WASM, and the organisation's and the person's own policies on top
// (tiers.ts says how the three combine). It fails closed: whatever goes wrong
// while judging a command turns into `deny` with a reason, never `allow`.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import * as opaWasm from '@open-policy-agent/opa-wasm';
import type { LoadedPolicy } from '@open-policy-agent/opa-wasm';

// The package's ESM entry exports loadPolicySync only on its default object; its CommonJS entry exports it by name.
const opaEntry = opaWasm as unknown as Partial<typeof opaWasm> & { default?: typeof opaWasm };
const loadPolicySync: typeof opaWasm.loadPolicySync = opaEntry['loadPolicySync' as keyof typeof opaEntry] as typeof opaWasm.loadPolicySync ?? opaEntry.default!.loadPolicySync;
import type { Decision, PolicyDecision, RiskSummary, RuleHit } from '../protocol/types';
import { describeCommand, type FactsLimits } from './facts';
import type { Facts } from './factsTypes';
import { explainHit } from './explainHits';
import { sandboxVerdict } from './sandboxVerdict';
import { policyPaths, recordedHash } from './policyFiles';
import { builtinRuleSources } from './ruleSources';
import { askTier, loadModules, type LoadedModule, type UserPolicy } from './policyModules';
import { combineTiers } from './tiers';
import type { PolicyStage } from '../stages';

export type { UserPolicy } from './policyModules';

export interface PolicyEngineOptions {
  /** The compiled built-in policy; defaults to policies/build/policy.wasm. */
  wasmPath?: string;
  /** The person's own policies (the user tier). */
  userPolicies?: UserPolicy[];
  /** The organisation's policies, at one organisation policy version. */
  orgPolicies?: UserPolicy[];
  /**
   * Whether the user tier's waivers are read: only where the person is their
   * own organisation (one machine, no team server). Default true.
   */
  ownMayWaive?: boolean;
  limits?: Partial<FactsLimits>;
}

interface Builtin {
  policy: LoadedPolicy;
  version: string;
}

const builtins = new Map<string, Promise<Builtin>>();

/** The built-in policy is loaded once per process and shared by every engine. */
function loadBuiltin(wasmPath: string, hashFile: string | undefined, dataPath: string): Promise<Builtin> {
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
      const data = readPolicyData(dataPath);
      if (data !== undefined) policy.setData(data);
      const hash = (hashFile && recordedHash(hashFile)) || createHash('sha256').update(bytes).digest('hex');
      return { policy, version: `builtin-${hash.slice(0, 12)}` };
    })();
    builtins.set(wasmPath, pending);
    pending.catch(() => builtins.delete(wasmPath));
  }
  return pending;
}

/** The organisation and user tiers a command is judged with, loaded. */
export interface LoadedTiers {
  org: LoadedModule[];
  own: LoadedModule[];
  ownMayWaive: boolean;
}

/**
 * The data document built with the WASM: the sets its membership tests look
 * up (policies/memberSets.ts). Absent, the policy refuses every command, so
 * a missing file can only make Paladin stricter; unreadable, it is an error.
 */
function readPolicyData(dataPath: string): object | undefined {
  let text: string;
  try {
    text = fs.readFileSync(dataPath, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`Cannot read the policy's data at ${dataPath}: ${(err as Error).message}. Run \`npm run build:policies\` or reinstall Paladin.`, { cause: err });
  }
  try {
    return JSON.parse(text) as object;
  } catch (err) {
    throw new Error(`The policy's data at ${dataPath} is not JSON: ${(err as Error).message}. Run \`npm run build:policies\` or reinstall Paladin.`, { cause: err });
  }
}

export class PolicyEngine implements PolicyStage {
  private constructor(
    private readonly builtin: Builtin,
    private tiers: LoadedTiers,
    private readonly limits: Partial<FactsLimits> | undefined,
  ) {}

  static async create(options: PolicyEngineOptions = {}): Promise<PolicyEngine> {
    const paths = options.wasmPath ? { wasm: options.wasmPath, hashFile: undefined, data: path.join(path.dirname(options.wasmPath), 'policy-data.json') } : policyPaths();
    const builtin = await loadBuiltin(paths.wasm, paths.hashFile, paths.data);
    const tiers: LoadedTiers = {
      org: await loadModules((options.orgPolicies ?? []).map((p) => ({ ...p, tier: 'org' as const }))),
      own: await loadModules(options.userPolicies ?? []),
      ownMayWaive: options.ownMayWaive ?? true,
    };
    return new PolicyEngine(builtin, tiers, options.limits);
  }

  get builtinVersion(): string {
    return this.builtin.version;
  }

  get version(): string {
    return tiersVersion(this.builtin.version, this.tiers);
  }

  async setUserPolicies(list: UserPolicy[]): Promise<void> {
    this.tiers = { ...this.tiers, own: await loadModules(list) };
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

  /** Judge with these tiers instead of the engine's own (a team server: per person, per organisation version). */
  judge(command: string, options: { workspace?: string; facts?: boolean; tiers?: LoadedTiers } = {}): PolicyDecision {
    const tiers = options.tiers ?? this.tiers;
    let facts: Facts | undefined;
    try {
      facts = this.facts(command, options.workspace);
      const decision = this.evaluate(facts, tiers);
      decision.sandbox = sandboxVerdict(decision);
      if (options.facts) decision.facts = facts;
      return decision;
    } catch (err) {
      return failClosed(`Paladin could not judge this command (${(err as Error).message}), so it is refused.`, tiersVersion(this.builtin.version, tiers), options.facts ? facts : undefined);
    }
  }

  /**
   * Evaluate a facts document: the built-in policy, then the organisation's
   * tier, then the person's own; see tiers.ts for how they combine (the own
   * tier can only make the verdict stricter; nothing waives a deny).
   */
  evaluate(facts: Facts, tiers: LoadedTiers = this.tiers): PolicyDecision {
    const result = this.builtin.policy.evaluate(facts) as { result?: unknown }[];
    const doc = result?.[0]?.result as { decision?: unknown; rules?: unknown; risk?: unknown } | undefined;
    if (!doc || !isDecision(doc.decision) || !Array.isArray(doc.rules) || typeof doc.risk !== 'object' || doc.risk === null) {
      throw new Error('the built-in policy returned no decision');
    }
    const sources = builtinRuleSources();
    const builtinRules: RuleHit[] = (doc.rules as RuleHit[]).map((h) => explainHit(cleanHit(h), facts, sources.get(h.id)));
    const org = askTier(tiers.org, facts, { readWaivers: true });
    const own = askTier(tiers.own, facts, { readWaivers: tiers.ownMayWaive });
    const combined = combineTiers({ decision: doc.decision, rules: builtinRules }, org, own, { ownMayWaive: tiers.ownMayWaive });
    const out: PolicyDecision = { decision: combined.decision, rules: combined.rules, risk: doc.risk as RiskSummary, policyVersion: tiersVersion(this.builtin.version, tiers) };
    if (combined.waived.length > 0) out.waived = combined.waived;
    return out;
  }
}

/** builtin-HASH, then org@vN when the organisation has policies, then each own policy NAME@vN. */
export function tiersVersion(builtin: string, tiers: LoadedTiers): string {
  const org = tiers.org.length > 0 ? [`org@v${tiers.org[0].meta.version}`] : [];
  return [builtin, ...org, ...tiers.own.map((u) => `${u.meta.name}@v${u.meta.version}`)].join('+');
}

function isDecision(v: unknown): v is Decision {
  return v === 'allow' || v === 'ask' || v === 'deny';
}

function cleanHit(h: RuleHit): RuleHit {
  return { id: String(h.id), severity: h.severity === 'deny' ? 'deny' : 'ask', reason: String(h.reason), command_index: typeof h.command_index === 'number' ? h.command_index : -1 };
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
