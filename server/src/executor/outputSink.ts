// Where a run's output goes: the bootstrap's end marker is cut out of each
// stream, the viewer gets text up to one cap, history keeps bytes up to a
// larger cap, and past that the run must be stopped. Memory use is bounded
// by the history cap whatever the command prints.

import { StringDecoder } from 'node:string_decoder';
import { parseMarkerTail, type MarkerReport } from './bootstrap';
import type { StreamName } from './demux';

export interface OutputLimits {
  /** Bytes passed on to the viewer; later output is counted but not shown. */
  viewerBytes: number;
  /** Bytes kept for history; past this the run is stopped ("output limit"). */
  historyBytes: number;
}

/** Splits the end marker out of one stream; holds back at most a marker's length. */
export class MarkerScanner {
  private readonly needle: Buffer;
  private held = Buffer.alloc(0);
  private tail: string | undefined;
  report: MarkerReport | undefined;
  /** The marker was seen but its tail did not parse. */
  malformed = false;

  constructor(marker: string) {
    this.needle = Buffer.from(marker + ':');
  }

  get done(): boolean {
    return this.report !== undefined || this.malformed;
  }

  /** Returns the user bytes in `data` (everything before the marker). */
  push(data: Buffer): Buffer {
    if (this.done) return Buffer.alloc(0);
    if (this.tail !== undefined) {
      this.readTail(data.toString('latin1'));
      return Buffer.alloc(0);
    }
    const buf = this.held.length ? Buffer.concat([this.held, data]) : data;
    const at = buf.indexOf(this.needle);
    if (at >= 0) {
      this.held = Buffer.alloc(0);
      this.tail = '';
      this.readTail(buf.subarray(at + this.needle.length).toString('latin1'));
      return buf.subarray(0, at);
    }
    let keep = Math.min(this.needle.length - 1, buf.length);
    while (keep > 0 && !buf.subarray(buf.length - keep).equals(this.needle.subarray(0, keep))) keep--;
    this.held = Buffer.from(buf.subarray(buf.length - keep));
    return buf.subarray(0, buf.length - keep);
  }

  /** Bytes held back when the stream ended without a marker. */
  flush(): Buffer {
    const rest = this.held;
    this.held = Buffer.alloc(0);
    return rest;
  }

  private readTail(text: string): void {
    this.tail = (this.tail ?? '') + text;
    const nl = this.tail.indexOf('\n');
    if (nl >= 0) {
      this.report = parseMarkerTail(this.tail.slice(0, nl));
      if (!this.report) this.malformed = true;
    } else if (this.tail.length > 64) {
      this.malformed = true;
    }
  }
}

export class OutputSink {
  readonly bytes = { stdout: 0, stderr: 0 };
  /** The viewer did not see everything. */
  truncated = false;
  overLimit = false;
  private shown = 0;
  private kept = 0;
  private readonly history: Buffer[] = [];
  private readonly scanners: Record<StreamName, MarkerScanner>;
  private readonly decoders: Record<StreamName, StringDecoder> = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') };

  constructor(
    marker: string,
    private readonly limits: OutputLimits,
    private readonly onOutput: ((chunk: { stream: StreamName; text: string }) => void) | undefined,
    private readonly onLimit: () => void,
  ) {
    this.scanners = { stdout: new MarkerScanner(marker), stderr: new MarkerScanner(marker) };
  }

  /** Both streams carried the end marker: the command is over and all its output is in. */
  get complete(): boolean {
    return this.scanners.stdout.done && this.scanners.stderr.done;
  }

  get report(): MarkerReport | undefined {
    return this.scanners.stdout.report ?? this.scanners.stderr.report;
  }

  push(stream: StreamName, data: Buffer): void {
    this.accept(stream, this.scanners[stream].push(data));
  }

  /** The attach stream ended: pass on what was held back and any partial characters. */
  end(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      this.accept(stream, this.scanners[stream].flush());
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
