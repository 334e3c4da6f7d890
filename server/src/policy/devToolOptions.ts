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
  /** Variables naming a file or folder it writes, and variables naming code or settings it loads. */
  writeVariables?: string[];
  codeVariables?: string[];
}

const PYTEST: ToolPlaces = {
  writes: ['--junitxml', '--junit-xml', '--log-file', '--html', '--report-log', '--resultlog', '--result-log', '--cov-report', '-o', '--override-ini'],
  deletes: ['--basetemp'],
  code: ['-c', '--config-file', '--rootdir', '--confcutdir', '--cov-config'],
  runsWords: true,
  values: ['-k', '-m', '-p', '-W', '--tb', '-n', '--maxfail', '--durations', '--deselect', '--ignore', '--ignore-glob', '--import-mode', '--color', '-r', '--capture', '--log-level', '--log-cli-level', '--cov', '--timeout', '--dist', '--reruns'],
};

const tool = (writes: string[], code: string[], extra: Partial<ToolPlaces> = {}): ToolPlaces => ({ writes, code, ...extra });

/** Per program (or `python -m` module): the places its options name. */
const TOOLS: Record<string, ToolPlaces> = {
  pytest: PYTEST,
  'py.test': PYTEST,
  unittest: { code: ['-s', '--start-directory', '-t', '--top-level-directory'], runsWords: true, values: ['-k', '-p', '--pattern'] },
  mocha: { code: ['--require', '-r', '--config', '--file', '--spec', '--package', '--reporter', '-R', '--ui', '-u'], runsWords: true, values: ['--timeout', '-t', '--grep', '-g', '--slow', '-s', '--fgrep', '-f', '--reporter-option', '-O', '--ignore', '--extension', '-j', '--jobs', '--retries'] },
  jest: tool(['--outputFile', '--coverageDirectory', '--cacheDirectory'], ['--config', '-c', '--rootDir', '--roots', '--setupFiles', '--setupFilesAfterEnv', '--globalSetup', '--globalTeardown', '--resolver', '--testRunner', '--testEnvironment', '--reporters', '--transform', '--prettierPath'], { deletes: ['--cacheDirectory'], deletesWith: ['--clearCache'], writeVariables: ['JEST_JUNIT_OUTPUT_FILE', 'JEST_JUNIT_OUTPUT_DIR'] }),
  vitest: tool(['--outputFile', '--coverage.reportsDirectory'], ['--config', '-c', '--root', '-r', '--dir', '--globalSetup', '--environment']),
  ava: { runsWords: true, code: ['--config', '--require'], values: ['--match', '-m', '--timeout', '-T', '--concurrency', '-c'] },
  tap: { runsWords: true, code: ['--before', '--after', '--node-arg', '--rcfile'], writes: ['--output-file', '-o', '--output-dir', '-d'] },
  bats: { runsWords: true, writes: ['--output', '-o', '--report-formatter'], values: ['--filter', '-f', '--jobs', '-j'] },
  bun: { runsWords: ['test', 'run'], code: ['--preload', '-r', '--config', '-c', '--cwd'], writes: ['--outdir', '--outfile'] },
  deno: { runsWords: ['test', 'run', 'bench', 'compile', 'serve'], code: ['--config', '-c', '--import-map', '--preload'], writes: ['--output', '-o'] },
  tox: { code: ['-c', '--conf', '--root', '--workdir'], values: ['-e', '-p'] },
  nox: { code: ['-f', '--noxfile', '--envdir'], values: ['-s', '--session', '-k', '-p', '--python', '-t'] },
  eslint: tool(['-o', '--output-file', '--cache-location'], ['-c', '--config', '--rulesdir', '--resolve-plugins-relative-to', '--parser', '--format', '-f']),
  prettier: tool(['--cache-location'], ['--plugin', '--config', '--plugin-search-dir']),
  stylelint: tool(['--cache-location', '-o', '--output-file'], ['--config', '-c', '--config-basedir', '--custom-formatter', '--custom-syntax']),
  tsc: tool(['--outDir', '--outFile', '--out', '--declarationDir', '--tsBuildInfoFile', '--generateTrace', '--generateCpuProfile'], ['-p', '--project', '--build', '-b']),
  esbuild: tool(['--outfile', '--outdir', '--metafile', '--sourcemap-file'], ['--inject', '--tsconfig']),
  webpack: tool(['-o', '--output-path'], ['-c', '--config', '--config-name'], { deletes: ['-o', '--output-path'], deletesWith: ['--output-clean'] }),
  vite: tool(['--outDir', '--cacheDir'], ['--config', '-c', '--root'], { deletes: ['--outDir'], deletesWith: ['--emptyOutDir'] }),
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
  cmake: tool([], ['-P', '-C', '-S']),
  ctest: tool(['-O', '--output-log', '--output-junit'], ['--test-dir', '-S', '--script', '-SP', '--script-new-process']),
  playwright: tool(['--output', '-o'], ['--config', '-c', '--global-setup']),
  rspec: { ...tool(['-o', '--out'], ['-r', '--require', '-I', '--options', '--default-path']), runsWords: true, values: ['-e', '--example', '-t', '--tag', '-f', '--format', '--seed', '--order'] },
  phpunit: { ...tool(['--log-junit', '--coverage-html', '--coverage-clover', '--coverage-xml', '--testdox-html', '--cache-directory'], ['-c', '--configuration', '--bootstrap', '--include-path']), runsWords: true, values: ['--filter', '--group', '--exclude-group', '--testsuite'] },
  poetry: tool(['-o', '--output'], []),
  uv: { ...tool(['--cache-dir'], []), writesWords: ['venv'] },
  go: tool(['-coverprofile', '-cpuprofile', '-memprofile', '-blockprofile', '-mutexprofile', '-trace', '-outputdir'], [], { writeVariables: ['GOCOVERDIR', 'GOTMPDIR', 'GOBIN'] }),
  cargo: { deletes: ['--target-dir'], deletesWith: ['clean'] },
};

