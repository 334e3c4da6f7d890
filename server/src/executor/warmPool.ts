// Containers created and started before they are needed, so a run only has
// to write its command to a waiting shell. Each is used once; taking one
// starts its replacement in the background. Idle keys expire.

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

export function poolKey(shape: SandboxShape): string {
  return JSON.stringify([shape.image, shape.mode, shape.mode === 'snapshot' && !shape.overlay ? '' : shape.workspace, shape.user ?? '', shape.network, shape.limits, shape.readOnlyCopy === true, shape.overlay === true, shape.caches ?? [], shape.env ?? [], shape.runtime ?? 'runc']);
}

export class WarmPool {
  private readonly slots = new Map<string, Slot>();
  private readonly pending = new Set<Promise<unknown>>();
  private disposed = false;

  constructor(
    private readonly docker: Docker,
    private readonly size: number,
    private readonly idleMs: number,
    private readonly owner: string,
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

  /** Tops the key up to the pool size in the background. */
  refill(key: string, shape: SandboxShape): void {
    if (this.size <= 0 || this.disposed) return;
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
    while (s.ready.length + s.warming < this.size) {
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

  /** Waits for containers being created or removed right now. */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
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
