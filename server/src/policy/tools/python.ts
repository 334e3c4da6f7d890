// pip, pytest, poetry, uv, pipenv, twine, tox and the linters and formatters
// of the Python world; also `python -m <tool>`, which is the same tool.

import { applyKind, table } from './kinds';
import { describeTable, set, type TableSpec } from './tableTool';
import type { ToolCall } from './toolKit';

const family = 'python';

const PIP: TableSpec = {
  family,
  values: set('-r --requirement -c --constraint -i --index-url --extra-index-url -t --target --prefix --root -e --editable --python'),
  bare: 'read',
  other: 'unknown',
  subs: table({
    read: 'list show freeze check help debug inspect hash --version -V config_list config_get cache_list cache_info cache_dir',
    netread: 'search index',
    install: 'install download wheel',
    change: 'uninstall config cache',
  }),
};

const POETRY: TableSpec = {
  family,
  values: set('-C --directory -P --project --with --without --only -E --extras -G --group'),
  bare: 'read',
  other: 'unknown',
  subs: table({
    read: 'show check about list help env_info env_list search-local --version',
    netread: 'search',
    build: 'build shell',
    install: 'install add update lock remove self sync export',
    write: 'new init',
    change: 'version config env cache source',
    publish: 'publish',
    run: 'run',
  }),
  adjust: (_c, sub, rest, kind) => (sub === 'version' && rest.length === 1 ? 'read' : kind),
};

const UV: TableSpec = {
  family,
  values: set('--python -p --directory --project --with --index-url --extra-index-url --package --group --extra'),
  bare: 'read',
  other: 'unknown',
  subs: table({
    read: 'tree version help pip_list pip_freeze pip_show pip_check python_list tool_list cache_dir --version',
    build: 'build venv',
    install: 'sync add remove lock pip_install pip_sync pip_compile pip_uninstall tool_install tool_upgrade python_install self export',
    change: 'cache_clean tool_uninstall python_uninstall cache_prune',
    write: 'init',
    publish: 'publish',
    run: 'run tool_run',
  }),
};

const PIPENV: TableSpec = { family, bare: 'read', other: 'unknown', subs: table({ read: 'graph check --venv --where --py requirements scripts', install: 'install update uninstall lock sync upgrade clean', change: 'shell --rm', run: 'run' }) };

const TWINE: TableSpec = { family, bare: 'read', other: 'unknown', subs: table({ read: 'check --version', publish: 'upload register' }) };

/** Tools whose words are files or options, not subcommands; some rewrite files when asked. */
const CHECKERS: Record<string, TableSpec> = {
  pytest: { family, bare: 'build', other: 'build', subs: table({}) },
  tox: { family, bare: 'build', other: 'build', subs: table({}) },
  nox: { family, bare: 'build', other: 'build', subs: table({}) },
  mypy: { family, bare: 'build', other: 'build', subs: table({}) },
  pyright: { family, bare: 'build', other: 'build', subs: table({}), writesWith: ['--writebaseline'] },
  flake8: { family, bare: 'read', other: 'read', subs: table({}) },
  pylint: { family, bare: 'read', other: 'read', subs: table({}) },
  bandit: { family, bare: 'read', other: 'read', subs: table({}) },
  black: { family, bare: 'write', other: 'write', subs: table({}), readOnlyWith: ['--check', '--diff'] },
  isort: { family, bare: 'write', other: 'write', subs: table({}), readOnlyWith: ['--check', '--check-only', '-c', '--diff'] },
  autopep8: { family, bare: 'read', other: 'read', subs: table({}), writesWith: ['-i', '--in-place'] },
  ruff: { family, bare: 'read', other: 'build', subs: table({ write: 'format', read: 'check --version rule' }), readOnlyWith: ['--check', '--diff'], writesWith: ['--fix'] },
  coverage: { family, bare: 'read', other: 'build', subs: table({ build: 'run report html xml json combine erase' }) },
  'pre-commit': { family, bare: 'build', other: 'build', subs: table({ build: 'run', install: 'install autoupdate install-hooks', change: 'uninstall clean gc' }) },
};
CHECKERS['py.test'] = CHECKERS.pytest;

export const PYTHON_PROGRAMS = ['pip', 'pip3', 'poetry', 'uv', 'uvx', 'pipenv', 'twine', 'flit', 'hatch', ...Object.keys(CHECKERS)];
/** Modules run with `python -m NAME` that are these same tools. */
export const PYTHON_TOOL_MODULES = new Set(['pip', 'pytest', 'mypy', 'black', 'isort', 'flake8', 'pylint', 'ruff', 'coverage', 'tox', 'twine', 'unittest', 'venv', 'build', 'poetry', 'uv', 'compileall', 'py_compile', 'doctest', 'json.tool', 'pydoc', 'pipenv', 'nox', 'bandit', 'pyright', 'timeit', 'cProfile', 'pdb', 'site', 'sysconfig', 'platform', 'tabnanny']);

export function describePython(call: ToolCall, program = call.fact.program): void {
  switch (program) {
    case 'pip':
    case 'pip3':
      describeTable(call, PIP, program);
      return;
    case 'poetry':
      describeTable(call, POETRY);
      return;
    case 'uv':
      describeTable(call, UV);
      return;
    case 'uvx': {
      call.fact.network = true;
      const first = call.args.findIndex((a) => !a.text.startsWith('-') || a.dynamic);
      applyKind(call, family, 'run', 'uvx', first < 0 ? [] : call.args.slice(first));
      return;
    }
    case 'pipenv':
      describeTable(call, PIPENV);
      return;
    case 'twine':
      describeTable(call, TWINE);
      return;
    case 'flit':
    case 'hatch':
      describeTable(call, { family, bare: 'read', other: 'build', subs: table({ publish: 'publish', install: 'install', change: 'env', run: 'run' }) });
      return;
    case 'unittest':
    case 'doctest':
    case 'compileall':
    case 'py_compile':
    case 'build':
    case 'timeit':
    case 'cProfile':
    case 'venv':
      applyKind(call, family, 'build', `python -m ${program}`);
      return;
    case 'json.tool':
    case 'pydoc':
    case 'site':
    case 'sysconfig':
    case 'platform':
    case 'tabnanny':
      applyKind(call, family, 'read', `python -m ${program}`);
      return;
    case 'pdb':
      applyKind(call, family, 'unknown', 'python -m pdb runs a debugger that can run any code');
      return;
    default:
      describeTable(call, CHECKERS[program]);
  }
}
