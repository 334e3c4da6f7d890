// How a run ended, in the words the result uses: from how the command's exec
// ended and, when the container went first, from the container's state.

import type { RunResult } from '../protocol/types';
import type { SandboxShape } from './containerSpec';
import type { Execution, Sandbox } from './sandbox';
import { sandboxEndedMessage } from './engineRuntime';

export interface RunEnd {
  end: RunResult['end'];
  exitCode: number | null;
  message?: string;
}

export async function classifyEnd(sandbox: Sandbox, exec: Execution, shape: SandboxShape, historyBytes: number): Promise<RunEnd> {
    const code = exec.exitCode;
    switch (exec.how) {
      case 'timeout':
        return { end: 'timeout', exitCode: null, message: `killed after ${shape.limits.timeoutSeconds} s (TERM, then KILL 2 s later)` };
      case 'cancelled':
        return { end: 'cancelled', exitCode: null };
      case 'output limit':
        return { end: 'output limit', exitCode: null, message: `stopped after ${historyBytes} bytes of output` };
      case 'exited':
        if (exec.oomKills > 0) return { end: 'memory limit', exitCode: code, message: `a process was killed at the ${shape.limits.memoryMiB} MiB memory limit` };
        return { end: 'exited', exitCode: code };
      case 'died': {
        // The container ended before the command did: OOM, or the keeper was killed.
        const state = await sandbox.container.inspect().then((i) => i.State, () => undefined);
        if (state?.OOMKilled) return { end: 'memory limit', exitCode: state.ExitCode ?? null, message: `killed at the ${shape.limits.memoryMiB} MiB memory limit` };
        return { end: 'sandbox error', exitCode: state?.ExitCode ?? null, message: sandboxEndedMessage(shape.runtime) };
      }
    }
  }

/** A run's result before (or without) its output: ids, end, durations, what it ran in. */
export function runResult(
  params: { command: string; mode: RunResult['mode'] },
  shape: SandboxShape,
  runId: string,
  r: { end: RunResult['end']; exitCode?: number | null; message?: string; queueMs: number; startMs?: number; runMs?: number },
): RunResult {
  const round = (n: number | undefined) => Math.round((n ?? 0) * 100) / 100;
  return {
    runId,
    command: params.command,
    exitCode: r.exitCode ?? null,
    end: r.end,
    message: r.message,
    durations: { queueMs: round(r.queueMs), startMs: round(r.startMs), runMs: round(r.runMs) },
    bytes: { stdout: 0, stderr: 0 },
    truncated: false,
    mode: params.mode,
    image: shape.image,
  };
}

/** Progress lines of the sandbox's own making, shown with the run's stderr and marked as Paladin's. */
export function progressTo(onOutput: ((chunk: { stream: 'stdout' | 'stderr'; text: string }) => void) | undefined): (line: string) => void {
  return (line) => onOutput?.({ stream: 'stderr', text: `[paladin sandbox] ${line}\n` });
}
