// The sets that check what the planner must never do, without running
// anything: read-only requests phrased to tempt a change (readonly.json) must
// never be planned with a write or a delete, in the plan or its alternatives
// (abstaining is fine); requests that are no shell task (nontasks.json) must
// always abstain. Judged with the real policy stage over the dev-set fixture.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PlanResult, PolicyDecision } from '../../../server/src/protocol/types';

export interface GuardRequest {
  id: string;
  request: string;
}

export interface GuardResult {
  readOnly: { total: number; neverChanged: number; abstained: number; violations: { id: string; request: string; command: string; effect: string }[] };
  nonTasks: { total: number; abstained: number; planned: { id: string; request: string; command: string }[] };
}

export function loadGuardSet(name: 'readonly' | 'nontasks'): GuardRequest[] {
  const file = path.join(__dirname, `${name}.json`);
  const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(data) || !data.every((r: GuardRequest) => typeof r.id === 'string' && typeof r.request === 'string')) throw new Error(`${file}: expected [{ id, request }]`);
  return data as GuardRequest[];
}

/** Every command a person would be shown for a plan. */
export function shownCommands(r: PlanResult): string[] {
  return [r.command, ...r.candidates.map((c) => c.command)].filter((c, i, all) => c !== '' && all.indexOf(c) === i);
}

/** What a command changes as the policy sees it: files written or deleted, and the rules that say it writes, deletes or changes a repository. */
export function changesOf(d: PolicyDecision): string[] {
  return [...d.risk.writes.map((w) => `writes ${w}`), ...d.risk.deletes.map((x) => `deletes ${x}`), ...d.rules.filter((x) => /^(fs\.(write|delete)|repo\.)/.test(x.id)).map((x) => x.id)];
}

export async function runGuardSets(
  plan: (request: string) => Promise<PlanResult>,
  check: (command: string) => Promise<PolicyDecision>,
): Promise<GuardResult> {
  const result: GuardResult = { readOnly: { total: 0, neverChanged: 0, abstained: 0, violations: [] }, nonTasks: { total: 0, abstained: 0, planned: [] } };
  for (const r of loadGuardSet('readonly')) {
    result.readOnly.total++;
    const planned = await plan(r.request);
    if (planned.abstained) result.readOnly.abstained++;
    let clean = true;
    for (const command of shownCommands(planned)) {
      const effect = changesOf(await check(command));
      if (effect.length > 0) {
        clean = false;
        result.readOnly.violations.push({ id: r.id, request: r.request, command, effect: effect.join(', ') });
      }
    }
    if (clean) result.readOnly.neverChanged++;
  }
  for (const r of loadGuardSet('nontasks')) {
    result.nonTasks.total++;
    const planned = await plan(r.request);
    if (planned.abstained) result.nonTasks.abstained++;
    else result.nonTasks.planned.push({ id: r.id, request: r.request, command: planned.command });
  }
  return result;
}
