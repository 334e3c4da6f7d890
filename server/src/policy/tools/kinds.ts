// Kinds of subcommand, shared by the table-driven describers: each kind says
// what the tool's action is, whether it reaches the network, and how to say so.

import type { WordValue } from '../../shell/words';
import { act, rewritesWorkspace, runInner, type ToolCall } from './toolKit';

export type Kind =
  | 'read' // only looks, locally
  | 'netread' // only looks, at a registry, cluster or cloud
  | 'build' // builds, tests, lints or runs the project's own tasks in the workspace
  | 'write' // rewrites files in the workspace (formatters, generators, init)
  | 'install' // fetches and installs packages from a registry (their install scripts run)
  | 'change' // changes something outside the workspace
  | 'publish' // publishes to a registry for everyone, which cannot be fully taken back
  | 'destroy' // deletes data or software that does not come back
  | 'run' // runs the command in the words that follow
  | 'unknown';

const PHRASE: Record<Kind, string> = {
  read: 'only reads',
  netread: 'reads from the network',
  build: "builds, tests or runs the project's own tasks",
  write: 'rewrites files in the workspace',
  install: 'fetches and installs packages from a registry, running their install scripts',
  change: 'changes things outside the workspace',
  publish: 'publishes to a public registry, which cannot be fully undone',
  destroy: 'deletes data or software that does not come back',
  run: 'runs another command',
  unknown: 'is not a subcommand Paladin knows',
};

/** Record a kind for `label` (e.g. `npm publish`); `inner` are the words of the command a `run` kind starts. */
export function applyKind(call: ToolCall, family: string, kind: Kind, label: string, inner: WordValue[] = []): void {
  const effect = `${label} ${PHRASE[kind]}`;
  switch (kind) {
    case 'read':
      act(call, family, 'read', effect);
      return;
    case 'netread':
      call.fact.network = true;
      act(call, family, 'read', effect);
      return;
    case 'build':
      act(call, family, 'build', effect);
      return;
    case 'write':
      act(call, family, 'build', effect);
      rewritesWorkspace(call);
      return;
    case 'install':
      call.fact.network = true;
      act(call, family, 'change', effect);
      return;
    case 'run':
      act(call, family, 'build', effect);
      runInner(call, inner);
      if (inner.length === 0) act(call, family, 'unknown', `${label} with no command given`);
      return;
    default:
      act(call, family, kind, effect);
  }
}

/** `'a b c_d'` → a table of kinds; `_` joins words of a subcommand (`config_get` is `config get`). */
export function table(spec: Partial<Record<Kind, string>>): Map<string, Kind> {
  const m = new Map<string, Kind>();
  for (const [kind, names] of Object.entries(spec) as [Kind, string][]) for (const n of names.split(/\s+/)) if (n) m.set(n.split('_').join(' '), kind);
  return m;
}

const RANK: Kind[] = ['read', 'build', 'write', 'netread', 'install', 'run', 'change', 'unknown', 'publish', 'destroy'];

/** The kind that asks most of the person. */
export function strictestKind(kinds: Kind[], none: Kind = 'read'): Kind {
  return kinds.reduce((a, b) => (RANK.indexOf(b) > RANK.indexOf(a) ? b : a), none);
}
