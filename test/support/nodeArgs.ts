// How tests start Paladin, and their own child scripts, in other processes.
// The command line runs from the built bundle (dist/cli.js) when that is newer
// than every source file, and from the sources through tsx otherwise, so a
// test run after an edit never runs stale code. A child script is bundled
// once per test process with esbuild: each start then costs a plain node
// start, not a TypeScript load of everything the script imports (tests that
// start a child fifty times spent most of their time there).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';

const root = path.resolve(__dirname, '..', '..');
const builtCli = path.join(root, 'dist', 'cli.js');
const builtMain = path.join(root, 'dist', 'cli-main.js');

/** The latest modification time of any file under DIR, in milliseconds. */
export function newestFileTime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestFileTime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

let cliFresh: boolean | undefined;

/** Whether dist/ holds a build of the command line newer than every file under server/src. */
export function builtCliIsFresh(): boolean {
  if (cliFresh === undefined) {
    const built = [builtCli, builtMain, path.join(root, 'dist', 'cli-check.js')].map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0));
    cliFresh = Math.min(...built) > 0 && Math.min(...built) >= newestFileTime(path.join(root, 'server', 'src'));
  }
  return cliFresh;
}

/** Node arguments that run `paladin ARGS`: the fresh build, or the sources through tsx. */
export function paladinArgs(args: string[]): string[] {
  return builtCliIsFresh() ? [builtCli, ...args] : ['--import', 'tsx', path.join(root, 'server', 'src', 'cli', 'main.ts'), ...args];
}

const bundled = new Map<string, string>();

/** Node arguments that run the TypeScript file SCRIPT (relative to the repository) with ARGS, bundled once. */
export function scriptArgs(script: string, args: string[] = []): string[] {
  let out = bundled.get(script);
  if (!out) {
    // Beside node_modules, so the packages left out of the bundle resolve as they do for the sources.
    out = path.join(root, 'node_modules', '.cache', 'paladin-test', `${process.pid}-${path.basename(script, '.ts')}.cjs`);
    buildSync({ entryPoints: [path.join(root, script)], outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'error' });
    bundled.set(script, out);
    process.once('exit', () => fs.rmSync(out!, { force: true }));
  }
  return [out, ...args];
}
