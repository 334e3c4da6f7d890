// Real `paladin serve` processes (and CLI runs) for the team tests: each
// instance with its own local SQLite file, as on its own host, all on one
// PostgreSQL database and one audit key.
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { paladinArgs } from './nodeArgs';

export interface ServeInstance {
  child: ChildProcess;
  port: number;
  stderr: () => string;
}

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

export interface TeamServers {
  cli(instance: string, args: string[]): ChildProcess;
  /** Runs the CLI to its end; returns its exit code and what it printed. */
  run(instance: string, args: string[]): Promise<CliRun>;
  serve(instance: string): Promise<ServeInstance>;
  /** Makes an API key for the user with the CLI (the default quota when none is given); returns it. */
  createKey(instance: string, name: string, user: string, quota?: number): Promise<string>;
  /** SIGKILL every process still running. */
  killAll(): void;
}

export function teamServers(options: { url: string; dir: string; workspace: string }): TeamServers {
  const children: ChildProcess[] = [];
  const envFor = (instance: string) => ({
    ...process.env,
    PALADIN_DATABASE_URL: options.url,
    PALADIN_AUDIT_KEY_FILE: path.join(options.dir, 'team.audit-key'),
    PALADIN_DB: path.join(options.dir, instance, 'p.db'),
    PALADIN_API_WORKSPACES: options.workspace,
    PALADIN_SANDBOX_IMAGE: process.env.PALADIN_SANDBOX_IMAGE || 'paladin-test:busybox',
    PALADIN_SANDBOX_POOL_SIZE: '0',
  });
  const cli = (instance: string, args: string[]) => {
    const child = spawn(process.execPath, paladinArgs(args), { env: envFor(instance), stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    return child;
  };
  const run = async (instance: string, args: string[]): Promise<CliRun> => {
    const child = cli(instance, args);
    let out = '';
    let err = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    return { code, out, err };
  };
  const serve = async (instance: string): Promise<ServeInstance> => {
    const child = cli(instance, ['serve', '--port', '0', '--json']);
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const first = await readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next();
    assert.ok(!first.done, `serve ${instance} printed nothing: ${stderr}`);
    return { child, port: Number(new URL((JSON.parse(String(first.value)) as { url: string }).url).port), stderr: () => stderr };
  };
  const createKey = async (instance: string, name: string, user: string, quota?: number) => {
    const { out, err } = await run(instance, ['keys', 'create', name, '--user', user, ...(quota === undefined ? [] : ['--quota', String(quota)])]);
    assert.match(out.trim(), /^pld_/, err);
    return out.trim();
  };
  const killAll = () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  return { cli, run, serve, createKey, killAll };
}
