// Build tools and git pointed at another folder run, or are configured by,
// files outside the workspace that the policy does not see: npm --prefix,
// cargo --manifest-path, go run /tmp/x.go, git -C/--git-dir/GIT_DIR and the like.
// Each such path is marked `outside-code:PATH`; a run-time one is marked too.

import type { Walker } from './facts';
import type { CommandFact } from './factsTypes';
import type { WordValue } from '../shell/words';

/** Options whose value is a folder or file the tool takes its code or settings from. */
const PATH_OPTIONS: Record<string, string[]> = {
  npm: ['--prefix', '-C', '--userconfig', '--globalconfig'],
  pnpm: ['--prefix', '-C', '--dir', '--config'],
  yarn: ['--cwd', '--use-yarnrc'],
  npx: ['--prefix', '--userconfig'],
  cargo: ['--manifest-path', '--config', '-C'],
  go: ['-C', '-modfile', '-overlay'],
  git: ['-C', '--git-dir', '--work-tree', '--exec-path'],
  mvn: ['-f', '--file', '-s', '--settings', '-gs', '--global-settings'],
  gradle: ['-p', '--project-dir', '-b', '--build-file', '-c', '--settings-file', '-I', '--init-script', '-g', '--gradle-user-home'],
  gradlew: ['-p', '--project-dir', '-b', '--build-file', '-c', '--settings-file', '-I', '--init-script', '-g', '--gradle-user-home'],
  deno: ['--cwd'],
  bazel: ['--bazelrc'],
  meson: ['-C'],
  ninja: ['-C', '-f'],
  'pre-commit': ['-c', '--config'],
  cypress: ['--config-file', '-C', '--project', '-P'],
  karma: ['start', 'run'],
  swift: ['--package-path'],
  zig: ['--build-file'],
  rake: ['-f', '--rakefile', '-C', '--directory'],
  tsx: ['--tsconfig'],
  composer: ['-d', '--working-dir'],
  bundle: ['--gemfile'],
  dotnet: ['--project'],
};

/** Options that name a program the tool runs its scripts with. */
const SHELL_OPTIONS: Record<string, string[]> = { npm: ['--script-shell'], pnpm: ['--script-shell'], yarn: ['--script-shell'], npx: ['--script-shell'] };

/** Environment variables that point a tool at another repository, project or settings file. */
const PATH_VARIABLES: Record<string, string[]> = {
  git: ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY'],
  npm: ['npm_config_prefix', 'NPM_CONFIG_PREFIX', 'npm_config_userconfig', 'NPM_CONFIG_USERCONFIG'],
  // ... and the programs cargo runs in place of rustc and rustdoc (a bare name is one on the PATH).
  cargo: ['CARGO_HOME', 'CARGO_TARGET_DIR', 'RUSTC', 'RUSTDOC', 'RUSTC_WRAPPER', 'RUSTC_WORKSPACE_WRAPPER', 'CARGO_BUILD_RUSTC', 'CARGO_BUILD_RUSTDOC', 'CARGO_BUILD_RUSTC_WRAPPER', 'CARGO_BUILD_RUSTC_WORKSPACE_WRAPPER'],
  go: ['GOFLAGS', 'GOENV'],
  pip: ['PIP_CONFIG_FILE'],
  pip3: ['PIP_CONFIG_FILE'],
  bundle: ['BUNDLE_GEMFILE'],
};

/** Subcommands that run the source files named after them. */
const RUNS_FILES: Record<string, Set<string>> = { go: new Set(['run', 'build', 'test', 'generate', 'install', 'vet']) };

