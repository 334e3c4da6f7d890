// The stages as Paladin composes them, each call counted in the metrics and,
// when tracing is on, wrapped in its stage's span. Attributes say what a
// person operating the service needs (decision, rule ids, planner, run mode,
// exit code) and never a command, a request's words, output or a secret.
// Everything a stage has beyond the wrapped calls passes through untouched.

import type { Stages } from '../paladin';
import type { PlanResult, PolicyDecision, RunResult } from '../protocol/types';
import type { ExecutorStage, PlannerStage, PolicyStage, RecordsStage } from '../stages';
import type { PaladinMetrics } from './metrics';
import type { StageName, Tracing } from './tracing';

/** `target` with `overrides` in place of some of its methods; other members are read from (and bound to) the target itself. */
function overlay<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get(t, prop) {
      if (Object.prototype.hasOwnProperty.call(overrides, prop)) return (overrides as Record<PropertyKey, unknown>)[prop];
      const value = Reflect.get(t, prop, t) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(t) : value;
    },
  });
}

const decisionAttributes = (d: PolicyDecision) => ({ 'paladin.decision': d.decision, 'paladin.rule_ids': d.rules.map((r) => r.id), 'paladin.policy_version': d.policyVersion ?? '' });

export function instrumentStages(stages: Stages, metrics: PaladinMetrics, tracing?: Tracing): Stages {
  const inStage = <T>(stage: StageName, fn: () => Promise<T>, describe?: (r: T) => Record<string, string | number | boolean | string[]>): Promise<T> =>
    tracing ? tracing.stage(stage, {}, fn, describe) : fn();
  const { planner, policy, executor, records } = stages;

  const plan: PlannerStage['plan'] = async (params, options) => {
    const started = performance.now();
    const result = await inStage('planner', () => planner.plan(params, options), (r: PlanResult) => ({ 'paladin.planner': r.planner, 'paladin.plan.cache': r.cache ?? 'miss', ...decisionAttributes(r.policy) }));
    metrics.planned(result.planner, (performance.now() - started) / 1000);
    metrics.decision(result.policy);
    return result;
  };
  const check: PolicyStage['check'] = async (command, options) => {
    const decision = await inStage('policy', () => policy.check(command, options), decisionAttributes);
    metrics.decision(decision);
    return decision;
  };
  const run: ExecutorStage['run'] = async (params, options) => {
    const started = performance.now();
    const result = await inStage('executor', () => executor.run(params, options), (r: RunResult) => ({ 'paladin.run.mode': r.mode, 'paladin.run.network': params.network === true, 'paladin.run.end': r.end, 'paladin.run.exit_code': r.exitCode ?? -1, 'paladin.run.id': r.runId }));
    metrics.ran(result.mode, result.end, (performance.now() - started) / 1000);
    return result;
  };

  return {
    ...stages,
    planner: overlay(planner, { plan }),
    policy: overlay(policy, { check }),
    executor: overlay(executor, { run }),
    records: tracing ? tracedRecords(records, tracing) : records,
  };
}

/** Each write of the records stage in a `records` span, named by what it wrote. */
function tracedRecords(records: RecordsStage, tracing: Tracing): RecordsStage {
  const traced = <K extends keyof RecordsStage>(name: K, extra?: (...args: Parameters<NonNullable<RecordsStage[K]>>) => Record<string, string>) => {
    const original = records[name] as ((...args: unknown[]) => unknown) | undefined;
    if (!original) return undefined;
    return (...args: unknown[]) => tracing.stageSync('records', { 'paladin.records.op': name, ...(extra ? extra(...(args as Parameters<NonNullable<RecordsStage[K]>>)) : {}) }, () => original.apply(records, args));
  };
  const overrides: Partial<RecordsStage> = {};
  for (const name of ['recordPlan', 'recordRunStart', 'recordRunEnd', 'recordCheck', 'recordChanges'] as const) {
    const wrapped = traced(name);
    if (wrapped) Object.assign(overrides, { [name]: wrapped });
  }
  Object.assign(overrides, { audit: traced('audit', (_actor, action) => ({ 'paladin.audit.action': action })) });
  return overlay(records, overrides);
}
