// Test runners, bundlers, compilers, linters and doc builders take places on
// their command line: reports and logs they write (`pytest --junitxml=F`,
// `eslint -o F`), folders they build into or keep caches in (`tsc --outDir D`,
// `mypy --cache-dir D`), folders they empty first (`pytest --basetemp=D`
// removes D), and configs, plugins, setup files and tests whose code they run
// (`jest --config F`, `mocha --require F`, `pytest DIR`). Inside the workspace
// the outputs are the tool's own business (its sensitive files aside); a
// place outside is a write like any other; an emptied folder is deleted
// wherever it is; code taken from outside the workspace is marked
// `outside-code`. Some of these tools also read such places from variables
// the line sets (`COVERAGE_FILE`, `PYTEST_ADDOPTS`).

import { literal } from '../shell/argWords';
import type { WordValue } from '../shell/words';
import type { ProgramArgs } from './programArgs';
import { lineValue, valueWords } from './optionVariables';
import { gluesShortValues, sameOption, type Spelling } from './optionSpellings';

interface ToolPlaces {
  /** Options naming a file or folder the tool writes. */
  writes?: string[];
  /** Options naming a folder the tool empties or removes, and (when given) the options that make it do so. */
  deletes?: string[];
  deletesWith?: string[];
  /** Options naming a config, plugin, setup file or project folder whose code the tool runs. */
  code?: string[];
  /** Its other words are test files or folders it runs (after the subcommand, when one is named). */
  runsWords?: boolean | string[];
  /** Subcommands whose words are places it makes (`uv venv DIR`). */
  writesWords?: string[];
  /** Other options that take a value as the next word. */
  values?: string[];
  /** Options whose value is `key=value[,key=value]` pairs, each value a place it may write (`mocha -O output=F`). */
  writesPairs?: string[];
  /** Variables naming a file or folder it writes, and variables naming code or settings it loads. */
  writeVariables?: string[];
  codeVariables?: string[];
  /** A variable holding more of its own options (`PYTEST_ADDOPTS`, `GOFLAGS`). */
  optionsVariable?: string;
  /** How its parser reads option names (optionSpellings.ts); exact unless given. */
  spelling?: Spelling;
}

const PYTEST: ToolPlaces = {
  writes: ['--junitxml', '--junit-xml', '--log-file', '--html', '--report-log', '--resultlog', '--result-log', '--cov-report', '-o', '--override-ini'],
  deletes: ['--basetemp'],
  code: ['-c', '--config-file', '--rootdir', '--confcutdir', '--cov-config'],
  runsWords: true,
  optionsVariable: 'PYTEST_ADDOPTS',
  values: ['-k', '-m', '-p', '-W', '--tb', '-n', '--maxfail', '--durations', '--deselect', '--ignore', '--ignore-glob', '--import-mode', '--color', '-r', '--capture', '--log-level', '--log-cli-level', '--cov', '--timeout', '--dist', '--reruns'],
};

const tool = (writes: string[], code: string[], extra: Partial<ToolPlaces> = {}): ToolPlaces => ({ writes, code, ...extra });

