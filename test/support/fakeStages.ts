// FAKE stages for testing the gateway and records without the real policy,
// planner and explainer: each implements its stage interface with a fixed,
// obvious behaviour. Tests that use them say so; nothing here is product code.
import type { ExecutorStage, ExplainerStage, PlannerStage, PlanParams, PolicyStage } from '../../server/src/stages';
import type { PolicyDecision, RunResult } from '../../server/src/protocol/types';

/** FAKE policy: "deny" when the command mentions `rm -rf /`, "ask" for any other `rm`, otherwise "allow". */
export class FakePolicyStage implements PolicyStage {
  readonly version = 'fake-policy-1';
  checks = 0;
  async check(command: string): Promise<PolicyDecision> {
    this.checks++;
    const risk = { reads: [], writes: [], deletes: [], network: false, privilege: false };
    if (/rm -rf \//.test(command)) return { decision: 'deny', rules: [{ id: 'fake.delete-root', severity: 'deny', reason: 'deletes the root folder', command_index: 0 }], risk, policyVersion: this.version };
    if (/\brm\b/.test(command)) return { decision: 'ask', rules: [{ id: 'fake.delete', severity: 'ask', reason: 'deletes files', command_index: 0 }], risk, policyVersion: this.version };
    return { decision: 'allow', rules: [], risk, policyVersion: this.version };
  }
  async reload(): Promise<void> {}
}

/** FAKE planner: answers every request with `echo <request>`. */
export class FakePlannerStage implements PlannerStage {
  learned: { command: string; succeeded: boolean }[] = [];
  /** What the last plan was asked, as the planner stage received it. */
  lastParams?: PlanParams;
  constructor(private readonly policy: PolicyStage) {}
  async plan(params: PlanParams) {
    this.lastParams = params;
    const command = `echo ${JSON.stringify(params.request)}`;
    return {
      request: params.request, command, reasoning: 'fake planner', assumptions: [], expectedEffects: [], planner: 'embedded' as const, skipped: [],
      confidence: 1, candidates: [{ command, confidence: 1 }], retrieved: [], policy: await this.policy.check(command), cache: 'miss' as const, timings: {},
    };
  }
  learn(_userId: string, command: string, _d: string, succeeded: boolean): void {
    this.learned.push({ command, succeeded });
  }
  describe() {
    return { active: 'embedded' as const, detail: 'fake' };
  }
  dispose(): void {}
}

/** One piece of output a FAKE executor prints. */
export interface FakeOutput {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** FAKE executor: "runs" by printing `print(command)` (by default the command's words, one per line), exit 0. */
export class FakeExecutorStage implements ExecutorStage {
  constructor(private readonly print: (command: string) => FakeOutput[] = (command) => command.split(/\s+/).map((w) => ({ stream: 'stdout', text: w + '\n' }))) {}

  async run(params: { command: string; mode: RunResult['mode'] }, options: { onOutput?: (c: FakeOutput) => void; runId?: string }): Promise<RunResult & { output?: Buffer }> {
    const chunks = this.print(params.command);
    for (const c of chunks) options.onOutput?.(c);
    const stdout = Buffer.from(chunks.filter((c) => c.stream === 'stdout').map((c) => c.text).join(''));
    const stderr = Buffer.byteLength(chunks.filter((c) => c.stream === 'stderr').map((c) => c.text).join(''));
    return {
      runId: options.runId ?? 'fake', command: params.command, exitCode: 0, end: 'exited', durations: { queueMs: 0, startMs: 0, runMs: 1 },
      bytes: { stdout: stdout.length, stderr }, truncated: false, mode: params.mode, image: 'fake', output: stdout,
    };
  }
  async apply() {
    return { applied: [], skipped: [] };
  }
  async discard(): Promise<void> {}
  async status() {
    return { state: 'ready' as const, detail: 'fake' };
  }
  async dispose(): Promise<void> {}
}

/** FAKE explainer: one part per word, source "unknown". */
export class FakeExplainerStage implements ExplainerStage {
  async explain(command: string) {
    return { command, summary: 'fake', parts: command.split(' ').map((text) => ({ kind: 'argument' as const, text, explanation: '', source: 'unknown' as const })) };
  }
}

/** A planner for tests that only run commands: planning through it is a test bug and says so. */
export function unusedPlanner(test: string): PlannerStage {
  return {
    plan: () => Promise.reject(new Error(`${test}: the planner is not used here`)),
    learn: () => undefined,
    describe: () => ({ active: 'embedded', detail: `no planner: ${test}` }),
    dispose: () => undefined,
  };
}

/** An explainer for tests that only run commands. */
export function unusedExplainer(test: string): ExplainerStage {
  return { explain: () => Promise.reject(new Error(`${test}: the explainer is not used here`)) };
}
