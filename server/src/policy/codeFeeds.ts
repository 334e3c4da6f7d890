// Code a shell reads from somewhere other than its arguments: its stdin (a
// pipe, a here-string, `bash -`, `source /dev/stdin`) or a process
// substitution. When the line makes that text known, it is read as the
// command line it is, so `echo 'rm -rf ~' | sh` is judged as `rm -rf ~`.

import type { Context, Walker } from './facts';
import type { CommandFact } from './factsTypes';
import { commandOutput, staticOutput } from './staticOutput';
import type { ShNode } from '../shell/parser';
import type { WordValue } from '../shell/words';

/** Names of a shell's standard input. */
export const STDIN_PATHS = new Set(['-', '/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

/** Is this script word the shell's own stdin, however it is spelled (`/dev/../dev/stdin`, `/dev/st[d]in`)? */
export function isStdinPath(word: WordValue, resolved: string): boolean {
  if (STDIN_PATHS.has(word.text) || STDIN_PATHS.has(resolved)) return true;
  if (!word.glob || !/[*?[]/.test(resolved)) return false;
  const re = new RegExp('^' + resolved.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
  return [...STDIN_PATHS].some((s) => re.test(s));
}

/** Judge the text a shell reads on stdin, when it is known. */
export function runStdinCode(w: Walker, fact: CommandFact, ctx: Context): void {
  if (fact.runs_code !== 'stdin') return;
  let text: string | undefined;
  if ((fact.stdin === 'heredoc' || fact.stdin === 'herestring') && fact.inline_code.trim() !== '') {
    text = fact.inline_code.split('$?').join('"$PALADIN_DYNAMIC"');
  } else if (fact.stdin === 'pipe' && ctx.stdinText !== undefined) {
    text = ctx.stdinText;
    fact.inline_code = text;
  }
  if (text !== undefined && text.trim() !== '') w.reparse(text, fact.index, ctx, 'shell-string');
}

/** A script the line itself wrote with known text (`echo 'x' > a.sh; sh a.sh`) is judged as that text. */
export function runWrittenScript(w: Walker, fact: CommandFact, resolved: string, ctx: Context): void {
  const text = w.state.files.get(resolved);
  if (text !== undefined && text.trim() !== '') w.reparse(text.replace(/^#![^\n]*\n/, ''), fact.index, ctx, 'shell-string');
}

/** Remember what a command with known output writes through `>` and `>>`. */
export function recordWrittenFiles(w: Walker, fact: CommandFact, call: ShNode, ctx: Context): void {
  const targets = fact.redirects.filter((r) => (r.kind === 'write' || r.kind === 'append') && !r.dynamic && (r.fd === null || r.fd === '1'));
  if (targets.length === 0) return;
  const stdin = (fact.stdin === 'heredoc' || fact.stdin === 'herestring') && !fact.code_dynamic ? fact.inline_code + (fact.stdin === 'herestring' ? '\n' : '') : fact.stdin === 'pipe' ? ctx.stdinText : '';
  const out = stdin === undefined ? undefined : commandOutput(call, stdin, w.scope);
  for (const r of targets) {
    const p = fact.writes.find((q) => q.path === r.target);
    if (!p?.resolved) continue;
    if (out === undefined) w.state.files.delete(p.resolved);
    else w.state.files.set(p.resolved, (r.kind === 'append' ? (w.state.files.get(p.resolved) ?? '') : '') + out);
  }
}

/** Judge the output of `<(...)` given to a shell as its script, when it is known. */
export function runProcessSubstitutionCode(w: Walker, fact: CommandFact, args: WordValue[], ctx: Context): void {
  for (const a of args) {
    if (a.procSubst !== '<(' || a.nested.length !== 1) continue;
    const text = staticOutput(a.nested[0].stmts, w.scope);
    if (text !== undefined && text.trim() !== '') w.reparse(text, fact.index, ctx, 'shell-string');
  }
}
