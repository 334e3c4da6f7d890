// Builds beyond the big ecosystems: autotools' ./configure, Bazel, Swift,
// Elixir's mix, Dart and Flutter, Haskell's stack and cabal, and the bun and
// deno runtimes' own subcommands.

import { table } from './kinds';
import { describeTable, set, type TableSpec } from './tableTool';
import type { ToolCall } from './toolKit';

const SPECS: Record<string, TableSpec> = {
  configure: { family: 'c', bare: 'build', other: 'build', subs: table({ read: '--help --version' }) },
  autoreconf: { family: 'c', bare: 'build', other: 'build', subs: table({}) },
  'autogen.sh': { family: 'c', bare: 'build', other: 'build', subs: table({}) },
  bazel: {
    family: 'c',
    bare: 'read',
    other: 'unknown',
    subs: table({ build: 'build test run coverage clean', read: 'query cquery aquery info version help config dump', netread: 'fetch sync', install: 'mod' }),
  },
  swift: { family: 'swift', bare: 'read', other: 'unknown', subs: table({ build: 'build test run', read: '--version package_describe package_show-dependencies package_dump-package', install: 'package_resolve package_update', write: 'package_init' }) },
  mix: {
    family: 'elixir',
    bare: 'build',
    other: 'build',
    subs: table({ install: 'deps.get deps.update local.hex local.rebar archive.install', destroy: 'ecto.drop ecto.reset', change: 'ecto.migrate ecto.rollback ecto.create', publish: 'hex.publish', read: 'help deps.tree hex.info', write: 'format new phx.new' }),
    readOnlyWith: ['--check-formatted'],
  },
  flutter: { family: 'dart', bare: 'read', other: 'unknown', subs: table({ build: 'test build run analyze clean drive', read: 'doctor --version devices', install: 'pub_get pub_upgrade pub_add upgrade precache', write: 'create format' }) },
  dart: { family: 'dart', bare: 'read', other: 'unknown', subs: table({ build: 'test analyze compile run fix_--dry-run', read: '--version info', install: 'pub_get pub_upgrade pub_add', write: 'format fix create', publish: 'pub_publish' }), readOnlyWith: ['--output=none', '--set-exit-if-changed'] },
  stack: { family: 'haskell', bare: 'read', other: 'unknown', subs: table({ build: 'build test bench run exec ghci clean', read: 'ls path --version', install: 'setup install update', publish: 'upload' }) },
  cabal: { family: 'haskell', bare: 'read', other: 'unknown', subs: table({ build: 'build test bench run repl clean v2-build v2-test', read: '--version list info', install: 'update install', publish: 'upload' }) },
  bun: { family: 'javascript', bare: 'read', other: 'unknown', subs: table({ build: 'test run build', install: 'install i add remove update upgrade link', read: '--version pm_ls outdated', publish: 'publish', run: 'x' }) },
  deno: { family: 'javascript', bare: 'read', other: 'unknown', subs: table({ build: 'test check lint bench compile doc task info', read: '--version', install: 'install add cache', publish: 'publish', write: 'fmt init' }), readOnlyWith: ['--check'] },
};
SPECS.bazelisk = SPECS.bazel;
SPECS.dart.values = set('-C --directory');

export const OTHER_BUILD_PROGRAMS = Object.keys(SPECS).filter((p) => p !== 'bun' && p !== 'deno');
/** Runtimes whose first word may be one of their own subcommands rather than a script. */
export const RUNTIME_SUBCOMMANDS: Record<string, ReadonlySet<string>> = {
  bun: new Set([...SPECS.bun.subs.keys()].map((k) => k.split(' ')[0])),
  deno: new Set([...SPECS.deno.subs.keys()].map((k) => k.split(' ')[0])),
};

export function describeOtherBuild(call: ToolCall, program = call.fact.program): void {
  describeTable(call, SPECS[program], program);
}
