// Builds Paladin's four bundles: the extension client, the language server,
// the webview script and the command line. `--watch` rebuilds on change,
// `--production` minifies and drops source maps.
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, readdirSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

// Native modules and WASM-carrying packages are loaded from node_modules at
// run time (they are shipped in the VSIX, see .vscodeignore), never bundled.
const nodeExternals = ['better-sqlite3', 'sqlite-vec', 'cpu-features', 'ssh2'];

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', platform: 'node', format: 'cjs', target: 'node20', external: nodeExternals },
  // The command line: a tiny launcher (dist/cli.js) that loads the bundle a subcommand needs.
  { ...common, bundle: false, entryPoints: ['server/src/cli/launcher.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-main.js', platform: 'node', format: 'cjs', target: 'node20', external: nodeExternals },
  { ...common, entryPoints: ['server/src/cli/mainChecking.ts'], outfile: 'dist/cli-check.js', platform: 'node', format: 'cjs', target: 'node20', external: nodeExternals },
  { ...common, entryPoints: ['media/src/chat.ts'], outfile: 'dist/media/chat.js', platform: 'browser', format: 'iife', target: 'es2022' },
];

function copyAssets() {
  mkdirSync('dist/media', { recursive: true });
  // The planner's command knowledge is read at run time from dist/knowledge.
  mkdirSync('dist/knowledge', { recursive: true });
  for (const f of readdirSync('server/src/planner/knowledge')) if (f.endsWith('.json')) copyFileSync(`server/src/planner/knowledge/${f}`, `dist/knowledge/${f}`);
}

if (watch) {
  copyAssets();
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  console.log('esbuild: watching');
} else {
  copyAssets();
  await Promise.all(builds.map((options) => esbuild.build(options)));
  chmodSync('dist/cli.js', 0o755);
}
