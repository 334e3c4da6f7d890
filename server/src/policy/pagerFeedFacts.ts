// Pagers and editors fed commands on their input: a line starting with `!`
// (or `:!` in vi, ed and ex) is a shell escape when the program reads its
// commands from that input, so text piped into `less`, `vim -`, `ed` or
// `man -l -` that holds one is an attempt to run a command through them. The
// escaped command is judged too.

import type { Context, Walker } from './facts';
import type { CommandFact } from './factsTypes';

const PAGERS = new Set(['less', 'more', 'most', 'pg', 'man', 'vi', 'vim', 'nvim', 'view', 'vim.tiny', 'vim.basic', 'ex', 'ed', 'red', 'nano', 'emacs', 'mg', 'joe', 'mail', 'mailx', 'ftp', 'gdb', 'lftp']);
const ESCAPE = /(?:^|\n|\\n)\s*:?\s*!\s*([^\n\\]*)/g;

export function describePagerFeed(w: Walker, fact: CommandFact, ctx: Context): void {
  if (!PAGERS.has(fact.program)) return;
  const text = fact.stdin === 'heredoc' || fact.stdin === 'herestring' ? fact.inline_code : fact.stdin === 'pipe' ? ctx.stdinText : undefined;
  if (text === undefined) return;
  const escapes = [...text.matchAll(ESCAPE)].map((m) => m[1].trim());
  if (escapes.length === 0) return;
  fact.markers.push('pager-escape');
  for (const cmd of escapes.slice(0, 4)) if (cmd) w.reparse(cmd, fact.index, ctx, 'shell-string');
}
