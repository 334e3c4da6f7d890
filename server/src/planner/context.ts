// What a planner knows about where the command will run: OS, shell, folder,
// a bounded sample of the workspace's names, whether it is a git repository.
// The same scan gives slot filling the names that exist.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { WorkspaceNames } from './requestFacts';
import { readGitRefs } from './gitRefs';

export interface PlanContext {
  os: string;
  shell: string;
  cwd: string;
  git: boolean;
  /** Relative paths, folders with a trailing slash, at most `MAX_SAMPLE`. */
  sample: string[];
  names: WorkspaceNames;
}

export const MAX_SAMPLE = 200;
const MAX_SCAN = 5_000;
// Folders whose insides are noise for naming things (their own names still count).
const SKIP = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__', '.cache', '.next', '.tox', '.mypy_cache']);

interface Cached {
  at: number;
  context: PlanContext;
}
const cache = new Map<string, Cached>();
const TTL_MS = 5_000;

/** Scan `workspace` breadth-first (bounded), cached for a few seconds per folder. */
export function buildContext(workspace: string): PlanContext {
  const hit = cache.get(workspace);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.context;
  const files = new Set<string>();
  const dirs = new Set<string>();
  const byBase = new Map<string, string>();
  const byStem = new Map<string, string | null>();
  const sameBase = new Map<string, string[]>();
  const queue: string[] = [''];
  let seen = 0;
  while (queue.length > 0 && seen < MAX_SCAN) {
    const rel = queue.shift() as string;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(workspace, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (seen++ >= MAX_SCAN) break;
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        dirs.add(p);
        if (!SKIP.has(e.name)) queue.push(p);
      } else files.add(p);
      if (!byBase.has(e.name)) byBase.set(e.name, p);
      // "the lib folder" with src/lib and vendor/lib: a folder's name can be held twice too.
      sameBase.set(e.name, [...(sameBase.get(e.name) ?? []), p]);
      if (!e.isDirectory()) {
        const stem = e.name.toLowerCase().replace(/\..*$/, '');
        byStem.set(stem, byStem.has(stem) ? null : p);
      }
    }
  }
  const sample = [...[...dirs].map((d) => d + '/'), ...files].sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b)).slice(0, MAX_SAMPLE);
  const context: PlanContext = {
    os: `${os.type()} ${os.release()} (${process.platform})`,
    shell: 'bash',
    cwd: workspace,
    git: fs.existsSync(path.join(workspace, '.git')),
    sample,
    names: { files, dirs, byBase, byStem: new Map([...byStem].filter((e): e is [string, string] => e[1] !== null)), sameBase: new Map([...sameBase].filter((e) => e[1].length > 1)), root: workspace, refs: readGitRefs(workspace) },
  };
  if (cache.size > 32) cache.clear();
  cache.set(workspace, { at: Date.now(), context });
  return context;
}

/** The context as prompt text. */
export function describeContext(c: PlanContext): string {
  return [
    `OS: ${c.os}`,
    `Shell: ${c.shell}`,
    `Working directory (the workspace, mounted at /workspace when run): ${c.cwd}`,
    `Git repository: ${c.git ? 'yes' : 'no'}`,
    `Some files and folders in the workspace (${c.sample.length} shown):`,
    ...c.sample.map((s) => `  ${s}`),
  ].join('\n');
}
