// The executor stage: every run in a fresh, locked-down container, through
// a FIFO queue, from the warm pool when one is waiting, with the workspace
// mounted read-only, copied (snapshot) or mounted live.

import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import type Docker from 'dockerode';
import { RequestError } from '../kernel';
import type { FileChange, RunResult, WorkspaceMode } from '../protocol/types';
import type { Settings } from '../settings/settings';
import type { ApplyResult, ExecutorStage, RunParams } from '../stages';
import { applyPending } from './applyChanges';
import { type SandboxShape } from './containerSpec';
import { apiAtLeast, connectDocker, explainDockerError, SandboxError } from './docker';
import { imageInfo } from './images';
import { buildMissingImage, chooseImage, type ImageChoice } from './imageChoice';
import { PendingStore, pendingRoot } from './pendingChanges';
import { PendingCapError } from './pendingCaps';
import { RunQueue } from './runQueue';
import { classifyEnd, progressTo, runResult } from './runEnd';
import { EgressSession } from './egressNetwork';
import { type HostPattern, runAllowList } from './hostAllowList';
import { Sandbox } from './sandbox';
import { snapshotPlan, type SnapshotPlan } from './snapshotPlan';
import { copyIn, keepChanges } from './snapshotRun';
import { ownerTag, sweep } from './sweep';
import { poolKey, WarmPool } from './warmPool';
import type { Manifest } from './workspaceFiles';
import { checkRuntimeNetwork, engineRuntimes, runtimeProblem } from './engineRuntime';
import { sandboxStatus, type SandboxStatus } from './sandboxStatus';
import { undoApply, type UndoResult } from './undoApply';
import { UndoStore } from './undoRecords';
import { checkWorkspace } from './workspaceGuard';
import { type SandboxAccess, sandboxAccess } from './workspaceOwner';
import { WorkspaceLocks } from './workspaceLock';

type RunOutput = RunResult & { output?: Buffer };
type OnOutput = (chunk: { stream: 'stdout' | 'stderr'; text: string }) => void;
type RunOptions = { signal?: AbortSignal; onOutput?: OnOutput; runId?: string };

const MODES: WorkspaceMode[] = ['ro', 'snapshot', 'live'];

export class Executor implements ExecutorStage {
  readonly docker: Docker;
  readonly pool: WarmPool;
  readonly queue: RunQueue;
  readonly pending: PendingStore;
  readonly locks: WorkspaceLocks;
  readonly undos: UndoStore;
  readonly owner = ownerTag();
  /** Whether the engine makes read-only binds read-only all the way down (API 1.44+); known after the first run. */
  private recursiveReadOnly: Promise<boolean> | undefined;
  private recursiveReadOnlyKnown = false;
  private swept: Promise<void> | undefined;
  private runtimes: Promise<string[]> | undefined;
  private readonly images = new Map<string, Promise<void>>();
  /** Why the engine could not mount an overlay snapshot; later snapshot runs copy. */
  private overlayBroken: string | undefined;
  private readonly cleanups = new Set<Promise<unknown>>();
  /** Containers running a command right now; disposing the stage kills them. */
  private readonly active = new Set<Sandbox>();

  constructor(
    private readonly settings: Settings,
    options: { docker?: Docker } = {},
  ) {
    this.docker = options.docker ?? connectDocker();
    const s = settings.sandbox;
    this.pool = new WarmPool(this.docker, s.poolSize, s.poolIdleSeconds * 1000, this.owner, () => this.active.size > 0);
    this.queue = new RunQueue(s.maxConcurrent);
    this.pending = new PendingStore(pendingRoot(settings.database.path));
    this.locks = new WorkspaceLocks(`${this.pending.root}-locks`);
    this.undos = new UndoStore(`${this.pending.root}-undo`);
  }

