// The branches and tags a workspace's repository really has, and the branch
// checked out: read from the repository's own files (no git process), so a
// request can name "v1.0", "release-2" or "the other branch" and have it
// understood as the ref it is, whatever its shape.

import * as fs from 'node:fs';
import * as path from 'node:path';

export interface GitRefs {
  branches: string[];
  tags: string[];
  /** The branch checked out; undefined on a detached HEAD. */
  current?: string;
}

const MAX_REFS = 500;

/** The refs of the repository at `workspace`, or undefined when it is none (or cannot be read). */
export function readGitRefs(workspace: string): GitRefs | undefined {
  const gitDir = repositoryDir(workspace);
  if (!gitDir) return undefined;
  const common = commonDir(gitDir);
  const branches = new Set<string>();
  const tags = new Set<string>();
  const add = (ref: string) => {
    if (ref.startsWith('refs/heads/')) branches.add(ref.slice('refs/heads/'.length));
    else if (ref.startsWith('refs/tags/')) tags.add(ref.slice('refs/tags/'.length));
  };
  for (const ref of looseRefs(common, 'refs/heads').concat(looseRefs(common, 'refs/tags'))) add(ref);
  for (const line of readText(path.join(common, 'packed-refs'))?.split('\n') ?? []) {
    const m = /^[0-9a-f]{40,64} (refs\/\S+)$/.exec(line.trim());
    if (m) add(m[1]);
  }
  const head = /^ref: refs\/heads\/(\S+)/.exec(readText(path.join(gitDir, 'HEAD')) ?? '')?.[1];
  return { branches: [...branches].slice(0, MAX_REFS), tags: [...tags].slice(0, MAX_REFS), ...(head ? { current: head } : {}) };
}

/** `.git` as a folder, or the folder a worktree's `.git` file points to. */
function repositoryDir(workspace: string): string | undefined {
  const dotGit = path.join(workspace, '.git');
  try {
    if (fs.statSync(dotGit).isDirectory()) return dotGit;
    const target = /^gitdir:\s*(.+)$/m.exec(fs.readFileSync(dotGit, 'utf8'))?.[1]?.trim();
    return target ? path.resolve(workspace, target) : undefined;
  } catch {
    return undefined;
  }
}

/** A linked worktree keeps its refs in the main repository (named by its `commondir` file). */
function commonDir(gitDir: string): string {
  const rel = readText(path.join(gitDir, 'commondir'))?.trim();
  return rel ? path.resolve(gitDir, rel) : gitDir;
}

function looseRefs(common: string, prefix: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(common, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (out.length >= MAX_REFS) return;
      if (e.isDirectory()) walk(`${rel}/${e.name}`);
      else out.push(`${rel}/${e.name}`);
    }
  };
  walk(prefix);
  return out;
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
