// Keeps the output of the last few runs in memory so the editor can ask for
// its presentation after the run ends, and coalesces chunks into fewer
// notifications so a flood of output cannot flood the connection.

import type { OutputChunk } from '../protocol/types';

const KEEP_RUNS = 8;

export class OutputStore {
  private readonly runs = new Map<string, { stdout: string[]; bytes: number; cap: number; command: string }>();

  begin(runId: string, capBytes: number, command = ''): void {
    this.runs.set(runId, { stdout: [], bytes: 0, cap: capBytes, command });
    while (this.runs.size > KEEP_RUNS) this.runs.delete(this.runs.keys().next().value as string);
  }

  add(runId: string, chunk: Omit<OutputChunk, 'runId'>): void {
    const run = this.runs.get(runId);
    if (!run || chunk.stream !== 'stdout' || run.bytes >= run.cap) return;
    const text = chunk.text.length + run.bytes > run.cap ? chunk.text.slice(0, run.cap - run.bytes) : chunk.text;
    run.stdout.push(text);
    run.bytes += text.length;
  }

  stdout(runId: string): string | undefined {
    const run = this.runs.get(runId);
    return run ? run.stdout.join('') : undefined;
  }

  command(runId: string): string | undefined {
    return this.runs.get(runId)?.command;
  }
}

/** Collects chunks and hands them on in batches, at most every `intervalMs`. */
export class ChunkBatcher {
  private pending: Omit<OutputChunk, 'runId'>[] = [];
  private pendingBytes = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly send: (chunks: Omit<OutputChunk, 'runId'>[]) => void,
    private readonly intervalMs = 25,
    private readonly maxBytes = 64 * 1024,
  ) {}

  push(chunk: Omit<OutputChunk, 'runId'>): void {
    const last = this.pending[this.pending.length - 1];
    if (last && last.stream === chunk.stream) last.text += chunk.text;
    else this.pending.push({ ...chunk });
    this.pendingBytes += chunk.text.length;
    if (this.pendingBytes >= this.maxBytes) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const chunks = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    this.send(chunks);
  }
}