  /** Refuses a workspace that may not be mounted (or copied) in this mode; returns its real path. */
  private async guard(params: RunParams): Promise<string> {
    let real: string;
    try {
      real = fs.realpathSync(params.workspace);
    } catch {
      throw new RequestError(`The workspace ${params.workspace} does not exist or cannot be read.`);
    }
    this.recursiveReadOnly ??= this.docker.version().then((v) => (this.recursiveReadOnlyKnown = apiAtLeast(v.ApiVersion, 1, 44)));
    this.recursiveReadOnly.catch(() => (this.recursiveReadOnly = undefined));
    checkWorkspace(real, params.mode, await this.recursiveReadOnly.catch(() => false));
    return real;
  }

  /** The runtimes the engine offers, asked once (again after a failure). */
  engineRuntimes(): Promise<string[]> {
    this.runtimes ??= engineRuntimes(this.docker);
    this.runtimes.catch(() => (this.runtimes = undefined));
    return this.runtimes;
  }

  /** Refuses a run under a runtime the engine does not have (never falls back to less isolation). */
  private async checkRuntime(): Promise<void> {
    if (this.settings.sandbox.runtime === 'runc') return;
    const problem = runtimeProblem(this.settings.sandbox.runtime, await this.engineRuntimes().catch((err) => { throw explainDockerError(err); }));
    if (problem) throw new RequestError(problem, 'unavailable');
  }

  /** The start-up sweep: containers and volumes of servers that are gone, and expired pending changes. */
  startup(): Promise<void> {
    this.swept ??= (async () => {
      this.pending.purge();
      this.undos.purge();
      await sweep(this.docker, { keepOwner: this.owner });
    })();
    // A failed sweep (engine down) is retried by the next run rather than remembered.
    this.swept.catch(() => (this.swept = undefined));
    return this.swept;
  }

  /** The container's shape; `access` (who runs, from a copy or not) is known once the workspace passed its guard. */
  shape(params: RunParams, access?: SandboxAccess, layered?: SnapshotPlan & { lower: string }, choice?: ImageChoice): SandboxShape {
    const s = this.settings.sandbox;
    if (!MODES.includes(params.mode)) throw new RequestError(`Unknown workspace mode "${String(params.mode)}": use ro, snapshot or live.`);
    const requested = params.timeoutSeconds ?? s.timeoutSeconds;
    if (!Number.isFinite(requested) || requested < 1 || requested > 3_600) throw new RequestError(`The timeout must be a number of seconds from 1 to 3600, not ${String(params.timeoutSeconds)}.`);
    // The server's maximum holds whatever a client asks for.
    const timeout = Math.min(requested, s.maxTimeoutSeconds);
    const image = (choice?.image ?? params.image ?? s.image).trim();
    if (!/^[A-Za-z0-9][A-Za-z0-9._\-/:@]{0,254}$/.test(image)) throw new RequestError(`"${image}" is not an image name.`);
    const copy = access?.copy === true;
    const overlay = params.mode === 'snapshot' && layered?.overlay === true;
    checkRuntimeNetwork(s.runtime, params.network === true);
    return {
      ...(s.runtime === 'runsc' ? { runtime: 'runsc' as const } : {}),
      image,
      mode: copy ? 'snapshot' : params.mode,
      user: overlay ? layered.user : params.mode === 'snapshot' ? undefined : access?.user,
      ...(copy ? { readOnlyCopy: true } : {}),
      ...(overlay ? { overlay: true } : {}),
      ...(choice?.caches.length ? { caches: choice.caches, env: choice.env } : {}),
      workspace: overlay ? layered.lower : params.mode === 'snapshot' || copy ? undefined : params.workspace,
      network: params.network === true,
      recursiveReadOnly: this.recursiveReadOnlyKnown,
      limits: { memoryMiB: s.memoryMiB, cpus: s.cpus, pids: s.pids, tmpfsMiB: s.tmpfsMiB, timeoutSeconds: timeout, snapshotMiB: s.snapshotMaxMiB },
    };
  }