/** Per program (or `python -m` module): the places its options name. */
const TOOLS: Record<string, ToolPlaces> = {
  pytest: PYTEST,
  'py.test': PYTEST,
  unittest: { code: ['-s', '--start-directory', '-t', '--top-level-directory'], runsWords: true, values: ['-k', '-p', '--pattern'] },
  mocha: { code: ['--require', '-r', '--config', '--file', '--spec', '--package', '--reporter', '-R', '--ui', '-u'], runsWords: true, writesPairs: ['--reporter-option', '--reporter-options', '-O'], values: ['--timeout', '-t', '--grep', '-g', '--slow', '-s', '--fgrep', '-f', '--ignore', '--extension', '-j', '--jobs', '--retries'], spelling: 'yargs' },
  jest: tool(['--outputFile', '--coverageDirectory', '--cacheDirectory'], ['--config', '-c', '--rootDir', '--roots', '--setupFiles', '--setupFilesAfterEnv', '--globalSetup', '--globalTeardown', '--resolver', '--testRunner', '--testEnvironment', '--reporters', '--transform', '--prettierPath'], { deletes: ['--cacheDirectory'], deletesWith: ['--clearCache'], writeVariables: ['JEST_JUNIT_OUTPUT_FILE', 'JEST_JUNIT_OUTPUT_DIR'], spelling: 'yargs' }),
  vitest: tool(['--outputFile', '--coverage.reportsDirectory'], ['--config', '-c', '--root', '-r', '--dir', '--globalSetup', '--environment'], { spelling: 'yargs' }),
  ava: { runsWords: true, code: ['--config', '--require'], values: ['--match', '-m', '--timeout', '-T', '--concurrency', '-c'], spelling: 'yargs' },
  tap: { runsWords: true, code: ['--before', '--after', '--node-arg', '--rcfile'], writes: ['--output-file', '-o', '--output-dir', '-d'] },
  bats: { runsWords: true, writes: ['--output', '-o', '--report-formatter'], values: ['--filter', '-f', '--jobs', '-j'] },
  bun: { runsWords: ['test', 'run'], code: ['--preload', '-r', '--config', '-c', '--cwd'], writes: ['--outdir', '--outfile'] },
  deno: { runsWords: ['test', 'run', 'bench', 'compile', 'serve'], code: ['--config', '-c', '--import-map', '--preload'], writes: ['--output', '-o'] },
  tox: { code: ['-c', '--conf', '--root', '--workdir'], values: ['-e', '-p'], writeVariables: ['TOX_WORK_DIR'] },
  nox: { code: ['-f', '--noxfile', '--envdir'], values: ['-s', '--session', '-k', '-p', '--python', '-t'] },
  eslint: tool(['-o', '--output-file', '--cache-location'], ['-c', '--config', '--rulesdir', '--resolve-plugins-relative-to', '--parser', '--format', '-f']),
  prettier: tool(['--cache-location'], ['--plugin', '--config', '--plugin-search-dir']),
  stylelint: tool(['--cache-location', '-o', '--output-file'], ['--config', '-c', '--config-basedir', '--custom-formatter', '--custom-syntax']),
  tsc: tool(['--outDir', '--outFile', '--out', '--declarationDir', '--tsBuildInfoFile', '--generateTrace', '--generateCpuProfile'], ['-p', '--project', '--build', '-b'], { spelling: 'tsc' }),
  esbuild: tool(['--outfile', '--outdir', '--metafile', '--sourcemap-file'], ['--inject', '--tsconfig']),
  webpack: tool(['-o', '--output-path'], ['-c', '--config', '--config-name'], { deletes: ['-o', '--output-path'], deletesWith: ['--output-clean'] }),
  vite: tool(['--outDir', '--cacheDir'], ['--config', '-c', '--root'], { deletes: ['--outDir'], deletesWith: ['--emptyOutDir'], spelling: 'yargs' }),
  rollup: tool(['-o', '--file', '-d', '--dir'], ['-c', '--config', '-p', '--plugin']),
  babel: tool(['-o', '--out-file', '-d', '--out-dir'], ['--config-file', '--plugins', '--presets'], { writeVariables: ['BABEL_CACHE_PATH'] }),
  parcel: tool(['--dist-dir', '--cache-dir'], ['--config']),
  tsup: tool(['-d', '--out-dir'], ['--config']),
  swc: tool(['-o', '--out-file', '-d', '--out-dir'], ['--config-file']),
  nyc: tool(['--report-dir', '--temp-dir', '-t'], ['--require', '-i', '--nycrc-path']),
  c8: tool(['--reports-dir', '-o', '--temp-directory'], ['--config']),
  'ts-node': tool([], ['-r', '--require', '-P', '--project', '-C', '--compiler'], { codeVariables: ['TS_NODE_PROJECT', 'TS_NODE_COMPILER'] }),
  nodemon: tool([], ['--config', '--exec', '-x']),
  rustc: tool(['--out-dir'], []),
  build: tool(['-o', '--outdir'], []),
  coverage: tool(['--data-file', '-o', '-d', '--directory'], ['--rcfile'], { writeVariables: ['COVERAGE_FILE'], codeVariables: ['COVERAGE_RCFILE', 'COVERAGE_PROCESS_START'] }),
  mypy: tool(['--cache-dir', '--html-report', '--linecount-report', '--linecoverage-report', '--lineprecision-report', '--txt-report', '--xml-report', '--xslt-html-report', '--xslt-txt-report', '--cobertura-xml-report', '--any-exprs-report', '--junit-xml', '--memory-xml-report'], ['--config-file'], { writeVariables: ['MYPY_CACHE_DIR'] }),
  ruff: tool(['-o', '--output-file', '--cache-dir'], ['--config'], { writeVariables: ['RUFF_CACHE_DIR'] }),
  black: tool([], ['--config'], { writeVariables: ['BLACK_CACHE_DIR'] }),
  flake8: tool(['--output-file'], ['--config', '--append-config']),
  pylint: tool(['--output'], ['--rcfile'], { writeVariables: ['PYLINTHOME'], codeVariables: ['PYLINTRC'] }),
  bandit: tool(['-o', '--output'], ['-c', '--configfile']),
  pyinstaller: tool(['--distpath', '--workpath', '--specpath'], ['--additional-hooks-dir', '--runtime-hook']),
  mkdocs: tool(['-d', '--site-dir'], ['-f', '--config-file'], { deletes: ['-d', '--site-dir'] }),
  typedoc: tool(['--out', '--json'], ['--options', '--plugin', '--tsconfig']),
  jsdoc: tool(['-d', '--destination'], ['-c', '--configure', '-t', '--template']),
  pdoc: tool(['-o', '--output-directory'], []),
  cmake: tool(['-B'], ['-P', '-C', '-S', '--build']),
  ctest: tool(['-O', '--output-log', '--output-junit'], ['--test-dir', '-S', '--script', '-SP', '--script-new-process']),
  playwright: tool(['--output', '-o'], ['--config', '-c', '--global-setup']),
  rspec: { ...tool(['-o', '--out'], ['-r', '--require', '-I', '--options', '--default-path']), runsWords: true, values: ['-e', '--example', '-t', '--tag', '-f', '--format', '--seed', '--order'] },
  phpunit: { ...tool(['--log-junit', '--coverage-html', '--coverage-clover', '--coverage-xml', '--testdox-html', '--cache-directory'], ['-c', '--configuration', '--bootstrap', '--include-path']), runsWords: true, values: ['--filter', '--group', '--exclude-group', '--testsuite'] },
  poetry: tool(['-o', '--output'], []),
  uv: { ...tool(['--cache-dir'], []), writesWords: ['venv'] },
  go: tool(['-coverprofile', '-cpuprofile', '-memprofile', '-blockprofile', '-mutexprofile', '-trace', '-outputdir', '-o', '-pkgdir'], ['-toolexec', '-exec', '-vettool', '-modfile', '-overlay', '-C'], { writeVariables: ['GOCOVERDIR', 'GOTMPDIR', 'GOBIN', 'GOCACHE', 'GOPATH', 'GOMODCACHE'], optionsVariable: 'GOFLAGS', spelling: 'go' }),
  // `cargo clean --target-dir D` removes D; a build writes into it.
  // Build and test tools' own stores and outputs (their projects and configs are in outsideCodeFacts.ts).
  mvn: tool(['-Dmaven.repo.local'], []),
  gradle: tool(['--project-cache-dir'], []),
  gradlew: tool(['--project-cache-dir'], []),
  bazel: tool(['--output_base', '--output_user_root', '--disk_cache', '--repository_cache'], []),
  meson: { writesWords: ['setup'] },
  zig: tool(['--prefix', '-p', '--cache-dir', '--global-cache-dir'], []),
  swift: tool(['--scratch-path', '--build-path', '--cache-path'], []),
  hatch: { writesWords: ['build'] },
  'pre-commit': { writeVariables: ['PRE_COMMIT_HOME'] },
  tsx: { runsWords: true, code: ['--tsconfig'] },
  dotnet: { runsWords: ['test', 'build', 'run', 'publish', 'pack'], writes: ['-o', '--output'], values: ['-c', '--configuration', '-f', '--framework', '-r', '--runtime', '-v', '--verbosity', '--filter', '--logger', '-l'] },
  yarn: tool(['--cache-folder'], []),
  pnpm: tool(['--store-dir', '--virtual-store-dir'], []),
  node: tool(['--test-reporter-destination', '--cpu-prof-dir', '--heap-prof-dir', '--diagnostic-dir', '--report-directory', '--redirect-warnings'], []),
  cargo: { writes: ['--target-dir'], code: ['--manifest-path'], deletes: ['--target-dir'], deletesWith: ['clean'], writeVariables: ['CARGO_TARGET_DIR', 'CARGO_BUILD_TARGET_DIR', 'CARGO_HOME'], codeVariables: ['RUSTC_WRAPPER', 'RUSTC_WORKSPACE_WRAPPER', 'RUSTC', 'RUSTDOC', 'CARGO_BUILD_RUSTC', 'CARGO_BUILD_RUSTC_WRAPPER'] },
};