export function outsideCode(w: Walker, fact: CommandFact, args: WordValue[]): void {
  const prog = fact.program;
  const mark = (v: WordValue | undefined, what: string) => {
    if (!v) return;
    if (v.dynamic) fact.markers.push(`outside-code:${what} only known at run time`);
    // ... and a link in the workspace to a folder outside it (`--prefix out/lnk`) is read through.
    else if (!w.path(v).classes.includes('workspace') || !w.path({ ...v, text: `${v.text.replace(/\/+$/, '')}/` }).classes.includes('workspace')) fact.markers.push(`outside-code:${v.text}`);
  };
  for (const [i, a] of args.entries()) {
    const t = a.text;
    for (const o of PATH_OPTIONS[prog] ?? []) {
      const value = t === o ? args[i + 1] : t.startsWith(o + '=') ? { ...a, text: t.slice(o.length + 1) } : undefined;
      // `cargo --config 'build.rustc-wrapper="/tmp/x"'`: a setting given inline names the program or file in its value.
      const inline = prog === 'cargo' && value ? /^[\w.-]+\s*=\s*["']?([^"']*)["']?$/.exec(value.text) : null;
      mark(inline ? { ...value!, text: inline[1] } : value, o);
    }
    for (const o of SHELL_OPTIONS[prog] ?? []) if (t === o || t.startsWith(o + '=')) fact.markers.push(`outside-code:${o} ${t.includes('=') ? t.slice(o.length + 1) : (args[i + 1]?.text ?? '')}`);
    // `npm test --node-options='--require x.js'`: every script npm runs loads that code first.
    const nodeOptions = /^--node-options(?:=|$)/.test(t) && (prog === 'npm' || prog === 'npx') ? (t.includes('=') ? t.slice(t.indexOf('=') + 1) : (args[i + 1]?.text ?? '')) : '';
    if (/(?:^|\s)(?:-r|--require|--import|--loader|--experimental-loader)\b/.test(nodeOptions) || (nodeOptions && args[i + 1]?.dynamic && !t.includes('='))) fact.markers.push(`outside-code:--node-options ${nodeOptions}`);
  }
  const sub = args.find((a) => !a.text.startsWith('-'));
  if (sub && RUNS_FILES[prog]?.has(sub.text)) sourceFiles(args.slice(args.indexOf(sub) + 1), fact, mark);
  for (const name of PATH_VARIABLES[prog] ?? []) {
    const env = fact.env.find((e) => e.name === name);
    const value = env ? (env.dynamic ? null : env.value) : w.state.lookup(name);
    if (value === undefined || (env === undefined && !w.facts.assignments.some((x) => x.name === name && x.scope !== 'command'))) continue;
    if (value === null) fact.markers.push(`outside-code:${name} only known at run time`);
    else if (name === 'GOFLAGS' ? /-modfile|-overlay|-C|-(?:tool)?exec\b/.test(value) : !w.path({ text: value, dynamic: false, glob: false, quoted: false, ansiC: false, nested: [], unknown: [], fromSubstitution: false, procSubst: '' }).classes.includes('workspace')) fact.markers.push(`outside-code:${name}=${value}`);
  }
}

/** go's options that take a value; -exec and -toolexec name a program go runs. */
const GO_VALUE_OPTIONS = new Set(['-o', '-tags', '-ldflags', '-gcflags', '-asmflags', '-run', '-bench', '-timeout', '-count', '-p', '-coverprofile', '-cpuprofile', '-memprofile', '-mod', '-pkgdir', '-covermode', '-coverpkg', '-benchtime', '-parallel', '-json', '-buildmode', '-compiler', '-installsuffix']);

function sourceFiles(rest: WordValue[], fact: CommandFact, mark: (v: WordValue | undefined, what: string) => void): void {
  for (let i = 0; i < rest.length; i++) {
    const t = rest[i].text;
    if (t === '-exec' || t === '-toolexec' || t.startsWith('-exec=') || t.startsWith('-toolexec=')) fact.markers.push(`outside-code:${t.replace(/=.*/, '')} runs a program`);
    if (GO_VALUE_OPTIONS.has(t) || t === '-exec' || t === '-toolexec') i++;
    // A relative file counts too: after `cd /tmp`, `go run x.go` runs /tmp/x.go.
    else if (!t.startsWith('-') && (/^(\/|~|\.)/.test(t) || /\.go$/.test(t))) mark(rest[i], 'a source file');
  }
}
