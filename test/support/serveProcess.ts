// A real `paladin serve` in a child process, and the CLI beside it, with the
// environment a test gives: the port it printed, its stderr, and the CLI's
// output for commands run against the same store.

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import * as readline from 'node:readline';
import { paladinArgs } from './nodeArgs';

export interface ServeProcess {
  child: ChildProcess;
  port: number;
  stderr(): string;
  stop(): Promise<void>;
}

function start(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, paladinArgs(args), { env, stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function cliProcess(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> {
  const child = start(args, env);
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const [code] = (await once(child, 'exit')) as [number];
  return { code, out, err };
}

export async function serveProcess(env: NodeJS.ProcessEnv): Promise<ServeProcess> {
  const child = start(['serve', '--port', '0', '--json'], env);
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const first = await readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next();
  if (first.done) throw new Error(`paladin serve printed nothing: ${stderr}`);
  const port = Number(new URL((JSON.parse(String(first.value)) as { url: string }).url).port);
  return {
    child,
    port,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
