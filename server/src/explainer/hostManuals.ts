// Manuals from the host: man page files rendered with man-db, and bash's own
// `help` for shell builtins. Nothing here runs the program being explained.

import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const MAN_DIRS = ['/usr/local/share/man', '/usr/share/man', '/usr/local/man'];
const SECTIONS = ['1', '8', '6'];
const SUFFIXES = ['.gz', '', '.xz', '.bz2'];
const TIMEOUT_MS = 10_000;
const MAX_BYTES = 4 << 20;

export interface HostPage {
  file: string;
  /** Changes when the page is replaced: path, size and modification time. */
  version: string;
}

/** Finds a program's man page file by the standard layout, without running man. */
export function findHostPage(name: string): HostPage | null {
  for (const dir of MAN_DIRS) {
    for (const section of SECTIONS) {
      for (const suffix of SUFFIXES) {
        const file = path.join(dir, `man${section}`, `${name}.${section}${suffix}`);
        let stat: fs.Stats;
        try {
          stat = fs.statSync(file);
        } catch {
          continue;
        }
        if (stat.isFile()) return { file, version: `${file}:${stat.size}:${Math.floor(stat.mtimeMs)}` };
      }
    }
  }
  return null;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { env, timeout: TIMEOUT_MS, maxBuffer: MAX_BYTES, signal, encoding: 'utf8' }, (err, stdout) => {
      if (err && !stdout) reject(err);
      else resolve(stdout);
    });
  });
}

/** The page rendered as plain text: wide, unhyphenated and unjustified, so tags and descriptions stay apart. */
export async function renderHostPage(file: string, signal?: AbortSignal): Promise<string> {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', MANWIDTH: '160', MAN_KEEP_FORMATTING: '', MANPAGER: 'cat', PAGER: 'cat', HOME: process.env.HOME ?? '/' };
  return run('man', ['--nh', '--nj', '-P', 'cat', '-l', file], env, signal);
}

let bashVersion: string | null | undefined;

/** The host bash's version, which versions its `help` texts; null when there is no bash. */
export function hostBashVersion(): string | null {
  if (bashVersion !== undefined) return bashVersion;
  try {
    const stat = fs.statSync('/bin/bash');
    bashVersion = `/bin/bash:${stat.size}:${Math.floor(stat.mtimeMs)}`;
  } catch {
    bashVersion = null;
  }
  return bashVersion;
}

/** `help NAME` from bash, reshaped as a usage text: `Usage: cd [-L|...] [dir]`, then the indented body. */
export async function bashHelp(name: string, signal?: AbortSignal): Promise<string | null> {
  let text: string;
  try {
    text = await run('/bin/bash', ['--norc', '--noprofile', '-c', 'help -- "$1"', 'bash', name], { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8' }, signal);
  } catch {
    return null;
  }
  const lines = text.split('\n');
  if (lines.length < 2 || !lines[0].startsWith(`${name}: `)) return null;
  return [`Usage: ${lines[0].slice(name.length + 2)}`, ...lines.slice(1).map((l) => l.replace(/^ {4}/, ''))].join('\n');
}
