// Code a shell reads from somewhere other than its arguments: its stdin (a
// pipe, a here-string, `bash -`, `source /dev/stdin`) or a process
// substitution. When the line makes that text known, it is read as the
// command line it is, so `echo 'rm -rf ~' | sh` is judged as `rm -rf ~`.

import type { Context, Walker } from './facts';
import type { CommandFact } from './factsTypes';
import { staticOutput } from './staticOutput';
import type { WordValue } from '../shell/words';

/** Names of a shell's standard input. */
export const STDIN_PATHS = new Set(['-', '/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

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

/** Judge the output of `<(...)` given to a shell as its script, when it is known. */
export function runProcessSubstitutionCode(w: Walker, fact: CommandFact, args: WordValue[], ctx: Context): void {
  for (const a of args) {
    if (a.procSubst !== '<(' || a.nested.length !== 1) continue;
    const text = staticOutput(a.nested[0].stmts, w.scope);
    if (text !== undefined && text.trim() !== '') w.reparse(text, fact.index, ctx, 'shell-string');
  }
}
