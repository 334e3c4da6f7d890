// Go, Rust (cargo, rustup), and C/C++ builds: make, cmake, ninja, meson and
// the compilers. Build outputs inside the workspace are the build's own
// business; outputs elsewhere are written paths like any other.

import { literal } from '../../shell/argWords';
import { applyKind, table } from './kinds';
import { describeTable, set, type TableSpec } from './tableTool';
import { act, buildOutput, hasOption, optionText, words, type ToolCall } from './toolKit';

const GO: TableSpec = {
  family: 'go',
  values: set('-o -C -run -bench -tags -ldflags -gcflags -p -timeout -count -coverprofile -modfile -exec -cpu -parallel -mod'),
  bare: 'read',
  other: 'unknown',
  subs: table({
    build: 'build test vet run generate tool clean fix_-diff',
    read: 'list env version doc help bug mod_graph mod_why mod_verify mod_edit_-json mod_edit_-print work_edit_-json version_-m',
    write: 'fmt fix mod_init mod_edit work_init work_use work_edit',
    install: 'get install mod_download mod_tidy mod_vendor work_sync work_vendor',
    change: 'telemetry',
  }),
  adjust: (call, sub, _rest, kind) => {
    if (hasOption(call.args, '-exec', '-toolexec')) return 'unknown';
    if (sub === 'env' && hasOption(call.args, '-w', '-u')) return 'change';
    if (sub === 'clean' && hasOption(call.args, '-modcache', '-i')) return 'change';
    buildOutput(call, optionValue(call, '-o'));
    return kind;
  },
};

const CARGO: TableSpec = {
  family: 'rust',
  values: set('-p --package --bin --example --test --bench --features -F --target --target-dir --manifest-path -j --jobs --profile --color -Z --config --message-format --registry --index --token'),
  bare: 'read',
  other: 'unknown',
  skip: /^\+/,
  subs: table({
    build: 'build b check c test t bench doc d run r clean nextest llvm-cov tarpaulin expand udeps machete watch miri hack bloat insta criterion',
    read: 'tree metadata locate-project verify-project version help read-manifest pkgid report --version --list',
    netread: 'search audit outdated deny info',
    write: 'fmt fix new init generate-lockfile',
    install: 'update fetch add remove install uninstall vendor login logout',
    publish: 'publish yank',
    change: 'owner',
  }),
  readOnlyWith: ['--check', '--dry-run'],
  adjust: (call, sub, _rest, kind) => {
    if (sub === 'clippy') return hasOption(call.args, '--fix') ? 'write' : 'build';
    if (sub === 'publish' && hasOption(call.args, '--dry-run', '-n')) return 'build';
    buildOutput(call, optionValue(call, '--target-dir'));
    return kind;
  },
};

const RUSTUP: TableSpec = {
  family: 'rust',
  values: set('--toolchain'),
  bare: 'read',
  other: 'unknown',
  subs: table({
    read: 'show which doc help --version toolchain_list target_list component_list override_list',
    install: 'update install default toolchain_install target_add component_add override_set self_update check',
    change: 'toolchain_uninstall target_remove component_remove override_unset set',
    destroy: 'self_uninstall',
    run: 'run',
  }),
};

function optionValue(call: ToolCall, name: string) {
  const t = optionText(call.args, name);
  return t === undefined || t.includes('$?') ? undefined : literal(t);
}

const MAKE_VALUES = set('-C --directory -f --file --makefile -I --include-dir -j --jobs -l --load-average -o --old-file -W --what-if');
const MAKE_CHANGE = /^(install|uninstall|deploy|release|publish|upload|push|docker-push|install-\S+|deploy-\S+)$/;

export function describeMake(call: ToolCall): void {
  const targets = words(call.args, MAKE_VALUES).filter((t) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(t.text) && !/^[0-9]+$/.test(t.text));
  call.fact.subcommand = targets.map((t) => t.text).join(' ');
  const label = `${call.fact.program} ${call.fact.subcommand}`.trim();
  // A makefile read from stdin runs what it is fed; one outside the workspace is a script like any other.
  for (const f of makefiles(call)) {
    if (f.text === '-' || f.text === '/dev/stdin') call.fact.runs_code = 'stdin';
    else if (!call.w.path(f).classes.includes('workspace')) {
      call.fact.runs_code = 'script';
      call.fact.reads.push(call.w.path(f));
    }
  }
  if (hasOption(call.args, '-n', '--dry-run', '--just-print', '-q', '--question', '-p', '--print-data-base')) applyKind(call, 'c', 'read', label);
  else if (targets.some((t) => t.dynamic)) applyKind(call, 'c', 'unknown', label);
  else if (targets.some((t) => MAKE_CHANGE.test(t.text))) act(call, 'c', 'change', `${label} runs a target that usually installs or ships what was built`);
  else applyKind(call, 'c', 'build', label);
}

function makefiles(call: ToolCall) {
  return call.args.flatMap((a, i) => (['-f', '--file', '--makefile'].includes(a.text) && call.args[i + 1] ? [call.args[i + 1]] : /^--(file|makefile)=/.test(a.text) ? [{ ...a, text: a.text.replace(/^--\w+=/, '') }] : []));
}

