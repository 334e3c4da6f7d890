// Applying changes and live runs exclude each other per workspace, across
// processes (the CLI may apply while the server runs): each side first
// writes its own marker file, then looks for the other side's live markers;
// whoever sees the other backs off, so both can never proceed together.
// A marker names its process; markers of processes that are gone are stale.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RequestError } from '../kernel';

const APPLY = 'apply';

export class WorkspaceLocks {
  constructor(private readonly dir: string) {}

  /** Marks a live run in `workspace`; waits up to `waitMs` for an apply there to end. */
  async holdLive(workspace: string, runId: string, waitMs = 10_000): Promise<() => void> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const { release } = this.mark(workspace, `live-${runId.replace(/[^A-Za-z0-9_-]/g, '_')}`);
      if (!this.othersHold(workspace, (n) => n === APPLY)) return release;
      release();
      if (Date.now() > deadline) throw new RequestError(`Changes are being applied to ${workspace}; a live run waits for that and it took too long. Run again in a moment.`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Marks an apply in `workspace`; refuses while a live run or another apply holds it. */
  holdApply(workspace: string): () => void {
    const { file, release } = this.mark(workspace, APPLY);
    if (this.othersHold(workspace, (n) => n === APPLY, file)) {
      release();
      throw new RequestError(`Another apply is writing to ${workspace} right now; nothing was applied. Try again in a moment.`);
    }
    if (this.othersHold(workspace, (n) => n.startsWith('live-'))) {
      release();
      throw new RequestError(`A live run is using ${workspace}; nothing was applied. Apply when it has ended.`);
    }
    return release;
  }

  private prefix(workspace: string): string {
    return createHash('sha256').update(workspace).digest('hex').slice(0, 32);
  }

  private mark(workspace: string, kind: string): { file: string; release: () => void } {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const file = path.join(this.dir, `${this.prefix(workspace)}.${kind}.${process.pid}.${Math.random().toString(36).slice(2, 10)}`);
    fs.writeFileSync(file, String(process.pid), { flag: 'wx', mode: 0o600 });
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      fs.rmSync(file, { force: true });
    };
    return { file: path.basename(file), release };
  }

  /** Whether a marker of `kind` by a live process exists for `workspace` (stale ones are removed). */
  private othersHold(workspace: string, kind: (name: string) => boolean, except?: string): boolean {
    const prefix = this.prefix(workspace) + '.';
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return false;
    }
    for (const name of names) {
      if (!name.startsWith(prefix) || name === except) continue;
      const [k, pid] = name.slice(prefix.length).split('.');
      if (!kind(k)) continue;
      if (alive(Number(pid))) return true;
      fs.rmSync(path.join(this.dir, name), { force: true });
    }
    return false;
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
