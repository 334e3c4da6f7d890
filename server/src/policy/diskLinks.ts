// A path in the workspace read against the workspace on disk: a folder part
// that is a symbolic link (`out/lnk/`, `node_modules/mypkg/`, `out/*/`) sends
// a delete wherever the link points, so the path's text no longer says what
// goes. Such a path is marked `through-link`; where the link's target can be
// followed, the path is judged as that target too (outside the workspace, or
// a folder that holds it). A glob or a link followed by `..` is not known.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyPath, partRegex, type Cwd, type PathFact } from './paths';

const GLOB = /[*?[]/;
/** More entries than this under a pattern: not looked through one by one, and not known. */
const MAX_MATCHES = 256;

type Walked = { through: false } | { through: true; real?: string };

/** The path fact, marked and judged as the link's target when a folder part of it is a link on disk. */
export function onDisk(p: PathFact, raw: string, cwd: Cwd, workspace: string | undefined): PathFact {
  if (!workspace || p.dynamic || !p.classes.includes('workspace') || raw.includes('\u0000')) return p;
  const base = raw.startsWith('/') ? '/' : cwd.kind === 'workspace' ? workspace : cwd.kind === 'abs' ? cwd.path : undefined;
  if (base === undefined || !isDir(workspace)) return p;
  // After `cd out/lnk`, the working folder's own path is walked too: the link may be in it.
  const parts = raw.startsWith('/') || cwd.kind !== 'workspace' ? raw.split('/') : [...cwd.rel.split('/'), ...raw.split('/')];
  const walked = walk(base, parts, p.glob, 0);
  if (!walked.through) return p;
  const marked = (f: PathFact): PathFact => ({ ...f, path: p.path, classes: [...new Set([...f.classes, 'through-link'])].sort() });
  if (walked.real === undefined) return marked(p);
  const real = backInWorkspace(walked.real, workspace);
  return marked(classifyPath(real, { kind: 'workspace', rel: '' }, workspace, { dynamic: false, glob: p.glob }));
}

/** Follows `parts` from the real folder `cur`: whether a link is passed through, and where the path then really is. */
function walk(cur: string, parts: string[], glob: boolean, depth: number): Walked {
  let through = false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const following = i < parts.length - 1;
    if (part === '' || part === '.') continue;
    if (part === '..') {
      cur = path.dirname(cur);
      continue;
    }
    if (glob && GLOB.test(part)) {
      if (!following) return through ? { through, real: path.join(cur, part) } : { through };
      return globPart(cur, part, parts.slice(i + 1), depth);
    }
    cur = path.join(cur, part);
    const stat = lstat(cur);
    if (!stat) return through ? { through, real: path.join(cur, ...parts.slice(i + 1)) } : { through };
    if (!stat.isSymbolicLink() || !following) continue;
    through = true;
    const real = realpath(cur);
    if (real === undefined) return { through };
    cur = real;
  }
  return through ? { through, real: cur } : { through };
}

/** A pattern with more after it: each entry it matches is walked; `..` after it, or too many entries, is not known. */
function globPart(cur: string, part: string, rest: string[], depth: number): Walked {
  if (rest.includes('..') || depth > 2) return { through: true };
  let names: string[];
  try {
    names = fs.readdirSync(cur);
  } catch {
    return { through: fs.existsSync(cur) };
  }
  const re = partRegex(part);
  const matches = names.filter((n) => re.test(n));
  if (matches.length > MAX_MATCHES) return { through: true };
  // Any entry reached through a link makes the pattern's reach unknown: it is no longer one folder's entries.
  return matches.some((n) => walk(cur, [n, ...rest], true, depth + 1).through) ? { through: true } : { through: false };
}

/** A real path under the workspace's real folder, spelled under the workspace as given. */
function backInWorkspace(real: string, workspace: string): string {
  const root = realpath(workspace) ?? workspace;
  if (real === root) return workspace;
  return real.startsWith(root + '/') ? path.join(workspace, real.slice(root.length + 1)) : real;
}

function lstat(p: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(p);
  } catch {
    return undefined;
  }
}

function realpath(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