/** Classes of a workspace path that tools and the editor read at start-up: writing there is judged like any other write. */
const SENSITIVE = ['git', 'git-config', 'editor-config', 'secret', 'shell-rc', 'persistence'];

const PYTHONS = /^(?:python[23]?(?:\.\d+)?|pypy3?)$/;
const PYTHON_TOOLS = new Set(['pytest', 'py.test', 'coverage', 'tox', 'nox', 'mypy', 'pylint', 'flake8', 'black', 'ruff', 'bandit', 'pyinstaller', 'mkdocs', 'pdoc', 'poetry', 'pip', 'pip3', 'sphinx-build']);

/** The tool `d` runs and its words: the program itself, or the module of `python -m MODULE` (and of `coverage run -m MODULE`). */
function toolOf(prog: string, args: WordValue[]): [string, WordValue[]] {
  if (!PYTHONS.test(prog)) return [prog, args];
  const at = args.findIndex((a) => a.text === '-m');
  const module = at >= 0 ? args[at + 1]?.text : undefined;
  return module ? [module, args.slice(at + 2)] : [prog, []];
}

/** The module `coverage run -m MODULE …` runs, with its words. */
function measuredModule(tool: string, args: WordValue[]): [string, WordValue[]] | undefined {
  if (tool !== 'coverage' || args.find((a) => !a.text.startsWith('-'))?.text !== 'run') return undefined;
  const [module, words] = toolOf('python', args);
  return module === 'python' ? undefined : [module, words];
}

