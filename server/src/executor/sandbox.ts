// One single-use sandbox container: created and started ahead of time (its
// shell waits on stdin), given exactly one command, then destroyed. It is
// never handed a second command.

import { randomBytes, randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import { commandMessage, type MarkerReport } from './bootstrap';
import { containerSpec, snapshotVolumeSpec, type SandboxShape } from './containerSpec';
import { Demuxer, type StreamName } from './demux';
import { explainDockerError, isGone } from './docker';
import { OutputSink, type OutputLimits } from './outputSink';

/** How long after TERM the container is killed outright. */
export const KILL_GRACE_MS = 2_000;

export type ExecutionEnd = 'exited' | 'died' | 'timeout' | 'cancelled' | 'output limit';

export interface Execution {
  how: ExecutionEnd;
  report?: MarkerReport;
  sink: OutputSink;
  runMs: number;
}

export class Sandbox {
  private onData: ((chunk: Buffer) => void) | undefined;
  private onClose: (() => void) | undefined;
  private destroying: Promise<void> | undefined;
  private used = false;
  dead = false;
  readonly createdAt = Date.now();

  private constructor(
    private readonly docker: Docker,
    readonly id: string,
    readonly shape: SandboxShape,
    readonly container: Docker.Container,
    private readonly stream: Duplex,
    readonly volume: string | undefined,
  ) {
    stream.on('data', (chunk: Buffer) => this.onData?.(chunk));
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
    let container: Docker.Container | undefined;
    let sandbox: Sandbox | undefined;
    try {
      if (shape.mode === 'snapshot') {
        volume = `paladin-snap-${id}`;
        await docker.createVolume(snapshotVolumeSpec(volume, shape.limits, owner));
      }
      container = await docker.createContainer({ ...containerSpec({ ...shape, volume }, { run: id, owner, pool: pooled ? '1' : undefined }), name: `paladin-${id}` });
      const stream = (await container.attach({ stream: true, stdin: true, stdout: true, stderr: true, hijack: true })) as Duplex;
      sandbox = new Sandbox(docker, id, { ...shape, volume }, container, stream, volume);
      await container.start();
      if (signal?.aborted) throw new Error('cancelled');
      return sandbox;
    } catch (err) {
      if (sandbox) await sandbox.destroy().catch(() => undefined);
      else {
        if (container) await container.remove({ force: true }).catch(() => undefined);
        if (volume) await docker.getVolume(volume).remove().catch(() => undefined);
      }
      if ((err as Error).message === 'cancelled') throw err;
      throw explainDockerError(err, shape.image);
    }
  }

  /** Runs `command` once. Resolves when the command's end (or the container's) is known. */
  execute(
    command: string,
    options: {
      hold: boolean;
      limits: OutputLimits;
      timeoutMs: number;
      signal?: AbortSignal;
      onOutput?: (chunk: { stream: StreamName; text: string }) => void;
    },
  ): Promise<Execution> {
    if (this.used) throw new Error('A sandbox container is never given a second command.');
    this.used = true;
    const marker = 'PALADIN-' + randomBytes(16).toString('hex');
    const message = commandMessage(marker, command, options.hold);
    const started = performance.now();
    return new Promise<Execution>((resolve) => {
      let stopping: ExecutionEnd | undefined;
      const timers: NodeJS.Timeout[] = [];
      let settled = false;
      const finish = (how: ExecutionEnd) => {
        if (settled) return;
        settled = true;
        for (const t of timers) clearTimeout(t);
        options.signal?.removeEventListener('abort', onAbort);
        this.onData = undefined;
        this.onClose = undefined;
        resolve({ how: stopping ?? how, report: sink.report, sink, runMs: performance.now() - started });
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
      const sink = new OutputSink(marker, options.limits, options.onOutput, () => stop('output limit', 'SIGKILL'));
      const demux = new Demuxer((stream, data) => sink.push(stream, data));
      const onAbort = () => stop('cancelled', 'SIGKILL');

      this.onData = (chunk) => {
        demux.push(chunk);
        if (sink.complete) finish('exited');
      };
      this.onClose = () => {
        sink.end();
        finish(sink.complete ? 'exited' : 'died');
      };
      if (this.dead) {
        this.onClose();
        return;
      }
      if (options.signal?.aborted) {
        onAbort();
        return;
      }
      options.signal?.addEventListener('abort', onAbort, { once: true });
      timers.push(setTimeout(() => stop('timeout', 'SIGTERM'), options.timeoutMs));
      this.stream.write(message);
    });
  }

  /** Kills and removes the container and its volume. Safe to call more than once. */
  destroy(): Promise<void> {
    this.destroying ??= (async () => {
      // Closing the stream marks the sandbox dead and ends a command still waiting on it.
      this.stream.destroy();
      await this.container.remove({ force: true }).catch((err) => {
        if (!isGone(err)) throw err;
      });
      if (this.volume) {
        await this.docker
          .getVolume(this.volume)
          .remove()
          .catch((err) => {
            if (!isGone(err)) throw err;
          });
      }
    })();
    return this.destroying;
  }
}
