// Containers created and started before they are needed, so a run only has
// to write its command to a waiting shell. Each is used once; taking one
// starts its replacement in the background. Idle keys expire.
//
// A replacement that is not needed at once (another container of its key
// still waits) is made once no run has been going for a moment, so making
// it does not compete with a run for the engine (a dry run's second try,
// the next command of a burst); it waits at most MAX_DEFER_MS. When none is
// left, one is started at once and the rest wait likewise.

import type Docker from 'dockerode';
import type { SandboxShape } from './containerSpec';
import { Sandbox } from './sandbox';

interface Slot {
  shape: SandboxShape;
  ready: Sandbox[];
  warming: number;
  timer?: NodeJS.Timeout;
  lastError?: string;
}

const MAX_KEYS = 4;
/** How long no run must have been going before a deferred replacement is made. */
const QUIET_MS = 30;
/** The longest a replacement waits for a quiet moment. */
const MAX_DEFER_MS = 2_000;

export function poolKey(shape: SandboxShape): string {
  return JSON.stringify([shape.image, shape.mode, shape.mode === 'snapshot' && !shape.overlay ? '' : shape.workspace, shape.user ?? '', shape.network, shape.limits, shape.readOnlyCopy === true, shape.overlay === true, shape.caches ?? [], shape.env ?? [], shape.runtime ?? 'runc']);
}

export class WarmPool {
  private readonly slots = new Map<string, Slot>();
  private readonly pending = new Set<Promise<unknown>>();
  private disposed = false;
  /** Replacements waiting for a quiet moment, by key. */
  private readonly deferred = new Map<string, SandboxShape>();
  private quietTimer: NodeJS.Timeout | undefined;
  private deferredSince = 0;

  constructor(
    private readonly docker: Docker,
    private readonly size: number,
    private readonly idleMs: number,
    private readonly owner: string,
    /** Whether a run is going now. */
    private readonly busy: () => boolean = () => false,
  ) {}

  /** A ready container for `key`, if one is waiting. */
  take(key: string): Sandbox | undefined {
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    while (slot.ready.length > 0) {
      const sandbox = slot.ready.shift()!;
      if (!sandbox.dead) return sandbox;
      this.track(sandbox.destroy());
    }
    return undefined;
  }

  /** Whether a live container of `key` is waiting. */
  hasReady(key: string): boolean {
    return this.slots.get(key)?.ready.some((sandbox) => !sandbox.dead) === true;
  }

  /**
   * Tops the key up to the pool size in the background once no run is
   * going; with `now` (none is waiting), one is started at once.
   */
  refill(key: string, shape: SandboxShape, now = false): void {
    if (this.size <= 0 || this.disposed) return;
    if (now) this.topUp(key, shape, 1);
    if (now && this.size === 1) return;
    this.deferred.set(key, shape);
    if (!this.quietTimer) {
      this.deferredSince = Date.now();
      this.waitForQuiet();
    }
  }

  private topUp(key: string, shape: SandboxShape, target: number): void {
    let slot = this.slots.get(key);
    if (!slot) {
      if (this.slots.size >= MAX_KEYS) this.evictOldest();
      slot = { shape, ready: [], warming: 0 };
      this.slots.set(key, slot);
    } else {
      // Re-insert so Map order tracks recent use.
      this.slots.delete(key);
      this.slots.set(key, slot);
    }
    this.touch(key, slot);
    const s = slot;
    while (s.ready.length + s.warming < target) {
      s.warming++;
      this.track(
        Sandbox.create(this.docker, shape, this.owner, true).then(
          (sandbox) => {
            s.warming--;
            s.lastError = undefined;
            if (this.disposed || this.slots.get(key) !== s) return sandbox.destroy();
            s.ready.push(sandbox);
          },
          (err: Error) => {
            s.warming--;
            s.lastError = err.message;
          },
        ),
      );
      if (s.lastError) break;
    }
  }

  private waitForQuiet(): void {
    this.quietTimer = setTimeout(() => {
      this.quietTimer = undefined;
      if (this.busy() && Date.now() - this.deferredSince < MAX_DEFER_MS) this.waitForQuiet();
      else this.refillDeferred();
    }, QUIET_MS);
    this.quietTimer.unref();
  }

  /** Starts every deferred replacement now. */
  refillDeferred(): void {
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = undefined;
    const waiting = [...this.deferred];
    this.deferred.clear();
    for (const [key, shape] of waiting) if (!this.disposed) this.topUp(key, shape, this.size);
  }

  counts(): { ready: number; warming: number; keys: number } {
    let ready = 0;
    let warming = 0;
    for (const s of this.slots.values()) {
      ready += s.ready.length;
      warming += s.warming;
    }
    return { ready, warming, keys: this.slots.size };
  }

  /** Run-label ids of the containers waiting now. */
  readyIds(): string[] {
    return [...this.slots.values()].flatMap((s) => s.ready.map((sandbox) => sandbox.id));
  }

  /** Starts the deferred replacements and waits for containers being created or removed right now. */
  async settle(): Promise<void> {
    this.refillDeferred();
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.deferred.clear();
    for (const key of [...this.slots.keys()]) this.drop(key);
    await this.settle();
  }

  private touch(key: string, slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => this.drop(key), this.idleMs);
    slot.timer.unref();
  }

  private evictOldest(): void {
    const oldest = this.slots.keys().next().value;
    if (oldest !== undefined) this.drop(oldest);
  }

  private drop(key: string): void {
    const slot = this.slots.get(key);
    if (!slot) return;
    this.slots.delete(key);
    if (slot.timer) clearTimeout(slot.timer);
    for (const sandbox of slot.ready) this.track(sandbox.destroy());
    slot.ready = [];
  }

  track(p: Promise<unknown>): void {
    const tracked = p.catch(() => undefined).finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }
}