/** The value of `option` in `args` at `i` (`--o v`, `--o=v`, `-ov`, as the tool's parser spells them), with the index of the next word to read. */
function valueAt(args: WordValue[], i: number, options: string[], spelling: Spelling = 'exact'): [string, WordValue | undefined] | undefined {
  const t = args[i].text;
  if (args[i].dynamic && !t.startsWith('-')) return undefined;
  const eq = t.indexOf('=');
  for (const o of options) {
    if (sameOption(spelling, t, o)) return [o, args[i + 1]];
    if (eq > 0 && sameOption(spelling, t.slice(0, eq), o)) return [o, { ...args[i], text: t.slice(eq + 1) }];
  }
  // A short option with its value glued on, once no option of the whole name matched (`-project` is not `-p roject`).
  const glued = gluesShortValues(spelling) ? options.find((o) => o.length === 2 && o[1] !== '-' && t.startsWith(o) && t.length > 2) : undefined;
  return glued ? [glued, { ...args[i], text: t.slice(glued.length) }] : undefined;
}

/** pytest's `--cov-report=html:DIR` and `-o cache_dir=DIR` name their place after a colon or an equals sign; mocha's `-O output=F,k=v` after each equals sign. */
function placesIn(tool: string, option: string, v: WordValue): WordValue[] {
  if (TOOLS[tool].writesPairs?.includes(option)) return v.dynamic ? [v] : v.text.split(',').filter((kv) => kv.includes('=')).map((kv) => ({ ...v, text: kv.slice(kv.indexOf('=') + 1) }));
  const one = placeIn(tool, option, v);
  return one ? [one] : [];
}

