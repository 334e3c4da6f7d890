// Docker multiplexes a non-TTY container's stdout and stderr onto one
// attach stream in frames: [type, 0, 0, 0, size (4 bytes, big-endian)] then
// `size` bytes. This splits it back, passing payload on as it arrives so a
// large frame is never held whole.

export type StreamName = 'stdout' | 'stderr';

export class Demuxer {
  private header = Buffer.alloc(8);
  private headerFill = 0;
  private remaining = 0;
  private current: StreamName = 'stdout';

  constructor(private readonly onPayload: (stream: StreamName, data: Buffer) => void) {}

  push(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.remaining === 0) {
        const take = Math.min(8 - this.headerFill, chunk.length - offset);
        chunk.copy(this.header, this.headerFill, offset, offset + take);
        this.headerFill += take;
        offset += take;
        if (this.headerFill < 8) return;
        this.headerFill = 0;
        // 1 = stdout, 2 = stderr; 0 (stdin echo) and anything else count as stdout.
        this.current = this.header[0] === 2 ? 'stderr' : 'stdout';
        this.remaining = this.header.readUInt32BE(4);
        continue;
      }
      const take = Math.min(this.remaining, chunk.length - offset);
      this.remaining -= take;
      this.onPayload(this.current, chunk.subarray(offset, offset + take));
      offset += take;
    }
  }
}
