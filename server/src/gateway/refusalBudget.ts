// Refused requests are audited, but a client hammering the API with bad keys
// must not turn each attempt into a durable write: per address and minute
// the first N are written, the rest counted into the next record written.

export class RefusalBudget {
  private readonly entries = new Map<string, { minute: number; written: number; suppressed: number; carried: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Whether to audit this refusal, and how many went unwritten before it. */
  count(address: string): { write: boolean; suppressedBefore: number } {
    const minute = Math.floor(this.clock() / 60_000);
    let entry = this.entries.get(address);
    if (!entry || entry.minute !== minute) {
      entry = { minute, written: 0, suppressed: 0, carried: (entry?.carried ?? 0) + (entry?.suppressed ?? 0) };
      this.entries.set(address, entry);
    }
    if (entry.written >= this.perMinute) {
      entry.suppressed++;
      return { write: false, suppressedBefore: 0 };
    }
    entry.written++;
    const suppressedBefore = entry.carried;
    entry.carried = 0;
    return { write: true, suppressedBefore };
  }
}