  /** Warms the pool for a kind of run ahead of time (e.g. when the editor opens a workspace). */
  warm(params: RunParams): void {
    if (params.network) return; // a networked run gets its own network, never a warm container
    let shape: SandboxShape;
    try {
      const real = fs.realpathSync(params.workspace);
      checkWorkspace(real, params.mode, this.recursiveReadOnlyKnown);
      shape = this.shape(params, sandboxAccess(real, params.mode), this.layered(params, real));
    } catch {
      return; // a run there is refused anyway, with the reason
    }
    this.pool.refill(poolKey(shape), shape, true);
  }

  async run(params: RunParams, options: RunOptions = {}): Promise<RunOutput> {
    const queuedAt = performance.now();
    const prepared = await this.prepare(params, options);
    let { shape } = prepared;
    let release: () => void;
    try {
      release = await this.queue.acquire(options.signal, params.userId ?? '');
    } catch {
      return runResult(params, shape, options.runId ?? randomUUID(), { end: 'cancelled', queueMs: performance.now() - queuedAt });
    }
    const queueMs = performance.now() - queuedAt;
    let sandbox: Sandbox | undefined;
    let egress: EgressSession | undefined;
    let releaseLive: (() => void) | undefined;
    try {
      // A live run and an apply never write the same workspace at once.
      if (shape.mode === 'live') releaseLive = await this.locks.holdLive(prepared.realWorkspace, options.runId ?? randomUUID());
      const startAt = performance.now();
      if (shape.network) {
        egress = await EgressSession.open(this.docker, prepared.patterns, { owner: this.owner, run: options.runId }, { onProgress: progressTo(options.onOutput) });
        shape = { ...shape, egress: egress.route };
      }
      const got = await this.sandboxFor(shape, prepared.notes, options.signal);
      if (!got) return runResult(params, shape, options.runId ?? randomUUID(), { end: 'cancelled', queueMs });
      ({ sandbox, shape } = got);
      this.active.add(sandbox);
      await egress?.ready; // the relay started while the sandbox was made
      const done = await this.execute(sandbox, params, shape, options, startAt);
      await egress?.shut(); // nothing leaves once the command is over
      const output = done.exec.sink.output();
      return {
        ...runResult(params, shape, options.runId ?? sandbox.id, { ...done.ended, queueMs, startMs: done.startMs, runMs: done.exec.runMs }),
        ...(prepared.notes.length ? { notes: prepared.notes } : {}),
        ...(egress ? { network: egress.report() } : {}),
        bytes: { ...done.exec.sink.bytes },
        truncated: done.exec.sink.truncated,
        changes: done.changes,
        output,
        outputHash: createHash('sha256').update(output).digest('hex'),
      };
    } finally {
      release();
      this.cleanUp(sandbox, egress, releaseLive);
    }
  }

  /** Everything a run needs before it queues: checked input, a guarded workspace, its image, its shape. */
  private async prepare(params: RunParams, options: RunOptions): Promise<{ shape: SandboxShape; realWorkspace: string; notes: string[]; patterns: HostPattern[] }> {
    this.shape(params); // bad input is refused before the engine is asked anything
    const patterns = runAllowList(this.settings.sandbox.networkAllow, params);
    await this.startup().catch((err) => {
      throw explainDockerError(err);
    });
    await this.checkRuntime();
    const realWorkspace = await this.guard(params);
    const access = sandboxAccess(realWorkspace, params.mode);
    const layered = this.layered(params, realWorkspace);
    const choice = await chooseImage(this.docker, params, this.settings.sandbox, realWorkspace, this.recursiveReadOnlyKnown).catch((err) => {
      throw explainDockerError(err);
    });
    const shape = this.shape(params, access, layered, choice);
    // The notes go in the result (the CLI prints them); the command's own output stays its own.
    const notes = [...access.notes, ...(layered?.notes ?? []), ...choice.notes];
    if ((params.timeoutSeconds ?? 0) > shape.limits.timeoutSeconds) {
      options.onOutput?.({ stream: 'stderr', text: `[paladin: timeout lowered to ${shape.limits.timeoutSeconds} s, this server's maximum (paladin.sandbox.maxTimeoutSeconds)]\n` });
    }
    await this.ensureImage(shape.image, options.onOutput, options.signal);
    return { shape, realWorkspace, notes, patterns };
  }

