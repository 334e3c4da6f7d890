// The settings that wire Paladin into each agent, printed for a person to
// paste or, with consent, merged into the agent's settings file. Merging
// keeps everything already there and adds Paladin's entry once.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const installTargets = ['claude-code', 'gemini', 'cursor', 'mcp'] as const;
export type InstallTarget = (typeof installTargets)[number];

export interface InstallPlan {
  /** The settings file the snippet belongs in. */
  file: string;
  /** What to add, as the agent's documentation shows it. */
  snippet: Record<string, unknown>;
  /** The file's new content, the snippet merged into what it holds. */
  merge(existing: Record<string, unknown>): Record<string, unknown>;
}

type Json = Record<string, unknown>;

function objectAt(parent: Json, key: string): Json {
  const value = parent[key];
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Json) } : {};
}

/** Adds `entry` to the list `settings[outer][event]` unless an entry already runs `marker`. */
function addOnce(settings: Json, outer: string, event: string, entry: Json, marker: string): Json {
  const hooks = objectAt(settings, outer);
  const list = Array.isArray(hooks[event]) ? [...(hooks[event] as unknown[])] : [];
  if (!JSON.stringify(list).includes(marker)) list.push(entry);
  return { ...settings, [outer]: { ...hooks, [event]: list } };
}

export function installPlan(target: InstallTarget, options: { project?: string; command: string; sandbox?: boolean }): InstallPlan {
  const base = options.project ? path.resolve(options.project) : os.homedir();
  const hookCommand = `${options.command} hook ${target}${options.sandbox ? ' --sandbox' : ''}`;
  const marker = `hook ${target}`;
  switch (target) {
    case 'claude-code': {
      const entry = { matcher: 'Bash', hooks: [{ type: 'command', command: hookCommand, timeout: 30 }] };
      return {
        file: path.join(base, '.claude', 'settings.json'),
        snippet: { hooks: { PreToolUse: [entry] } },
        merge: (existing) => addOnce(existing, 'hooks', 'PreToolUse', entry, marker),
      };
    }
    case 'gemini': {
      const entry = { matcher: 'run_shell_command', hooks: [{ name: 'paladin', type: 'command', command: hookCommand, timeout: 30000 }] };
      return {
        file: path.join(base, '.gemini', 'settings.json'),
        snippet: { hooks: { BeforeTool: [entry] } },
        merge: (existing) => addOnce(existing, 'hooks', 'BeforeTool', entry, marker),
      };
    }
    case 'cursor': {
      const entry = { command: hookCommand };
      return {
        file: path.join(base, '.cursor', 'hooks.json'),
        snippet: { version: 1, hooks: { beforeShellExecution: [entry] } },
        merge: (existing) => ({ version: 1, ...addOnce(existing, 'hooks', 'beforeShellExecution', entry, marker) }),
      };
    }
    case 'mcp': {
      const server = { command: options.command, args: ['mcp'] };
      return {
        file: path.join(options.project ? base : process.cwd(), '.mcp.json'),
        snippet: { mcpServers: { paladin: server } },
        merge: (existing) => ({ ...existing, mcpServers: { ...objectAt(existing, 'mcpServers'), paladin: server } }),
      };
    }
  }
}

/** Reads a settings file (absent: empty); refuses to touch one that is not a JSON object. */
export function readSettings(file: string): Json {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw err;
  }
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file} is not valid JSON (${(err as Error).message}); fix it or add the snippet by hand`, { cause: err });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${file} does not hold a JSON object; add the snippet by hand`);
  return value as Json;
}

/** Writes through a temporary file and a rename, so a crash never leaves half a settings file. */
export function writeSettings(file: string, value: Json): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.paladin-${process.pid}.tmp`;
  let mode = 0o644;
  try {
    mode = fs.statSync(file).mode & 0o777;
  } catch {
    // new file
  }
  fs.writeFileSync(tmp, JSON.stringify(value, null, 2) + '\n', { mode });
  fs.renameSync(tmp, file);
}
