// One single-use sandbox container: created and started ahead of time (its
// keeper waits), given exactly one command as an exec, then destroyed. It is
// never handed a second command.

import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import { checkCommand, commandExec, OOM_READER, parseOomCount, READER_USER, waitingExec } from './bootstrap';
import { containerSpec, SANDBOX_USER, snapshotVolumeSpec, WORKDIR, type SandboxShape } from './containerSpec';
import { Demuxer, type StreamName } from './demux';
import { explainDockerError, isGone } from './docker';
import { OutputSink, type OutputLimits } from './outputSink';
import { createOverlay, type OverlayParts } from './overlayLayers';

/** How long after TERM the container is killed outright. */
export const KILL_GRACE_MS = 2_000;

export type ExecutionEnd = 'exited' | 'died' | 'timeout' | 'cancelled' | 'output limit';

export interface Execution {
  how: ExecutionEnd;
  /** The command's exit status as the engine reports it (null when it did not exit by itself). */
  exitCode: number | null;
  /** OOM kills in the container's cgroup (read only after a failure). */
  oomKills: number;
  sink: OutputSink;
  runMs: number;
}

interface WaitingExec {
  exec: Docker.Exec;
  stream: Duplex;
  /** The line that ends the command written to it. */
  mark: string;
}

export class Sandbox {
  private onClose: (() => void) | undefined;
  private destroying: Promise<void> | undefined;
  private used = false;
  /** A pooled container's exec, started ahead and waiting for its command on stdin (see waitingExec). */
  private waiting: WaitingExec | undefined;
  dead = false;
  readonly createdAt = Date.now();

  private constructor(
    private readonly docker: Docker,
    readonly id: string,
    readonly shape: SandboxShape,
    readonly container: Docker.Container,
    private readonly stream: Duplex,
    readonly volume: string | undefined,
    /** An overlay snapshot's upper layer and its holder. */
    readonly overlay?: Partial<OverlayParts>,
  ) {
    stream.resume(); // the keeper prints nothing; only the stream's end matters
    const closed = () => {
      if (this.dead) return;
      this.dead = true;
      this.onClose?.();
    };
    stream.on('end', closed);
    stream.on('close', closed);
    stream.on('error', closed);
  }

  /** Creates, attaches and starts a container for `shape`; its shell then waits for a command. */
  static async create(docker: Docker, shape: SandboxShape, owner: string, pooled = false, signal?: AbortSignal): Promise<Sandbox> {
    const id = randomUUID();
    let volume: string | undefined;
    let overlay: Partial<OverlayParts> | undefined;
    let container: Docker.Container | undefined;
    let sandbox: Sandbox | undefined;
    try {
      if (shape.mode === 'snapshot' && shape.overlay) {
        const root = fs.statSync(shape.workspace ?? '');
        const parts = await createOverlay(docker, shape, { id, owner, pool: pooled ? '1' : undefined }, { mode: root.mode }, (made) => (overlay = made));
        volume = parts.overlayVolume;
      } else if (shape.mode === 'snapshot') {
        volume = `paladin-snap-${id}`;
        await docker.createVolume(snapshotVolumeSpec(volume, shape.limits, owner, shape.readOnlyCopy));
      }
      container = await docker.createContainer({ ...containerSpec({ ...shape, volume }, { run: id, owner, pool: pooled ? '1' : undefined }), name: `paladin-${id}` });
      const stream = (await container.attach({ stream: true, stdout: true, stderr: true, hijack: true })) as Duplex;
      sandbox = new Sandbox(docker, id, { ...shape, volume }, container, stream, volume, overlay);
      await container.start();
      if (signal?.aborted) throw new Error('cancelled');
      if (pooled) sandbox.waiting = await sandbox.startWaitingExec();
      return sandbox;
    } catch (err) {
      if (sandbox) await sandbox.destroy().catch(() => undefined);
      else {
        if (container) await container.remove({ force: true }).catch(() => undefined);
        await removeVolumes(docker, volume, overlay).catch(() => undefined);
      }
      if ((err as Error).message === 'cancelled') throw err;
      throw explainDockerError(err, shape.image);
    }
  }

