// Which Node.js runs the language server. The server loads better-sqlite3, a
// native module built for the system Node; desktop VS Code would otherwise
// start it on Electron's Node, whose ABI differs and where it cannot load.
// So: `paladin.server.runtime` when set, else `node` found on PATH.

import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import * as path from 'node:path';

export const MIN_NODE_MAJOR = 20;

export type RuntimeChoice = { ok: true; path: string; version: string } | { ok: false; why: string };

const installHint = `Install Node.js ${MIN_NODE_MAJOR} or newer (https://nodejs.org, or your package manager: e.g. "apt install nodejs", "brew install node") so that "node" is on PATH, or set "paladin.server.runtime" to the full path of a node executable, then run "Paladin: Restart Server".`;

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Looks `name` up on PATH the way a shell would. */
export function whichOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

function nodeVersion(file: string, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, ['-p', 'process.versions.node'], { timeout: 10_000, signal, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } }, (err, stdout) => {
      if (err) reject(err);
      else resolve(stdout.trim());
    });
  });
}

/** Finds and checks the runtime; the `why` of a failure says what to install or set. */
export async function chooseRuntime(setting: string | undefined, env: NodeJS.ProcessEnv = process.env, signal?: AbortSignal): Promise<RuntimeChoice> {
  const configured = (setting ?? '').trim();
  let file: string | undefined;
  if (configured) {
    file = path.isAbsolute(configured) ? configured : whichOnPath(configured, env);
    if (!file || !isExecutable(file)) {
      return { ok: false, why: `"paladin.server.runtime" is set to "${configured}", but no executable is there. Set it to the full path of a Node.js ${MIN_NODE_MAJOR}+ executable, or clear it to use "node" from PATH.` };
    }
  } else {
    file = whichOnPath('node', env);
    if (!file) return { ok: false, why: `No Node.js was found on PATH. Paladin's server needs Node.js ${MIN_NODE_MAJOR}+ on this machine. ${installHint}` };
  }
  let version: string;
  try {
    version = await nodeVersion(file, signal);
  } catch (err) {
    return { ok: false, why: `${file} did not answer "node -p process.versions.node" (${(err as Error).message}). ${installHint}` };
  }
  const major = Number(version.split('.')[0]);
  if (!Number.isFinite(major) || major < MIN_NODE_MAJOR) {
    return { ok: false, why: `${file} is Node.js ${version || 'of unknown version'}; Paladin's server needs ${MIN_NODE_MAJOR} or newer. ${installHint}` };
  }
  return { ok: true, path: file, version };
}
