// The places test and build tools are given, in every spelling their parsers
// accept: kebab-case for camelCase options (jest, vitest, vite, mocha: yargs
// and cac), any case after one dash or two (tsc), `--flag` and `-test.flag`
// (go), key=value reporter options (mocha `-O output=F`); go's and cargo's
// own places and variables (`-o`, `-toolexec`, `-C`, `GOFLAGS`, `GOCACHE`,
// `--target-dir`, `CARGO_BUILD_TARGET_DIR`); words pnpm hands a script; build
// tools the table did not list (mvn, gradlew, bazel, meson, zig, swift,
// dotnet, tsx, node's report folders, pre-commit, cypress, deno task); a
// folder given through a link out of the workspace (fixers, `make -C`,
// `npm --prefix`); PYTHONPYCACHEPREFIX. Cases are generated from parts: each
// tool × spelling × place outside is not allowed, and the same commands with
// places inside the workspace stay allowed.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { createPolicyEngine } from '../../server/src/policy';

let root: string;
let ws: string;
before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'devtool-spellings-'));
  ws = path.join(root, 'proj');
  for (const d of ['src', 'out', 'build', 'reports']) fs.mkdirSync(path.join(ws, d), { recursive: true });
  fs.writeFileSync(path.join(ws, 'Makefile'), 'all:\n\ttrue\n');
  // A link in the workspace to the folder above it.
  fs.symlinkSync('../..', path.join(ws, 'out', 'lnk'));
});
after(() => fs.rmSync(root, { recursive: true, force: true }));

const OUTSIDE = ['..', '~/x', '$HOME/x', '/proc/self/cwd/../x', 'src/../../x', 'out/lnk'];
const INSIDE = ['reports/x', 'build'];
const kebab = (o: string) => o.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
/** Every spelling of `option` a parser of `kind` reads, with the value given as `=` or as the next word. */
function spellings(kind: 'yargs' | 'tsc' | 'go', option: string): string[] {
  const names = kind === 'yargs' ? [kebab(option)] : kind === 'tsc' ? [option.toLowerCase(), option.replace(/^--/, '-'), option.toUpperCase()] : [`-${option.replace(/^-+/, '-')}`, `-test.${option.replace(/^-+/, '')}`];
  return names.filter((n) => n !== option);
}

/** [kind, command before the option, option]: a place the tool writes or whose code it runs. */
const SPELLED: ['yargs' | 'tsc' | 'go', string, string][] = [
  ['yargs', 'jest --json', '--outputFile'], ['yargs', 'jest --coverage', '--coverageDirectory'], ['yargs', 'jest', '--rootDir'], ['yargs', 'jest', '--setupFiles'], ['yargs', 'jest', '--globalSetup'],
  ['yargs', 'vitest run', '--outputFile'], ['yargs', 'vitest run', '--globalSetup'], ['yargs', 'vite build', '--outDir'], ['yargs', 'vite build', '--cacheDir'],
  ['tsc', 'tsc', '--outDir'], ['tsc', 'npx tsc', '--outFile'], ['tsc', 'tsc', '--declarationDir'], ['tsc', 'tsc', '--tsBuildInfoFile'], ['tsc', 'tsc', '--project'],
  ['go', 'go test ./...', '-coverprofile'], ['go', 'go test ./...', '-cpuprofile'], ['go', 'go test ./...', '-trace'],
];
const OTHERS = [
  'mocha --reporter xunit --reporter-option output=T', 'mocha -R xunit -O output=T', 'mocha --reporter-options mochaFile=T,toConsole=true',
  'go build -o T ./...', 'go test -c -o T ./pkg', 'go build -toolexec T/e ./...', 'go test -exec T/e ./...', 'go vet -vettool T/e ./...', 'go build -pkgdir T ./...', 'go -C T test ./...', 'GOFLAGS=-toolexec=T/e go build ./...', 'GOCACHE=T go build ./...', 'GOMODCACHE=T go test ./...',
  'cargo build --target-dir T', 'cargo test --target-dir=T', 'CARGO_BUILD_TARGET_DIR=T cargo test', 'cargo run --manifest-path T/Cargo.toml',
  'pnpm test --outputFile=T', 'pnpm run build --outDir T', 'npm --prefix T test', 'yarn --cwd T test', 'make -C T test', 'deno task --cwd T test',
  'mvn test -Dmaven.repo.local=T', './gradlew -p T build', 'gradle --project-cache-dir T build', 'bazel --output_base=T build //...', 'meson setup T', 'ninja -C T', 'zig build --prefix T', 'swift build --scratch-path T',
  'dotnet test T/x.csproj', 'dotnet build -o T', 'npx tsx T/a.ts', 'node --test --test-reporter-destination=T', 'pre-commit run --config T/p.yaml', 'PRE_COMMIT_HOME=T pre-commit run', 'cypress run --config-file T/c.js', 'cmake -B T -S .', 'cmake --build T',
  'prettier --write T', 'eslint --fix T', 'biome check --apply T', 'PYTHONPYCACHEPREFIX=T pytest -q', 'pytest -o pythonpath=T', 'pytest -o testpaths=T', 'TOX_WORK_DIR=T tox',
];

test('places given in any spelling the tool accepts, by the tools and variables that take them, are not allowed outside the workspace', async () => {
  const engine = await createPolicyEngine();
  const allowed: string[] = [];
  let n = 0;
  const judge = (cmd: string) => {
    n++;
    if (engine.judge(cmd, { workspace: ws }).decision === 'allow') allowed.push(cmd);
  };
  for (const [k, [kind, before, option]] of SPELLED.entries()) {
    for (const [j, name] of spellings(kind, option).entries()) for (const [i, t] of OUTSIDE.entries()) judge(`${before} ${(k + j + i) % 2 === 0 && kind !== 'tsc' ? `${name}=${t}` : `${name} ${t}`}`);
  }
  for (const c of OTHERS) for (const t of OUTSIDE) judge(c.replaceAll('T', t));
  console.log(`${n} commands, ${allowed.length} allowed`);
  assert.deepEqual(allowed, []);
});

test('the same tools with their places inside the workspace are allowed', async () => {
  const engine = await createPolicyEngine();
  const refused: string[] = [];
  const judge = (cmd: string) => {
    const d = engine.judge(cmd, { workspace: ws });
    if (d.decision !== 'allow') refused.push(`${cmd} → ${d.decision} ${d.rules.map((r) => r.id).join(',')}`);
  };
  for (const [k, [kind, before, option]] of SPELLED.entries()) for (const name of spellings(kind, option)) for (const t of INSIDE) judge(`${before} ${k % 2 === 0 && kind !== 'tsc' ? `${name}=${t}` : `${name} ${t}`}`);
  // The commands a project runs every day, and the tools above on their own folders.
  for (const c of ['npm test', 'pytest -q', 'cargo build', 'go test ./...', 'tsc -p .', 'eslint src', 'pnpm test --watch', 'pnpm test -- --coverage', 'go build -o /dev/null ./...', 'GOFLAGS=-count=1 go test ./...', 'RUSTC_WRAPPER=sccache cargo build', 'mocha -R spec -O maxDiffSize=0']) judge(c);
  for (const c of OTHERS.filter((o) => !/ -(?:toolexec|exec|vettool) |GOFLAGS|--manifest-path|\.csproj|tsx |--config(?:-file)? /.test(o))) judge(c.replaceAll('T', 'build'));
  assert.deepEqual(refused, []);
});