  /** Runs `command` once, as an exec. Resolves when its end (or the container's) is known. */
  execute(
    command: string,
    options: {
      limits: OutputLimits;
      timeoutMs: number;
      signal?: AbortSignal;
      onOutput?: (chunk: { stream: StreamName; text: string }) => void;
    },
  ): Promise<Execution> {
    if (this.used) throw new Error('A sandbox container is never given a second command.');
    this.used = true;
    const started = performance.now();
    return new Promise<Execution>((resolve) => {
      let stopping: ExecutionEnd | undefined;
      const timers: NodeJS.Timeout[] = [];
      let settled = false;
      let exitCode: number | null = null;
      let oomKills = 0;
      // A container that dies while its exec starts (gVisor's sandbox ending) can leave the exec's
      // connection open forever: once the end is known, it is dropped.
      const execDone = new AbortController();
      const finish = (how: ExecutionEnd) => {
        if (settled) return;
        settled = true;
        execDone.abort();
        for (const t of timers) clearTimeout(t);
        options.signal?.removeEventListener('abort', onAbort);
        this.onClose = undefined;
        sink.end();
        resolve({ how: stopping ?? how, exitCode, oomKills, sink, runMs: performance.now() - started });
      };
      const kill = (signal: 'SIGTERM' | 'SIGKILL') => {
        this.container.kill({ signal }).catch(() => undefined);
      };
      const stop = (why: ExecutionEnd, signal: 'SIGTERM' | 'SIGKILL') => {
        if (stopping || settled) return;
        stopping = why;
        kill(signal);
        if (signal === 'SIGTERM') timers.push(setTimeout(() => kill('SIGKILL'), KILL_GRACE_MS));
        // If the engine never reports the container's end, give up waiting; destroy() still removes it.
        timers.push(setTimeout(() => finish(why), KILL_GRACE_MS + 5_000));
      };
      const sink = new OutputSink(options.limits, options.onOutput, () => stop('output limit', 'SIGKILL'));
      const onAbort = () => stop('cancelled', 'SIGKILL');
      // The keeper's stream ends when the container does: OOM, a kill, or the engine going away.
      this.onClose = () => finish('died');
      if (this.dead) return finish('died');
      if (options.signal?.aborted) return onAbort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      timers.push(setTimeout(() => stop('timeout', 'SIGTERM'), options.timeoutMs));
      this.runExec(command, sink, () => settled || stopping !== undefined, execDone.signal)
        .then(async (code) => {
          exitCode = code;
          if (settled) return;
          if (stopping) {
            // Stopped and ended: nothing of it may linger until the KILL that was planned.
            kill('SIGKILL');
            return finish(stopping);
          }
          // A failure may be an OOM kill: ask the cgroup, as a user the run cannot trace.
          // Killed by a signal: the container itself may be ending (OOM, keeper killed), which is told apart
          // by its state; otherwise the OOM killer (it sends KILL) may have been at work.
          if (code === null || code >= 128) {
            // The exec's end can be reported before the container's: give a dying container a moment.
            let running = await this.container.inspect().then((i) => i.State.Running, () => false);
            if (running && !this.dead) {
              await new Promise((resolve) => setTimeout(resolve, 300));
              running = await this.container.inspect().then((i) => i.State.Running, () => false);
            }
            if (this.dead || !running) return finish('died');
            oomKills = await this.readOomKills();
          }
          finish('exited');
        })
        .catch(() => finish('died'));
    });
  }