  /** A warm sandbox, or a fresh one (network runs always get a fresh one on their own network); undefined when cancelled. */
  private async sandboxFor(shape: SandboxShape, notes: string[], signal?: AbortSignal): Promise<{ sandbox: Sandbox; shape: SandboxShape } | undefined> {
    let key = poolKey(shape);
    let sandbox = shape.network ? undefined : this.pool.take(key);
    if (!sandbox) {
      try {
        sandbox = await this.create(shape, signal);
        if (sandbox.shape.overlay !== shape.overlay) {
          notes.push(`This snapshot run copies the workspace instead of layering over it: ${this.overlayBroken}.`);
          shape = { ...shape, overlay: undefined, user: undefined, workspace: undefined };
          key = poolKey(shape);
        }
      } catch (err) {
        if ((err as Error).message === 'cancelled') return undefined;
        // The image was removed since it was checked: check (and maybe build) again next time.
        if (err instanceof SandboxError && err.problem === 'image missing') this.images.delete(shape.image);
        throw err;
      }
    }
    // With another one still waiting, the replacement starts once no run is going (cleanUp asks), not beside it.
    if (!shape.network && !this.pool.hasReady(key)) this.pool.refill(key, shape, true);
    return { sandbox, shape };
  }

  /** Copies in (copy snapshots), runs the command, reads back a snapshot's changes. */
  private async execute(sandbox: Sandbox, params: RunParams, shape: SandboxShape, options: RunOptions, startAt: number) {
    const runId = options.runId ?? sandbox.id;
    let manifest: Manifest | undefined;
    if (shape.mode === 'snapshot' && !shape.overlay) {
      manifest = await copyIn(sandbox, params.workspace, this.settings.sandbox.snapshotMaxMiB, { signal: options.signal, onOutput: options.onOutput, readOnly: shape.readOnlyCopy });
    }
    const startMs = performance.now() - startAt;
    const exec = await sandbox.execute(params.command, {
      limits: { viewerBytes: this.settings.sandbox.outputBytes, historyBytes: this.settings.sandbox.historyOutputBytes },
      timeoutMs: shape.limits.timeoutSeconds * 1000,
      signal: options.signal,
      onOutput: options.onOutput,
    });
    let ended = await classifyEnd(sandbox, exec, shape, this.settings.sandbox.historyOutputBytes);
    let changes: RunResult['changes'];
    if (shape.mode === 'snapshot' && !shape.readOnlyCopy && ended.end === 'exited') {
      try {
        // Frozen first: whatever the command left running cannot touch the files while they are read.
        await sandbox.freeze();
        changes = await keepChanges(this.pending, this.settings.sandbox, sandbox, { runId, workspace: params.workspace, userId: params.userId, manifest });
      } catch (err) {
        // The command ran; only its changes are lost. Keep its output and say why.
        const why = err instanceof PendingCapError ? err.message : `the run's changes could not be read back: ${(err as Error).message}`;
        ended = { end: 'sandbox error', exitCode: ended.exitCode, message: why };
      }
    }
    return { exec, ended, changes, startMs };
  }

  /** Removes the container in the background; its network after it; the live lock once it is gone. */
  private cleanUp(sandbox: Sandbox | undefined, egress: EgressSession | undefined, releaseLive: (() => void) | undefined): void {
    if (sandbox) this.active.delete(sandbox);
    if (sandbox && !sandbox.shape.network) this.pool.refill(poolKey(sandbox.shape), { ...sandbox.shape, volume: undefined });
    const gone = sandbox ? sandbox.destroy() : Promise.resolve();
    this.track(gone.finally(() => egress?.remove()));
    if (releaseLive) this.track(gone.finally(releaseLive));
  }

  /** How a snapshot run gets its workspace (undefined for other modes). */
  private layered(params: RunParams, real: string): (SnapshotPlan & { lower: string }) | undefined {
    if (params.mode !== 'snapshot') return undefined;
    return { ...snapshotPlan(real, this.settings.sandbox.snapshotMethod, this.overlayBroken), lower: real };
  }

