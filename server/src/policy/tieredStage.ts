// The policy stage over a store: every check reads, in one query, which
// organisation policy version is in force and which of the person's own
// policies are enabled, and judges with exactly those. Compiled modules are
// cached by that answer, so a check costs one small query when nothing
// changed; after an admin's change on any instance, the next check anywhere
// loads the new version. There is no stale window to reason about.

import type { PolicyDecision } from '../protocol/types';
import type { PolicyStage } from '../stages';
import type { SqlStore } from '../store/sqlStore';
import type { PolicyEngine, LoadedTiers } from './engine';
import { orgModulesAt } from './orgPolicies';
import { loadModules, type LoadedModule } from './policyModules';
import { USER_ENTRY } from './userPolicies';

export interface TieredOptions {
  /**
   * 'user': a team server; each person's own policies are theirs
   * (created_by), and their waivers are not read. 'all': one machine; every
   * enabled user policy is the owner's, and the owner's shape rules may waive
   * built-in asks (the owner is their own organisation).
   */
  own: 'user' | 'all';
  /** How many people's compiled policies to keep loaded. */
  cacheSize?: number;
}

interface State {
  org: number;
  own: { id: string; name: string; version: number }[];
}

export class TieredPolicyStage implements PolicyStage {
  private org: { version: number; modules: Promise<LoadedModule[]> } = { version: 0, modules: Promise.resolve([]) };
  private readonly own = new Map<string, { fingerprint: string; modules: Promise<LoadedModule[]> }>();
  private lastOwn: LoadedModule[] = [];

  constructor(
    readonly engine: PolicyEngine,
    private readonly store: SqlStore,
    private readonly options: TieredOptions,
  ) {}

  get perPerson(): boolean {
    return this.options.own === 'user';
  }

  get version(): string {
    const parts = [this.engine.builtinVersion];
    if (this.org.version > 0) parts.push(`org@v${this.org.version}`);
    if (this.options.own === 'all') parts.push(...this.lastOwn.map((m) => `${m.meta.name}@v${m.meta.version}`));
    return parts.join('+');
  }

  async check(command: string, options: { workspace?: string; facts?: boolean; userId?: string } = {}): Promise<PolicyDecision> {
    const tiers = await this.tiers(options.userId);
    return this.engine.judge(command, { workspace: options.workspace, facts: options.facts, tiers });
  }

  /** Every check reads what is in force; this only refreshes `version` at once (and drops cached modules). */
  async reload(): Promise<void> {
    this.own.clear();
    await this.tiers(undefined);
  }

  /** The tiers in force now for this person (none of their own on a team server without a person). */
  async tiers(userId: string | undefined): Promise<LoadedTiers> {
    const state = await this.state(userId);
    if (state.org !== this.org.version) {
      const version = state.org;
      const modules = version === 0 ? Promise.resolve([]) : orgModulesAt(this.store, version).then((rows) => loadModules(rows.map((r) => ({ name: r.name, version, entry: USER_ENTRY, wasm: r.wasm, rego: r.rego, tier: 'org' as const }))));
      this.org = { version, modules };
      modules.catch(() => {
        if (this.org.modules === modules) this.org = { version: -1, modules: Promise.resolve([]) };
      });
    }
    const org = await this.org.modules;
    const own = await this.ownModules(userId ?? '', state.own);
    if (this.options.own === 'all') this.lastOwn = own;
    return { org, own, ownMayWaive: this.options.own === 'all' };
  }

  private async state(userId: string | undefined): Promise<State> {
    const ownRows = this.options.own === 'all'
      ? "SELECT 'own' AS tier, version, id, name FROM safety_policies WHERE enabled = 1 AND wasm IS NOT NULL"
      : "SELECT 'own' AS tier, version, id, name FROM safety_policies WHERE enabled = 1 AND wasm IS NOT NULL AND created_by = ?";
    const params = this.options.own === 'all' ? [] : [userId ?? ''];
    const rows = await this.store.all<{ tier: string; version: number | null; id: string; name: string }>(
      `SELECT 'org' AS tier, MAX(version) AS version, '' AS id, '' AS name FROM org_policy_versions UNION ALL ${ownRows}`, params);
    const org = Number(rows.find((r) => r.tier === 'org')?.version ?? 0);
    const own = rows.filter((r) => r.tier === 'own').map((r) => ({ id: r.id, name: r.name, version: Number(r.version) })).sort((a, b) => a.name.localeCompare(b.name) || a.version - b.version);
    return { org, own };
  }

  private async ownModules(key: string, rows: State['own']): Promise<LoadedModule[]> {
    if (rows.length === 0) return [];
    const fingerprint = rows.map((r) => r.id).join(',');
    const cached = this.own.get(key);
    if (cached && cached.fingerprint === fingerprint) return cached.modules;
    const modules = this.loadOwn(rows);
    this.own.delete(key);
    this.own.set(key, { fingerprint, modules });
    modules.catch(() => this.own.delete(key));
    if (this.own.size > (this.options.cacheSize ?? 256)) this.own.delete(this.own.keys().next().value!);
    return modules;
  }

  private async loadOwn(rows: State['own']): Promise<LoadedModule[]> {
    const out: { name: string; version: number; entry: string; wasm: Buffer; rego?: string }[] = [];
    for (const r of rows) {
      const row = await this.store.get<{ entry: string | null; wasm: Buffer; rego_code: string | null }>('SELECT entry, wasm, rego_code FROM safety_policies WHERE id = ?', [r.id]);
      if (row) out.push({ name: r.name, version: r.version, entry: row.entry ?? USER_ENTRY, wasm: Buffer.from(row.wasm), rego: row.rego_code ?? undefined });
    }
    return loadModules(out);
  }
}
