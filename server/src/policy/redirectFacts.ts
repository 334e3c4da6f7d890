// Redirections in the facts walk: files read and written, sockets reached,
// and the text a heredoc or here-string hands to the command's stdin.

import type { CommandFact } from './factsTypes';
import type { Context, Walker } from './facts';
import { shellOps, type ShNode } from '../shell/parser';
import { showDynamic } from '../shell/words';

/** Redirections: reads, writes, heredocs and here-strings (the code a shell or interpreter reads). */
export function describeRedirects(w: Walker, fact: CommandFact, redirs: ShNode[], ctx: Context): void {
  for (const r of redirs) {
    const op = shellOps().redirect.get(r.Op as number) ?? '?';
    const v = w.word(r.Word);
    w.walkNested(v, fact.index, ctx);
    const fd: string | null = r.N ? (r.N.Value as string) : null;
    let kind: (typeof fact.redirects)[number]['kind'];
    if (op === '<<' || op === '<<-') {
      kind = 'heredoc';
      if (r.Hdoc) {
        // A quoted delimiter keeps the body as written; otherwise it reads as if in double quotes.
        const body = v.quoted ? { ...w.scratchWord(), text: (r.Hdoc.Parts ?? []).map((x: ShNode) => (x.Value as string) ?? '').join('') } : w.word({ type: 'Word', Parts: [{ type: 'DblQuoted', Parts: r.Hdoc.Parts ?? [] }] });
        w.walkNested(body, fact.index, ctx);
        fact.inline_code = showDynamic(body.text);
        fact.code_dynamic = fact.code_dynamic || body.dynamic;
      }
      fact.stdin = 'heredoc';
    } else if (op === '<<<') {
      kind = 'herestring';
      fact.stdin = 'herestring';
      fact.inline_code = showDynamic(v.text);
      fact.code_dynamic = v.dynamic;
    } else if (op === '>&' || op === '<&') {
      kind = /^([0-9]+-?|-)$/.test(v.text) ? 'dup' : 'write';
    } else if (op === '<') {
      kind = 'read';
      if (fd === null || fd === '0') fact.stdin = 'file';
    } else if (op === '<>') kind = 'read-write';
    else if (op === '>>' || op === '&>>') kind = 'append';
    else kind = 'write';
    let classes: string[] = [];
    if (kind !== 'dup' && kind !== 'heredoc' && kind !== 'herestring') {
      const p = w.path(v);
      classes = p.classes;
      if (kind === 'read' || kind === 'read-write') fact.reads.push(p);
      if (kind === 'write' || kind === 'append' || kind === 'read-write') {
        if (!p.classes.includes('pseudo-device')) fact.writes.push(p);
      }
      if (p.classes.includes('network-socket')) {
        fact.network = true;
        fact.targets.push(v.text);
        if (kind !== 'read') fact.uploads = true;
      }
    }
    fact.redirects.push({ op, fd, target: showDynamic(v.text), kind, dynamic: v.dynamic, classes });
  }
}
