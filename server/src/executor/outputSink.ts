// Where a run's output goes: the viewer gets text up to one cap, history
// keeps bytes up to a larger cap, and past that the run must be stopped.
// Memory use is bounded by the history cap whatever the command prints.
// Nothing in the stream is interpreted: the run's end and exit status come
// from the engine.

import { StringDecoder } from 'node:string_decoder';
import type { StreamName } from './demux';

export interface OutputLimits {
  /** Bytes passed on to the viewer; later output is counted but not shown. */
  viewerBytes: number;
  /** Bytes kept for history; past this the run is stopped ("output limit"). */
  historyBytes: number;
}

export class OutputSink {
  readonly bytes = { stdout: 0, stderr: 0 };
  /** The viewer did not see everything. */
  truncated = false;
  overLimit = false;
  private shown = 0;
  private kept = 0;
  private readonly history: Buffer[] = [];
  private readonly decoders: Record<StreamName, StringDecoder> = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') };

  constructor(
    private readonly limits: OutputLimits,
    private readonly onOutput: ((chunk: { stream: StreamName; text: string }) => void) | undefined,
    private readonly onLimit: () => void,
  ) {}

  push(stream: StreamName, data: Buffer): void {
    this.accept(stream, data);
  }

  /** The stream ended: pass on any partial characters. */
  end(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      const rest = this.decoders[stream].end();
      if (rest && this.shown <= this.limits.viewerBytes) this.onOutput?.({ stream, text: rest });
    }
  }

  output(): Buffer {
    return Buffer.concat(this.history);
  }

  private accept(stream: StreamName, data: Buffer): void {
    if (data.length === 0 || this.overLimit) return;
    this.bytes[stream] += data.length;

    const room = this.limits.historyBytes - this.kept;
    const keep = data.length <= room ? data : data.subarray(0, Math.max(0, room));
    if (keep.length) {
      this.history.push(Buffer.from(keep));
      this.kept += keep.length;
    }

    const viewRoom = this.limits.viewerBytes - this.shown;
    if (viewRoom > 0) {
      const show = data.length <= viewRoom ? data : data.subarray(0, viewRoom);
      this.shown += show.length;
      const text = this.decoders[stream].write(show);
      if (text) this.onOutput?.({ stream, text });
    }
    if (!this.truncated && this.shown >= this.limits.viewerBytes && data.length > viewRoom) {
      this.truncated = true;
      this.onOutput?.({
        stream: 'stderr',
        text: `\n[paladin: output past ${formatBytes(this.limits.viewerBytes)} is not shown; up to ${formatBytes(this.limits.historyBytes)} is kept in history]\n`,
      });
    }
    if (data.length > room) {
      this.overLimit = true;
      this.truncated = true;
      this.onLimit();
    }
  }
}

export function formatBytes(n: number): string {
  if (n >= 1 << 20 && n % (1 << 20) === 0) return `${n / (1 << 20)} MiB`;
  if (n >= 1 << 10 && n % (1 << 10) === 0) return `${n / (1 << 10)} KiB`;
  return `${n} bytes`;
}
