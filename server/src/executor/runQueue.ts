// At most N runs at once; the rest wait in the order they came. A waiting
// run can be cancelled and leaves the line.

export class RunQueue {
  private active = 0;
  private readonly waiting: { grant: () => void; reject: (err: Error) => void }[] = [];

  constructor(private limit: number) {}

  get depth(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  /** Resolves with a release function once the run may start. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    const release = () => {
      this.active--;
      this.next();
    };
    if (signal?.aborted) return Promise.reject(new Error('cancelled'));
    if (this.active < this.limit && this.waiting.length === 0) {
      this.active++;
      return Promise.resolve(once(release));
    }
    return new Promise((resolve, reject) => {
      const entry = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          this.active++;
          resolve(once(release));
        },
        reject,
      };
      const onAbort = () => {
        const i = this.waiting.indexOf(entry);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(new Error('cancelled'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(entry);
    });
  }

  private next(): void {
    while (this.active < this.limit && this.waiting.length > 0) this.waiting.shift()!.grant();
  }
}

function once(fn: () => void): () => void {
  let called = false;
  return () => {
    if (!called) {
      called = true;
      fn();
    }
  };
}
