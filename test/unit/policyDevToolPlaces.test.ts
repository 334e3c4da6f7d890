// Test runners, bundlers, compilers, linters and doc builders write reports,
// outputs and caches where their options say (`pytest --junitxml=F`, `tsc
// --outDir D`, `eslint -o F`), empty the folder pytest is given as
// --basetemp, and run the configs, plugins, setup files and tests they are
// pointed at (`jest --config F`, `mocha --require F`, `pytest DIR`); some read
// the same from variables (`PYTEST_ADDOPTS`, `COVERAGE_FILE`). Cases are
// generated: each option × place × wrapper must not be allowed, a shell rc
// file written is refused, and the same commands with places inside the
// workspace stay allowed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPolicyEngine } from '../../server/src/policy';

const WS = '/home/dev/project';
const WRAPPERS: ((c: string) => string)[] = [(c) => c, (c) => `true && ${c}`, (c) => `( ${c} )`, (c) => `nice ${c}`, (c) => `${c} || true`];
const spell = (opt: string, v: string, k: number) => (opt.startsWith('--') && k % 2 === 0 ? `${opt}=${v}` : `${opt} ${v}`);

/** [command before the option, option] pairs whose value is a file or folder written. */
const WRITES: [string, string][] = [
  ['pytest', '--junitxml'], ['pytest', '--log-file'], ['python3 -m pytest', '--junit-xml'], ['py.test', '--html'], ['go test ./...', '-coverprofile'], ['go test .', '-cpuprofile'],
  ['jest --json', '--outputFile'], ['jest --coverage', '--coverageDirectory'], ['vitest run', '--outputFile'], ['coverage xml', '-o'], ['coverage html', '-d'], ['coverage run x.py', '--data-file'],
  ['eslint .', '-o'], ['eslint --cache .', '--cache-location'], ['ruff check .', '--output-file'], ['ruff check .', '--cache-dir'], ['mypy src', '--cache-dir'], ['mypy src', '--html-report'],
  ['tsc', '--outDir'], ['tsc', '--tsBuildInfoFile'], ['esbuild src/a.js --bundle', '--outfile'], ['webpack', '--output-path'], ['vite build', '--outDir'], ['rollup src/a.js', '-o'],
  ['babel src', '-d'], ['python3 -m build', '-o'], ['flake8', '--output-file'], ['pylint src', '--output'], ['bandit -r src', '-o'], ['typedoc', '--out'], ['rustc src/main.rs', '--out-dir'],
];
/** Options whose value is code or settings the tool loads. */
const CODE: [string, string][] = [
  ['eslint .', '-c'], ['eslint .', '--rulesdir'], ['prettier --check .', '--plugin'], ['tsc', '-p'], ['jest', '--config'], ['jest', '--setupFiles'], ['jest', '--rootDir'], ['vitest run', '--config'],
  ['mocha', '--require'], ['mocha', '-r'], ['pytest', '-c'], ['pytest', '--rootdir'], ['python3 -m pytest', '--confcutdir'], ['webpack', '--config'], ['rollup', '-c'], ['vite build', '--config'],
  ['mypy src', '--config-file'], ['ruff check .', '--config'], ['pylint src', '--rcfile'], ['coverage report', '--rcfile'], ['cmake', '-P'], ['ts-node', '-r'], ['tox', '-c'], ['nox', '-f'],
];
const RUNNERS = ['pytest T', 'python3 -m pytest T/test_a.py', 'mocha T', 'bun test T', 'python3 -m unittest discover -s T', 'ava T/test.js', 'rspec T/spec'];
const OUTSIDE = ['../x', '~/x', '/etc/x', '$HOME/x'];

test('places test and build tools write, load or run outside the workspace are not allowed', async () => {
  const engine = await createPolicyEngine();
  const allowed: string[] = [];
  let n = 0;
  const judge = (cmd: string) => {
    n++;
    if (engine.judge(cmd, { workspace: WS }).decision === 'allow') allowed.push(cmd);
  };
  for (const [k, [p, o]] of [...WRITES, ...CODE].entries()) for (const [j, t] of OUTSIDE.entries()) judge(WRAPPERS[(k + j) % WRAPPERS.length](`${p} ${spell(o, t, k + j)}`));
  for (const r of RUNNERS) for (const t of OUTSIDE) judge(r.replaceAll('T', t));
  for (const v of ['--cov-report=html:', '--cov-report=xml:', '-o cache_dir=', '--override-ini=log_file=']) for (const t of OUTSIDE) judge(`pytest --cov=src ${v}${t}`);
  assert.ok(n >= 250, `${n} cases`);
  assert.deepEqual(allowed, []);
});

