// `paladin` as installed: picks the bundle a subcommand needs before loading
// it. `check` and `hook` run on every command an agent types, so they load a
// bundle with only the policy, the store and the records, through a V8 code
// cache (Node 20 has no built-in compile cache); everything else loads the
// full command line. Built unbundled: it must stay this small.

import * as fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

type Cli = { main(argv: string[]): Promise<number> };

const checking = new Set(['check', 'hook']);

/** The user's own cache folder, never a shared one: cached code is run as code. */
function cacheFolder(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'paladin', 'v8-cache');
}

/** Loads a CommonJS bundle as `require` would, with its compiled code cached between runs. */
function loadCached(file: string): { cli: Cli; save(): void } {
  const source = fs.readFileSync(file, 'utf8');
  const stat = fs.statSync(file);
  const cacheFile = path.join(cacheFolder(), `${path.basename(file)}-${stat.size}-${Math.floor(stat.mtimeMs)}-${process.version}.bin`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // first run: compiled now, cached after it ran
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const mod = new Module(file, module);
  mod.filename = file;
  const fn = script.runInThisContext() as (...args: unknown[]) => void;
  fn.call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  const save = () => {
    if (cachedData && !script.cachedDataRejected) return;
    try {
      fs.mkdirSync(path.dirname(cacheFile), { recursive: true, mode: 0o700 });
      const tmp = `${cacheFile}.${process.pid}`;
      fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
      fs.renameSync(tmp, cacheFile);
      // Caches of earlier builds of this bundle are never read again.
      for (const name of fs.readdirSync(path.dirname(cacheFile))) {
        if (name.startsWith(`${path.basename(file)}-`) && name !== path.basename(cacheFile)) fs.rmSync(path.join(path.dirname(cacheFile), name), { force: true });
      }
    } catch {
      // a read-only home only costs speed
    }
  };
  return { cli: mod.exports as Cli, save };
}

function load(): { cli: Cli; save(): void } {
  const subcommand = process.argv[2];
  if (subcommand !== undefined && checking.has(subcommand)) {
    const file = path.join(__dirname, 'cli-check.js');
    if (process.env.PALADIN_COMPILE_CACHE !== '0') return loadCached(file);
  }
  const file = path.join(__dirname, subcommand !== undefined && checking.has(subcommand) ? 'cli-check.js' : 'cli-main.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return { cli: require(file) as Cli, save: () => undefined };
}

const { cli, save } = load();
cli.main(process.argv.slice(2)).then(
  (code) => {
    save();
    process.exitCode = code;
  },
  (err: Error) => {
    process.stderr.write(`paladin: ${err.stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
