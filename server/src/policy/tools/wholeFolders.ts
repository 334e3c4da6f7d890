// Deletes that take a whole folder people keep: a delete path that starts
// with a command's output (`rm -rf "$(dirname $X)"/` is `rm -rf /` when the
// command prints nothing), the node world's `rimraf` and `del`, which are
// `rm -rf` by another name, `crontab -r` (every scheduled job, no copy kept,
// one key away from `crontab -e`), and a `cd` whose failure is swallowed
// (`cd "$DIR" || true`) before a destructive glob. The folders themselves
// (a home folder's top-level folders, /var/lib/*) are judged in tools.rego.

import { literal, splitArgs } from '../../shell/argWords';
import { nodeType, parseShell, type ShNode } from '../../shell/parser';
import { DYNAMIC, type WordValue } from '../../shell/words';
import { act, type ToolCall } from './toolKit';

/** Programs whose output is never empty when they succeed and that cannot fail in a way that empties it. */
const NEVER_EMPTY = new Set(['pwd', 'date', 'id', 'whoami', 'mktemp']);

/** `rm -rf "$(cmd)/"*`: when cmd prints nothing (it failed, or was given nothing), the path is the root's. */
export function deleteFromEmptyOutput(call: ToolCall, targets: WordValue[]): void {
  const { w, fact } = call;
  const subs = w.facts.commands.filter((c) => c.parent === fact.index && c.index > fact.index);
  if (subs.length > 0 && subs.every((c) => NEVER_EMPTY.has(c.program))) return;
  for (const v of targets) {
    if (v.lead || !v.text.startsWith(DYNAMIC + '/') || !fact.markers.includes('substituted-argument')) continue;
    const empty = w.path({ ...literal(v.text.slice(1).split(DYNAMIC).join('').replace(/\/+/g, '/') || '/'), glob: v.glob || /[*?[]/.test(v.text) });
    if (['root', 'system', 'system-top', 'home-root', 'home'].some((k) => empty.classes.includes(k))) {
      fact.markers.push(`delete-if-output-empty:${subs[0]?.program ?? ''}:${empty.path}`);
    }
  }
}

export const DELETE_TOOLS = ['rimraf', 'del', 'del-cli', 'rimraf-cli'];

/** `rimraf PATH...` deletes each path recursively, as `rm -rf` does. */
export function describeDeleteTool(call: ToolCall): void {
  const { fact } = call;
  const { positionals } = splitArgs(call.args);
  fact.subcommand = '';
  fact.flags.push('r', 'f');
  for (const p of positionals) fact.deletes.push(call.w.path(p));
  if (positionals.some((p) => p.dynamic)) fact.markers.push('delete-dynamic');
  act(call, 'shell', 'build', `${fact.program} deletes folders and everything in them, like rm -rf`);
}

/** `crontab -r` removes every job of the user's crontab without asking (`-i` asks, but only at a terminal). */
export function crontabRemove(call: ToolCall): void {
  if (!splitArgs(call.args).flags.includes('r')) return;
  act(call, 'scheduler', 'destroy', 'crontab -r deletes every scheduled job of the user at once, and keeps no copy');
}

let orOp: number | undefined;

/** `cd DIR || true`, `cd DIR || echo …`: the cd failed, and the line goes on where it started. */
export function swallowsCdFailure(stmt: ShNode): boolean {
  orOp ??= parseShell('a || b').Stmts[0].Cmd.Op as number;
  let cmd = stmt?.Cmd;
  while (nodeType(cmd) === 'BinaryCmd') {
    // The statement's first command is the cd the caller found; at an `||` whose left side is that one command, its failure is handled by the right side.
    if (cmd.Op === orOp && nodeType(cmd.X?.Cmd) === 'CallExpr' && !stops(cmd.Y)) return true;
    cmd = cmd.X?.Cmd;
  }
  return false;
}

/** `|| exit`, `|| return`, `|| { …; exit 1; }`: the failure ends the script. */
function stops(s: ShNode): boolean {
  const cmd = s?.Cmd;
  if (nodeType(cmd) === 'Block') return stops(cmd.Stmts?.[cmd.Stmts.length - 1]);
  if (nodeType(cmd) === 'BinaryCmd') return stops(cmd.Y);
  return nodeType(cmd) === 'CallExpr' && ['exit', 'return'].includes(cmd.Args?.[0]?.Parts?.[0]?.Value);
}