function placeIn(tool: string, option: string, v: WordValue): WordValue | undefined {
  if (TOOLS[tool] !== PYTEST) return v;
  if (option === '--cov-report') return v.text.includes(':') ? { ...v, text: v.text.slice(v.text.indexOf(':') + 1) } : undefined;
  if (option === '-o' || option === '--override-ini') {
    const m = /^(cache_dir|log_file|junit_logging_file)=(.*)$/.exec(v.text);
    return m ? { ...v, text: m[2] } : undefined;
  }
  return v;
}

export function describeDevToolOptions(d: ProgramArgs): void {
  for (const v of scriptWords(d)) {
    const eq = v.text.indexOf('=');
    if (v.dynamic || !v.text.startsWith('-')) outsideCode(d, v, "a word handed to the project's script");
    else if (eq > 0) outsideCode(d, { ...v, text: v.text.slice(eq + 1) }, "a word handed to the project's script");
  }
  // Python writes the compiled form of every module it imports under PYTHONPYCACHEPREFIX.
  if (PYTHONS.test(d.prog) || PYTHON_TOOLS.has(d.prog)) {
    const prefix = lineValue(d.w, d.fact, 'PYTHONPYCACHEPREFIX');
    if (prefix !== undefined) toolWrites(d, prefix === null ? { ...literal('$PYTHONPYCACHEPREFIX'), dynamic: true } : literal(prefix));
  }
  const [tool, given] = toolOf(d.prog, d.args);
  const measured = measuredModule(tool, given);
  if (measured) toolPlaces(d, ...measured);
  toolPlaces(d, tool, given);
}

function toolPlaces(d: ProgramArgs, tool: string, given: WordValue[]): void {
  const places = TOOLS[tool];
  if (!places) return;
  const args = [...given, ...addedOptions(d, tool)];
  const { writes = [], deletes = [], code = [], values = [], writesPairs = [], spelling } = places;
  const deleting = !places.deletesWith || places.deletesWith.some((o) => args.some((a) => !a.dynamic && a.text === o));
  const words: WordValue[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i].text === '--' && !args[i].dynamic) {
      words.push(...args.slice(i + 1));
      break;
    }
    const w = valueAt(args, i, [...writes, ...writesPairs], spelling);
    const x = valueAt(args, i, deletes, spelling);
    const c = valueAt(args, i, code, spelling);
    const v = w ?? x ?? c ?? valueAt(args, i, values, spelling);
    if (w?.[1]) placesIn(tool, w[0], w[1]).forEach((p) => toolWrites(d, p));
    if (w?.[1]) iniCode(d, tool, w[0], w[1]);
    if (x?.[1] && deleting) d.fact.deletes.push(place(d, x[1]));
    if (c?.[1]) outsideCode(d, c[1], c[0]);
    if (v) i += v[1] && v[1] !== args[i] && args[i].text === v[0] ? 1 : 0;
    else if (args[i].dynamic || !args[i].text.startsWith('-')) words.push(args[i]);
  }
  testWords(d, places, words);
  if (words[0] && places.writesWords?.includes(words[0].text)) words.slice(1).forEach((v) => toolWrites(d, v));
  for (const name of places.writeVariables ?? []) {
    const value = lineValue(d.w, d.fact, name);
    if (value !== undefined) toolWrites(d, value === null ? { ...literal(`$${name}`), dynamic: true } : literal(value));
  }
  for (const name of places.codeVariables ?? []) {
    const value = lineValue(d.w, d.fact, name);
    if (value !== undefined) outsideCode(d, value === null ? { ...literal(`$${name}`), dynamic: true } : literal(value), name);
  }
}