  /**
   * Starts the command's exec, streams its output into `sink`, and returns
   * its exit status as the engine reports it. Once the command's process has
   * ended, whatever it left behind is killed by the keeper when it still
   * holds the output open or could still write the workspace (live mode);
   * otherwise removal (ro) or the freezer (snapshot) stops it.
   */
  private async runExec(command: string, sink: OutputSink, over: () => boolean, done: AbortSignal): Promise<number | null> {
    checkCommand(command);
    const waiting = this.waiting && !this.waiting.stream.destroyed && !this.waiting.stream.readableEnded ? this.waiting : undefined;
    this.waiting = undefined;
    const exec = waiting?.exec ?? (await this.container.exec({ Cmd: commandExec(command), AttachStdout: true, AttachStderr: true, User: this.shape.user ?? SANDBOX_USER, WorkingDir: WORKDIR }));
    const stream = waiting?.stream ?? ((await exec.start({ hijack: true, stdin: false, abortSignal: done })) as Duplex);
    if (done.aborted) stream.destroy();
    else done.addEventListener('abort', () => stream.destroy(), { once: true });
    const demux = new Demuxer((name, data) => sink.push(name, data));
    let closed = false;
    const ended = new Promise<void>((resolve) => {
      stream.on('data', (chunk: Buffer) => demux.push(chunk));
      for (const e of ['end', 'close', 'error']) stream.on(e, () => ((closed = true), resolve()));
    });
    // The waiting exec runs what it has read once its stdin closes.
    if (waiting) {
      stream.resume();
      stream.end(`${command}\n${waiting.mark}`);
    }
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    let pause = 5;
    let code: number | null = null;
    let unsettledSince: number | undefined;
    for (;;) {
      const info = await exec.inspect();
      if (!info.Running) {
        code = info.ExitCode ?? null;
        // Under load the engine can answer "not running, no exit code" for an
        // exec it has not started yet: ask again until a code comes, the
        // container goes, or the output closed long enough ago.
        unsettledSince ??= closed ? performance.now() : undefined;
        if (code !== null || this.dead || (unsettledSince !== undefined && performance.now() - unsettledSince > 2_000) || over()) break;
        await (closed ? sleep(20) : Promise.race([ended, sleep(pause)]));
        continue;
      }
      if (over()) break;
      // Once the output has closed the end is near: ask again soon rather than at the backed-off pace.
      await (closed ? sleep(5) : Promise.race([ended, sleep(pause)]));
      pause = Math.min(200, pause * 1.5);
    }
    if (!over() && (!closed || this.shape.mode === 'live')) await this.container.kill({ signal: 'SIGUSR1' }).catch(() => undefined);
    // Output still in flight arrives before the stream closes; the engine closes it within 2 s regardless.
    await Promise.race([ended, sleep(3_000)]);
    stream.destroy();
    return code;
  }

  /** Starts the exec that will run this container's command; undefined (a run then starts its own) when the engine refuses. */
  private async startWaitingExec(): Promise<WaitingExec | undefined> {
    try {
      const mark = `#paladin-end-${randomUUID()}`;
      const exec = await this.container.exec({ Cmd: waitingExec(mark), AttachStdin: true, AttachStdout: true, AttachStderr: true, User: this.shape.user ?? SANDBOX_USER, WorkingDir: WORKDIR });
      const stream = (await exec.start({ hijack: true, stdin: true })) as Duplex;
      stream.pause(); // nothing comes before the command; its output is read once it is written
      stream.on('error', () => undefined);
      return { exec, stream, mark };
    } catch {
      return undefined;
    }
  }

  private async readOomKills(): Promise<number> {
    try {
      const exec = await this.container.exec({ Cmd: OOM_READER, AttachStdout: true, AttachStderr: false, User: READER_USER });
      const stream = (await exec.start({ hijack: true, stdin: false })) as Duplex;
      let text = '';
      const demux = new Demuxer((_name, data) => (text += data.toString('latin1')));
      stream.on('data', (chunk: Buffer) => demux.push(chunk));
      await new Promise<void>((resolve) => {
        for (const e of ['end', 'close', 'error']) stream.on(e, () => resolve());
        setTimeout(resolve, 3_000);
      });
      stream.destroy();
      return parseOomCount(text) ?? 0;
    } catch {
      return 0;
    }
  }

  /**
   * Freezes every process left in the container (cgroup freezer) before its
   * files are read back. Where the engine cannot pause (some rootless
   * setups), the keeper's kill after the command's end is what stopped them.
   */
  async freeze(): Promise<boolean> {
    return this.container.pause().then(
      () => true,
      () => false,
    );
  }

  /** Kills and removes the container and its volume (and an overlay's holder and upper layer). Safe to call more than once. */
  destroy(): Promise<void> {
    this.destroying ??= (async () => {
      // Closing the stream marks the sandbox dead and ends a command still waiting on it.
      this.stream.destroy();
      this.waiting?.stream.destroy();
      await this.container.remove({ force: true }).catch((err) => {
        if (!isGone(err)) throw err;
      });
      await removeVolumes(this.docker, this.volume, this.overlay);
    })();
    return this.destroying;
  }
}

/** The overlay volume first (it needs the upper layer mounted), then the holder, then the upper layer. */
async function removeVolumes(docker: Docker, volume: string | undefined, overlay: Partial<OverlayParts> | undefined): Promise<void> {
  const gone = (err: unknown) => {
    if (!isGone(err)) throw err;
  };
  if (volume) await docker.getVolume(volume).remove().catch(gone);
  if (overlay?.holder) await overlay.holder.remove({ force: true }).catch(gone);
  if (overlay?.upperVolume) await docker.getVolume(overlay.upperVolume).remove().catch(gone);
}
