// Judges a generated guard sample (guardGenerator.ts) two ways: by the
// intent reader alone (fast: what the request is read to ask for), and by
// the planner with the real policy (what a person would be shown). Failures
// are kept by class with the request, the command and its effect, so a
// change to the planner can be measured class by class.
import type { PlanResult, PolicyDecision } from '../../../server/src/protocol/types';
import { readIntent } from '../../../server/src/planner/intent';
import { readRequest, type WorkspaceNames } from '../../../server/src/planner/requestFacts';
import type { GeneratedRequest, GuardSample } from './guardGenerator';
import { changesOf, shownCommands } from './guardSets';

export interface Failure {
  request: GeneratedRequest;
  /** What went wrong: the acts read, or the command shown and its effect. */
  why: string;
}

export interface ClassFigures {
  total: number;
  failures: Failure[];
}

export type ByClass = Record<string, ClassFigures>;

function tally(byClass: ByClass, r: GeneratedRequest, why: string | undefined): void {
  const row = (byClass[r.class] ??= { total: 0, failures: [] });
  row.total++;
  if (why !== undefined) row.failures.push({ request: r, why });
}

/** Why a request is misread, or undefined when it is read as it should be. */
function misreading(r: GeneratedRequest, names: WorkspaceNames): string | undefined {
  const intent = readIntent(readRequest(r.request, names));
  const acts = intent.actions.filter((a) => a !== 'network');
  if (r.set === 'non-task') return intent.task ? 'read as a shell task' : undefined;
  if (r.set === 'look-only') {
    if (acts.length === 0 && !intent.allows.write && !intent.allows.delete) return undefined;
    return `read as ordering ${acts.map((a) => `${a} (${intent.cues[a] ?? '?'})`).join(', ') || 'nothing'}; allows ${[intent.allows.write && 'write', intent.allows.delete && 'delete'].filter(Boolean).join(' and ') || 'no change'}`;
  }
  const wanted = r.acts ?? [];
  const missing = wanted.filter((a) => !acts.includes(a));
  const deletes = wanted.some((a) => a === 'delete' || a === 'move');
  if (missing.length === 0 && intent.allows.write && (!deletes || intent.allows.delete)) return undefined;
  return `orders ${wanted.join('+')} but read as ${acts.join(', ') || 'nothing'}; allows write=${intent.allows.write} delete=${intent.allows.delete}`;
}

/** Every request of the sample through the intent reader, over the workspace's names. */
export function judgeIntents(sample: GuardSample, names: WorkspaceNames): ByClass {
  const byClass: ByClass = {};
  for (const r of [...sample.lookOnly, ...sample.controls, ...sample.nonTasks]) tally(byClass, r, misreading(r, names));
  return byClass;
}

/** Every look-only request and non-task of the sample through the planner; each command shown is judged by the policy. */
export async function judgePlans(
  sample: GuardSample,
  plan: (request: string) => Promise<PlanResult>,
  check: (command: string) => Promise<PolicyDecision>,
): Promise<ByClass> {
  const byClass: ByClass = {};
  for (const r of sample.lookOnly) {
    const planned = await plan(r.request);
    const bad: string[] = [];
    for (const command of shownCommands(planned)) {
      const effect = changesOf(await check(command));
      if (effect.length > 0) bad.push(`${command} → ${effect.join(', ')}`);
    }
    tally(byClass, r, bad.length > 0 ? bad.join(' | ') : undefined);
  }
  for (const r of sample.nonTasks) {
    const planned = await plan(r.request);
    tally(byClass, r, planned.abstained ? undefined : `planned ${planned.command || '(no command)'}`);
  }
  return byClass;
}

/** Failures per class, then up to `examples` of each as "request → why". */
export function describeFailures(byClass: ByClass, examples = 6): string {
  const lines: string[] = [];
  for (const [cls, row] of Object.entries(byClass)) {
    lines.push(`${cls}: ${row.failures.length} of ${row.total} fail`);
    for (const f of row.failures.slice(0, examples)) lines.push(`  "${f.request.request}" [${f.request.shape}] → ${f.why}`);
  }
  return lines.join('\n');
}

/** The failures of every class, flattened. */
export function allFailures(byClass: ByClass): Failure[] {
  return Object.values(byClass).flatMap((row) => row.failures);
}
