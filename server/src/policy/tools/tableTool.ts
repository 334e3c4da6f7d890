// A tool described by a table: its subcommands (one or two words deep) and
// what kind each is, the options that take a value, and hooks for the
// options that change a subcommand's kind (`fmt --check` only reads).

import type { WordValue } from '../../shell/words';
import { applyKind, type Kind } from './kinds';
import { hasOption, words, type ToolCall } from './toolKit';

export interface TableSpec {
  family: string;
  values?: ReadonlySet<string>;
  subs: Map<string, Kind>;
  /** Kind of a subcommand not in the table (`build` for tools whose words name the project's own tasks). */
  other: Kind;
  /** Kind when no subcommand is given. */
  bare: Kind;
  /** Options that make any subcommand only read (`--check`, `--dry-run`). */
  readOnlyWith?: string[];
  /** Options that make any subcommand rewrite files (`--fix`, `--write`). */
  writesWith?: string[];
  /** Words to skip before the subcommand (`cargo +nightly build`). */
  skip?: RegExp;
  adjust?: (call: ToolCall, sub: string, rest: WordValue[], kind: Kind) => Kind;
}

export function describeTable(call: ToolCall, spec: TableSpec, label = call.fact.program): void {
  const rest = words(call.args, spec.values).filter((v, i) => !(i === 0 && spec.skip?.test(v.text)));
  const sub = rest[0]?.text;
  call.fact.subcommand = sub ?? '';
  let kind: Kind;
  let name = label;
  if (sub === undefined || rest[0].dynamic) {
    kind = sub === undefined ? spec.bare : 'unknown';
  } else {
    const two = rest[1] ? `${sub} ${rest[1].text}` : '';
    const three = rest[2] ? `${two} ${rest[2].text}` : '';
    const key = [three, two, sub].find((k) => k !== '' && spec.subs.has(k)) ?? sub;
    kind = spec.subs.get(key) ?? spec.other;
    name = `${label} ${key}`;
  }
  if (spec.readOnlyWith && hasOption(call.args, ...spec.readOnlyWith) && ['write', 'build'].includes(kind)) kind = 'read';
  if (spec.writesWith && hasOption(call.args, ...spec.writesWith) && ['read', 'build'].includes(kind)) kind = 'write';
  if (spec.adjust) kind = spec.adjust(call, sub ?? '', rest, kind);
  // `npm publish --dry-run`, `poetry publish --dry-run`: packs and checks, publishes nothing.
  if (kind === 'publish' && hasOption(call.args, '--dry-run')) kind = 'build';
  let inner: WordValue[] = [];
  if (kind === 'run' && sub !== undefined) {
    const at = call.args.indexOf(rest[0]);
    inner = call.args.slice(at + 1);
    while (inner[0] && inner[0].text.startsWith('-') && !inner[0].dynamic) inner = inner.slice(inner[0].text === '--' ? 1 : 1);
  }
  applyKind(call, spec.family, kind, name, inner);
}

export const set = (s: string): ReadonlySet<string> => new Set(s.split(/[\s,]+/).filter(Boolean));
