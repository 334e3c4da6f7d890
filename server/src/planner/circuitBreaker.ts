// After `threshold` consecutive failures a provider is skipped for
// `coolDownMs`; then one request is let through as a probe (half-open): its
// success closes the circuit, its failure opens it again. Background health
// probes feed it too: a host that answers its probe again is half-open at
// once (no need to wait out the cool-down), and a second good probe closes it.

export type CircuitState = 'closed' | 'open' | 'half-open';

export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private lastError = '';

  constructor(
    readonly threshold = 3,
    readonly coolDownMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): CircuitState {
    if (this.failures < this.threshold) return 'closed';
    return this.now() - this.openedAt >= this.coolDownMs ? 'half-open' : 'open';
  }

  /** May a request go through now? In half-open state only one probe at a time. */
  allow(): boolean {
    const s = this.state;
    if (s === 'closed') return true;
    if (s === 'open' || this.probing) return false;
    this.probing = true;
    return true;
  }

  /** Could a request go through now, without claiming the half-open probe? For ranking endpoints. */
  available(): boolean {
    const s = this.state;
    return s === 'closed' || (s === 'half-open' && !this.probing);
  }

  /** A background health probe got an answer: open → half-open, half-open → closed. */
  probeSucceeded(): void {
    const s = this.state;
    if (s === 'open') this.openedAt = this.now() - this.coolDownMs;
    else if (s === 'half-open' && !this.probing) this.success();
  }

  success(): void {
    this.failures = 0;
    this.probing = false;
  }

  /** The request was cancelled: neither a success nor a failure. */
  release(): void {
    this.probing = false;
  }

  failure(error: string): void {
    this.lastError = error;
    this.probing = false;
    this.failures++;
    if (this.failures >= this.threshold) this.openedAt = this.now();
  }

  /** Why requests are being skipped, for the result and the status bar. */
  describe(): string {
    const left = Math.max(0, Math.ceil((this.coolDownMs - (this.now() - this.openedAt)) / 1000));
    return `circuit open after ${this.failures} failures in a row (last: ${this.lastError}); retrying in ${left} s`;
  }
}