export function describeCmake(call: ToolCall): void {
  const { args } = call;
  const e = args.findIndex((a) => a.text === '-E');
  if (e >= 0) {
    const [cmd, ...rest] = args.slice(e + 1);
    const name = cmd?.text ?? '';
    const paths = rest.filter((a) => !a.text.startsWith('-') || a.dynamic);
    if (/^(rm|remove|remove_directory|rmdir)$/.test(name)) paths.forEach((p) => call.fact.deletes.push(call.w.path(p)));
    else if (/^(make_directory|touch|touch_nocreate|copy|copy_directory|copy_directory_if_different|copy_if_different|rename|create_symlink|create_hardlink|tar)$/.test(name)) {
      const target = name === 'make_directory' || name.startsWith('touch') ? paths : paths.slice(-1);
      target.forEach((p) => call.fact.writes.push(call.w.path(p)));
    } else if (/^(env|chdir|time|server)$/.test(name) || cmd === undefined || cmd.dynamic) {
      act(call, 'c', 'unknown', `cmake -E ${name} runs another command`);
      return;
    }
    act(call, 'c', 'read', `cmake -E ${name}`);
    return;
  }
  if (hasOption(args, '--install')) act(call, 'c', 'change', 'cmake --install copies the build into its install prefix, usually outside the workspace');
  else if (hasOption(args, '-P')) act(call, 'c', 'build', 'cmake -P runs a CMake script of the project');
  else if (hasOption(args, '--version', '--help', '--system-information', '-L', '-LA', '-LH', '--list-presets')) act(call, 'c', 'read', 'cmake prints information');
  else {
    act(call, 'c', 'build', hasOption(args, '--build') ? 'cmake --build builds the project' : 'cmake configures the build');
    const b = optionText(args, '-B', '--build');
    if (b !== undefined && !b.includes('$?')) buildOutput(call, literal(b));
  }
}

const CTOOLS: Record<string, TableSpec> = {
  ninja: { family: 'c', values: set('-C -f -j -k -l -d -t -w'), bare: 'build', other: 'build', subs: table({ change: 'install uninstall' }), readOnlyWith: ['-n'] },
  meson: { family: 'c', values: set('-C --prefix --buildtype -D'), bare: 'read', other: 'unknown', subs: table({ build: 'setup configure compile test dist introspect devenv', read: 'help --version', change: 'install', install: 'wrap subprojects' }) },
  ctest: { family: 'c', bare: 'build', other: 'build', subs: table({}) },
  'clang-format': { family: 'c', bare: 'read', other: 'read', subs: table({}), writesWith: ['-i'] },
  'clang-tidy': { family: 'c', bare: 'build', other: 'build', subs: table({}), writesWith: ['--fix', '-fix', '--fix-errors'] },
  cppcheck: { family: 'c', bare: 'read', other: 'read', subs: table({}) },
  gofmt: { family: 'go', bare: 'read', other: 'read', subs: table({}), writesWith: ['-w'] },
  goimports: { family: 'go', bare: 'read', other: 'read', subs: table({}), writesWith: ['-w'] },
  'golangci-lint': { family: 'go', bare: 'read', other: 'build', subs: table({ read: 'version help linters config' }), writesWith: ['--fix'] },
  staticcheck: { family: 'go', bare: 'build', other: 'build', subs: table({}) },
  govulncheck: { family: 'go', bare: 'netread', other: 'netread', subs: table({}) },
  rustfmt: { family: 'rust', bare: 'write', other: 'write', subs: table({}), readOnlyWith: ['--check'] },
};

export const COMPILERS = ['gcc', 'g++', 'cc', 'c++', 'clang', 'clang++', 'rustc', 'javac', 'kotlinc', 'tcc', 'zig', 'nasm', 'as', 'ld'];
export const NATIVE_PROGRAMS = ['go', 'cargo', 'rustup', 'make', 'gmake', 'cmake', ...Object.keys(CTOOLS), ...COMPILERS];

export function describeNative(call: ToolCall): void {
  const p = call.fact.program;
  if (p === 'go') describeTable(call, GO);
  else if (p === 'cargo') describeTable(call, CARGO);
  else if (p === 'rustup') describeTable(call, RUSTUP);
  else if (p === 'make' || p === 'gmake') describeMake(call);
  else if (p === 'cmake') describeCmake(call);
  else if (COMPILERS.includes(p)) {
    if (p === 'zig' && !['build', 'build-exe', 'build-lib', 'build-obj', 'test', 'run', 'cc', 'c++', 'fmt', 'version', 'env', 'targets', 'init'].includes(call.args[0]?.text ?? '')) {
      act(call, 'c', 'unknown', `zig ${call.args[0]?.text ?? ''} is not a subcommand Paladin knows`);
      return;
    }
    act(call, 'c', 'build', `${p} compiles code`);
    buildOutput(call, optionValue(call, '-o'));
    const d = optionValue(call, '-d');
    if (p === 'javac') buildOutput(call, d);
  } else describeTable(call, CTOOLS[p]);
}