/** pytest's `-o pythonpath=DIR` and `-o testpaths=DIR`: folders whose code it imports or runs. */
function iniCode(d: ProgramArgs, tool: string, option: string, v: WordValue): void {
  if (TOOLS[tool] !== PYTEST || (option !== '-o' && option !== '--override-ini')) return;
  const m = /^(pythonpath|testpaths)=(.*)$/.exec(v.text);
  if (m) for (const t of m[2].split(/\s+/).filter(Boolean)) outsideCode(d, { ...v, text: t }, `pytest's ${m[1]}`);
}

/** The words a runner runs as tests: all its words, or those after one of its running subcommands. */
function testWords(d: ProgramArgs, places: ToolPlaces, words: WordValue[]): void {
  if (!places.runsWords) return;
  if (Array.isArray(places.runsWords)) {
    if (!words[0] || words[0].dynamic || !places.runsWords.includes(words[0].text)) return;
    words = words.slice(1);
  }
  for (const v of words) outsideCode(d, v, 'a test or source file');
}

/** pytest reads more options from PYTEST_ADDOPTS, go from GOFLAGS; a value only known at run time cannot be read. */
function addedOptions(d: ProgramArgs, tool: string): WordValue[] {
  const name = TOOLS[tool].optionsVariable;
  if (!name) return [];
  const value = lineValue(d.w, d.fact, name);
  if (value === null) d.w.unknown('option-variable', `${tool} reads options from ${name}, whose value is only known at run time`, d.fact.index);
  return typeof value === 'string' ? valueWords(name, value) : [];
}

function toolWrites(d: ProgramArgs, v: WordValue | undefined): void {
  if (!v || v.text === '' || v.text === '-') return;
  const p = place(d, v);
  if (!p.classes.includes('workspace') || p.classes.some((k) => SENSITIVE.includes(k))) d.fact.writes.push(p);
}

function outsideCode(d: ProgramArgs, v: WordValue, what: string): void {
  if (v.dynamic) d.fact.markers.push(`outside-code:${what} only known at run time`);
  else if (v.text !== '' && !place(d, v).classes.includes('workspace')) d.fact.markers.push(`outside-code:${what} ${v.text}`);
}

/** The place a word names, as a folder too: `out/lnk` that links out of the workspace is read through its link. */
function place(d: ProgramArgs, v: WordValue): ReturnType<ProgramArgs['p']> {
  const p = d.p(v);
  if (!p.classes.includes('workspace') || v.text.endsWith('/')) return p;
  const inside = d.p({ ...v, text: `${v.text}/` });
  return inside.classes.includes('workspace') ? p : inside;
}

/**
 * `npm test -- --config ../x.js`, `yarn test --rootDir ..`: words handed on to a script of the
 * project (its test runner or build, which the policy does not see), after npm's or pnpm's
 * `--`, or after the script yarn or pnpm runs.
 */
function scriptWords(d: ProgramArgs): WordValue[] {
  const end = d.args.findIndex((a) => a.text === '--' && !a.dynamic);
  if (d.prog === 'npm' || (d.prog === 'pnpm' && end >= 0)) return end < 0 ? [] : d.args.slice(end + 1);
  // pnpm, like yarn, hands a script the words after its name (`pnpm test --outputFile=F`).
  if (d.prog !== 'yarn' && d.prog !== 'pnpm') return [];
  const first = d.args.findIndex((a) => !a.text.startsWith('-') || a.dynamic);
  const script = first >= 0 && d.args[first].text === 'run' ? first + 1 : first;
  return script < 0 ? [] : d.args.slice(script + 1).filter((a) => a.text !== '--');
}
