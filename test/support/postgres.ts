// A throwaway PostgreSQL server for tests: its own cluster in a private
// temporary folder, on a free loopback port, stopped and removed afterwards.
// initdb refuses to run as root, so under root the cluster belongs to the
// `postgres` (else `nobody`) account and its tools run through runuser.

import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TestPostgres {
  url: string;
  port: number;
  dir: string;
  /** Create another empty database on this server; returns its URL. */
  createDatabase(name: string): string;
  /** Stop the server (fast shutdown), keeping its data, and start it again on the same port. */
  halt(): void;
  resume(): void;
  stop(): void;
}

/** The folder holding initdb, pg_ctl and postgres, or undefined when PostgreSQL is not installed. */
export function postgresBinDir(): string | undefined {
  const candidates = [process.env.PALADIN_PG_BIN, ...listVersions('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin`)];
  return candidates.find((dir): dir is string => !!dir && ['initdb', 'pg_ctl', 'postgres'].every((tool) => fs.existsSync(path.join(dir, tool))));
}

function listVersions(root: string): string[] {
  try {
    return fs.readdirSync(root).sort((a, b) => Number(b) - Number(a));
  } catch {
    return [];
  }
}

/** Why PostgreSQL tests cannot run here, or undefined when they can. */
export function postgresSkipReason(): string | undefined {
  if (postgresBinDir()) return undefined;
  return 'PostgreSQL binaries not found (install the Debian package `postgresql`, or set PALADIN_PG_BIN to the folder holding initdb and pg_ctl)';
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function runAsOwner(owner: string | undefined, bin: string, args: string[]): void {
  const [cmd, argv] = owner ? ['runuser', ['-u', owner, '--', bin, ...args]] : [bin, args];
  const result = spawnSync(cmd, argv, { encoding: 'utf8', cwd: '/' });
  if (result.status !== 0) throw new Error(`${path.basename(bin)} failed (${result.status}): ${result.stderr || result.stdout}`);
}

function clusterOwner(): { name: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
      return { name, uid, gid };
    } catch {
      // no such account; try the next
    }
  }
  throw new Error('Running as root, but neither a `postgres` nor a `nobody` account exists to own the test cluster (initdb refuses root).');
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(postgresSkipReason());
  const owner = clusterOwner();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-pg-'));
  const data = path.join(dir, 'data');
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  fs.chmodSync(dir, 0o700);
  const port = await freePort();
  runAsOwner(owner?.name, path.join(bin, 'initdb'), ['-D', data, '-U', 'paladin', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  runAsOwner(owner?.name, path.join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start']);
  const base = `postgres://paladin@127.0.0.1:${port}`;
  const stop = () => {
    try {
      runAsOwner(owner?.name, path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  const createDatabase = (name: string) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
    execFileSync(path.join(bin, 'psql'), ['-q', '-d', `${base}/postgres`, '-c', `CREATE DATABASE ${name}`], { stdio: 'pipe' });
    return `${base}/${name}`;
  };
  const pgCtl = (...args: string[]) => runAsOwner(owner?.name, path.join(bin, 'pg_ctl'), ['-D', data, ...args]);
  const halt = () => pgCtl('-m', 'fast', '-w', 'stop');
  const resume = () => pgCtl('-o', options, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start');
  return { url: `${base}/postgres`, port, dir, createDatabase, halt, resume, stop };
}
