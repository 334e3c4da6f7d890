// Compiles Rego to WASM with the `opa` CLI (from $OPA or PATH) and takes only
// /policy.wasm out of the bundle, in memory: the bundle also holds rewritten
// copies of the sources, which must never land in the source tree.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import * as tar from 'tar-stream';

export class OpaMissingError extends Error {
  override name = 'OpaMissingError';
}

export function opaBinary(env: NodeJS.ProcessEnv = process.env): string {
  return env.OPA && env.OPA.trim() !== '' ? env.OPA : 'opa';
}

export interface OpaRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runOpa(args: string[], options: { signal?: AbortSignal; cwd?: string } = {}): Promise<OpaRun> {
  const bin = opaBinary();
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd: options.cwd, signal: options.signal, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') {
        reject(new OpaMissingError(`The OPA command line ("${bin}") was not found. Install OPA (https://www.openpolicyagent.org/docs/latest/#running-opa) and put \`opa\` on PATH, or set OPA to its path.`));
      } else reject(err);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Build `dir` (or the given files) into WASM for the entrypoints; returns the policy.wasm bytes. */
export async function compileWasm(inputs: string[], entrypoints: string[], options: { signal?: AbortSignal; ignoreTests?: boolean } = {}): Promise<Buffer> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paladin-opa-'));
  try {
    const bundle = path.join(tmp, 'bundle.tar.gz');
    const args = ['build', '-t', 'wasm', ...entrypoints.flatMap((e) => ['-e', e])];
    if (options.ignoreTests !== false) args.push('--ignore', '*_test.rego');
    args.push('-o', bundle, ...inputs);
    const run = await runOpa(args, { signal: options.signal });
    if (run.code !== 0) throw new Error(`opa build failed:\n${(run.stderr || run.stdout).trim()}`);
    return await extractPolicyWasm(fs.readFileSync(bundle));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export function extractPolicyWasm(bundle: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const extract = tar.extract();
    let found: Buffer | undefined;
    extract.on('entry', (header, stream, next) => {
      const name = header.name.replace(/^\/+/, '');
      if (name === 'policy.wasm') {
        const chunks: Buffer[] = [];
        stream.on('data', (c: unknown) => {
          chunks.push(c as Buffer);
        });
        stream.on('end', () => {
          found = Buffer.concat(chunks);
          next();
        });
      } else {
        stream.on('end', next);
        stream.resume();
      }
    });
    extract.on('finish', () => (found ? resolve(found) : reject(new Error('The OPA bundle has no /policy.wasm.'))));
    extract.on('error', reject);
    const gunzip = createGunzip();
    gunzip.on('error', reject);
    Readable.from(bundle).pipe(gunzip).pipe(extract);
  });
}