/** Classes of a workspace path that tools and the editor read at start-up: writing there is judged like any other write. */
const SENSITIVE = ['git', 'git-config', 'editor-config', 'secret', 'shell-rc', 'persistence'];

const PYTHONS = /^(?:python[23]?(?:\.\d+)?|pypy3?)$/;

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

/** The value of `option` in `args` at `i` (`--o v`, `--o=v`, `-ov`), with the index of the next word to read. */
function valueAt(args: WordValue[], i: number, options: string[]): [string, WordValue | undefined] | undefined {
  const t = args[i].text;
  if (args[i].dynamic && !t.startsWith('-')) return undefined;
  for (const o of options) {
    if (t === o) return [o, args[i + 1]];
    if (t.startsWith(o + '=') || (o.length === 2 && o[1] !== '-' && t.startsWith(o) && t.length > 2)) return [o, { ...args[i], text: t.slice(o.length + (t[o.length] === '=' ? 1 : 0)) }];
  }
  return undefined;
}

/** pytest's `--cov-report=html:DIR` and `-o cache_dir=DIR` name their place after a colon or an equals sign. */
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
  const [tool, given] = toolOf(d.prog, d.args);
  const measured = measuredModule(tool, given);
  if (measured) toolPlaces(d, ...measured);
  toolPlaces(d, tool, given);
}

function toolPlaces(d: ProgramArgs, tool: string, given: WordValue[]): void {
  const places = TOOLS[tool];
  if (!places) return;
  const args = [...given, ...addedOptions(d, tool)];
  const { writes = [], deletes = [], code = [], values = [] } = places;
  const deleting = !places.deletesWith || places.deletesWith.some((o) => args.some((a) => !a.dynamic && a.text === o));
  const words: WordValue[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i].text === '--' && !args[i].dynamic) {
      words.push(...args.slice(i + 1));
      break;
    }
    const w = valueAt(args, i, writes);
    const x = valueAt(args, i, deletes);
    const c = valueAt(args, i, code);
    const v = w ?? x ?? c ?? valueAt(args, i, values);
    if (w?.[1]) toolWrites(d, placeIn(tool, w[0], w[1]));
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

/** The words a runner runs as tests: all its words, or those after one of its running subcommands. */
function testWords(d: ProgramArgs, places: ToolPlaces, words: WordValue[]): void {
  if (!places.runsWords) return;
  if (Array.isArray(places.runsWords)) {
    if (!words[0] || words[0].dynamic || !places.runsWords.includes(words[0].text)) return;
    words = words.slice(1);
  }
  for (const v of words) outsideCode(d, v, 'a test or source file');
}

/** pytest reads more options from PYTEST_ADDOPTS; a value only known at run time cannot be read. */
function addedOptions(d: ProgramArgs, tool: string): WordValue[] {
  if (TOOLS[tool] !== PYTEST) return [];
  const value = lineValue(d.w, d.fact, 'PYTEST_ADDOPTS');
  if (value === null) d.w.unknown('option-variable', 'pytest reads options from PYTEST_ADDOPTS, whose value is only known at run time', d.fact.index);
  return typeof value === 'string' ? valueWords('PYTEST_ADDOPTS', value) : [];
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
 * `--`, or after the script yarn runs.
 */
function scriptWords(d: ProgramArgs): WordValue[] {
  if (d.prog === 'npm' || d.prog === 'pnpm') {
    const end = d.args.findIndex((a) => a.text === '--' && !a.dynamic);
    return end < 0 ? [] : d.args.slice(end + 1);
  }
  if (d.prog !== 'yarn') return [];
  const first = d.args.findIndex((a) => !a.text.startsWith('-') || a.dynamic);
  const script = first >= 0 && d.args[first].text === 'run' ? first + 1 : first;
  return script < 0 ? [] : d.args.slice(script + 1).filter((a) => a.text !== '--');
}
