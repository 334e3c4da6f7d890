// Honest mistakes made with plain shell tools: a delete path that becomes
// the root when a variable is empty (`rm -rf "$BUILD_DIR/"*`), a recursive
// chmod or chown of the home folder, a `cd` that may fail before a
// destructive glob, and query text piped into a database client.

import type { Walker } from '../facts';
import { literal, splitArgs } from '../../shell/argWords';
import { nodeType, parseShell, type ShNode } from '../../shell/parser';
import { DYNAMIC, type WordValue } from '../../shell/words';
import { classifyMongo, classifyRedis, classifySql } from './queryText';
import type { ToolCall } from './toolKit';
import { swallowsCdFailure } from './wholeFolders';

let guardOps: Set<number> | undefined;

/** `${X:?}` and `${X?}` stop the shell when X is unset or empty; they are what makes `rm -rf "${X:?}/"*` safe. */
function guarded(lead: NonNullable<WordValue['lead']>): boolean {
  if (!guardOps) {
    const args: ShNode[] = parseShell('a ${x:?m} ${x?m}').Stmts[0].Cmd.Args;
    guardOps = new Set(args.slice(1).map((w) => w.Parts[0].Exp.Op as number));
  }
  if (guardOps.has(lead.op)) return true;
  return lead.op !== 0 && lead.word.split(DYNAMIC).join('') !== '' && !lead.word.startsWith('/');
}

/** Paths a delete would hit if its leading variable were empty; marks the command when that is the root, the system or the home folder. */
export function deleteFromEmptyVariable(call: ToolCall, targets: WordValue[]): void {
  const { w, fact } = call;
  for (const v of targets) {
    const lead = v.lead;
    if (!lead || !v.text.startsWith(DYNAMIC + '/') || guarded(lead)) continue;
    if (w.facts.assignments.some((a) => a.name === lead.name && (a.dynamic || a.value !== ''))) continue;
    // The worst case: every variable in the path is empty (`"$SRC/$DIR"` is `/`).
    const empty = w.path({ ...literal(v.text.slice(1).split(DYNAMIC).join('').replace(/\/+/g, '/')), glob: v.glob || /[*?[]/.test(v.text) });
    if (['root', 'system', 'system-top', 'home-root', 'home'].some((k) => empty.classes.includes(k))) {
      fact.markers.push(`delete-if-empty:${lead.name}:${empty.path}`);
    }
  }
}

/** chmod / chown: the targets, reading a mode written like an option (`-x`, `-w`) as the mode it is; recursive changes of the home folder, the root or a top system folder are marked. */
export function recursivePermissions(call: ToolCall): void {
  const { fact, args } = call;
  const { flags, positionals } = splitArgs(args);
  // find ~ -exec chmod … {} is as recursive as chmod -R ~.
  const recursive = flags.includes('R') || flags.includes('recursive') || call.w.facts.commands[fact.parent]?.program === 'find';
  const modeAsOption = fact.program === 'chmod' && args.some((a) => !a.dynamic && /^-[rwxXst]+$/.test(a.text) && !/R/.test(a.text));
  if (!recursive && !modeAsOption) return;
  const byReference = args.some((a) => a.text.startsWith('--reference'));
  const targets = modeAsOption || byReference ? positionals : positionals.slice(1);
  // Giving the owner access (`u+rwX`) or adding execute (`+x`) takes nothing away and opens nothing to others.
  const mode = modeAsOption ? '' : (positionals[0]?.text ?? '');
  const harmless = fact.program === 'chmod' && !byReference && /^(u\+[rwxX]+|[ua]?\+[xX])$/.test(mode);
  for (const t of targets) {
    const p = call.w.path(t);
    if (!fact.writes.some((q) => q.path === p.path)) fact.writes.push(p);
    if (!recursive || harmless) continue;
    // Someone's /home/NAME is an administrator's business (ask through the path rules); `~` is the person's own.
    const ownHome = p.classes.includes('home-root') && /^(~|\/~)/.test(p.path);
    if (ownHome || ['root', 'system-top'].some((k) => p.classes.includes(k))) fact.markers.push(`recursive-permissions:${p.path}`);
  }
}

/** Text that would be a destructive query if it reached a database client. */
export function markQueryText(call: ToolCall): void {
  const { fact, args } = call;
  const text = fact.stdin === 'heredoc' || fact.stdin === 'herestring' ? fact.inline_code : fact.program === 'cat' ? '' : args.filter((a) => !/^-[neE]+$/.test(a.text)).map((a) => a.text.replace(/\\n/g, '\n')).join(' ');
  if (!text.trim()) return;
  if (classifySql(text).action === 'destroy' || classifyMongo(text).action === 'destroy' || classifyRedis(text.trim().split(/\s+/)).action === 'destroy') fact.markers.push('destructive-query-text');
}

/** After a statement of a list: a plain `cd DIR` that is not checked marks the cd; `set -e` ends that. */
export class SequenceWatch {
  private errexit = false;

  after(w: Walker, stmt: ShNode, before: number): void {
    const c = w.facts.commands[before];
    if (!c) return;
    if (c.program === 'set' && (c.flags.includes('e') || c.args.includes('errexit'))) this.errexit = true;
    // `cd DIR || true` goes on after a failed cd even under set -e.
    if ((c.program === 'cd' || c.program === 'pushd') && c.args.length > 0 && swallowsCdFailure(stmt)) c.markers.push('cd-may-fail');
    if (this.errexit || nodeType(stmt?.Cmd) !== 'CallExpr' || stmt.Background) return;
    if ((c.program === 'cd' || c.program === 'pushd') && c.args.length > 0 && c.args[0] !== '-' && c.args[0] !== '~') c.markers.push('cd-may-fail');
  }
}