test('a shell rc file or a git hook written as a report is refused; a folder emptied is deleted', async () => {
  const engine = await createPolicyEngine();
  const decision = (c: string) => engine.judge(c, { workspace: WS }).decision;
  const notDenied = WRITES.flatMap(([p, o]) => ['~/.bashrc', '~/.profile'].map((t) => `${p} ${o} ${t}`)).filter((c) => decision(c) !== 'deny');
  assert.deepEqual(notDenied, []);
  assert.equal(decision('pytest --junitxml=.git/hooks/pre-commit'), 'deny');
  for (const t of ['~', '$HOME', '..', '../..']) for (const f of ['pytest --basetemp=T', 'python3 -m pytest --basetemp T', 'jest --clearCache --cacheDirectory=T', 'cargo clean --target-dir T']) assert.equal(decision(f.replace('T', t)), 'deny', f.replace('T', t));
  for (const c of ['pytest --basetemp=.', 'pytest --basetemp=src', 'cargo clean --target-dir .']) assert.notEqual(decision(c), 'allow', c);
  // coverage runs the module it is given with that module's own words.
  for (const c of ['coverage run -m pytest --basetemp=~', 'python3 -m coverage run -m pytest --basetemp ~']) assert.equal(decision(c), 'deny', c);
});

test('shortened long options of the Python tools whose parsers take them are read in full', async () => {
  const engine = await createPolicyEngine();
  const cases = ['mypy --cache-d ~/.x src', 'mypy --config=../x src', 'mypy src --html-rep ../r', 'flake8 --output=../x', 'flake8 --conf ../x', 'bandit -r src --out ../x', 'coverage html --dir=..', 'coverage xml --rcf ../rc', 'coverage run --data=../x x.py'];
  assert.deepEqual(cases.filter((c) => engine.judge(c, { workspace: WS }).decision === 'allow'), []);
});

test('variables of the line that give those tools options, files or settings are read', async () => {
  const engine = await createPolicyEngine();
  const cases = [
    'PYTEST_ADDOPTS=--basetemp=~ pytest', 'PYTEST_ADDOPTS="--junitxml ../x.xml" python3 -m pytest', 'export PYTEST_ADDOPTS="-c ../x.ini"; pytest', 'PYTEST_ADDOPTS="$X" pytest',
    'COVERAGE_FILE=~/.bashrc coverage run x.py', 'env COVERAGE_RCFILE=../rc coverage run x.py', 'MYPY_CACHE_DIR=.. mypy src', 'RUFF_CACHE_DIR=/etc/x ruff check .', 'PYLINTRC=../rc pylint src',
    'TS_NODE_PROJECT=../tsconfig.json ts-node src/a.ts', 'BABEL_CACHE_PATH=~/.profile babel src -d lib',
  ];
  assert.deepEqual(cases.filter((c) => engine.judge(c, { workspace: WS }).decision === 'allow'), []);
  assert.equal(engine.judge('COVERAGE_FILE=~/.bashrc coverage run x.py', { workspace: WS }).decision, 'deny');
});

test('words handed on to a project script that name places outside are not allowed', async () => {
  const engine = await createPolicyEngine();
  const forms = ['npm test -- {o}', 'npm run test -- {o}', 'pnpm test -- {o}', 'yarn test {o}', 'yarn run build {o}'];
  const options = ['--config ../x.js', '--basetemp=~', '--rootDir ..', '--outDir=/etc/x', '../tests'];
  const cases = forms.flatMap((f) => options.map((o) => f.replace('{o}', o)));
  assert.deepEqual(cases.filter((c) => engine.judge(c, { workspace: WS }).decision === 'allow'), []);
  const inside = ['npm test -- --watch=false', 'npm run build -- --mode production', 'yarn test', 'yarn run lint --fix', 'npm test -- src/a.test.js', 'pnpm test -- -t fast'];
  assert.deepEqual(inside.filter((c) => engine.judge(c, { workspace: WS }).decision !== 'allow'), []);
});

test('the same tools with places inside the workspace stay allowed', async () => {
  const engine = await createPolicyEngine();
  const inside = [
    // (babel and typedoc are not programs the policy knows: they are asked wherever they write.)
    ...WRITES.filter(([p]) => !/^(babel|typedoc)\b/.test(p)).map(([p, o], k) => `${p} ${spell(o, o.endsWith('dir') || o.endsWith('Dir') || o === '-d' ? 'build/out' : 'reports/out.txt', k)}`),
    'pytest -c pytest.ini tests', 'python3 -m pytest -c pytest.ini tests', 'python -m pytest -q -k fast tests/test_a.py::test_x', 'jest --config jest.config.js', 'mocha --require test/setup.js test',
    'eslint -c .eslintrc.json src', 'tsc -p tsconfig.json', 'pytest --cov=src --cov-report=html:htmlcov', 'pytest -o cache_dir=.cache/pytest', 'COVERAGE_FILE=.coverage.1 coverage run x.py', 'PYTEST_ADDOPTS=-q pytest',
  ];
  const asked = inside.filter((c) => engine.judge(c, { workspace: WS }).decision !== 'allow');
  assert.deepEqual(asked, []);
});
