// Where the built-in policy lives, and the hash of the Rego sources that the
// committed WASM was built from. The server runs from dist/ (bundled) or from
// server/src (tests under tsx); both find the package root by walking up.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export function packageRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        if ((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'paladin') return dir;
      } catch {
        // an unreadable package.json is not ours; keep walking
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find Paladin's install folder (a package.json named "paladin") above ${start}.`);
    dir = parent;
  }
}

export interface PolicyPaths {
  sources: string;
  wasm: string;
  /** The data document the WASM's set lookups read (built with it; see policies/memberSets.ts). */
  data: string;
  hashFile: string;
  /** The build step that rewrites the sources before they are compiled (policies/memberSets.ts). */
  buildPass: string;
}

export function policyPaths(root: string = packageRoot()): PolicyPaths {
  return {
    sources: path.join(root, 'policies', 'paladin'),
    wasm: path.join(root, 'policies', 'build', 'policy.wasm'),
    data: path.join(root, 'policies', 'build', 'policy-data.json'),
    hashFile: path.join(root, 'policies', 'build', 'sources.sha256'),
    buildPass: path.join(root, 'policies', 'memberSets.ts'),
  };
}

/** The Rego files the WASM is built from: every .rego under the folder except tests. */
export function regoSources(dir: string): string[] {
  const found: string[] = [];
  const visit = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.rego') && !entry.name.endsWith('_test.rego')) found.push(full);
    }
  };
  visit(dir);
  return found.sort();
}

/** SHA-256 over each source's relative path and bytes, in path order. */
export function hashSources(dir: string): string {
  const h = createHash('sha256');
  for (const file of regoSources(dir)) {
    h.update(path.relative(dir, file).split(path.sep).join('/'));
    h.update('\0');
    h.update(fs.readFileSync(file));
    h.update('\0');
  }
  return h.digest('hex');
}

/** What the WASM is built from: the sources' hash and the build step that rewrites them. */
export function hashPolicyBuild(paths: PolicyPaths): string {
  return createHash('sha256').update(hashSources(paths.sources)).update('\0').update(fs.readFileSync(paths.buildPass)).digest('hex');
}

/** The hash recorded beside the committed WASM (first word of sources.sha256). */
export function recordedHash(hashFile: string): string | undefined {
  try {
    return fs.readFileSync(hashFile, 'utf8').trim().split(/\s+/)[0];
  } catch {
    return undefined;
  }
}