  /** A fresh sandbox; when the engine cannot mount the overlay, a copy snapshot instead (and from then on). */
  private async create(shape: SandboxShape, signal?: AbortSignal): Promise<Sandbox> {
    try {
      return await Sandbox.create(this.docker, shape, this.owner, false, signal);
    } catch (err) {
      const e = err as Error;
      if (!shape.overlay || e.message === 'cancelled' || (err instanceof SandboxError && err.problem === 'image missing')) throw err;
      this.overlayBroken = `the engine could not mount an overlay (${e.message.split('\n')[0].slice(0, 300)})`;
      return Sandbox.create(this.docker, { ...shape, overlay: undefined, user: undefined, workspace: undefined }, this.owner, false, signal);
    }
  }

  private async ensureImage(image: string, onOutput: OnOutput | undefined, signal?: AbortSignal): Promise<void> {
    let check = this.images.get(image);
    if (!check) {
      check = (async () => {
        if (await imageInfo(this.docker, image)) return;
        await buildMissingImage(this.docker, image, (line) => onOutput?.({ stream: 'stderr', text: `[paladin sandbox build] ${line}\n` }), signal);
      })();
      this.images.set(image, check);
      check.catch(() => this.images.delete(image));
    }
    await check;
  }

  async apply(runId: string, options: { includeSensitive?: boolean } = {}): Promise<ApplyResult> {
    const run = this.pending.load(runId);
    const unlock = this.locks.holdApply(realOr(run.workspace));
    let result: ReturnType<typeof applyPending>;
    // What the apply replaces is kept first, so `undo` can put it back.
    const undo = this.undos.begin(runId, run.workspace);
    try {
      result = applyPending(run, (name) => this.pending.fileOf(runId, name), { ...options, beforeCommit: (targets) => undo.capture(targets) });
      undo.finish(result.applied);
    } catch (err) {
      undo.abort();
      throw err;
    } finally {
      unlock();
    }
    // After a failure the record stays whole: applying again skips what is already in place.
    if (result.failed.length > 0) this.pending.save(run);
    else if (result.remaining.length > 0) this.pending.save({ ...run, changes: result.remaining });
    else this.pending.remove(runId);
    return { applied: result.applied, skipped: result.skipped, ...(result.failed.length ? { failed: result.failed } : {}) };
  }

  /** Puts back what the apply of `runId` replaced, when the files still hold what it left. */
  async undo(runId: string): Promise<UndoResult> {
    const record = this.undos.load(runId);
    const unlock = this.locks.holdApply(realOr(record.workspace));
    try {
      return undoApply(this.undos, runId);
    } finally {
      unlock();
    }
  }

  async pendingChanges(runId: string): Promise<FileChange[]> {
    return this.pending.load(runId).changes.map(({ base: _b, next: _n, ...change }) => change);
  }

  async discard(runId: string): Promise<void> {
    this.pending.load(runId);
    this.pending.remove(runId);
  }

  status(): Promise<SandboxStatus> {
    return sandboxStatus(this.docker, this.settings.sandbox, { pool: this.pool.counts(), queue: this.queue.depth }, () => this.engineRuntimes());
  }

  /** Waits for background container removals (tests, shutdown). */
  async settle(): Promise<void> {
    while (this.cleanups.size > 0) await Promise.allSettled([...this.cleanups]);
    await this.pool.settle();
  }

  async dispose(): Promise<void> {
    // A server going away takes its running commands with it (they end as "sandbox error").
    for (const sandbox of this.active) this.track(sandbox.destroy());
    await this.pool.dispose();
    await this.settle();
  }

  private track(p: Promise<unknown>): void {
    const tracked = p.catch(() => undefined).finally(() => this.cleanups.delete(tracked));
    this.cleanups.add(tracked);
  }
}

export { SandboxError };

/** The canonical path (the key live runs lock under), or the path as given when it is gone. */
function realOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
