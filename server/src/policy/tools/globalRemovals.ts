// Removing a tool installed for the whole machine or the whole user, not
// for the project: `brew uninstall`, `npm uninstall -g`, `cargo uninstall`,
// `gem uninstall`, `pipx uninstall`, `rustup self uninstall`, `conda env
// remove`, and pip removing its own packaging (pip, setuptools, wheel) or
// removing as root or from the system's Python. Every project that needs the
// tool breaks, and what comes back on reinstall is another version. A
// project-local removal (`npm uninstall lodash`, `pip uninstall requests`
// in a virtual environment) stays a change that asks.

import { splitArgs } from '../../shell/argWords';
import type { WordValue } from '../../shell/words';
import { table } from './kinds';
import { describeTable } from './tableTool';
import { act, words, type ToolCall } from './toolKit';

const PACKAGING = /^(pip|pip3|setuptools|wheel|distutils|packaging|ensurepip|virtualenv)$/i;

/** After a family's own description: upgrade a removal of machine-wide software to destroy. `tool` is the program a `python -m` names. */
export function globalRemoval(call: ToolCall, tool = call.fact.program): void {
  const rest = words(call.args, VALUES).map((v) => v.text);
  const [sub, sub2] = rest;
  const { flags, positionals } = splitArgs(call.args);
  const global = flags.some((f) => ['g', 'global', 'location=global'].includes(f)) || call.args.some((a) => a.text === '--location=global');
  const say = (what: string) => act(call, call.fact.tool?.family ?? tool, 'destroy', `${[tool, ...rest.slice(0, 2)].join(' ')} ${what}`);
  if (tool === 'brew' && ['uninstall', 'remove', 'rm', 'untap'].includes(sub)) say('removes software installed for every user and project of this machine');
  else if (tool === 'npm' && REMOVE.has(sub) && global) say('removes a globally installed tool (and with `npm`, `corepack` or a package manager, the means to reinstall it)');
  else if (tool === 'pnpm' && REMOVE.has(sub) && global) say('removes a globally installed tool');
  else if (tool === 'yarn' && sub === 'global' && REMOVE.has(sub2)) say('removes a globally installed tool');
  else if (tool === 'cargo' && sub === 'uninstall') say('removes an installed binary from ~/.cargo/bin for every project');
  else if (tool === 'gem' && sub === 'uninstall') say('removes gems from the shared gem folder, for every project that uses them');
  else if (/^pip3?(\.\d+)?$/.test(tool) && sub === 'uninstall' && pipRemovesSystem(call, positionals.slice(1), flags)) say('removes packages the Python installation itself relies on');
  else if (tool === 'rustup' && ((sub === 'self' && sub2 === 'uninstall') || (sub === 'toolchain' && ['uninstall', 'remove'].includes(sub2)))) say('removes Rust toolchains every project on this machine builds with');
}

const REMOVE = new Set(['uninstall', 'remove', 'rm', 'r', 'un', 'unlink']);
const VALUES = new Set(['-C', '--prefix', '--dir', '--cwd']);

/** pip removing pip itself or the packaging tools, removing as root, or removing from a Python the system manages. */
function pipRemovesSystem(call: ToolCall, packages: WordValue[], flags: string[]): boolean {
  if (call.fact.privileged || flags.includes('break-system-packages')) return true;
  return packages.some((p) => !p.dynamic && PACKAGING.test(p.text.replace(/[<>=!~].*$/, '')));
}

/** Version managers: removing a version removes it for every project pinned to it. */
const VERSION_MANAGERS = ['nvm', 'pyenv', 'rbenv', 'nodenv', 'goenv', 'jenv', 'asdf', 'mise', 'rtx', 'sdk', 'volta', 'fnm', 'port', 'tfenv', 'tfswitch'];
const VERSIONS = { family: 'environments', bare: 'read' as const, other: 'unknown' as const, subs: table({ read: 'list ls ls-remote list-remote current version versions which where whence help --version -v --help outdated info', build: 'use shell', change: 'install global local alias default unalias set exec rehash plugin_add plugin_install selfupdate update upgrade pin', destroy: 'uninstall remove rm plugin_remove unpin_all' }) };

export const ENVIRONMENT_PROGRAMS = ['pipx', 'conda', 'mamba', 'micromamba', ...VERSION_MANAGERS];

const PIPX = { family: 'python', bare: 'read' as const, other: 'unknown' as const, subs: table({ read: 'list environment --version help completions', install: 'install inject upgrade upgrade-all reinstall reinstall-all ensurepath', run: 'run', destroy: 'uninstall uninstall-all uninject' }) };
const CONDA = { family: 'python', values: new Set(['-n', '--name', '-p', '--prefix', '-c', '--channel']), bare: 'read' as const, other: 'unknown' as const, subs: table({ read: 'list info search config_--show env_list env_export --version help', install: 'install create update upgrade env_create env_update', run: 'run', change: 'config activate deactivate init remove', destroy: 'env_remove uninstall' }) };

/** pipx (tools installed for the user) and conda-like environment managers. */
export function describeEnvironments(call: ToolCall): void {
  if (call.fact.program === 'pipx') return describeTable(call, PIPX);
  if (VERSION_MANAGERS.includes(call.fact.program)) return describeTable(call, VERSIONS);
  describeTable(call, CONDA);
  const { flags } = splitArgs(call.args);
  const [sub] = words(call.args, CONDA.values).map((v) => v.text);
  if (sub === 'remove' && (flags.includes('all') || flags.includes('a'))) act(call, 'python', 'destroy', `${call.fact.program} remove --all deletes a whole environment and everything installed in it`);
}
