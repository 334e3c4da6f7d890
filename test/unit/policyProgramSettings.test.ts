// Settings a program reads from the environment as if given on its line:
// pip's PIP_<OPTION> and npm's npm_config_<key> (any case) are its options,
// so `npm_config_node_options='--require ../x.js' npm test` loads that code
// into every script and `PIP_LOG=~/.bashrc pip list` writes there; GOFLAGS
// and GOENV point go at a program or a settings file; trace and history
// variables (GIT_TRACE*, LESSHISTFILE, NODE_REPL_HISTORY, SQLITE_HISTORY,
// PYTHON_HISTORY, PSQL_HISTORY, MYSQL_HISTFILE) name files the program
// writes; RUSTC, RUSTC_WRAPPER and the like name a program cargo runs.
// Cases are generated: each setting × setter × wrapper must not be allowed;
// everyday values stay allowed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPolicyEngine } from '../../server/src/policy';

const WS = '/home/dev/project';
const WRAPPERS: ((c: string) => string)[] = [(c) => c, (c) => `true && ${c}`, (c) => `( ${c} )`, (c) => `f() { ${c}; }; f`, (c) => `${c} || true`];
// A value with blanks is quoted; a path is left bare, so ~ and $HOME expand as they would.
const q = (val: string) => (/\s/.test(val) ? `"${val}"` : val);
const SETTERS: ((v: string, val: string, p: string) => string)[] = [
  (v, val, p) => `${v}=${q(val)} ${p}`, (v, val, p) => `export ${v}=${q(val)}; ${p}`, (v, val, p) => `env ${v}=${q(val)} ${p}`, (v, val, p) => `declare -x ${v}=${q(val)}; ${p}`,
];
const OUTSIDE = ['~/.bashrc', '../x', '/etc/x', '$HOME/.profile'];

/** [program line, variable, value] that load code, point at outside settings, or write outside. */
function settings(): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const v of ['npm_config_node_options', 'NPM_CONFIG_NODE_OPTIONS', 'Npm_Config_Node_Options']) for (const r of ['--require ../x.js', '-r /tmp/x.js', '--import=../x.mjs']) out.push(['npm test', v, r]);
  for (const v of ['npm_config_globalconfig', 'NPM_CONFIG_USERCONFIG']) out.push(['npm ls', v, '/tmp/npmrc']);
  for (const o of OUTSIDE) {
    out.push(['pip list', 'PIP_LOG', o], ['pip3 list', 'PIP_LOG', o], ['pip install x', 'PIP_TARGET', o]);
    for (const v of ['GIT_TRACE', 'GIT_TRACE_PACKET', 'GIT_TRACE2_EVENT', 'GIT_TRACE_PERFORMANCE']) if (o !== '../x') out.push(['git status', v, o]);
    out.push(['less notes.txt', 'LESSHISTFILE', o], ['node', 'NODE_REPL_HISTORY', o], ['sqlite3 x.db', 'SQLITE_HISTORY', o], ['python3 -i', 'PYTHON_HISTORY', o], ['psql', 'PSQL_HISTORY', o], ['mysql', 'MYSQL_HISTFILE', o]);
  }
  for (const v of ['RUSTC', 'RUSTDOC', 'RUSTC_WRAPPER', 'RUSTC_WORKSPACE_WRAPPER', 'CARGO_BUILD_RUSTC_WRAPPER', 'CARGO_BUILD_RUSTC']) out.push(['cargo build', v, '/tmp/x'], ['cargo test', v, '../x.sh']);
  out.push(['pip list', 'PIP_CONFIG_FILE', '../pip.conf'], ['go build', 'GOFLAGS', '-toolexec=../x.sh'], ['go test', 'GOFLAGS', '-exec=/tmp/x'], ['go build', 'GOENV', '../x']);
  return out;
}

test('settings a program reads from the environment are judged as its own options and files', async () => {
  const engine = await createPolicyEngine();
  const allowed: string[] = [];
  let n = 0;
  for (const [k, [p, v, val]] of settings().entries()) {
    for (const [j, set] of SETTERS.entries()) {
      const cmd = WRAPPERS[(k + j) % WRAPPERS.length](set(v, val, p));
      n++;
      if (engine.judge(cmd, { workspace: WS }).decision === 'allow') allowed.push(cmd);
    }
  }
  assert.ok(n >= 250, `${n} cases`);
  assert.deepEqual(allowed, []);
});

test('a program cargo runs in place of rustc, given inline with --config, is judged by where it is', async () => {
  const engine = await createPolicyEngine();
  const allowed = ['build.rustc-wrapper', 'build.rustc', 'build.rustdoc'].flatMap((k) => ['/tmp/x', '../x.sh'].map((v) => `cargo build --config '${k}="${v}"'`)).filter((c) => engine.judge(c, { workspace: WS }).decision === 'allow');
  assert.deepEqual(allowed, []);
});

test('everyday values of those settings stay allowed', async () => {
  const engine = await createPolicyEngine();
  const everyday = [
    'GIT_TRACE=1 git status', 'GIT_TRACE=0 git log -1', 'GIT_TRACE_PERFORMANCE=true git status', 'LESSHISTFILE=- less notes.txt', 'LESSHISTFILE=/dev/null less notes.txt',
    'PIP_DISABLE_PIP_VERSION_CHECK=1 pip list', 'PIP_NO_CACHE_DIR=1 pip list', 'PIP_FORMAT=json pip list', 'npm_config_loglevel=silent npm ls', 'NPM_CONFIG_LOGLEVEL=warn npm test',
    'npm_config_node_options=--max-old-space-size=4096 npm test', 'npm test --node-options=--max-old-space-size=4096', 'GOFLAGS=-mod=mod go list ./...', 'GOFLAGS=-v go vet ./...', 'npm test', 'pip list',
    'RUSTC_WRAPPER=sccache cargo build', 'cargo build --config build.jobs=4', 'cargo build',
  ];
  const asked = everyday.filter((c) => engine.judge(c, { workspace: WS }).decision !== 'allow');
  assert.deepEqual(asked, []);
});
