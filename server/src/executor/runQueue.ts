// At most N runs at once; the rest wait, taken in turn per user (round
// robin), so one user's pile of runs cannot hold everyone else's back. Within
// one user, runs start in the order they came. A waiting run can be
// cancelled and leaves the line.

interface Waiter {
  grant: () => void;
  reject: (err: Error) => void;
}

export class RunQueue {
  private active = 0;
  /** Waiting runs per user; the map's order is the turn order. */
  private readonly waiting = new Map<string, Waiter[]>();
  private count = 0;

  constructor(private limit: number) {}

  get depth(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.count };
  }

  /** Resolves with a release function once the run may start. */
  acquire(signal?: AbortSignal, user = ''): Promise<() => void> {
    const release = () => {
      this.active--;
      this.next();
    };
    if (signal?.aborted) return Promise.reject(new Error('cancelled'));
    if (this.active < this.limit && this.count === 0) {
      this.active++;
      return Promise.resolve(once(release));
    }
    return new Promise((resolve, reject) => {
      const entry: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          this.active++;
          resolve(once(release));
        },
        reject,
      };
      const onAbort = () => {
        const line = this.waiting.get(user);
        const i = line ? line.indexOf(entry) : -1;
        if (line && i >= 0) {
          line.splice(i, 1);
          this.count--;
          if (line.length === 0) this.waiting.delete(user);
        }
        reject(new Error('cancelled'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const line = this.waiting.get(user);
      if (line) line.push(entry);
      else this.waiting.set(user, [entry]);
      this.count++;
    });
  }

  private next(): void {
    while (this.active < this.limit && this.count > 0) {
      const [user, line] = this.waiting.entries().next().value as [string, Waiter[]];
      const entry = line.shift()!;
      this.count--;
      // The user goes to the back of the turn order (or leaves it when nothing else waits).
      this.waiting.delete(user);
      if (line.length > 0) this.waiting.set(user, line);
      entry.grant();
    }
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
